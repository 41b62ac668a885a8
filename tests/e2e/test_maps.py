"""Maps made by recipes: files in place, the manifest's classification agrees
with the indicator values (counts per class recomputed here from
indicators.csv and the breaks), and PDF/SVG output is reproducible."""
import csv
import filecmp
import json
import os

from e2elib import Ctx, out_number, read_out_dicts

t = Ctx()
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
out1 = os.path.join(t.work, "a")
out2 = os.path.join(t.work, "b")
recipe = os.path.join(t.src, "recipes", "noord_holland_65plus.yaml")
p = t.run("run", recipe, "-o", out1, "-q", "--set", "maps.0.formats=[png, pdf, svg]")
p = t.run("run", recipe, "-o", out2, "-q", "--set", "maps.0.formats=[png, pdf, svg]")
d1 = os.path.join(out1, "noord_holland_65plus")
d2 = os.path.join(out2, "noord_holland_65plus")
for ext in ("png", "pdf", "svg"):
    f1 = os.path.join(d1, "maps", "aandeel_65plus." + ext)
    t.check(os.path.getsize(f1) > 10000, "map ." + ext + " written")
    if ext != "png":
        t.check(filecmp.cmp(f1, os.path.join(d2, "maps", "aandeel_65plus." + ext), shallow=False),
                ext + " reproducible byte for byte")
man = json.load(open(os.path.join(d1, "manifest.json")))
m = man["maps"][0]
t.check(m["method"] == "jenks" and m["classes"] == 5 and len(m["breaks"]) == 6, "jenks, 5 classes")
vals = []
for row in read_out_dicts(os.path.join(d1, "indicators.csv")):
    if row["aandeel_65plus"] != "":
        vals.append(out_number(row["aandeel_65plus"]))
# the CSV holds values to 15 significant digits (no float noise): compare
# with the breaks written the same way
b = [float("%.15g" % x) for x in m["breaks"]]
counts = [0] * 5
for v in vals:
    k = 0
    while k < 4 and v > b[k + 1]:
        k += 1
    counts[k] += 1
t.check(counts == m["counts"], "class counts %s == %s" % (counts, m["counts"]))
t.check(b[0] == min(vals) and b[-1] == max(vals), "breaks span min..max")
mean = sum(vals) / len(vals)
sdam = sum((v - mean) ** 2 for v in vals)
sdcm = 0.0
for k in range(5):
    cls = [v for v in vals if (v > b[k] or (k == 0 and v >= b[0])) and v <= b[k + 1]]
    if cls:
        mk = sum(cls) / len(cls)
        sdcm += sum((v - mk) ** 2 for v in cls)
t.near(m["gvf"], 1 - sdcm / sdam, 1e-9, "goodness of variance fit")
# the map carries the title, legend ranges, source line in its text layer
import subprocess
txt = subprocess.run(["pdftotext", os.path.join(d1, "maps", "aandeel_65plus.pdf"), "-"],
                     capture_output=True, text=True).stdout
for needle in ("Inwoners van 65 jaar en ouder", "Bron: CBS Kerncijfers wijken en buurten 2024",
               "geen gegevens", "km"):
    t.check(needle in txt, "map text has %r" % needle)
