"""Categorical and bivariate maps in the GeoPackage's layer_styles and in
report.html, on the demo data: a categorical map (categories in an order
that is not sorted, one without a colour) and a bivariate 3 x 3 map.

Every expected number and colour is computed here from the input files and
the recipe: the indicator values per buurt from the GeoJSON and CSVs, the
tertile breaks (R type 7, as dnawijk's quantile method documents) and the
class of each buurt, the colours from the recipe, the Okabe-Ito default and
Joshua Stevens' published pink-blue grid. Checked:
- layer_styles (read with sqlite3): one style per map on the buurt layer;
  the QML rules in the recipe's order with its labels and colours, the
  bivariate rules' bounds equal to the tertiles, the SLD with the same
  rules and fills; evaluating the QML filters on the layer's own rows (as
  QGIS would) gives every buurt exactly the colour computed here;
- report.html: each buurt's SVG fill per map equals the computed colour;
- headless Chromium (Debian `chromium`): the report renders without console
  errors, and a hover on each buurt of both maps shows that buurt."""
import csv
import html
import os
import re
import sqlite3
import xml.etree.ElementTree as ET

from e2elib import (Ctx, chromium_probe, num, read_csv_rows, read_geojson_props,
                    tertile_breaks, tertile_class, write)

t = Ctx()
demo = os.path.join(t.src, "datasets", "demo")
OUT = os.path.join(t.work, "out")
CATS = [(3, "meer dan 40 %", "#d95f02"), (1, "15 % of minder", "#1b9e77"),
        (2, "15 tot 40 %", None)]
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
             "#CC79A7", "#999999"]
# Stevens (2015), pink-blue: rows low to high y, columns low to high x
STEVENS = [["#e8e8e8", "#e4acac", "#c85a5a"],
           ["#b0d5df", "#ad9ea5", "#985356"],
           ["#64acbe", "#627f8c", "#574249"]]

cat_yaml = "\n".join('      - {value: %d, label: "%s"%s}' % (v, l, ', color: "%s"' % c if c else "")
                     for v, l, c in CATS)
recipe = write(os.path.join(t.work, "kaartsoorten.yaml"), """name: kaartsoorten
title: Voorbeeldrecht kaartsoorten (fictief)
unit: buurt
year: 2024
sources:
  kwb:
    path: %(d)s/voorbeeldrecht_buurten.geojson
    key: buurtcode
    geometry: true
    catalog: demo_voorbeeldrecht
  armoede:
    path: %(d)s/voorbeeldrecht_energiearmoede.csv
    key: Buurtcode
    catalog: cbs_energiearmoede_statline
  activiteit:
    path: %(d)s/voorbeeldrecht_activiteiten.csv
    key: buurt
    level: buurt
indicators:
  energiearmoede:
    expr: pct_of(armoede.energiearm, armoede.huishoudens)
    label: Energiearme huishoudens
    unit: "%%"
    rollup: {method: ratio, numerator: armoede.energiearm, denominator: armoede.huishoudens, scale: 100}
    min_base: {expr: kwb.huishoudens, min: 20, label: te weinig huishoudens}
  bereik:
    expr: 100 * activiteit.bezoeken_energiecoach / kwb.huishoudens
    label: Bezocht door een energiecoach
    unit: "per 100 huishoudens"
    rollup: {method: ratio, numerator: activiteit.bezoeken_energiecoach, denominator: kwb.huishoudens, scale: 100}
    min_base: {expr: kwb.huishoudens, min: 20, label: te weinig huishoudens}
  corporatie_klasse:
    expr: if(kwb.pct_corporatie > 40, 3, if(kwb.pct_corporatie > 15, 2, 1))
    label: Aandeel corporatiewoningen
    rollup: {method: weighted_mean, weight: kwb.woningen}
maps:
  - name: corporatie
    indicator: corporatie_klasse
    type: categorical
    categories:
%(cats)s
  - name: armoede_bereik
    type: bivariate
    x: energiearmoede
    y: bereik
    formats: [png]
""" % {"d": demo, "cats": cat_yaml})
t.run("run", recipe, "-o", OUT, "-q")
res = os.path.join(OUT, "kaartsoorten")

# --- the values per buurt, computed here -----------------------------------
props = read_geojson_props(os.path.join(demo, "voorbeeldrecht_buurten.geojson"))
codes = [p["buurtcode"] for p in props]  # the run's unit order
arm = {r[0].strip(): r for r in read_csv_rows(os.path.join(demo, "voorbeeldrecht_energiearmoede.csv"))
       if r and r[0].strip().startswith("BU")}
with open(os.path.join(demo, "voorbeeldrecht_activiteiten.csv"), encoding="utf-8") as f:
    act = {"BU" + r["buurt"]: float(r["bezoeken_energiecoach"]) for r in csv.DictReader(f)}
