#!/usr/bin/env bash
# score.sh OUT [PART]: scores the extractor on the dev-set texts in
# $MAPSVC_DEVSET (those found; the rest are listed), writing the summary to
# OUT, each miss and false proposal to OUT.errs and the whole log to OUT.raw.
set -euo pipefail
out=$1; part=${2:-all}
cd "$(dirname "$0")/../.."
: "${MAPSVC_DEVSET:?set MAPSVC_DEVSET to the directory of dev-set texts}"
go test ./extract -run 'TestDevSet$' -count=1 -v -devset="$MAPSVC_DEVSET" -devset-skip-missing -devset-part="$part" > "$out.raw" 2>&1 || true
# each miss and false proposal is logged once (t.Logf); the summaries are
# printed both by t.Log and on stdout: keep the stdout copy
sed -n 's/^ *devset_test.go:[0-9]*: \([^ ]* \[[^]]*\]: \(missed\|unexpected\) .*\)/\1/p' "$out.raw" | sort > "$out.errs"
grep -vE '^(\s|=== |--- |PASS|FAIL|ok )' "$out.raw" > "$out" || true
grep -E '^dev set \([^)]*\), (all|'"$part"') articles' "$out" || true
