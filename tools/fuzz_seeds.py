#!/usr/bin/env python3
"""Makes the seed corpora of the fuzz harnesses in OUT/<harness>/: small
excerpts of the real data in SHARED (a CSV's first lines, a GeoJSON's first
features as a new FeatureCollection), the project's own recipes, the
expressions of those recipes, and the tiny hand-made seeds in
tests/fuzz/corpus/<harness>/. Nothing is copied whole; excerpts are made
fresh at build time and never committed.

usage: fuzz_seeds.py SHARED SOURCE_DIR OUT"""
import glob
import gzip
import json
import os
import re
import shutil
import sys

shared, src, out = sys.argv[1:4]
HARNESSES = ("csv", "expr", "cache", "recipe", "ogr")


def put(harness, name, data):
    d = os.path.join(out, harness)
    os.makedirs(d, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(d, name), mode) as f:
        f.write(data)


for h in HARNESSES:
    os.makedirs(os.path.join(out, h), exist_ok=True)
    for f in glob.glob(os.path.join(src, "tests", "fuzz", "corpus", h, "*")):
        shutil.copy(f, os.path.join(out, h, os.path.basename(f)))

# CSV: the first 12 lines (header, some rows) of each CSV, and the test
# fixtures (already small)
for k, path in enumerate(sorted(glob.glob(os.path.join(shared, "*", "*.csv")))):
    with open(path, "rb") as f:
        head = b"".join(f.readline() for _ in range(12))
    put("csv", "shared_%02d.csv" % k, head[:8192])
for path in glob.glob(os.path.join(src, "tests", "data", "csv", "*")):
    with open(path, "rb") as f:
        put("csv", "fixture_" + os.path.basename(path), f.read()[:8192])

# expressions of the recipes
exprs = set()
for path in glob.glob(os.path.join(src, "recipes", "*.yaml")) + \
        glob.glob(os.path.join(src, "tests", "data", "recipes", "*.yaml")):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    put("recipe", os.path.basename(path), text)
    for m in re.finditer(r"^\s*expr:\s*(.+)$", text, re.M):
        e = m.group(1).strip()
        if e.startswith("{"):
            continue
        exprs.add(re.sub(r"\b[a-z_]+\.", "w.", e))
for k, e in enumerate(sorted(exprs)):
    put("expr", "recipe_%02d.txt" % k, e)

# OGR: the first byte picks the extension (0 GeoJSON, 1 GeoPackage, 2 .json
# TopoJSON); GeoJSON excerpts of three features
for k, path in enumerate(sorted(glob.glob(os.path.join(shared, "*",
                                                       "*.geojson")))):
    if os.path.getsize(path) > 30_000_000:
        continue
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    doc["features"] = doc.get("features", [])[:3]
    put("ogr", "shared_%02d.geojson" % k,
        b"\x00" + json.dumps(doc).encode("utf-8")[:60000])
for k, path in enumerate(sorted(glob.glob(os.path.join(shared, "*",
                                                       "*.gpkg")))):
    if os.path.getsize(path) < 300_000:
        with open(path, "rb") as f:
            put("ogr", "shared_%02d.gpkg" % k, b"\x01" + f.read())
