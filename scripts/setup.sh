#!/usr/bin/env bash
# One command on a fresh Debian machine: install what is missing, build the
# optimised `ci` configuration, and run the main job on the shipped corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
install_missing_packages

cmake --preset ci >/dev/null
cmake --build --preset ci -j"$(nproc)"

echo "== sbcheck replay corpus/sbt/*.sbt"
./build/ci/sbcheck replay corpus/sbt/*.sbt
