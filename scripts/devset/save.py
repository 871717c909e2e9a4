#!/usr/bin/env python3
"""save.py URL < text: stores a dev-set page's text (read back through the
search tool) as $MAPSVC_DEVSET/<id>.txt, the id taken from devset.json by
URL. With --new BATCHFILE the id is looked up in a new batch's JSON instead
and the text goes to the batch's folder beside it."""
import os
import sys

from common import by_key, load_devset, texts_dir, url_key
import json


def main():
    args = sys.argv[1:]
    new = None
    if args and args[0] == "--new":
        new, args = args[1], args[2:]
    if len(args) != 1:
        raise SystemExit("usage: save.py [--new BATCH.json] URL < text")
    text = sys.stdin.read()
    if len(text.strip()) < 40:
        raise SystemExit("save.py: the text on stdin is empty or too short")
    if new:
        with open(new, encoding="utf-8") as f:
            arts = json.load(f)
        arts = arts["articles"] if isinstance(arts, dict) else arts
        out = os.path.splitext(new)[0]
    else:
        arts = load_devset()["articles"]
        out = texts_dir()
    a = by_key(arts).get(url_key(args[0]))
    if a is None:
        raise SystemExit("save.py: %s is not in %s" % (args[0], new or "devset.json"))
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, a["id"] + ".txt")
    existed = os.path.exists(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("%s %s (%d chars)" % ("replaced" if existed else "saved", path, len(text)))


main()
