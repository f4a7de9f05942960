#!/usr/bin/env bash
# npm run toolbar:screenshots: docs/screenshots/toolbar-{chromium,firefox}.png, the toolbar button
# (icon + verdict badge) in headed browsers on a virtual X screen. Manual, not in CI: needs Debian's
# xvfb and imagemagick (apt-get install xvfb imagemagick). E2E_SKIP_BUILD=1 reuses .output's zips.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in xvfb-run import; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool: apt-get install xvfb imagemagick" >&2; exit 1; }
done
exec xvfb-run -a -s "-screen 0 1280x800x24" npx tsx tests/e2e/toolbar-screenshots.ts
