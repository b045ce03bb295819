#!/usr/bin/env bash
# The mutation kit: plants each bug of model/mutant.hpp in turn (in the
# sbcheck-mutants binary, SBCHECK_MUTANT=NAME) and checks that the harness's
# own finders — `check`, `explore`, the model differential — find it.
# docs/mutants.md says how to add a mutant.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/mutants.sh [--fast] [--binary PATH] [--seed S] [--only NAME[,NAME...]] [--markdown FILE]

Runs every planted bug (model/mutant.hpp) past the finders declared for it
below and prints a table: mutant, what found it (and the shortest
counterexample's length, in operations or events), the time. First a
baseline: with no mutant planted every finder must report nothing, so a
finder that always "finds" something cannot pass.

options:
  --fast            the CI form: only the finders each mutant must be found by,
                    explorations bounded by depth (a few seconds per mutant)
  --binary PATH     the mutants binary (default build/ci/sbcheck-mutants,
                    built with the ci preset if missing)
  --seed S          the seed of every `check` (default 1, so runs repeat)
  --only NAMES      these mutants only (comma separated)
  --markdown FILE   also write the table as Markdown to FILE
  --help, -h        show this help

A finder's cell reads `found (N)` (a counterexample of N operations or
events), `found (flaw missing)` (a known flaw of an unsound policy was no
longer found), `-` (nothing found), `CRASH (signal N)`, `TIMEOUT` or
`ERROR (exit N)`. A finder in capitals is one the mutant must be found by.
A crash of a mutant listed in KNOWN_CRASHES (below) reads `CRASH (signal N)
known` and does not fail the run until the harness can contain it.

exit status: 0 the baseline is clean and every mutant was found by every
finder it must be found by, with no crash or timeout; 1 otherwise; 2 bad
arguments or no mutants binary.
EOF
}

cd "$(dirname "$0")/.."

# What must find each mutant, and which policy or model variant its
# explorations use. `check` runs every property under every policy (`check-fork`: with --fork, under the explored policy);
# `differential` is `check --property model-agrees-with-reference` on random
# traces under every variant; `explore` explores the policy (cell mutants) or
# the variant (model mutants) named in the second column.
# Protector mutants need not be found by `explore --model`: its trace
# universe has no calls (TraceUniverse::frames is 0 and explore has no flag
# for it), so it never protects an item; the full form still runs it.
# name | explored | must be found by
read -r -d '' EXPECTATIONS <<'EOF' || true
cell-no-generation-bump          generation      check explore
cell-borrow-ignores-mutable      strict          check explore
cell-freed-at-one                strict          check explore
cell-release-keeps-mutable       strict          check explore
cell-release-keeps-borrow        strict          check explore
cell-drop-keeps-leak             strict          check explore
cell-next-without-probe          no-parent-ref   check check-fork
cell-leak-ignores-mutable        strict          check explore
cell-borrow-mut-ignores-leaks    strict          check explore
cell-stale-leak-accepted         generation      check explore
cell-iterator-forgets-object     strict          check explore
cell-stop-keeps-leak             strict          check explore
cell-next-stops-early            strict          check explore
cell-borrow-mut-ignores-borrows  strict          check explore
model-read-keeps-unique          sb2             differential explore
model-pop-ignores-protector      sb2             differential
model-dealloc-ignores-protector  sb2             differential
model-no-two-phase-regrant       sb2             differential explore
model-cell-shared-is-strong      sb2             differential explore
model-bottom-up-search           sb2             differential explore
model-unique-write-keeps-srw     sb2             differential explore
model-sro-grants-write           sb2             differential explore
model-return-keeps-protector     sb2             differential
model-weak-grant-on-top          sb2             differential explore
model-strong-grant-skips-access  sb2             differential explore
model-dealloc-skips-grant-check  sb2             differential explore
EOF

# Mutants whose bug crashes sbcheck itself. None does any more: a cell that
# reads freed memory behind its probe's back (cell-next-without-probe) crashes
# only the child `check` and `explore` run in; `check` then shrinks the crash
# as --fork does, and `explore` reports it (status 1). A mutant listed here
# has its CRASH reported, marked known, and not counted as a failure; once
# it no longer crashes the kit fails until it is removed here.
KNOWN_CRASHES=""

fast=0
binary=build/ci/sbcheck-mutants
seed=1
only=""
markdown=""
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1 ;;
    --binary) binary="${2:?--binary needs a path}"; shift ;;
    --seed) seed="${2:?--seed needs a value}"; shift ;;
    --only) only="${2:?--only needs names}"; shift ;;
    --markdown) markdown="${2:?--markdown needs a file}"; shift ;;
    --help|-h) usage; exit 0 ;;
    *) echo "error: unknown argument '$1' (--help lists them)" >&2; exit 2 ;;
  esac
  shift
