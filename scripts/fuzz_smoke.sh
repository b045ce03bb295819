#!/usr/bin/env bash
# CI's fuzz smoke run: .clusterfuzzlite/build.sh run locally with OSS-Fuzz's
# variables set to clang-14 and libFuzzer (which proves build.sh), then each
# target for SECONDS on its seed corpus from $OUT. A crash, a missing seed
# corpus or dictionary, or a target that does not start fails the run.
set -euo pipefail
if [ "${1:-}" = "--help" ] || [ $# -gt 1 ]; then
  echo "usage: scripts/fuzz_smoke.sh [SECONDS]   (default 20 per target; out: build/cflite/out)"
  [ "${1:-}" = "--help" ] && exit 0 || exit 2
fi
seconds="${1:-20}"
cd "$(dirname "$0")/.."
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fsanitize=fuzzer-no-link"
export CC=clang-14 CXX=clang++-14 CFLAGS="$flags" CXXFLAGS="$flags" LIB_FUZZING_ENGINE="-fsanitize=fuzzer"
export SRC="$PWD/build/cflite/src" WORK="$PWD/build/cflite/work" OUT="$PWD/build/cflite/out" SBCHECK_SRC="$PWD"
export SBCHECK_JOBS="${SBCHECK_JOBS:-$(nproc)}"
[ -n "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] || { command -v ccache >/dev/null && export CMAKE_CXX_COMPILER_LAUNCHER=ccache; }
mkdir -p "$SRC" "$WORK" "$OUT"
start=$SECONDS
.clusterfuzzlite/build.sh
echo "== fuzz smoke: build.sh took $((SECONDS - start)) s"
for target in cell_properties sbt_laws parse_cell parse_sbt; do
  [ -x "$OUT/$target" ] && [ -s "$OUT/${target}_seed_corpus.zip" ] || { echo "missing $OUT/$target or its seeds" >&2; exit 1; }
  case "$target" in parse_*) [ -s "$OUT/$target.dict" ] || { echo "missing $OUT/$target.dict" >&2; exit 1; } ;; esac
  corpus="$WORK/smoke/$target"
  rm -rf "$corpus" && mkdir -p "$corpus" && (cd "$corpus" && unzip -q "$OUT/${target}_seed_corpus.zip")
  dict=()
  [ -f "$OUT/$target.dict" ] && dict=(-dict="$OUT/$target.dict")
  log="$WORK/smoke-$target.log"
  if ! "$OUT/$target" -max_total_time="$seconds" -artifact_prefix="$WORK/smoke-$target-" "${dict[@]}" "$corpus" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "== fuzz smoke: $target FAILED (log: $log)" >&2
    exit 1
  fi
  echo "== fuzz smoke: $target ok: $(grep -E '^#[0-9]+' "$log" | tail -n 1)"
done
