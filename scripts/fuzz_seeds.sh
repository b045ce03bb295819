#!/usr/bin/env bash
# Seed corpora for the fuzz targets, generated from corpus/: OUTDIR/TARGET/
# per target. The parsers start from every corpus file of their language;
# cell_properties and sbt_laws read their bytes as choices (harness/fuzz/),
# so they start from the corpus files' bytes too (varied, legal choices), and
# from one input per swarm byte pattern that enables every kind.
set -euo pipefail
if [ "${1:-}" = "--help" ] || [ $# -ne 1 ]; then
  echo "usage: scripts/fuzz_seeds.sh OUTDIR   (writes OUTDIR/{parse_cell,parse_sbt,cell_properties,sbt_laws}/)"
  [ "${1:-}" = "--help" ] && exit 0 || exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"
for target in parse_cell parse_sbt cell_properties sbt_laws; do mkdir -p "$out/$target"; done
cp "$root"/corpus/cell/*.cell "$out/parse_cell/"
cp "$root"/corpus/sbt/*.sbt "$out/parse_sbt/"
cp "$root"/corpus/cell/*.cell "$out/cell_properties/"
cp "$root"/corpus/sbt/*.sbt "$out/sbt_laws/"
# Every kind enabled (swarm 0xFFFF), then choices 0, 1, 2, ... : a long, legal
# start that the fuzzer's byte mutations take apart.
for target in cell_properties sbt_laws; do
  python3 -c 'import sys; sys.stdout.buffer.write(bytes([255, 255] + [(7 * i) % 256 for i in range(240)]))' \
    >"$out/$target/all-kinds"
done
echo "seeds: $(find "$out" -type f | wc -l) files in $out"
