"""The module's public interface (docs/python.md), call by call."""
import gc
import sys

import pytest

import sbcheck
from sbcheck import AlreadyBorrowed, InvalidatedIterator, SharedSet, UndefinedBehavior
from conftest import assert_replays


def test_names_and_exceptions():
    assert sbcheck.POLICIES == ["strict", "generation", "unchecked-leak", "no-parent-ref", "unguarded-inner"]
    assert sbcheck.MODELS[0] == "sb2" and "sb2-tagged-raw" in sbcheck.MODELS
    assert issubclass(AlreadyBorrowed, RuntimeError)
    assert issubclass(InvalidatedIterator, RuntimeError)
    assert issubclass(UndefinedBehavior, Exception) and not issubclass(UndefinedBehavior, RuntimeError)


@pytest.mark.parametrize("bad", [dict(policy="lenient"), dict(model="sb3"), dict(policy="")])
def test_unknown_policy_or_model_is_a_value_error(bad):
    with pytest.raises(ValueError, match="unknown"):
        SharedSet(**bad)


@pytest.mark.parametrize("policy", sbcheck.POLICIES)
@pytest.mark.parametrize("model", sbcheck.MODELS)
def test_set_methods(policy, model):
    s = SharedSet(policy, model)
    assert (s.policy, s.model) == (policy, model)
    for key in (5, 1, 3, 1):
        s.add(key)
    s.discard(3)
    s.discard(42)
    assert len(s) == 2 and 1 in s and 5 in s and 3 not in s
    assert list(s) == [1, 5]


@pytest.mark.parametrize("key", [-1, 2**31])
def test_keys_out_of_range(key):
    s = SharedSet()
    with pytest.raises(ValueError, match="2\\*\\*31"):
        s.add(key)
    with pytest.raises(ValueError):
        key in s
    with pytest.raises(TypeError):
        s.add("1")


def test_iteration_is_ascending():
    s = SharedSet()
    for key in (9, 0, 4, 2**31 - 1):
        s.add(key)
    it = iter(s)
    assert iter(it) is it
    assert list(it) == [0, 4, 9, 2**31 - 1]
    with pytest.raises(StopIteration):
        next(it)


@pytest.mark.parametrize("policy", sbcheck.POLICIES)
def test_guards(policy):
    s = SharedSet(policy)
    s.add(1)
    with s.borrow() as first, s.borrow() as second:  # shared borrows coexist
        assert first.read() == 1 and second.read() == 1
        assert not first.mutable
        with pytest.raises(TypeError):
            first.write()
        with pytest.raises(AlreadyBorrowed):
            s.borrow_mut()
        with pytest.raises(AlreadyBorrowed):
            s.add(2)
        assert len(s) == 1  # reading methods borrow too
    g = s.borrow_mut()
    assert g.mutable and not g.released
    g.write()
    assert g.read() == 1
    with pytest.raises(AlreadyBorrowed):
        s.borrow()
    with pytest.raises(AlreadyBorrowed):
        len(s)
    g.release()
    assert g.released
    for use in (g.read, g.write, g.release):
        with pytest.raises(ValueError, match="released"):
            use()
    s.add(2)
    assert len(s) == 2


def test_context_manager_releases_on_exception():
    s = SharedSet()
    with pytest.raises(KeyError):
        with s.borrow_mut() as g:
            raise KeyError("inside")
    assert g.released
    s.add(1)  # no borrow left behind
    with s.borrow_mut() as g:
        g.release()  # released inside: the exit does nothing more
    assert len(s) == 1


def test_refused_operation_changes_nothing():
    with sbcheck.record() as rec:
        s = SharedSet()
        s.add(1)
        it = iter(s)
        with pytest.raises(AlreadyBorrowed):
            s.add(2)
        assert list(it) == [1]
    assert [line.split()[0] for line in rec.lines()] == ["new", "add", "iter", "add", "next", "next"]
    assert rec.lines()[3].endswith("!err")


def test_guard_holds_its_set():
    with sbcheck.record() as rec:
        s = SharedSet()
        g = s.borrow()
        before = sys.getrefcount(s)
        del s  # the guard's reference keeps the set
        assert not any(line.startswith("del") for line in rec.lines())
        g.release()  # the last reference goes with the release
        assert rec.lines()[-2].startswith("release") and rec.lines()[-1].startswith("del")
    assert before >= 3  # s, the guard's reference, getrefcount's argument


