"""Real memory, real interpreter: in the ASan+UBSan build (ctest registers this
file only there, with the sanitizer runtime preloaded into Debian's python3),
`it = iter(s); del s; next(it)` under no-parent-ref is a real heap
use-after-free once the model's veto is off — at the very call where, with the
veto on, the model raises UndefinedBehavior and the read is not performed."""
import os
import subprocess
import sys

import pytest

PROGRAM = """
import sbcheck
s = sbcheck.SharedSet("no-parent-ref", veto={veto})
s.add(1)
s.add(2)
it = iter(s)
assert next(it) == 1
del s
print("before next", flush=True)
try:
    next(it)
except sbcheck.UndefinedBehavior as error:
    print("UndefinedBehavior:", error.kind, flush=True)
"""


def run(veto):
    if not os.environ.get("SBCHECK_ASAN_RUNTIME"):
        pytest.fail("run by ctest in the ci-sanitize build, with the ASan runtime preloaded")
    return subprocess.run([sys.executable, "-c", PROGRAM.format(veto=veto)], capture_output=True, text=True,
                          timeout=120)


def test_without_the_veto_asan_sees_the_use_after_free():
    done = run(veto=False)
    assert done.returncode != 0
    assert "before next" in done.stdout and "UndefinedBehavior" not in done.stdout
    assert "ERROR: AddressSanitizer: heap-use-after-free" in done.stderr
    assert "SetIterator::next" in done.stderr  # at the next() call


def test_with_the_veto_the_model_stops_it_first():
    done = run(veto=True)
    assert done.returncode == 0, done.stderr
    assert "UndefinedBehavior: use-after-free" in done.stdout
    assert "AddressSanitizer" not in done.stderr
