#!/usr/bin/env bash
# The project's whole test run (the README's test command is `npm test`, which runs this file).
# Runs each suite, keeps going after a failure so every result is printed, and ends with one
# "N passed, N failed" line summed over all suites:
#   1. npx tsc --noEmit
#   2. unit + DNS tests (vitest.config.ts)            → artifacts/vitest.json
#   3. end-to-end tests in Chromium and Firefox        → artifacts/vitest-e2e.json
#      (vitest.e2e.config.ts; its global setup runs `npm run build` first; screenshots in artifacts/e2e/,
#      timings in artifacts/e2e-timings.json). SKIP_E2E=1 leaves them out.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
status=0
reports=(artifacts/vitest.json)
rm -f artifacts/vitest.json artifacts/vitest-e2e.json

npx tsc --noEmit || { echo "typecheck failed"; status=1; }

npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json || status=1

if [ "${SKIP_E2E:-0}" != "1" ]; then
  reports+=(artifacts/vitest-e2e.json)
  e2e_start=$(date +%s)
  npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=artifacts/vitest-e2e.json || status=1
  echo "end-to-end suite: $(( $(date +%s) - e2e_start )) s"
fi

node tests/summarize.mjs "${reports[@]}" || status=1
exit $status
