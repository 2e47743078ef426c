#!/usr/bin/env bash
# Prints the plain closing line "N passed, N failed, N skipped" from dotnet test's console summary.
log=${1:?usage: test-summary.sh LOG}
count() { grep -E "^\s+$1: +[0-9]+\s*$" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
grep -qE '^Total tests: +[0-9]+' "$log" || { echo "test-summary: no summary in $log" >&2; exit 1; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
