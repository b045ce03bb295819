#!/usr/bin/env bash
# pyo3check finds nothing in PyO3's design: memory safe, and every promise kept.
set -euo pipefail
binary="$1" found="$2"
"$binary" check --policy pyo3-style --seed 1 --runs 2000 --no-save
"$binary" check --policy pyo3-style --seed 2 --runs 2000 --no-save --json | grep -q '"ok": *true'