@pytest.mark.parametrize("policy", sbcheck.POLICIES)
def test_data_freed_exactly_when_cpython_deallocates(policy):
    with sbcheck.record() as rec:
        s = SharedSet(policy)
        s.add(1)
        it = iter(s)
        name = rec.lines()[0].split()[1]
        del s
        holds = policy != "no-parent-ref"
        assert (f"del {name}" in rec.lines()) == (not holds)
        if holds:
            assert next(it) == 1
            del it
            gc.collect()
            assert rec.lines()[-2].startswith("drop") and rec.lines()[-1] == f"del {name}"
        else:
            with pytest.raises(UndefinedBehavior):
                next(it)
            del it


def test_undefined_behavior_report_and_trace():
    s = SharedSet("no-parent-ref")
    s.add(1)
    it = iter(s)
    del s
    with pytest.raises(UndefinedBehavior) as raised:
        next(it)
    error = raised.value
    assert error.report == str(error)
    assert error.report.startswith("error: line ")
    assert error.kind == "use-after-free" and "\nhelp: " in error.report
    assert error.policy == "no-parent-ref" and error.model == "sb2"
    assert "!ub" in error.sbt and "#! models: sb2" in error.sbt
    assert error.cell.startswith("#! policies: no-parent-ref\n#! unsafe: no-parent-ref\n")
    assert_replays(error.cell)
    with pytest.raises(UndefinedBehavior):  # every later use hits the same UB
        next(it)


def test_a_recording_has_the_lines_the_report_names():
    with sbcheck.record() as rec:
        s = SharedSet("no-parent-ref")
        s.add(1)
        it = iter(s)
        del s
        with pytest.raises(UndefinedBehavior) as raised:
            next(it)
    assert rec.cell().splitlines()[:7] == raised.value.cell.splitlines()
    assert raised.value.report.startswith("error: line 7 `next ")
    assert rec.cell().splitlines()[6].startswith("next ")


def test_recording_replays_and_rejects_mixed_policies():
    with sbcheck.record() as rec:
        s = SharedSet("generation")
        s.add(2)
        it = iter(s)
        s.add(3)
        with pytest.raises(InvalidatedIterator):
            next(it)
        del it, s
    text = rec.cell()
    assert text.startswith("#! policies: generation\n")
    assert "next " in text and "!err" in text and "=> " not in text.split("next")[0].split("\n")[-1]
    assert_replays(text)
    with sbcheck.record() as mixed:
        a = SharedSet("strict")
        b = SharedSet("generation")
        a.add(1)
        b.add(1)
    with pytest.raises(ValueError, match="policies"):
        mixed.cell()


def test_recording_brings_the_history_of_older_sets():
    s = SharedSet()
    s.add(4)
    with sbcheck.record() as rec:
        assert len(s) == 1
    assert [line.split()[0] for line in rec.lines()] == ["new", "add", "len"]
    assert_replays(rec.cell())


def test_recording_under_another_model():
    with sbcheck.record() as rec:
        s = SharedSet("unchecked-leak", "sb2-tagged-raw")
        g = s.borrow_mut()
        it = iter(s)
        with pytest.raises(UndefinedBehavior):
            g.write()
    assert "--model sb2-tagged-raw" in rec.cell()
    assert_replays(rec.cell(), model="sb2-tagged-raw")
    del it, g, s


def test_abstract_model():
    spec = sbcheck.AbstractModel("strict")
    assert spec.apply("new s") == "new s"
    assert spec.apply("len s => 9") == "len s => 0"
    assert spec.apply("iter it = s") == "iter it = s"
    assert spec.apply("add s 1") == "add s 1 !err"
    with pytest.raises(ValueError):
        spec.apply("next nobody")
    with pytest.raises(ValueError):
        sbcheck.AbstractModel("lenient")
    gone = sbcheck.AbstractModel("no-parent-ref")
    for line in ("new s", "iter it = s", "del s"):
        gone.apply(line)
    assert gone.apply("next it").endswith("# undefined")
