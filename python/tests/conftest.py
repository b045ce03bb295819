"""Shared set-up for the module's tests.

Run with Debian's interpreter and the module from a build tree:
    PYTHONPATH=build/ci/python SBCHECK_BINARY=build/ci/sbcheck /usr/bin/python3 -m pytest python/tests
ctest does exactly that (python/CMakeLists.txt).
"""
import os
import pathlib
import subprocess
import tempfile

import pytest
from hypothesis import HealthCheck, settings

import sbcheck

REPO = pathlib.Path(__file__).resolve().parents[2]

# CI: a bounded, reproducible number of examples; SBCHECK_HYPOTHESIS_EXAMPLES
# raises it for a long run (docs/python.md).
settings.register_profile(
    "sbcheck",
    max_examples=int(os.environ.get("SBCHECK_HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    database=None,
    derandomize=os.environ.get("SBCHECK_HYPOTHESIS_EXAMPLES") is None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("sbcheck")

UNSOUND = ("unchecked-leak", "no-parent-ref", "unguarded-inner")
SOUND = ("strict", "generation")
STRICT_FAMILY = ("strict", "unchecked-leak", "no-parent-ref", "unguarded-inner")


def sbcheck_binary():
    binary = os.environ.get("SBCHECK_BINARY")
    if not binary:
        pytest.fail("SBCHECK_BINARY must name the sbcheck executable (ctest sets it)")
    return binary


def run_cli(command, text, suffix, *args):
    """Runs `sbcheck COMMAND FILE ARGS` on `text` written to a file; returns the process."""
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False) as handle:
        handle.write(text)
        path = handle.name
    try:
        return subprocess.run([sbcheck_binary(), command, path, *args], capture_output=True, text=True,
                              timeout=120)
    finally:
        os.unlink(path)


def assert_replays(cell_text, model="sb2"):
    """`sbcheck run` on a recording: every line's outcome and the UB verdict as recorded."""
    done = run_cli("run", cell_text, ".cell", "--model", model)
    assert done.returncode == 0, f"sbcheck run failed:\n{cell_text}\n{done.stdout}{done.stderr}"


def assert_trace_replays(sbt_text):
    """`sbcheck replay` on a UB's trace: the same verdict (the UB event is marked `!ub`)."""
    assert "!ub" in sbt_text
    done = run_cli("replay", sbt_text, ".sbt")
    assert done.returncode == 0, f"sbcheck replay failed:\n{sbt_text}\n{done.stdout}{done.stderr}"


@pytest.fixture
def recorded():
    """Records the test's operations; at the end, `sbcheck run` must replay them."""
    with sbcheck.record() as rec:
        yield rec
    assert_replays(rec.cell())
