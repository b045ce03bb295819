"""CPython's builtin `set` as a reference no one here wrote (differential.py):
the relation each policy has with it, as measured — every program up to five
steps, and random longer ones through Hypothesis — asserted here and reported
in docs/python.md."""
import pytest
from hypothesis import given, strategies as st

import sbcheck
from differential import first_difference, minimal_differences

# Measured (python/tests/differential.py): the kinds of first difference each
# policy has with CPython's set, and the shortest program of each kind.
RELATION = {
    "strict": {"stricter": [("iter",), ("add", 0)]},
    "generation": {"stricter": [("iter",), ("discard", 0), ("next", 0)]},
    "unchecked-leak": {"stricter": [("iter",), ("add", 0)]},
    "no-parent-ref": {"stricter": [("iter",), ("add", 0)], "ub": [("iter",), ("del",), ("next", 0)]},
    "unguarded-inner": {"ub": [("iter",), ("add", 0), ("next", 0)]},
}


@pytest.mark.parametrize("policy", sbcheck.POLICIES)
def test_every_short_program(policy):
    found = minimal_differences(policy, max_length=5)
    assert {kind: program for kind, (program, _) in found.items()} == RELATION[policy]


STEP = st.one_of(
    st.tuples(st.sampled_from(["add", "discard", "contains"]), st.integers(0, 7)),
    st.tuples(st.sampled_from(["len", "iter", "del"])),
    st.tuples(st.sampled_from(["next", "drop"]), st.integers(0, 3)),
)


@pytest.mark.parametrize("policy", sbcheck.POLICIES)
@given(program=st.lists(STEP, max_size=30))
def test_random_programs(policy, program):
    difference = first_difference(program, policy)
    if difference is not None:
        index, kind, ours, reference = difference
        assert kind in RELATION[policy], f"step {index} {program[index]}: SharedSet {ours}, set {reference}"


def test_the_seeds_complaint():
    """The strict design refuses what Python allows — "Python would allow it,
    only to raise a RuntimeError if next is called on said iterator" — and
    generation counting does what Python does."""
    for make, add, then in ((set, "allowed", RuntimeError),
                            (lambda: sbcheck.SharedSet("generation"), "allowed", sbcheck.InvalidatedIterator),
                            (lambda: sbcheck.SharedSet("strict"), sbcheck.AlreadyBorrowed, StopIteration)):
        s = make()
        s.add(1)
        it = iter(s)
        assert next(it) == 1
        if add == "allowed":
            s.add(2)
            with pytest.raises(then):
                next(it)
        else:
            with pytest.raises(add):
                s.add(2)
            with pytest.raises(then):
                next(it)
