#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo need, only when something is missing.
set -euo pipefail
need=()
command -v named >/dev/null 2>&1 || need+=(bind9)
command -v rndc >/dev/null 2>&1 || need+=(bind9-utils)
command -v dig >/dev/null 2>&1 || need+=(bind9-dnsutils)
command -v dnsdist >/dev/null 2>&1 || need+=(dnsdist)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# Unpacking the zips (package tests, e2e).
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
# pyspf, the reference for the differential SPF test and the evaluator benchmark (run by the system Python).
/usr/bin/python3 -c 'import spf' >/dev/null 2>&1 || need+=(python3-spf)
# Japanese glyphs for the screenshots the browser tests and the demo take.
dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || need+=(fonts-ipafont-gothic)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${need[*]} (run as root, or: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
  echo "installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