done

if [ ! -x "$binary" ]; then
  if [ "$binary" != build/ci/sbcheck-mutants ]; then
    echo "error: no mutants binary at $binary" >&2
    exit 2
  fi
  echo "== building sbcheck-mutants (preset ci)"
  cmake --preset ci >/dev/null
  cmake --build build/ci --target sbcheck-mutants -j"$(nproc)"
fi

# Time limits: explore's own --time-limit ends it cleanly with what it found;
# `timeout` is the backstop that turns a hang into TIMEOUT.
if [ "$fast" -eq 1 ]; then
  explore_bound=(--depth 8 --time-limit 10)
  backstop=60
else
  explore_bound=(--time-limit 60)
  backstop=180
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The commands behind each finder name; every one saves nothing.
finder_command() {  # finder explored
  case "$1" in
    check) echo check --no-save --seed "$seed" --json ;;
    check-fork) echo check --fork --policy "$2" --no-save --seed "$seed" --json ;;
    differential) echo check --property model-agrees-with-reference --no-save --seed "$seed" --json ;;
    explore-policy) echo explore --policy "$2" --no-save --json "${explore_bound[@]}" ;;
    explore-model) echo explore --model "$2" --no-save --json "${explore_bound[@]}" ;;
  esac
}

# The shortest counterexample that should not exist, in operations or events,
# from a finder's JSON; empty when there is none (a known flaw went missing).
counterexample_length() {  # json-file
  jq -r '
    def lines: split("\n") | map(select(length > 0 and (startswith("#") | not))) | length;
    [ (.results[]? | select(.verdict == "unexpected_failure") | (.counterexample.sequence // .counterexample.trace) | lines),
      (.properties[]? | select(.verdict == "unexpected_failure") | .counterexample.length),
      (.findings[]? | select(.kind == "law" and .must_hold and .status == "fails") | .trace | lines) ]
    | min // empty' "$1" 2>/dev/null || true
}

# Runs one finder; prints its cell of the table and returns 0 when it found something.
run_finder() {  # mutant finder explored
  local mutant="$1" out="$work/out.json" rc=0 start end length
  local -a command
  read -r -a command <<<"$(finder_command "$2" "$3")"
  start=$(date +%s.%N)
  SBCHECK_MUTANT="$mutant" timeout -k 5 "$backstop" "$binary" "${command[@]}" >"$out" 2>"$work/err.txt" || rc=$?
  end=$(date +%s.%N)
  last_seconds=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
  case "$rc" in
    0) last_cell="-"; return 1 ;;
    1) length=$(counterexample_length "$out")
       if [ -n "$length" ]; then last_cell="found ($length)"; else last_cell="found (flaw missing)"; fi
       return 0 ;;
    124|137) last_cell="TIMEOUT"; return 2 ;;
    *) if [ "$rc" -gt 128 ]; then last_cell="CRASH (signal $((rc - 128)))"; else last_cell="ERROR (exit $rc)"; fi
       return 2 ;;
  esac
}

failures=0
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

# The binary and the table above must list the same mutants, so a new mutant
# cannot go unchecked.
listed=$(SBCHECK_MUTANT=list "$binary" --version | awk '{print $1}' | sort)
declared=$(awk 'NF {print $1}' <<<"$EXPECTATIONS" | sort)
if [ "$listed" != "$declared" ]; then
  fail "the binary's mutants and this script's table differ:"
  diff <(echo "$listed") <(echo "$declared") | sed 's/^/      /' || true
fi
rc=0
SBCHECK_MUTANT=no-such-mutant "$binary" --version >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "an unknown SBCHECK_MUTANT exits $rc, not 2"

# Every finder of a mutant: in the fast form the ones it must be found by, in
# the full form every finder of its area, and explorations of both sound
# policies (cell) or of every variant (model) besides the declared one.
finders_of() {  # name must explored area
  local must="$2" explored="$3" area="$4"
  local -a all p v
  if [ "$area" = cell ]; then all=(check "explore-policy:$explored"); else all=(differential "explore-model:$explored"); fi
  [[ " $must " != *" check-fork "* ]] || all+=("check-fork:$explored")
  if [ "$fast" -eq 0 ]; then
    if [ "$area" = cell ]; then
      for p in strict generation; do [ "$p" = "$explored" ] || all+=("explore-policy:$p"); done
    else
      all=(check "${all[@]}")
      for v in sb2-stackwrite sb2-disable sb2-strict sb2-tagged-raw; do [ "$v" = "$explored" ] || all+=("explore-model:$v"); done
    fi
  fi
  echo "${all[@]}"
}
must_find() {  # finder must-list
  local f="${1%%:*}"
  [ "$f" = explore-policy ] || [ "$f" = explore-model ] && f=explore
  [[ " $2 " == *" $f "* ]]
}
area_of() { SBCHECK_MUTANT=list "$binary" --version | awk -v n="$1" '$1 == n {print $2}'; }

