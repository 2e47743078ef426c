#!/usr/bin/env bash
# Prints the plain closing line "N passed, N failed, N skipped" from dotnet test's console summary.
log=${1:?usage: test-summary.sh LOG}
line=$(grep -E '(Passed|Failed)!? +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$log" | tail -n 1)
[ -n "$line" ] || { echo "test-summary: no summary line in $log" >&2; exit 1; }
failed=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
skipped=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
