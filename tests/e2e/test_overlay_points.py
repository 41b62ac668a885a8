"""Overlay joins weighted by address points (join: overlay with
weight: {points: ...}): a count is split by the share of a source polygon's
points that lie in each unit, and by area where the polygon holds no point
(listed in the manifest); means stay area-weighted. The fixture is made of
axis-parallel rectangles, so every expected value is computed here with
plain Python (rectangle intersections and point counts), not with dnawijk.
"""
import json
import os

from e2elib import Ctx, read_out_csv, write

t = Ctx()
OUT = os.path.join(t.work, "out")
X0, Y0 = 150000.0, 450000.0  # somewhere in RD New


def rect(x0, y0, x1, y1):
    return (X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def poly(r):
    x0, y0, x1, y1 = r
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def fc(features):
    return {"type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
            "features": features}


def area(r):
    return max(0.0, r[2] - r[0]) * max(0.0, r[3] - r[1])


def inter(a, b):
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def inside(p, r):
    return r[0] < p[0] < r[2] and r[1] < p[1] < r[3]


# units (today's buurten) and a source on another indeling
units = {"BU00140001": rect(0, 0, 100, 100), "BU00140002": rect(100, 0, 200, 100),
         "BU00140003": rect(0, 100, 200, 200)}
src = [  # (polygon, count n, mean gem)
    (rect(50, 50, 150, 150), 100, 10.0),
    (rect(150, 0, 200, 200), 60, 20.0),
    (rect(0, 150, 50, 200), 30, 40.0),   # holds no point: split by area
    (rect(40, 0, 60, 30), 8, 5.0),
]
# address points, none on an edge (x.5 / y.5): 1 in 7 in the first
# polygon's part in BU..01, most of the rest in its part in BU..03, ...
pts = []
for i in range(40):
    pts.append((X0 + 55.5 + (i % 8) * 5, Y0 + 100.5 + (i // 8) * 9))      # S1 in U3
for i in range(6):
    pts.append((X0 + 60.5 + i * 6, Y0 + 60.5 + i * 5))                   # S1 in U1
for i in range(12):
    pts.append((X0 + 110.5 + (i % 4) * 9, Y0 + 55.5 + (i // 4) * 12))    # S1 in U2
for i in range(9):
    pts.append((X0 + 160.5 + (i % 3) * 12, Y0 + 10.5 + (i // 3) * 25))  # S2 in U2
for i in range(21):
    pts.append((X0 + 155.5 + (i % 7) * 6, Y0 + 120.5 + (i // 7) * 20))  # S2 in U3
pts.append((X0 + 45.5, Y0 + 10.5))                                      # S4 in U1
pts.append((X0 + 20.5, Y0 + 20.5))                                      # in no source polygon
pts.append((X0 + 500.5, Y0 + 500.5))                                    # outside everything

write(os.path.join(t.work, "units.geojson"), json.dumps(fc(
    [{"type": "Feature", "properties": {"code": c}, "geometry": poly(r)} for c, r in units.items()])))
write(os.path.join(t.work, "old.geojson"), json.dumps(fc(
    [{"type": "Feature", "properties": {"n": n, "gem": g}, "geometry": poly(r)} for r, n, g in src])))
lines = ["x,y"] + ["%.1f,%.1f" % p for p in pts] + ["150020.5,"]
write(os.path.join(t.work, "adressen.csv"), "\n".join(lines) + "\n")

RECIPE = """
name: %s
unit: buurt
sources:
  b:
    path: units.geojson
    key: code
    geometry: true
  old:
    path: old.geojson
    join: overlay
    counts: [n]%s
indicators:
  n: {expr: old.n, kind: count, decimals: 6}
  gem: {expr: old.gem, rollup: {method: weighted_mean, weight: 1}, decimals: 6}
"""
r = write(os.path.join(t.work, "pw.yaml"),
          RECIPE % ("pw", "\n    weight: {points: adressen.csv, x: x, y: y, crs: \"EPSG:28992\"}"))
t.run("run", r, "-o", OUT, "-q")
got = read_out_csv(os.path.join(OUT, "pw", "indicators.csv"))

usable = pts  # the last row has no usable coordinates
pt_src = [sum(inside(p, s[0]) for p in usable) for s in src]
want_n, want_gem = {}, {}
for c, u in units.items():
    n = 0.0
    num = den = 0.0
    for (s, cnt, gem), ps in zip(src, pt_src):
        a = area(inter(u, s))
        if a <= 0:
            continue
        if ps > 0:
            n += cnt * sum(inside(p, s) and inside(p, u) for p in usable) / ps
        else:
            n += cnt * a / area(s)
        num += gem * a
        den += a
    want_n[c] = n
    want_gem[c] = num / den if den else None
for c in units:
    t.near(got.get(c, {}).get("n"), want_n[c], 1e-5, "point-weighted count of " + c)
    t.near(got.get(c, {}).get("gem"), want_gem[c], 1e-5, "area-weighted mean of " + c)
# by area the counts differ: the test tells the two apart
area_n = {c: sum(cnt * area(inter(u, s)) / area(s) for s, cnt, _ in src) for c, u in units.items()}
t.check(max(abs(area_n[c] - want_n[c]) for c in units) > 5, "points and area give different counts")
# all of a source polygon's points lie inside the units here, so its count
# is kept whole; the area-split polygon keeps its share inside the units
total_in = sum(cnt for (s, cnt, _), ps in zip(src, pt_src) if ps > 0) + \
    sum(cnt * sum(area(inter(u, s)) for u in units.values()) / area(s)
        for (s, cnt, _), ps in zip(src, pt_src) if ps == 0)
t.near(sum(v["n"] for v in got.values()), total_in, 1e-4, "counts add up to the source total")

man = json.load(open(os.path.join(OUT, "pw", "manifest.json"), encoding="utf-8"))
ov = [s for s in man["inputs"] if s["name"] == "old"][0]["overlay"]
outside_src = sum(1 for p in usable if not any(inside(p, s[0]) for s in src))
t.check(ov.get("counts_split_by") == "points", "manifest: counts split by points")
t.check(ov.get("points") == len(usable), "manifest: %r points, want %d" % (ov.get("points"), len(usable)))
t.check(ov.get("points_unusable") == 1, "manifest: 1 row without usable coordinates")
t.check(ov.get("points_outside_source") == outside_src,
        "manifest: %r points outside the source polygons, want %d" % (ov.get("points_outside_source"), outside_src))
t.check(ov.get("source_rows_split_by_area") == [i + 1 for i, ps in enumerate(pt_src) if ps == 0] == [3],
        "manifest: the source rows without a point are listed: %r" % ov.get("source_rows_split_by_area"))
p = t.run("run", r, "-o", OUT)
t.check("verdeeld naar oppervlakte (rij 3)" in p.stderr + p.stdout, "the run log names the fallback row")

# bad input: a missing coordinate column names the file and the column;
# weight: on a source that is not overlaid is refused; nothing written
r = write(os.path.join(t.work, "badcol.yaml"),
          RECIPE % ("badcol", "\n    weight: {points: adressen.csv, x: lon, y: y}"))
p = t.run("run", r, "-o", OUT, "-q", expect=1)
t.check("adressen.csv" in p.stderr and "\"lon\"" in p.stderr and p.stderr.count("\n") == 1
        and not os.path.exists(os.path.join(OUT, "badcol")),
        "missing coordinate column: one line with file and column: %r" % p.stderr)
r = write(os.path.join(t.work, "notov.yaml"), RECIPE.replace("    join: overlay\n", "    key: n\n")
          % ("notov", "\n    weight: {points: adressen.csv}"))
p = t.run("run", r, "-o", OUT, "-q", expect=1)
t.check("join: overlay" in p.stderr and "notov.yaml:13" in p.stderr, "weight: without join: overlay is refused: %r" % p.stderr)
t.done()
