#!/usr/bin/env python3
"""Where the CPU went in a JFR recording: execution samples by thread, by library (inclusive: a sample
counts for every library on its stack) and by the portal's own methods (inclusive).
Usage: bench/jfr-hot.py recording.jfr [top]"""
import collections, re, subprocess, sys

jfr, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '200', jfr],
                      capture_output=True, text=True, check=True).stdout
LIBRARIES = [('Argon2 (BouncyCastle)', 'org.bouncycastle.crypto.generators.Argon2'),
             ('Thymeleaf', 'org.thymeleaf.'), ('Hibernate', 'org.hibernate.'), ('PostgreSQL JDBC', 'org.postgresql.'),
             ('HikariCP', 'com.zaxxer.hikari.'), ('Jakarta Mail', 'org.eclipse.angus.'), ('Jackson', 'tools.jackson.'),
             ('ALTCHA', 'org.altcha.'), ('Spring Security', 'org.springframework.security.'),
             ('Tomcat', 'org.apache.catalina.'), ('Tomcat connector', 'org.apache.coyote.'),
             ('Flyway', 'org.flywaydb.'), ('UnboundID LDAP', 'com.unboundid.'), ('java.util.regex', 'java.util.regex.'),
             ('MessageFormat', 'java.text.MessageFormat'), ('Spring transactions', 'org.springframework.transaction.'),
             ('Spring JDBC', 'org.springframework.jdbc.')]
samples = 0
threads = collections.Counter()
libraries = collections.Counter()
portal = collections.Counter()
self_frames = collections.Counter()
for event in text.split('jdk.ExecutionSample')[1:]:
    samples += 1
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    threads[re.sub(r'-\d+$', '-N', thread.group(1)) if thread else '?'] += 1
    frames = re.findall(r'^\s+([\w$.<>]+)\(', event, re.M)
    if frames:
        self_frames[frames[0]] += 1
    for name, prefix in LIBRARIES:
        if any(f.startswith(prefix) for f in frames):
            libraries[name] += 1
    for method in set(f for f in frames if f.startswith('dev.sspr.')):
        portal[method] += 1

def show(title, counter, n):
    print(f'\n{title}')
    for key, count in counter.most_common(n):
        print(f'  {100 * count / max(1, samples):5.1f} %  {key}')

print(f'{samples} execution samples')
show('by thread', threads, 8)
show('by library (inclusive)', libraries, len(LIBRARIES))
show('portal methods (inclusive)', portal, top)
show('hottest frames (self)', self_frames, 15)
