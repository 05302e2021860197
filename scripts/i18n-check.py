#!/usr/bin/env python3
"""Check a translated bundle against English.
usage: i18n-check.py <translated.properties> [<english.properties>]
English defaults to src/main/resources/messages.properties of this repository (or questions.properties
when the translated file's name starts with questions)."""
import re, sys, os

def load(path):
    out = {}
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        s = line.lstrip()
        if not s or s.startswith('#') or s.startswith('!'):
            continue
        while s.endswith('\\') and not s.endswith('\\\\') and i < len(lines):
            s = s[:-1] + lines[i].lstrip()
            i += 1
        m = re.match(r'([^=:\s]+)\s*[=:]\s?(.*)$', s)
        if not m:
            print('UNPARSEABLE LINE:', line); continue
        k, v = m.group(1), m.group(2)
        if k in out:
            print('DUPLICATE KEY:', k)
        out[k] = v.replace('\\n', '\n').replace('\\\\', '\\')
    return out

def args(v):
    # top-level {n...} argument indexes, ignoring quoted text
    res, depth, quoted, j = [], 0, False, 0
    while j < len(v):
        c = v[j]
        if c == "'":
            if j + 1 < len(v) and v[j+1] == "'":
                j += 2; continue
            quoted = not quoted
        elif not quoted:
            if c == '{':
                if depth == 0:
                    m = re.match(r'\{\s*(\d+)', v[j:])
                    if m: res.append(int(m.group(1)))
                    else: return None
                depth += 1
            elif c == '}':
                depth -= 1
                if depth < 0: return None
        j += 1
    if depth != 0 or quoted:
        return None
    return sorted(set(res))

tr_path = sys.argv[1]
default_en = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "questions.properties" if os.path.basename(tr_path).startswith("questions") else "messages.properties")
en_path = sys.argv[2] if len(sys.argv) > 2 else default_en
en, tr = load(en_path), load(tr_path)
bad = 0
for k in en:
    if k not in tr:
        print('MISSING:', k); bad += 1
for k in tr:
    if k not in en:
        print('EXTRA:', k); bad += 1
ALLOW = {'OK'}
for k, v in tr.items():
    if k not in en: continue
    if not v.strip():
        print('EMPTY:', k); bad += 1; continue
    a_en, a_tr = args(en[k]), args(v)
    if a_tr is None:
        print('BROKEN MessageFormat (unbalanced braces or a lone apostrophe; write two apostrophes for one):', k); bad += 1
    elif a_en != a_tr:
        print('PLACEHOLDERS DIFFER:', k, 'english', a_en, 'yours', a_tr); bad += 1
    if v == en[k] and len(v) > 3 and v not in ALLOW and not k.startswith('layout.language.'):
        print('SAME AS ENGLISH (fine only for brand names / codes):', k, '=', v)
print(('OK' if bad == 0 else f'{bad} PROBLEMS'), len(tr), 'keys checked against', len(en))
sys.exit(1 if bad else 0)
