"""CPython's builtin `set` as a reference for SharedSet: the same program runs
on both, call by call, and the first call where they differ is classified.

A program is a list of steps on one set and its iterators:
    ("add", k)  ("discard", k)  ("len",)  ("contains", k)
    ("iter",)   ("next", j)     ("drop", j)   ("del",)
where j numbers the iterators made so far and ("del",) drops the set's own
name (its iterators may outlive it). Keys are 0..7: CPython's set places a
small int k at slot k of its table (8 slots at least), so it, like SharedSet,
iterates in ascending order, and values can be compared exactly.

Run as a script, it searches every program up to a length, shortest first,
and prints the minimal programs where each policy differs (docs/python.md):
    PYTHONPATH=build/ci/python /usr/bin/python3 python/tests/differential.py [MAX_LENGTH]
"""
import itertools
import sys

import sbcheck

KINDS = ("stricter", "looser", "ub", "other")


def outcome(call):
    """What a call did, in terms both implementations share."""
    try:
        result = call()
    except StopIteration:
        return ("stop",)
    except sbcheck.AlreadyBorrowed:
        return ("refused",)
    except RuntimeError:  # CPython's "changed size during iteration", InvalidatedIterator
        return ("runtime-error",)
    except sbcheck.UndefinedBehavior:
        return ("ub",)
    return ("value", result)


class Finalizers:
    """Catches the UB CPython deallocations report to sys.unraisablehook (an
    iterator dropped after its set was freed): a `drop` step's outcome."""

    def __enter__(self):
        self.ub = False
        self.old, sys.unraisablehook = sys.unraisablehook, self.hook
        return self

    def hook(self, raised):
        if not isinstance(raised.exc_value, sbcheck.UndefinedBehavior):
            return self.old(raised)
        self.ub = True

    def __exit__(self, *exc):
        sys.unraisablehook = self.old
        return False


class Run:
    """One program on one implementation, a step at a time."""

    def __init__(self, make):
        self.set = make()
        self.iterators = []  # None once dropped

    def valid(self, step):
        if step[0] in ("add", "discard", "len", "contains", "iter"):
            return self.set is not None
        if step[0] in ("next", "drop"):
            return step[1] < len(self.iterators) and self.iterators[step[1]] is not None
        return self.set is not None  # del

    def step(self, step):
        name = step[0]
        s = self.set
        if name == "add":
            return outcome(lambda: s.add(step[1]))
        if name == "discard":
            return outcome(lambda: s.discard(step[1]))
        if name == "len":
            return outcome(lambda: len(s))
        if name == "contains":
            return outcome(lambda: step[1] in s)
        if name == "iter":
            result = outcome(lambda: iter(s))
            self.iterators.append(result[1] if result[0] == "value" else None)
            return ("value", "iterator") if result[0] == "value" else result
        if name == "next":
            return outcome(lambda: next(self.iterators[step[1]]))
        with Finalizers() as finalized:
            if name == "drop":
                self.iterators[step[1]] = None
            else:  # del
                self.set = None
        return ("ub",) if finalized.ub else ("value", None)


def classify(ours, reference):
    """The kind of a difference: SharedSet raised where set did not
    (stricter), or did not where set raised (looser), or UB."""
    errors = ("refused", "runtime-error")
    if ours == ("ub",):
        return "ub"
    if ours[0] in errors and reference[0] not in errors:
        return "stricter"
    if reference[0] in errors and ours[0] not in errors:
        return "looser"
    return "other"


def first_difference(program, policy):
    """(index, kind, ours, reference) at the first step where they differ, or None.
    Steps invalid for the program so far (an unbound iterator) are skipped."""
    ours, reference = Run(lambda: sbcheck.SharedSet(policy)), Run(set)
    try:
        for index, step in enumerate(program):
            if not (ours.valid(step) and reference.valid(step)):
                continue
            mine, theirs = ours.step(step), reference.step(step)
            if mine != theirs:
                return index, classify(mine, theirs), mine, theirs
        return None
    finally:
        with Finalizers():  # what is left is dropped at the end, UB or not
            del ours


def alphabet(program, keys):
    iterators = sum(1 for step in program if step == ("iter",))
    steps = [("add", k) for k in keys] + [("discard", k) for k in keys] + [("iter",), ("del",)]
    steps += [("next", j) for j in range(iterators)] + [("drop", j) for j in range(iterators)]
    return steps


def programs(max_length, keys=(0, 1)):
    """Every valid program up to max_length, shortest first, prefixes first."""
    level = [[]]
    for _ in range(max_length):
        following = []
        for program in level:
            deleted = ("del",) in program
            dropped = {step[1] for step in program if step[0] == "drop"}
            for step in alphabet(program, keys):
                if deleted and step[0] in ("add", "discard", "iter", "del"):
                    continue
                if step[0] in ("next", "drop") and step[1] in dropped:
                    continue
                following.append(program + [step])
        yield from following
        level = following


def minimal_differences(policy, max_length):
    """The shortest program of each kind of difference (None where there is none within the bound)."""
    found = {}
    for program in programs(max_length):
        difference = first_difference(program, policy)
        if difference and difference[0] == len(program) - 1 and difference[1] not in found:
            found[difference[1]] = (program, difference)
    return found


def text(program):
    lines = ["s = SharedSet(policy)  # or set()"]
    for step in program:
        name = step[0]
        if name in ("add", "discard"):
            lines.append(f"s.{name}({step[1]})")
        elif name == "iter":
            lines.append(f"it{sum(1 for line in lines if ' = iter(s)' in line)} = iter(s)")
        elif name == "next":
            lines.append(f"next(it{step[1]})")
        elif name == "drop":
            lines.append(f"del it{step[1]}")
        elif name == "del":
            lines.append("del s")
        else:
            lines.append(f"{name}(s)")
    return "; ".join(lines[1:])


def report(max_length):
    for policy in sbcheck.POLICIES:
        found = minimal_differences(policy, max_length)
        print(f"{policy}:")
        for kind in KINDS:
            if kind not in found:
                print(f"  {kind}: none up to {max_length} steps")
                continue
            program, (_, _, ours, theirs) = found[kind]
            print(f"  {kind}: {text(program)}  -> SharedSet {ours[0]}, set {theirs[0] if theirs[0] != 'value' else theirs}")


if __name__ == "__main__":
    report(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
