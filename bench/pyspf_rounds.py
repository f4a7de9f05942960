#!/usr/bin/python3
"""pyspf side of bench/evaluator.ts: evaluates the OpenSPF suite in memory, in this one process.

stdin, first line: the suite as JSON, [{"zone": ZoneData, "tests": [{"ip", "sender", "helo", "expected"}]}]
(the zones answered by the differential test's fake DNS, the same semantics as lib/dns/memory.ts). Then one
line per round, "ROUNDS_PER_LINE N": evaluates the whole suite N times and answers one JSON line with the
tests evaluated, how many gave an expected result, CPU seconds (time.process_time) and wall seconds.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'support', 'spf-diff'))
import pyspf_harness  # noqa: E402  (installs the fake DNS into spf)
import spf  # noqa: E402


def run_suite(suite):
    tests = 0
    passed = 0
    for scenario in suite:
        pyspf_harness.ZONE = scenario['zone']
        for t in scenario['tests']:
            q = spf.query(i=t['ip'], s=t['sender'], h=t['helo'], receiver='receiver.example', strict=True)
            try:
                result = q.check()[0]
            except Exception:
                result = 'crash'
            tests += 1
            passed += result in t['expected']
    return tests, passed


def main():
    suite = json.loads(sys.stdin.readline())
    for scenario in suite:
        scenario['zone'] = {k.lower(): v for k, v in scenario['zone'].items()}
    for line in sys.stdin:
        repeats = int(line.split()[1])
        cpu0, wall0 = time.process_time(), time.perf_counter()
        tests = passed = 0
        for _ in range(repeats):
            t, p = run_suite(suite)
            tests += t
            passed += p
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        sys.stdout.write(json.dumps({'tests': tests, 'passed': passed // repeats, 'cpu': cpu, 'wall': wall}) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
