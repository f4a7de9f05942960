#!/usr/bin/env bash
# The project's whole test run (the README's test command is `npm test`, which runs this file).
# Runs each suite, keeps going after a failure so every result is printed, and ends with one
# "N passed, N failed" line summed over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
status=0

npx tsc --noEmit || { echo "typecheck failed"; status=1; }

npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json || status=1

node tests/summarize.mjs artifacts/vitest.json || status=1
exit $status
