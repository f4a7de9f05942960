#!/usr/bin/env bash
# The project's whole test run (the README's test command is `npm test`, which runs this file).
# Runs each suite, keeps going after a failure so every result is printed, and ends with one
# "N passed, N failed" line summed over all suites:
#   1. npx tsc --noEmit
#   2. unit + DNS tests (vitest.config.ts)            → artifacts/vitest.json
#   3. `npm run zip` once (Chrome zip, Firefox zip, sources zip in .output/)  → artifacts/zip.log
#   4. package tests on those zips (vitest.package.config.ts: manifests, icons, permissions vs README,
#      sources zip rebuild, web-ext lint)                                        → artifacts/vitest-package.json
#   5. end-to-end tests in Chromium and Firefox on the same zips               → artifacts/vitest-e2e.json
#      (vitest.e2e.config.ts with E2E_SKIP_BUILD=1: Chromium loads the unpacked Chrome zip, Firefox
#      installs the Firefox zip; screenshots in artifacts/e2e/, timings in artifacts/e2e-timings.json).
#      SKIP_E2E=1 leaves them out.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
status=0
reports=(artifacts/vitest.json artifacts/vitest-package.json)
rm -f artifacts/vitest.json artifacts/vitest-package.json artifacts/vitest-e2e.json

npx tsc --noEmit || { echo "typecheck failed"; status=1; }

npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json || status=1

# A production build: NODE_ENV must not be inherited from a caller (Vitest sets it to "test").
zipped=1
if env -u NODE_ENV npm run zip >artifacts/zip.log 2>&1; then
  echo "npm run zip: $(ls .output/*.zip | xargs -n1 basename | tr '\n' ' ')"
else
  echo "npm run zip failed; see artifacts/zip.log"; tail -20 artifacts/zip.log; status=1; zipped=0
fi

npx vitest run -c vitest.package.config.ts --reporter=default --reporter=json --outputFile.json=artifacts/vitest-package.json || status=1

if [ "${SKIP_E2E:-0}" != "1" ]; then
  reports+=(artifacts/vitest-e2e.json)
  e2e_start=$(date +%s)
  # Reuses the zips made above (a failed zip step makes the e2e setup build them itself).
  skip_build=$([ "$zipped" = 1 ] && echo 1 || echo 0)
  E2E_SKIP_BUILD=$skip_build npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=artifacts/vitest-e2e.json || status=1
  echo "end-to-end suite: $(( $(date +%s) - e2e_start )) s"
fi

node tests/summarize.mjs "${reports[@]}" || status=1
exit $status
