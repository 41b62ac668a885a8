"""Overlay joins across boundary years (join: overlay): counts split by area
share add up to the source total, means are area-weighted, every unit's
covered share is kept; a CRS mismatch is refused. Expected values come from
shapely (Debian python3-shapely), not from dnawijk."""
import json
import os
import subprocess
import sys

try:
    from shapely.geometry import box, shape
    from shapely.ops import unary_union
except ImportError:  # the interpreter CMake found may lack Debian's packages
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        sys.exit(subprocess.call(["/usr/bin/python3", *sys.argv]))
    raise

from e2elib import Ctx, read_out_csv, write

t = Ctx()
OUT = os.path.join(t.work, "out")
W2016 = t.path("cbs_wijk_2016", "wijk_2016.geojson")


def recipe(name, text):
    return write(os.path.join(t.work, name + ".yaml"), text)


def overlay_recipe(name, setting, src, path, rest):
    """Recipe `name` on the 2016 wijken (with one more top-level setting)
    and source `src` at path joined by overlay; rest: what follows."""
    return recipe(name, """
name: %s
unit: wijk
%s
sources:
  w:
    path: %s
    key: WKC
    geometry: true
  %s:
    path: %s
    join: overlay
%s""" % (name, setting, W2016, src, path, rest))


# Units: the 2016 wijken of Almere (RD New). Source: another indeling, a
# 750 m grid clipped to those wijken, with a count and a mean per cell.
wk = json.load(open(W2016, encoding="utf-8"))
units = {f["properties"]["WKC"]: shape(f["geometry"]) for f in wk["features"]
         if f["properties"]["GMC"] == "GM0034"}
union = unary_union(list(units.values()))
x0, y0, x1, y1 = union.bounds
cells = []
k = 0
y = y0
while y < y1:
    x = x0
    while x < x1:
        g = box(x, y, x + 750, y + 750).intersection(union)
        if g.area > 1:
            k += 1
            cells.append((g, 50 + (k * 37) % 400, 100 + (k * 13) % 90))
        x += 750
    y += 750
feats = [{"type": "Feature", "properties": {"n": n, "gem": v},
          "geometry": json.loads(json.dumps(c.__geo_interface__))} for c, n, v in cells]
grid = os.path.join(t.work, "grid.geojson")
json.dump({"type": "FeatureCollection",
           "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
           "features": feats}, open(grid, "w"))

r = overlay_recipe("ov", "area: [GM0034]", "g", grid, """    counts: [n]
indicators:
  n: {expr: g.n, kind: count}
  gem: {expr: g.gem, rollup: {method: weighted_mean, weight: 1}}
  dekking: {expr: 100 * g.dekking, rollup: {method: weighted_mean, weight: 1}}
""")
t.run("run", r, "-o", OUT, "-q")
got = read_out_csv(os.path.join(OUT, "ov", "indicators.csv"))
total_src = sum(n for _, n, _ in cells)
total_got = sum(v["n"] for v in got.values())
t.check(abs(total_got - total_src) <= 0.001 * total_src,
        "overlay counts add up to the source total within 0.1 %%: %.3f vs %d"
        % (total_got, total_src))
for code, u in units.items():
    cnt = sum(n * c.intersection(u).area / c.area for c, n, _ in cells)
    wsum = sum(c.intersection(u).area for c, _, _ in cells)
    mean = sum(v * c.intersection(u).area for c, _, v in cells) / wsum
    t.near(got[code]["n"], cnt, 1e-6 * max(cnt, 1), "count split by area in " + code)
    t.near(got[code]["gem"], mean, 1e-6 * mean, "area-weighted mean in " + code)
    t.near(got[code]["dekking"], 100 * wsum / u.area, 1e-6, "covered share of " + code)
m = json.load(open(os.path.join(OUT, "ov", "manifest.json")))
ov = [s for s in m["inputs"] if s["name"] == "g"][0]["overlay"]
t.check(ov["units_not_covered"] == 0 and ov["source_area_inside_units"] > 0.9999,
        "overlay report in the manifest: %r" % ov)

# A real boundary change: Almere's 2011 buurten (inhabitants) onto the 2016
# wijken; part of a harbour buurt lies outside the 2016 polygons, which the
# report states (source area inside the units < 100 %).
r = overlay_recipe("almere", "area: [GM0034]", "b",
                   t.path("cbs_kwb_2011_almere", "buurt_2011_v3.shp"),
                   """    counts: [AANT_INW]
indicators:
  inwoners: {expr: b.AANT_INW, kind: count}
""")
p = t.run("run", r, "-o", OUT)
t.check("van de bronoppervlakte valt binnen de wijken" in p.stdout + p.stderr,
        "the log states the covered share")
m = json.load(open(os.path.join(OUT, "almere", "manifest.json")))
ov = [s for s in m["inputs"] if s["name"] == "b"][0]["overlay"]
t.check(0.99 < ov["source_area_inside_units"] < 1.0, "2011 -> 2016: %r" % ov)

# Different CRSs: keep each source's own CRS (crs: "") with a WGS84 TopoJSON
r = overlay_recipe("crs", 'crs: ""', "b",
                   t.path("cbs_gebiedsindelingen_2014", "Buurt_2014_layer_q1e3.json"),
                   """indicators:
  d: b.dekking
""")
p = t.run("run", r, "-o", OUT, "-q", expect=1)
lines = p.stderr.strip().splitlines()
t.check(len(lines) == 1 and "Buurt_2014_layer_q1e3.json" in lines[0] and "EPSG:28992" in lines[0]
        and "EPSG:4326" in lines[0], "CRS mismatch: one line with file and both CRSs: %r" % p.stderr)
t.check(not os.path.exists(os.path.join(OUT, "crs")), "nothing written after a CRS mismatch")
t.done()
