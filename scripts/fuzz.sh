#!/usr/bin/env bash
# Runs every fuzz target in the module for a bounded number of executions
# (or a duration): scripts/fuzz.sh [3000x|10s]. Fails on a crash, naming the
# target and the failing input that Go wrote under testdata/fuzz. A failure
# that wrote no input (the fuzz runner's own timeout) is retried once.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-3000x}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

new_inputs() { git ls-files --others --exclude-standard -- '*/testdata/fuzz/*' | sort; }

git grep -l '^func Fuzz' -- '*_test.go' | while read -r file; do
  pkg=./$(dirname "$file")
  for target in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
    for attempt in 1 2; do
      before=$(new_inputs)
      if go test -run='^$' -fuzz="^${target}\$" -fuzztime="$budget" "$pkg" >"$log" 2>&1; then
        echo "-- $pkg $target ok$([ "$attempt" = 2 ] && echo ' (retried: runner timeout)')"
        break
      fi
      after=$(new_inputs)
      if [ "$before" != "$after" ] || [ "$attempt" = 2 ]; then
        cat "$log"
        echo "FAIL: fuzz $pkg $target"
        comm -13 <(echo "$before") <(echo "$after") | sed 's/^/failing input: /'
        exit 1
      fi
      echo "-- $pkg $target: failed without a failing input (runner fault), retrying once"
    done
  done
done
