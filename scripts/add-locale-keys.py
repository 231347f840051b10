#!/usr/bin/env python3
"""Merge UI strings into the six locale catalogs.

Usage: scripts/add-locale-keys.py FILE.json
FILE.json maps each key to an object with the six languages: {"key": {"ar": "…", "en": "…", …}}.
Existing keys are overwritten; catalogs stay sorted so diffs are small. A key missing a language is refused.
"""
import json, os, sys

LANGS = ['ar', 'en', 'es', 'fr', 'ru', 'zh']
base = os.path.join(os.path.dirname(__file__), '..', 'src', 'i18n', 'locales')
new = json.load(open(sys.argv[1], encoding='utf-8'))
bad = [k for k, v in new.items() if sorted(v) != LANGS or any(not str(x).strip() for x in v.values())]
if bad:
    sys.exit('missing languages for: ' + ', '.join(bad))
for lang in LANGS:
    path = os.path.join(base, f'{lang}.json')
    cat = json.load(open(path, encoding='utf-8'))
    for k, v in new.items():
        cat[k] = v[lang]
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(dict(sorted(cat.items())), f, ensure_ascii=False, indent=1)
        f.write('\n')
print(f'{len(new)} keys merged into {len(LANGS)} catalogs')
