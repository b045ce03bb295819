"""The Python scenarios of corpus/cell/ as real Python programs, under every
policy: the documented outcome of each call, UndefinedBehavior exactly under the
unsound policies at the expected call, and each program's recording replayed by
`sbcheck run` with the same verdict (the `recorded` fixture)."""
import pytest

import sbcheck
from sbcheck import AlreadyBorrowed, InvalidatedIterator, SharedSet, UndefinedBehavior
from conftest import STRICT_FAMILY, assert_replays, assert_trace_replays

ALL = sbcheck.POLICIES


def filled(policy, *keys):
    s = SharedSet(policy)
    for key in keys:
        s.add(key)
    return s


def expect_ub(call, kind):
    with pytest.raises(UndefinedBehavior) as raised:
        call()
    assert raised.value.kind == kind, raised.value.report
    assert_trace_replays(raised.value.sbt)
    assert_replays(raised.value.cell)
    return raised.value


@pytest.mark.parametrize("policy", ALL)
def test_add_while_iterating(policy, recorded):
    # for x in s: s.add(3)
    s = filled(policy, 1, 2)
    it = iter(s)
    assert next(it) == 1
    if policy in ("strict", "unchecked-leak", "no-parent-ref"):
        with pytest.raises(AlreadyBorrowed):
            s.add(3)
        assert len(s) == 2 and 3 not in s  # the refusal changed nothing
        assert next(it) == 2
        with pytest.raises(StopIteration):
            next(it)
        s.add(3)  # the exhausted iterator gave its leak back
        assert len(s) == 3
    elif policy == "generation":
        s.add(3)  # Python would allow it, only to raise a RuntimeError on next
        with pytest.raises(InvalidatedIterator):
            next(it)
        with pytest.raises(RuntimeError):
            next(it)
        assert list(s) == [1, 2, 3]
    else:  # unguarded-inner: the add skips the leak check, the next read is UB
        s.add(3)
        expect_ub(lambda: next(it), "no-granting-item")


@pytest.mark.parametrize("policy", ALL)
def test_del_object_while_iterator_lives(policy, recorded):
    # it = iter(s); next(it); del s; list(it)
    s = filled(policy, 1, 2, 3)
    it = iter(s)
    assert next(it) == 1
    del s
    if policy == "no-parent-ref":
        expect_ub(lambda: next(it), "use-after-free")
    else:
        assert list(it) == [2, 3]


@pytest.mark.parametrize("policy", ALL)
def test_nested_iterators(policy, recorded):
    s = filled(policy, 1, 2)
    pairs = [(x, y) for x in s for y in s]
    assert pairs == [(1, 1), (1, 2), (2, 1), (2, 2)]
    outer = iter(s)
    assert next(outer) == 1
    inner = iter(s)
    assert list(inner) == [1, 2]
    if policy == "generation":
        s.discard(1)  # leaks never block mutation; both iterators are now stale
        with pytest.raises(InvalidatedIterator):
            next(outer)
    elif policy == "unguarded-inner":
        s.discard(1)
        expect_ub(lambda: next(outer), "no-granting-item")
    else:
        with pytest.raises(AlreadyBorrowed):
            s.discard(1)  # the outer iterator still holds its leak
        assert next(outer) == 2


@pytest.mark.parametrize("policy", ALL)
def test_abandoned_iterator(policy, recorded):
    s = filled(policy, 1, 2, 3)
    it = iter(s)
    assert next(it) == 1  # `break` after the first item; `it` stays referenced
    if policy in ("strict", "unchecked-leak", "no-parent-ref"):
        with pytest.raises(AlreadyBorrowed):
            s.add(4)
        with pytest.raises(AlreadyBorrowed):
            s.borrow_mut()
        assert len(s) == 3
        del it  # dropping it gives the leak back
        s.add(4)
        assert len(s) == 4
    elif policy == "generation":
        s.add(4)
        with pytest.raises(InvalidatedIterator):
            next(it)
        del it  # dropping a stale iterator always succeeds
        assert len(s) == 4
    else:
        s.add(4)
        expect_ub(lambda: next(it), "no-granting-item")


@pytest.mark.parametrize("policy", ALL)
def test_two_names_for_one_object(policy, recorded):
    s = filled(policy, 7)
    t = s  # a second Python reference
    del s
    assert 7 in t and len(t) == 1
    it = iter(t)
    del t  # the iterator's reference (if the policy gives it one) is the last
    if policy == "no-parent-ref":
        expect_ub(lambda: next(it), "use-after-free")
    else:
        assert next(it) == 7


@pytest.mark.parametrize("policy", ALL)
def test_sorted_then_add_then_next_on_old_iterator(policy, recorded):
    s = filled(policy, 2, 1)
    it = iter(s)
    assert sorted(it) == [1, 2]
    s.add(3)  # allowed: the strict family gave the exhausted leak back
    if policy == "generation":
        # an exhausted iterator keeps its leak, which is now stale ("exhausted or not")
        with pytest.raises(InvalidatedIterator):
            next(it)
    else:
        with pytest.raises(StopIteration):
            next(it)


@pytest.mark.parametrize("policy", ALL)
def test_mutable_borrow_then_leak(policy, recorded):
    # the review's "mutable borrow followed by immutable borrows" hole
    s = filled(policy, 1)
    g = s.borrow_mut()
    if policy == "unchecked-leak":
        it = iter(s)  # not refused; the leak's retag removes the guard's item
        expect_ub(g.write, "no-granting-item")
    else:
        with pytest.raises(AlreadyBorrowed):
            iter(s)
        g.write()
        g.release()
        assert list(s) == [1]


@pytest.mark.parametrize("policy", ALL)
def test_del_then_drop_unexhausted_iterator(policy, recorded):
    # it = iter(s); next(it); del s; del it: dropping writes the leak count
    s = filled(policy, 1, 2)
    it = iter(s)
    assert next(it) == 1
    del s
    if policy != "no-parent-ref":
        del it
        return
    seen = []
    old_hook = __import__("sys").unraisablehook
    __import__("sys").unraisablehook = seen.append
    try:
        del it  # UB in a finalizer: no exception can propagate
    finally:
        __import__("sys").unraisablehook = old_hook
    assert len(seen) == 1
    assert isinstance(seen[0].exc_value, UndefinedBehavior)
    assert seen[0].exc_value.kind == "use-after-free"
    assert_trace_replays(seen[0].exc_value.sbt)
