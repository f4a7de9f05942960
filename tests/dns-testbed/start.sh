#!/usr/bin/env bash
# Starts the loopback DNS testbed: BIND 9.18 (authoritative for zones/*.zone, plain DNS on UDP/TCP) and
# dnsdist 1.7 in front of it (HTTP/1.1 DoH, plus a second DoH listener that always answers SERVFAIL).
# Both run as ordinary foreground processes in the background; their PIDs go to $RUN/*.run.pid.
# On success prints KEY=VALUE lines on stdout (RUN, DNS_PORT, RNDC_PORT, DOH_URL, SERVFAIL_URL); logs are
# in $RUN/named.log and $RUN/dnsdist.log. Stop with: stop.sh "$RUN".
#
# Environment: TESTBED_DNS_PORT (15300), TESTBED_RNDC_PORT (15301), TESTBED_DOH_PORT (18053),
# TESTBED_SERVFAIL_PORT (18054); TESTBED_RUN (default: a fresh mktemp -d); TESTBED_OWNER_PID (when set, a
# watcher stops the testbed once that process is gone, so a killed test runner leaves nothing behind).
set -euo pipefail
SRC=$(cd "$(dirname "$0")" && pwd)
DNS_PORT=${TESTBED_DNS_PORT:-15300}
RNDC_PORT=${TESTBED_RNDC_PORT:-15301}
DOH_PORT=${TESTBED_DOH_PORT:-18053}
SERVFAIL_PORT=${TESTBED_SERVFAIL_PORT:-18054}

for tool in named named-checkconf rndc dig dnsdist; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "dns-testbed: '$tool' not found; install bind9 bind9-utils bind9-dnsutils dnsdist (see .ci/install-system-deps.sh)" >&2
    exit 127
  }
done

RUN=${TESTBED_RUN:-$(mktemp -d /tmp/spf-doctor-dns-testbed.XXXXXX)}
mkdir -p "$RUN/zones"
cp "$SRC"/zones/*.zone "$RUN/zones/"

render() {
  sed -e "s#@RUN@#$RUN#g" -e "s#@DNS_PORT@#$DNS_PORT#g" -e "s#@RNDC_PORT@#$RNDC_PORT#g" \
      -e "s#@DOH_PORT@#$DOH_PORT#g" -e "s#@SERVFAIL_PORT@#$SERVFAIL_PORT#g" "$1"
}
render "$SRC/named.conf.in" > "$RUN/named.conf"
# One primary zone per zones/*.zone file: adding a scenario means adding a file.
for f in "$SRC"/zones/*.zone; do
  zone=$(basename "$f" .zone)
  echo "zone \"$zone\" { type primary; file \"zones/$zone.zone\"; };" >> "$RUN/named.conf"
done
render "$SRC/rndc.conf.in" > "$RUN/rndc.conf"
render "$SRC/dnsdist.conf.in" > "$RUN/dnsdist.conf"
named-checkconf "$RUN/named.conf"

probe() { dig +time=1 +tries=1 "$@" @127.0.0.1 example.jp SOA 2>/dev/null; }

fail() {
  echo "dns-testbed: $1" >&2
  for log in named.log dnsdist.log; do
    [ -f "$RUN/$log" ] && { echo "--- $log" >&2; tail -n 20 "$RUN/$log" >&2; }
  done
  "$SRC/stop.sh" "$RUN" >&2 || true
  exit 1
}

# named refuses to run as root without -u; the run directory must then belong to 'bind'.
if [ "$(id -u)" = 0 ]; then chown -R bind:bind "$RUN"; NAMED_USER=(-u bind); else NAMED_USER=(); fi
# -g: foreground with all logging on stderr (also for errors before the config is read); $! is named itself.
named -g "${NAMED_USER[@]}" -c "$RUN/named.conf" > "$RUN/named.log" 2>&1 < /dev/null &
echo $! > "$RUN/named.run.pid"
# dnsdist reads its config before dropping privileges, so the bind-owned run directory is fine.
if [ "$(id -u)" = 0 ]; then DNSDIST_USER=(-u nobody -g nogroup); else DNSDIST_USER=(); fi
dnsdist --supervised --disable-syslog "${DNSDIST_USER[@]}" -C "$RUN/dnsdist.conf" > "$RUN/dnsdist.log" 2>&1 < /dev/null &
echo $! > "$RUN/dnsdist.run.pid"

# Wait until BIND answers over UDP and both dnsdist DoH listeners answer (about 0.1 s). dig speaks DoH
# itself (+http-plain-get: cleartext GET over h2c), so the probe needs no curl.
ready=0
for _ in $(seq 1 1000); do
  kill -0 "$(cat "$RUN/named.run.pid")" 2>/dev/null || fail "named exited"
  kill -0 "$(cat "$RUN/dnsdist.run.pid")" 2>/dev/null || fail "dnsdist exited"
  grep -q "address in use" "$RUN/named.log" && fail "port $DNS_PORT is in use"
  # Probe only once named logs "running": a UDP query sent before it binds is lost and dig waits 1 s.
  if grep -q ' running$' "$RUN/named.log" \
    && probe -p "$DNS_PORT" | grep -q 'status: NOERROR' \
    && probe +http-plain-get -p "$DOH_PORT" | grep -q 'status: NOERROR' \
    && probe +http-plain-get -p "$SERVFAIL_PORT" | grep -q 'status: SERVFAIL'; then
    ready=1
    break
  fi
  sleep 0.01
done
[ "$ready" = 1 ] || fail "servers did not answer within 10 s"

if [ -n "${TESTBED_OWNER_PID:-}" ]; then
  # Polls once a second; fully detached from our stdout so the caller's pipe closes when start.sh exits.
  (
    while kill -0 "$TESTBED_OWNER_PID" 2>/dev/null && [ -d "$RUN" ]; do sleep 1; done
    [ -d "$RUN" ] && TESTBED_FROM_WATCHER=1 "$SRC/stop.sh" "$RUN"
  ) > /dev/null 2>&1 < /dev/null &
  echo $! > "$RUN/watcher.run.pid"
fi

echo "RUN=$RUN"
echo "DNS_PORT=$DNS_PORT"
echo "RNDC_PORT=$RNDC_PORT"
echo "DOH_URL=http://127.0.0.1:$DOH_PORT/dns-query"
echo "SERVFAIL_URL=http://127.0.0.1:$SERVFAIL_PORT/dns-query"
