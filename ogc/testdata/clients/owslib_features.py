"""Reads mapsvc's OGC API - Features with OWSLib's ogcapi.features.Features,
as a Python client would: landing page, conformance, collections, items with
datetime, bbox and paging. Prints one JSON object for the Go test
(ogc/clients_test.go) to check against the API.

usage: python3 owslib_features.py BASE_URL
"""
import json
import sys

from owslib.ogcapi.features import Features


def main(base):
    w = Features(base + "/ogc")
    out = {
        "title": w.links and w.response.get("title"),
        "conformance": w.conformance().get("conformsTo", []),
        "collections": [c["id"] for c in w.collections()["collections"]],
        "collection": w.collection("control-periods").get("id"),
    }
    # OWSLib 0.27 documents datetime_ but sends keyword names as they are;
    # the OGC parameter is datetime.
    day = w.collection_items("control-periods", datetime="2020-11-25", limit=1000)
    out["day"] = {f["properties"]["region"]: f["properties"].get("controller") for f in day["features"]}
    out["day_matched"] = day.get("numberMatched")
    box = w.collection_items("regions", bbox=[46.5, 39.7, 46.9, 39.9], limit=1000)
    out["bbox"] = sorted(f["id"] for f in box["features"])
    # Paging: follow offset in pages of 10 until a short page.
    ids, offset = [], 0
    while True:
        page = w.collection_items("events", limit=10, offset=offset)
        ids += [f["id"] for f in page["features"]]
        if len(page["features"]) < 10:
            break
        offset += 10
    out["paged_ids"] = ids
    out["events_matched"] = page.get("numberMatched")
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