X, Y, CAT = {}, {}, {}
for p in props:
    c, hh = p["buurtcode"], float(p["aantal_huishoudens"])
    n_arm, h_arm = num(arm[c][3]), num(arm[c][2])
    X[c] = 100 * n_arm / h_arm if n_arm is not None and h_arm and hh >= 20 else None
    Y[c] = 100 * act[c] / hh if hh >= 20 else None
    pc = p["perc_huurwoningen_in_bezit_woningcorporaties"]
    CAT[c] = None if pc is None or pc <= -99990 else 3 if pc > 40 else 2 if pc > 15 else 1
t.check(sum(v is None for v in CAT.values()) >= 1 and sum(v is None for v in X.values()) >= 1,
        "the demo has buurten without a value (secret, too few households)")


bx = tertile_breaks([v for v in X.values() if v is not None])
by = tertile_breaks([v for v in Y.values() if v is not None])
cat_colour = {v: (c or OKABE_ITO[k % 8]).lower() for k, (v, l, c) in enumerate(CATS)}
want = {"corporatie": {}, "armoede_bereik": {}}
for c in codes:
    want["corporatie"][c] = cat_colour[CAT[c]] if CAT[c] is not None else None
    if X[c] is not None and Y[c] is not None:
        want["armoede_bereik"][c] = STEVENS[tertile_class(Y[c], by)][tertile_class(X[c], bx)]
    else:
        want["armoede_bereik"][c] = None


def is_grey(h):
    return h[1:3] == h[3:5] == h[5:7]


# --- layer_styles, read with SQLite ------------------------------------------
gpkg = os.path.join(res, "indicators.gpkg")
db = sqlite3.connect(gpkg)
styles = {r[1]: r for r in db.execute(
    "SELECT f_table_name, styleName, styleQML, styleSLD, useAsDefault FROM layer_styles")}
t.check("corporatie" in styles and "armoede_bereik" in styles,
        "a layer style for the categorical and the bivariate map: %s" % sorted(styles))
layer = styles["corporatie"][0] if "corporatie" in styles else "buurten"
cols = [r[1] for r in db.execute('PRAGMA table_info("%s")' % layer)]
rows = [dict(zip(cols, r)) for r in db.execute('SELECT * FROM "%s"' % layer)]
t.check([r["code"] for r in rows] == codes, "the buurt layer holds the 30 buurten in order")
t.check(sum(s[4] for s in styles.values() if s[0] == layer) == 1, "one default style on the layer")

CMP = re.compile(r'"([^"]+)" (>=|>|<=|=) (-?[0-9.eE+-]+)|"([^"]+)" = \'([^\']*)\'')


def matches(flt, row):
    """Evaluates a QML rule filter (comparisons joined by AND) on a row."""
    ok = True
    for m in CMP.finditer(flt):
        if m.group(4):
            ok &= row.get(m.group(4)) == m.group(5)
            continue
        v, op, lit = row.get(m.group(1)), m.group(2), float(m.group(3))
        if v is None:
            return False
        ok &= {">=": v >= lit, ">": v > lit, "<=": v <= lit, "=": v == lit}[op]
    return ok


def qml_rules(qml):
    root = ET.fromstring(qml.split("\n", 1)[1])
    colours = {}
    for sym in root.iter("symbol"):
        opt = sym.find("layer/Option/Option[@name='color']")
        r, g, b = (int(x) for x in opt.get("value").split(",")[:3])
        colours[sym.get("name")] = "#%02x%02x%02x" % (r, g, b)
    return [(r.get("label"), r.get("filter"), colours[r.get("symbol")], r.get("key"))
            for r in root.iter("rule")]


def sld_fills(sld):
    root = ET.fromstring(sld)
    ns = {"se": "http://www.opengis.net/se"}
    return [(r.find("se:Name", ns).text,
             r.find(".//se:SvgParameter[@name='fill']", ns).text)
            for r in root.iter("{http://www.opengis.net/se}Rule")]


