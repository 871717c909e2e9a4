"""Shared helpers for the dev-set scripts: where the texts live and how a URL
is keyed, so that the same page found again under http/https, with or
without www, or with other percent-encoding is recognised."""
import json
import os
import re
import urllib.parse

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEVSET = os.path.join(REPO, "extract", "testdata", "devset.json")


def texts_dir():
    d = os.environ.get("MAPSVC_DEVSET")
    if not d:
        raise SystemExit("set MAPSVC_DEVSET to the directory of dev-set texts (kept outside the repository)")
    os.makedirs(d, exist_ok=True)
    return d


def url_key(url):
    u = urllib.parse.unquote(url.strip()).lower()
    u = re.sub(r"^[a-z]+://", "", u)
    u = re.sub(r"^(www\d?|m|amp)\.", "", u)
    u = re.sub(r"#.*$", "", u)
    return u.rstrip("/")


def load_devset():
    with open(DEVSET, encoding="utf-8") as f:
        return json.load(f)


def by_key(articles):
    return {url_key(a["url"]): a for a in articles}
