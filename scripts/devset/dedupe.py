#!/usr/bin/env python3
"""dedupe.py BATCH.json: compares each new text (in the folder named like
BATCH.json without .json) with every stored dev-set text and with the other
new ones, by 8-word shingles, and prints the ids whose overlap is 0.30 or
more: near-copies that would count one page twice."""
import glob
import os
import re
import sys

from common import texts_dir

TH = 0.30


def shingles(t):
    w = re.findall(r"\w+", t.lower())
    return {" ".join(w[i:i + 8]) for i in range(max(0, len(w) - 7))}


new_dir = os.path.splitext(sys.argv[1])[0]
old = {os.path.basename(p)[:-4]: shingles(open(p, encoding="utf-8").read()) for p in glob.glob(os.path.join(texts_dir(), "*.txt"))}
new = {os.path.basename(p)[:-4]: shingles(open(p, encoding="utf-8").read()) for p in sorted(glob.glob(os.path.join(new_dir, "*.txt")))}
drop = []
seen = {}
for i, s in new.items():
    best, who = 0.0, ""
    for j, o in list(old.items()) + list(seen.items()):
        if not s or not o:
            continue
        r = len(s & o) / min(len(s), len(o))
        if r > best:
            best, who = r, j
    if best >= TH:
        drop.append(i)
        print("%s overlaps %s: %.2f" % (i, who, best))
    else:
        seen[i] = s
print("DROP " + " ".join(drop))
