#!/usr/bin/env bash
# One command on a fresh Debian machine: install what is missing, build the
# optimised `ci` configuration, replay the corpus, and run the main job:
# `sbcheck compare` on the defaults (policies and models side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
install_missing_packages

cmake --preset ci >/dev/null
cmake --build --preset ci -j"$(nproc)"

echo "== sbcheck replay corpus/sbt/*.sbt && sbcheck run corpus/cell/*.cell"
./build/ci/sbcheck replay corpus/sbt/*.sbt | tail -1
./build/ci/sbcheck run corpus/cell/*.cell | tail -1

echo "== sbcheck compare"
./build/ci/sbcheck compare --markdown build/compare-report.md
