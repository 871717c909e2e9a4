#!/usr/bin/env python3
"""indev.py URL...: tells for each URL whether it is in devset.json (its
id, and whether its text is saved) or new."""
import os
import sys

from common import by_key, load_devset, texts_dir, url_key

have = by_key(load_devset()["articles"])
d = texts_dir()
for u in sys.argv[1:]:
    a = have.get(url_key(u))
    if a is None:
        print("NEW", u)
    else:
        saved = os.path.exists(os.path.join(d, a["id"] + ".txt"))
        print(a["id"], "saved" if saved else "MISSING-TEXT", u)
