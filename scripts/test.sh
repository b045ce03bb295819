#!/usr/bin/env bash
# The whole test suite: install what is missing, then build and run every test
# twice — optimised with -Werror (`ci`), and with ASan+UBSan (`ci-sanitize`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
install_missing_packages

for preset in ci ci-sanitize; do
  echo "== $preset: build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$(nproc)"
  echo "== $preset: test"
  ctest --preset "$preset" -j"$(nproc)"
done