for name in ("corporatie", "armoede_bereik"):
    if name not in styles:
        continue
    rules = qml_rules(styles[name][2])
    classes = [r for r in rules if r[3].startswith("class")]
    if name == "corporatie":
        t.check([(l, c) for l, _, c, _ in classes] == [(l, cat_colour[v]) for v, l, _ in CATS],
                "categorical style: the recipe's categories in its order, labels and colours: %s"
                % [(l, c) for l, _, c, _ in classes])
        t.check([f for _, f, _, _ in classes] == ['"corporatie_klasse" = %d' % v for v, _, _ in CATS],
                "categorical filters on the category values: %s" % [f for _, f, _, _ in classes])
    else:
        t.check([c for _, _, c, _ in classes] == [STEVENS[y][x] for y in range(3) for x in range(3)],
                "bivariate style: 9 cells in the pink-blue grid: %s" % [c for _, _, c, _ in classes])
        for k, (label, flt, _, _) in enumerate(classes):
            y, x = divmod(k, 3)
            nums = [float(m.group(3)) for m in CMP.finditer(flt)]
            t.check(len(nums) == 4 and all(abs(a - b) < 1e-9 * max(1, abs(b)) for a, b in
                                           zip(nums, [bx[x], bx[x + 1], by[y], by[y + 1]])),
                    "cell %d/%d bounds are the tertiles: %s" % (x + 1, y + 1, nums))
            t.check("Energiearme huishoudens" in label and "Bezocht door een energiecoach" in label,
                    "cell label names both axes: %r" % label)
    sld = sld_fills(styles[name][3])
    t.check([(n, f) for n, f in sld] == [(l, c) for l, _, c, _ in rules],
            "%s: the SLD has the QML's rules and fills" % name)
    # QGIS's view: every buurt drawn by exactly one class rule with the
    # colour computed here, or by a missing rule in a grey
    for row in rows:
        hit = [r for r in rules if matches(r[1], row)]
        w = want[name][row["code"]]
        if w is None:
            t.check(len(hit) >= 1 and all(r[3].startswith("missing") and is_grey(r[2]) for r in hit),
                    "%s: %s without a value is drawn by a grey missing rule: %s" % (name, row["code"], hit))
        else:
            t.check(len(hit) == 1 and hit[0][2] == w,
                    "%s: %s drawn as %s: %s" % (name, row["code"], w, hit))

# --- report.html: the SVG fill of every buurt -------------------------------
page = open(os.path.join(res, "report.html"), encoding="utf-8").read()
svgs = {int(m.group(1)): m.group(2) for m in
        re.finditer(r'<svg [^>]*data-map="(\d+)">(.*?)</svg>', page, re.S)}
t.check(sorted(svgs) == [0, 1], "the report draws both maps: %s" % sorted(svgs))
for mi, name in enumerate(("corporatie", "armoede_bereik")):
    fills = {int(u): f for u, f in re.findall(r'<path data-u="(\d+)"[^>]*fill="(#[0-9a-f]{6})"',
                                               svgs.get(mi, ""))}
    t.check(len(fills) == 30, "%s: 30 buurten in the report" % name)
    for u, c in enumerate(codes):
        w = want[name][c]
        f = fills.get(u)
        if w is None:
            t.check(f is not None and is_grey(f) and f not in want[name].values(),
                    "%s: %s without a value is grey in the report: %s" % (name, c, f))
        else:
            t.check(f == w, "%s: %s is %s in the report, want %s" % (name, c, f, w))
legend = re.search(r'<div class="bivar"><div class="grid">(.*?)</div>', page, re.S)
t.check(legend is not None and [c.lower() for c in re.findall(r'background:(#[0-9a-f]{6})', legend.group(1))]
        == [STEVENS[y][x] for y in (2, 1, 0) for x in range(3)] if legend else False,
        "the bivariate legend is the 3 x 3 grid, high y on top")
for v, l, _ in CATS:
    t.check(html.escape(l, quote=False) in page, "the categorical legend has %r" % l)

# --- headless Chromium: renders, no console errors, hover on both maps ------
probe = """var res={errors:window.__errors,hover:[]};
for(var m=0;m<2;m++){
 var ps=document.querySelectorAll('svg[data-map="'+m+'"] path[data-u]');
 for(var i=0;i<ps.length;i++){
  ps[i].dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));
  var inf=document.getElementById('info');
  res.hover.push([m,ps[i].getAttribute('data-u'),inf.innerText,
                  getComputedStyle(ps[i]).fill]);}}
"""
r = chromium_probe(t, page, probe)
if r is not None:
    t.check(len(r["hover"]) == 60, "60 buurt paths hovered (%d)" % len(r["hover"]))
    names = {p["buurtcode"]: p["buurtnaam"] for p in props}
    for mi, u, text, fill in r["hover"]:
        c = codes[int(u)]
        t.check(text.startswith("%s (%s)" % (names[c], c)), "map %d: hover on %s shows it: %r"
                % (mi, c, text[:50]))
        w = want[("corporatie", "armoede_bereik")[mi]][c]
        if w is not None:
            rgb = "rgb(%d, %d, %d)" % (int(w[1:3], 16), int(w[3:5], 16), int(w[5:7], 16))
            t.check(fill == rgb, "map %d: %s painted %s, want %s" % (mi, c, fill, rgb))
t.done()