# shared breaks: two maps of one group get the same breaks, computed over
# the pooled values of both indicators
from e2elib import write
shared = write(os.path.join(t.work, "shared.yaml"), """
name: gedeeld
unit: wijk
area: [GM0363, GM0599]
sources:
  w:
    path: %s
    key: wijkcode
    geometry: true
indicators:
  jong: {expr: w."0_15", unit: "%%"}
  oud: {expr: w."65plus", unit: "%%"}
maps:
  - {name: jong, indicator: jong, method: equal, classes: 4, shared_breaks: leeftijd, formats: [svg]}
  - {name: oud, indicator: oud, method: equal, classes: 4, shared_breaks: leeftijd, formats: [svg]}
""" % os.path.join(t.data, "cbs_kwb_2024_wijk_gemeente", "wijken_2024.geojson"))
p = t.run("run", shared, "-o", out1, "-q")
if p.returncode == 0:
    man = json.load(open(os.path.join(out1, "gedeeld", "manifest.json")))
    a, b2 = man["maps"]
    t.check(a["breaks"] == b2["breaks"], "shared breaks are equal: %s / %s" % (a["breaks"], b2["breaks"]))
    pooled = []
    per = {"jong": [], "oud": []}
    for row in read_out_dicts(os.path.join(out1, "gedeeld", "indicators.csv")):
        for k in per:
            if row[k] != "":
                per[k].append(out_number(row[k]))
                pooled.append(out_number(row[k]))
    lo, hi = min(pooled), max(pooled)
    want = [lo + (hi - lo) * i / 4 for i in range(5)]
    t.check(all(abs(x - y) < 1e-9 for x, y in zip(a["breaks"], want)),
            "equal-interval breaks over the pooled values: %s vs %s" % (a["breaks"], want))
    t.check(sum(a["counts"]) == len(per["jong"]) and sum(b2["counts"]) == len(per["oud"]),
            "each map counts its own values")
# a comparison chart: cars per household by gemeente, sorted, with the
# ratio of sums per gemeente computed here from the GeoJSON
from collections import defaultdict
from e2elib import num, read_geojson_props
cmp_recipe = write(os.path.join(t.work, "cmp.yaml"), """
name: vergelijking
title: Groningen en Almere
unit: wijk
area: [GM0014, GM0034, GM0363]
sources:
  w:
    path: %s
    key: wijkcode
    geometry: true
indicators:
  autos_per_hh:
    expr: w.personenautos / w.huishoudens
    label: Personenauto's per huishouden
    decimals: 2
    rollup: {method: ratio, numerator: w.personenautos, denominator: w.huishoudens}
comparisons:
  - {name: autos, indicator: autos_per_hh, by: gemeente}
""" % os.path.join(t.data, "cbs_kwb_2024_wijk_gemeente", "wijken_2024.geojson"))
p = t.run("run", cmp_recipe, "-o", out1, "-q")
if p.returncode == 0:
    d = os.path.join(out1, "vergelijking")
    man = json.load(open(os.path.join(d, "manifest.json")))
    t.check(man["comparisons"][0]["files"] == ["charts/autos.png", "charts/autos.pdf"],
            "comparison files listed")
    num_, den_, name = defaultdict(float), defaultdict(float), {}
    for w in read_geojson_props(os.path.join(t.data, "cbs_kwb_2024_wijk_gemeente", "wijken_2024.geojson")):
        a, h = num(w.get("personenautos")), num(w.get("huishoudens"))
        if w["gemeentecode"] in ("GM0014", "GM0034", "GM0363") and a is not None and h is not None:
            num_[w["gemeentecode"]] += a
            den_[w["gemeentecode"]] += h
            name[w["gemeentecode"]] = w["gemeentenaam"]
    want = sorted(((num_[g] / den_[g], name[g]) for g in num_), reverse=True)
    txt = subprocess.run(["pdftotext", "-layout", os.path.join(d, "charts", "autos.pdf"), "-"],
                         capture_output=True, text=True).stdout
    rows = [l.strip() for l in txt.splitlines()]
    import re
    is_row = lambda l, n: re.match(re.escape(n) + r"\s+[0-9]", l) is not None
    pos = [next((i for i, l in enumerate(rows) if is_row(l, n)), -1) for _, n in want]
    t.check(all(x >= 0 for x in pos) and pos == sorted(pos), "gemeenten sorted by value: %s" % want)
    for v, n in want:
        line = [l for l in rows if is_row(l, n)]
        t.check(line and ("%.2f" % v).replace(".", ",") in line[0], "%s = %.2f on the chart" % (n, v))
t.done()
