#!/usr/bin/python3
"""Batch harness: evaluates SPF scenarios with pyspf (Debian python3-spf) against in-memory zones.

stdin: one JSON scenario per line, {"zone": {name: [entry, ...]}, "tests": [{"ip", "sender", "helo"}]},
with the same zone entries as lib/dns/memory.ts (ZoneData). stdout: one JSON line per scenario, a list of
{"result", "explanation"}. The fake DNS answers exactly as ZoneResolver does (CNAMEs chased by the
resolver, a CNAME loop or over-long chain is SERVFAIL, scripted timeouts), so both engines see one DNS.
"""
import json
import sys

import spf

MAX_CNAME_CHAIN = 8
ZONE = {}


class Fail(Exception):
    pass


def records_at(name, qtype):
    entries = ZONE.get(name)
    if entries is None:
        return None
    out = []
    saw_type = False
    for entry in entries:
        if 'timeoutRest' in entry:
            if not saw_type:
                raise Fail('timeout')
            break
        if 'fail' in entry:
            if entry['type'] == qtype:
                raise Fail(entry['fail'])
            continue
        if entry['type'] == qtype:
            saw_type = True
        out.append(entry)
    return out


def resolve(qname, qtype):
    """Answers of qtype for qname after the CNAME chain, as ZoneResolver.query does."""
    chain = []
    current = qname
    while True:
        records = records_at(current, qtype)
        if records is None:
            return []
        cname = None if qtype == 'CNAME' else next((r for r in records if r['type'] == 'CNAME'), None)
        if cname is None:
            return [r for r in records if r['type'] == qtype]
        current = cname['value'].lower().rstrip('.')
        if current in chain or current == qname or len(chain) >= MAX_CNAME_CHAIN:
            raise Fail('servfail (CNAME loop)')
        chain.append(current)


def to_value(record):
    t = record['type']
    v = record['value']
    if t == 'MX':
        return (int(v['preference']), v['exchange'].lower().rstrip('.'))
    if t == 'TXT':
        return tuple(s.encode('utf-8') for s in v)
    if t in ('PTR', 'CNAME', 'NS'):
        return v.lower().rstrip('.')
    return v


def fake_lookup(name, qtype, strict=True, timeout=None):
    qname = str(name).lower().rstrip('.')
    try:
        answers = resolve(qname, qtype)
    except Fail as failure:
        raise spf.TempError('DNS %s for %s %s' % (failure, qname, qtype))
    return [((qname, qtype), to_value(r)) for r in answers]


spf.DNSLookup = fake_lookup


def evaluate(test):
    q = spf.query(i=test['ip'], s=test['sender'], h=test['helo'], receiver='receiver.example', strict=True)
    q.t = '1700000000'
    try:
        result, _code, explanation = q.check()
    except Exception as error:  # a crash inside pyspf is its own outcome, never a silent pass
        return {'result': 'crash', 'explanation': '%s: %s' % (type(error).__name__, error)}
    # For permerror/temperror, pyspf's message says which rule fired (the classifier reads it).
    reason = explanation if result in ('permerror', 'temperror') else None
    return {'result': result, 'explanation': explanation if result == 'fail' else None, 'reason': reason}


def main():
    global ZONE
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        scenario = json.loads(line)
        ZONE = {k.lower(): v for k, v in scenario['zone'].items()}
        sys.stdout.write(json.dumps([evaluate(t) for t in scenario['tests']]) + '\n')
    sys.stdout.flush()


if __name__ == '__main__':
    main()
