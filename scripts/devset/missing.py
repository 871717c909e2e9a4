#!/usr/bin/env python3
"""missing.py [LO HI]: lists the dev-set articles whose text is not in
$MAPSVC_DEVSET (optionally only held-out batches LO..HI), one
"id url" a line, pages with events first."""
import os
import sys

from common import load_devset, texts_dir

d = texts_dir()
lo, hi = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (-1, 10**9)
arts = [a for a in load_devset()["articles"] if lo <= a.get("held_out_batch", 0) <= hi]
miss = [a for a in arts if not os.path.exists(os.path.join(d, a["id"] + ".txt"))]
miss.sort(key=lambda a: (len(a["events"]) == 0, a["id"]))
for a in miss:
    print(a["id"], a["url"])
print("%d of %d missing" % (len(miss), len(arts)), file=sys.stderr)
