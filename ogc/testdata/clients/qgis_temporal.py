"""Reads mapsvc as QGIS does, headless: each OGC API collection over OAPIF,
/api/v1/periods over OGR, the Temporal Controller's filter stepped day by
day, and one frame rendered to PNG. Prints one JSON object for the Go test
(ogc/clients_test.go) to check against the API.

usage: QT_QPA_PLATFORM=offscreen python3 qgis_temporal.py BASE_URL PNG_PATH DAY...
"""
import json
import os
import sys

from qgis.core import (QgsApplication, QgsDateTimeRange, QgsFeatureRequest, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsRectangle, QgsVectorLayer, QgsVectorLayerTemporalContext,
                       QgsVectorLayerTemporalProperties)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, Qt, QTime
from qgis.PyQt.QtGui import QColor


def main(base, png, days):
    app = QgsApplication([], False)
    app.initQgis()
    out = {"collections": {}, "layers": {}}
    for cid in ("regions", "control-periods", "events"):
        layer = QgsVectorLayer(f"url='{base}/ogc' typename='{cid}'", cid, "OAPIF")
        out["collections"][cid] = {"valid": layer.isValid(), "count": layer.featureCount() if layer.isValid() else -1}
    layers = {
        "oapif": QgsVectorLayer(f"url='{base}/ogc' typename='control-periods'", "control-periods", "OAPIF"),
        "ogr": QgsVectorLayer(f"{base}/api/v1/periods", "periods", "ogr"),
    }
    for name, layer in layers.items():
        if not layer.isValid():
            out["layers"][name] = {"valid": False}
            continue
        # The Temporal Controller's setup the README documents: separate
        # start and end fields, the date-times start_time and end_time.
        props = layer.temporalProperties()
        props.setIsActive(True)
        props.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields)
        props.setStartField("start_time")
        props.setEndField("end_time")
        ctx = QgsVectorLayerTemporalContext()
        ctx.setLayer(layer)
        frames = {}
        for day in days:
            start = QDateTime(QDate.fromString(day, Qt.ISODate), QTime(0, 0), Qt.UTC)
            frame = QgsDateTimeRange(start, start.addDays(1), True, False)  # one day, as the controller steps
            expr = props.createFilterString(ctx, frame)
            shown = []
            for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expr)):
                shown.append({"region": f["region"], "controller": f["controller"]})
            frames[day] = {"filter": expr, "shown": shown}
        out["layers"][name] = {"valid": True, "count": layer.featureCount(),
                               "start_type": layer.fields().field("start_time").typeName(), "frames": frames}
    # Render the first day's frame of the OAPIF layer.
    layer = layers["oapif"]
    if layer.isValid():
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setExtent(QgsRectangle(45.5, 38.8, 47.6, 40.6))
        settings.setOutputSize(QSize(480, 400))
        settings.setBackgroundColor(QColor(255, 255, 255))
        settings.setIsTemporal(True)
        start = QDateTime(QDate.fromString(days[0], Qt.ISODate), QTime(0, 0), Qt.UTC)
        settings.setTemporalRange(QgsDateTimeRange(start, start.addDays(1), True, False))
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        out["png_saved"] = job.renderedImage().save(png, "PNG")
    print(json.dumps(out), flush=True)
    # Tearing QGIS down with provider objects still alive can crash in
    # its destructors (a known PyQGIS exit problem); the answer is out, so
    # leave without them.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