rows=()
add_row() { rows+=("$1|$2|$3|$4"); }

# Baseline: no mutant planted, every finder this run uses must find nothing.
echo "== baseline (no mutant planted)"
declare -A baseline_done=()
while read -r name explored must; do
  [ -n "$name" ] || continue
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
  for finder in $(finders_of "$name" "$must" "$explored" "$(area_of "$name")"); do
    [ -z "${baseline_done[$finder]:-}" ] || continue
    baseline_done[$finder]=1
    status=0
    run_finder "" "${finder%%:*}" "${finder#*:}" || status=$?
    printf '  %-32s %-22s %6.1f s\n' "$finder" "$last_cell" "$last_seconds"
    [ "$status" -eq 1 ] || fail "baseline: $finder reports '$last_cell' with no mutant planted"
  done
done <<<"$EXPECTATIONS"

echo "== mutants"
total_start=$(date +%s.%N)
while read -r name explored must; do
  [ -n "$name" ] || continue
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
  area=$(area_of "$name")
  found_by=() missed=() seconds=0 shortest=""
  known_crash=0 crashed=0
  [[ " $KNOWN_CRASHES " == *" $name "* ]] && known_crash=1
  for finder in $(finders_of "$name" "$must" "$explored" "$area"); do
    status=0
    run_finder "$name" "${finder%%:*}" "${finder#*:}" || status=$?
    if [[ "$last_cell" == CRASH* ]]; then
      crashed=1
      [ "$known_crash" -eq 0 ] || { last_cell="$last_cell known"; status=3; }
    fi
    seconds=$(awk -v a="$seconds" -v b="$last_seconds" 'BEGIN {printf "%.2f", a + b}')
    label="$finder"
    must_find "$finder" "$must" && label=$(tr '[:lower:]' '[:upper:]' <<<"$finder")
    found_by+=("$label ${last_cell}")
    if [ "$status" -eq 0 ]; then
      length=$(sed -n 's/found (\([0-9]*\))/\1/p' <<<"$last_cell")
      if [ -n "$length" ] && { [ -z "$shortest" ] || [ "$length" -lt "$shortest" ]; }; then shortest=$length; fi
    elif [ "$status" -ne 3 ] && { [ "$status" -eq 2 ] || must_find "$finder" "$must"; }; then
      missed+=("$finder: $last_cell")
    fi
  done
  verdict=ok
  [ ${#missed[@]} -eq 0 ] || verdict="MISSED"
  if [ "$known_crash" -eq 1 ]; then
    if [ "$crashed" -eq 1 ]; then
      verdict="known-crash"
    else
      missed+=("no longer crashes: remove it from KNOWN_CRASHES in scripts/mutants.sh")
    fi
  fi
  cells=$(IFS=';'; echo "${found_by[*]}" | sed 's/;/, /g')
  printf '%-32s %-6s %-11s %5.1f s  %s\n' "$name" "${shortest:--}" "$verdict" "$seconds" "$cells"
  add_row "$name" "${shortest:--}" "$seconds" "$cells"
  [ ${#missed[@]} -eq 0 ] || fail "$name: $(IFS=';'; echo "${missed[*]}" | sed 's/;/, /g')"
done <<<"$EXPECTATIONS"
total=$(awk -v a="$total_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}')

if [ -n "$markdown" ]; then
  {
    echo "| mutant | shortest | time | found by |"
    echo "|---|---|---|---|"
    for row in "${rows[@]}"; do
      IFS='|' read -r name shortest seconds cells <<<"$row"
      printf '| %s | %s | %.1f s | %s |\n' "$name" "$shortest" "$seconds" "$cells"
    done
  } >"$markdown"
fi

printf '== %d mutants in %.0f s: ' "${#rows[@]}" "$total"
if [ "$failures" -eq 0 ]; then
  echo "every mutant found by every finder it must be found by"
  exit 0
fi
echo "$failures failure(s)"
exit 1
