"""A Hypothesis state machine drives SharedSets under each policy: make sets,
add/discard/len/contains, make/advance/drop iterators, take/use/release guards,
drop names. After every step the operations it performed (recorded as .cell
lines) must have the outcomes the project's abstract model of the policy gives
them, and under the sound policies the model must report no UB. A failing
example is saved as a .cell file (rec.cell()) — the last one saved is the shrunk
one — in $SBCHECK_SAVE_TO (default: the project's corpus/cell), where `sbcheck
run` replays it like the C++ finds."""
import os
import pathlib
import sys

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

import sbcheck
from sbcheck import AlreadyBorrowed, InvalidatedIterator, SharedSet, UndefinedBehavior
from conftest import REPO, SOUND, assert_replays

KEYS = st.integers(min_value=0, max_value=3)
PICK = st.integers(min_value=0, max_value=7)
MAX_LIVE = 3  # sets, iterators and guards each


def save_finding(policy, text):
    """Keeps a failing program as corpus/cell/python-oracle-POLICY.cell, replaced only by a shorter one."""
    folder = pathlib.Path(os.environ.get("SBCHECK_SAVE_TO", REPO / "corpus" / "cell"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"python-oracle-{policy}.cell"
    header = f"# found by: the Hypothesis state machine in python/tests/test_state_machine.py ({policy})\n"
    if path.exists() and len(path.read_text().splitlines()) <= len(text.splitlines()) + 1:
        return path
    path.write_text(header + text)
    return path


UB_SEEN = {}  # policy -> examples that ended at a UB


def machine_for(policy, spec_policy=None):
    """The machine for sets under `policy`, checked against the spec of `spec_policy` (default: the same)."""

    class SharedSetMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.rec = sbcheck.record()
            self.rec.__enter__()
            self.spec = sbcheck.AbstractModel(spec_policy or policy)
            self.checked = 0  # recorded lines compared so far
            self.sets, self.iterators, self.guards = [], [], []
            self.ub = None
            # A UB found while CPython deallocates a name goes to the unraisable hook.
            self.old_hook = sys.unraisablehook
            sys.unraisablehook = self.unraisable

        def unraisable(self, raised):
            if not isinstance(raised.exc_value, UndefinedBehavior):
                return self.old_hook(raised)
            self.ub = raised.exc_value.report

        def call(self, operation, *args):
            """Calls an operation; refusals are outcomes (the recording has them), UB ends the program."""
            try:
                return operation(*args)
            except (AlreadyBorrowed, InvalidatedIterator, StopIteration):
                return None
            except UndefinedBehavior as error:
                self.ub = error.report  # not the error: its traceback would keep this example's sets alive
                return None

        @staticmethod
        def pick(items, index):
            return items[index % len(items)]

        @precondition(lambda self: self.ub is None and len(self.sets) < MAX_LIVE)
        @rule()
        def new(self):
            self.sets.append(SharedSet(policy))

        @precondition(lambda self: self.ub is None and self.sets)
        @rule(index=PICK, key=KEYS, method=st.sampled_from(["add", "discard", "contains", "len"]))
        def method(self, index, key, method):
            s = self.pick(self.sets, index)
            if method == "len":
                self.call(len, s)
            elif method == "contains":
                self.call(s.__contains__, key)
            else:
                self.call(getattr(s, method), key)

        @precondition(lambda self: self.ub is None and self.sets)
        @rule(index=PICK)
        def del_name(self, index):
            del self.sets[index % len(self.sets)]

        @precondition(lambda self: self.ub is None and self.sets and len(self.iterators) < MAX_LIVE)
        @rule(index=PICK)
        def iterate(self, index):
            it = self.call(iter, self.pick(self.sets, index))
            if it is not None:
                self.iterators.append(it)

        @precondition(lambda self: self.ub is None and self.iterators)
        @rule(index=PICK)
        def advance(self, index):
            self.call(next, self.pick(self.iterators, index))

        @precondition(lambda self: self.ub is None and self.iterators)
        @rule(index=PICK)
        def drop_iterator(self, index):
            del self.iterators[index % len(self.iterators)]

        @precondition(lambda self: self.ub is None and self.sets and len(self.guards) < MAX_LIVE)
        @rule(index=PICK, mutable=st.booleans())
        def take_guard(self, index, mutable):
            s = self.pick(self.sets, index)
            guard = self.call(s.borrow_mut if mutable else s.borrow)
            if guard is not None:
                self.guards.append(guard)

        @precondition(lambda self: self.ub is None and self.guards)
        @rule(index=PICK, write=st.booleans())
        def use_guard(self, index, write):
            guard = self.pick(self.guards, index)
            self.call(guard.write if write and guard.mutable else guard.read)

        @precondition(lambda self: self.ub is None and self.guards)
        @rule(index=PICK)
        def release_guard(self, index):
            self.call(self.guards.pop(index % len(self.guards)).release)

        @precondition(lambda self: self.ub is not None)
        @rule()
        def after_ub(self):
            """The program ended at its UB (as a run stops there); steps left do nothing."""

        @invariant()
        def outcomes_as_the_spec_says(self):
            lines = self.rec.lines()
            try:
                if self.rec.ended_by_ub:
                    assert self.ub is not None
                    assert policy not in SOUND, f"UB under {policy}:\n{self.ub}"
                    lines = lines[:-1]  # the UB line: the spec does not say UB, the model does
                for line in lines[self.checked:]:
                    assert self.spec.apply(line) == line, f"the spec says `{self.spec.apply(line)}`"
                self.checked = len(lines)
            except AssertionError:
                path = save_finding(spec_policy or policy, self.rec.cell())
                raise AssertionError(f"saved as {path}") from None

        def teardown(self):
            UB_SEEN[policy] = UB_SEEN.get(policy, 0) + (self.ub is not None)
            self.sets, self.iterators, self.guards = [], [], []
            self.rec.__exit__(None, None, None)
            sys.unraisablehook = self.old_hook

    return SharedSetMachine


@pytest.mark.parametrize("policy", sbcheck.POLICIES)
def test_state_machine(policy):
    run_state_machine_as_test(machine_for(policy))
    # The unsound policies' holes are within the machine's reach.
    assert (UB_SEEN[policy] > 0) == (policy not in SOUND), UB_SEEN


def test_the_machine_catches_a_wrong_spec_and_saves_it(tmp_path, monkeypatch):
    """Strict sets checked against generation's spec must fail, and the shrunk
    program is saved as a .cell file that `sbcheck run` replays (with the
    outcomes the real strict cell gave)."""
    monkeypatch.setenv("SBCHECK_SAVE_TO", str(tmp_path))
    with pytest.raises(AssertionError, match="saved as"):
        run_state_machine_as_test(machine_for("strict", spec_policy="generation"))
    saved = (tmp_path / "python-oracle-generation.cell").read_text()
    assert saved.count("\n") <= 12, saved  # shrunk: a leak, a refused mutation
    assert "!err" in saved
    assert_replays(saved)


def test_a_recorded_program_replays():
    """One long program's recording replays under `sbcheck run`: the file the
    machine would save is a valid corpus file."""
    with sbcheck.record() as rec:
        sets = [SharedSet("generation") for _ in range(2)]
        it = iter(sets[0])
        sets[0].add(1)
        with pytest.raises(InvalidatedIterator):
            next(it)
        with sets[1].borrow_mut() as g:
            g.write()
        del sets[:], it
    assert_replays(rec.cell())
