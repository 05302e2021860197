#!/usr/bin/env bash
# Where the test suite's time goes, from the reports of the last `./mvnw verify` (or of ci-fresh's
# clone: bench/test-phases.sh path/to/target). Groups: browser (Chromium), PostgreSQL, slapd,
# Spring contexts (MVC and integration), plain unit tests; then the packaged-jar tests (Failsafe).
set -euo pipefail
target="${1:-$(dirname "$0")/../target}"
python3 - "$target" <<'PY'
import glob, os, re, sys
target = sys.argv[1]
groups = {}
def kind(name, text):
    if 'Browser' in name or 'Axe' in name: return 'browser (Chromium)'
    if 'Postgres' in name: return 'PostgreSQL'
    if 'Slapd' in name: return 'slapd (OpenLDAP)'
    if 'Spring' in text: return 'Spring context (MVC, integration)'
    return 'unit'
for path in glob.glob(os.path.join(target, 'surefire-reports', 'TEST-*.xml')):
    text = open(path, encoding='utf-8').read()
    m = re.search(r'<testsuite [^>]*name="([^"]+)"[^>]*time="([0-9.]+)"', text) or \
        re.search(r'<testsuite [^>]*time="([0-9.]+)"[^>]*name="([^"]+)"', text)
    if not m: continue
    name, time = (m.group(1), m.group(2)) if not m.group(1)[0].isdigit() else (m.group(2), m.group(1))
    out = path.replace('TEST-', '').replace('.xml', '-output.txt')
    spring = os.path.exists(out) and 'Spring' in open(out, encoding='utf-8', errors='replace').read(200000)
    tests = int(re.search(r'tests="(\d+)"', text).group(1))
    k = kind(name, 'Spring' if spring else '')
    t, n, c = groups.get(k, (0.0, 0, 0))
    groups[k] = (t + float(time), n + tests, c + 1)
total = sum(t for t, _, _ in groups.values())
print(f"{'phase':38} {'classes':>7} {'tests':>6} {'seconds':>8} {'share':>6}")
for k, (t, n, c) in sorted(groups.items(), key=lambda kv: -kv[1][0]):
    print(f"{k:38} {c:7d} {n:6d} {t:8.1f} {100*t/total:5.0f}%")
print(f"{'Surefire total':38} {sum(c for _,_,c in groups.values()):7d} {sum(n for _,n,_ in groups.values()):6d} {total:8.1f}")
for path in glob.glob(os.path.join(target, 'failsafe-reports', 'TEST-*.xml')):
    text = open(path, encoding='utf-8').read()
    seconds = float(re.search(r'time="([0-9.]+)"', text).group(1))
    count = int(re.search(r'tests="([0-9]+)"', text).group(1))
    print(f"{'packaged jar (Failsafe)':38} {1:7d} {count:6d} {seconds:8.1f}")
PY
