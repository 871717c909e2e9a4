#!/usr/bin/env python3
"""addbatch.py BATCH.json [DROPID...]: appends a blind batch (its articles,
held_out and held_out_batch set) to devset.json, leaving out the dropped
near-copies and any URL already there, and copies its texts into
$MAPSVC_DEVSET."""
import json
import os
import shutil
import sys

from common import DEVSET, by_key, load_devset, texts_dir, url_key

batch_file, drop = sys.argv[1], set(sys.argv[2:])
with open(batch_file, encoding="utf-8") as f:
    new = json.load(f)
new = new["articles"] if isinstance(new, dict) else new
doc = load_devset()
have = by_key(doc["articles"])
ids = {a["id"] for a in doc["articles"]}
src = os.path.splitext(batch_file)[0]
added = 0
for a in new:
    if a["id"] in drop or url_key(a["url"]) in have:
        continue
    if a["id"] in ids:
        raise SystemExit("addbatch.py: id %s is already in devset.json" % a["id"])
    t = os.path.join(src, a["id"] + ".txt")
    if not os.path.exists(t):
        print("skipped %s: no text" % a["id"])
        continue
    shutil.copy(t, os.path.join(texts_dir(), a["id"] + ".txt"))
    doc["articles"].append(a)
    added += 1
with open(DEVSET, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
print("added %d articles" % added)
