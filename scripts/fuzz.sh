#!/usr/bin/env bash
# A long libFuzzer run of one fuzz target on JOBS cores, with a persistent
# corpus under build/, execs/s and coverage printed at the end, and any crash
# imported into corpus/ by `sbcheck fuzz-import` (docs/fuzzing.md).
set -euo pipefail

usage() {
  cat <<'TEXT'
usage: scripts/fuzz.sh TARGET SECONDS [JOBS]

TARGET   cell_properties, sbt_laws, parse_cell or parse_sbt
SECONDS  how long to fuzz (libFuzzer -max_total_time)
JOBS     parallel fuzzing processes (libFuzzer -fork=JOBS; default: all cores)

Builds the target with the `fuzz` preset (clang-14, ASan+UBSan) if needed,
seeds build/fuzz-corpus/TARGET from corpus/ (scripts/fuzz_seeds.sh) on the
first run and keeps it between runs, and writes crashes to
build/fuzz-artifacts/TARGET/. A crash of cell_properties or sbt_laws is
imported with `sbcheck fuzz-import` (shrunk, saved in corpus/ as `check`
saves; set SBCHECK_SAVE_TO=DIR to save elsewhere).

environment:
  SBCHECK_POLICY=NAME  cell_properties under one policy with every property
                       (hunts that policy's known flaws); default: the sound
                       policies, properties that must hold
  SBCHECK=PATH         the sbcheck used for imports (default: build/ci/sbcheck,
                       built if missing)

exit status: 0 no crash; 1 a crash (imported when it could be); 2 bad arguments
TEXT
}

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then usage; exit 0; fi
if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage >&2; exit 2; fi
target="$1" seconds="$2" jobs="${3:-$(nproc)}"
case "$target" in cell_properties|sbt_laws|parse_cell|parse_sbt) ;; *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;; esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: SECONDS must be a positive whole number" >&2; exit 2; }
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: JOBS must be a positive whole number" >&2; exit 2; }

cd "$(dirname "$0")/.."
binary="build/fuzz/fuzz/$target"
if [ ! -x "$binary" ] || [ -n "$(find fuzz harness properties model -newer "$binary" -name '*.[ch]pp' -print -quit)" ]; then
  [ -f build/fuzz/build.ninja ] || cmake --preset fuzz >/dev/null
  cmake --build build/fuzz --target "$target" -j"$jobs"
fi
corpus="build/fuzz-corpus/$target" artifacts="build/fuzz-artifacts/$target"
if [ ! -d "$corpus" ]; then
  scripts/fuzz_seeds.sh build/fuzz-seeds >/dev/null
  mkdir -p "$corpus" && cp build/fuzz-seeds/"$target"/* "$corpus/"
fi
mkdir -p "$artifacts"
marker="$(mktemp)"
log="build/fuzz-$target.log"
dict=()
[ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")

echo "== fuzzing $target for ${seconds}s on $jobs job(s)${SBCHECK_POLICY:+ under SBCHECK_POLICY=$SBCHECK_POLICY}"
status=0
"$binary" -fork="$jobs" -max_total_time="$seconds" -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" \
  >"$log" 2>&1 || status=$?

# libFuzzer's last status line: "#N: cov: C ft: F corp: K exec/s: E ..." in fork mode.
# The fork driver's own lines (`#N:`) count every job; the jobs' lines, the rest.
last="$(grep -E '^#[0-9]+:' "$log" | tail -n 1 || true)"
[ -n "$last" ] || last="$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)"
execs="$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")"
seconds_run="$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")"
echo "executions: ${execs:-?} in ${seconds_run:-?}s  exec/s: $(sed -nE 's/.*exec\/s:? ([0-9]+).*/\1/p' <<<"$last")" \
     " cov: $(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")  ft: $(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")" \
     " corpus: $(find "$corpus" -type f | wc -l) inputs  (log: $log)"

mapfile -t crashes < <(find "$artifacts" -type f -newer "$marker" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \))
rm -f "$marker"
if [ ${#crashes[@]} -eq 0 ]; then
  [ "$status" -eq 0 ] && { echo "no crash"; exit 0; }
  echo "fuzz.sh: the fuzzer exited with status $status and left no input (see $log)" >&2
  exit 1
fi
echo "crashes: ${crashes[*]}"
grep -A40 -m1 '== sbcheck fuzz finding' "$log" | sed '/== end of finding/q' || true
case "$target" in
  cell_properties|sbt_laws)
    sbcheck="${SBCHECK:-build/ci/sbcheck}"
    if [ ! -x "$sbcheck" ]; then
      [ -f build/ci/build.ninja ] || cmake --preset ci >/dev/null
      cmake --build build/ci --target sbcheck -j"$jobs"
    fi
    args=(--target "$target")
    [ -n "${SBCHECK_POLICY:-}" ] && args+=(--policy "$SBCHECK_POLICY")
    [ -n "${SBCHECK_SAVE_TO:-}" ] && args+=(--save-to "$SBCHECK_SAVE_TO")
    "$sbcheck" fuzz-import "${args[@]}" "${crashes[@]}" || true
    ;;
  *) echo "a parser crash: reproduce with $binary ${crashes[0]}" ;;
esac
exit 1
