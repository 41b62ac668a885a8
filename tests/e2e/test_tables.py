"""Hand-off of the tables: the demo run's CSVs read the way their users read
them (Python's csv module in the Dutch dialect, pandas with sep=";" and
decimal=","), the xlsx with openpyxl (cell types, formats, frozen header),
the GeoPackage with sqlite3 and ogrinfo (layer_styles with the printed
classes and colours, dissolved geometry, integer counts). Every expected
value is computed here from the demo files."""
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections import defaultdict

# pandas and openpyxl are Debian packages (python3-pandas, python3-openpyxl):
# use the system interpreter when this one lacks them
try:
    import openpyxl  # noqa: F401
    import pandas  # noqa: F401
except ImportError:
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3") \
            and not os.environ.get("DNW_REEXEC"):
        os.environ["DNW_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)

from e2elib import Ctx, num, read_csv_rows, read_geojson_props, read_out_csv, read_out_dicts

t = Ctx()
demo = os.path.join(t.src, "datasets", "demo")
out = os.path.join(t.work, "out")
t.run("run", os.path.join(t.src, "recipes", "demo.yaml"), "-o", out, "-q")
d = os.path.join(out, "demo")
feats = read_geojson_props(os.path.join(demo, "voorbeeldrecht_buurten.geojson"))
props = {p["buurtcode"]: p for p in feats}
arm = {r[0].strip(): r for r in read_csv_rows(os.path.join(demo, "voorbeeldrecht_energiearmoede.csv"))
       if r and r[0].strip().startswith("BU")}


def raw(v):
    return None if v is None else float(v)


# --- expected values, independently -------------------------------------
def why_65(p):
    """The reason the table must give for aandeel_65plus, or None."""
    v = p["percentage_personen_65_jaar_en_ouder"]
    if v is None:
        return "geen gegevens"
    if float(v) in (-99997.0, -99999997.0):
        return "geheim (CBS)"
    if float(v) <= -99990:
        return None  # another sentinel: not in the demo
    if num(p["aantal_inwoners"]) < 50:
        return "te weinig inwoners"
    return ""


def energiearmoede(code):
    n_arm, h_arm = num(arm[code][3]), num(arm[code][2])
    hh = num(props[code]["aantal_huishoudens"])
    if n_arm is None or h_arm is None or hh < 20:
        return None
    return 100 * n_arm / h_arm


# --- CSV, Dutch dialect ---------------------------------------------------
rows = read_out_dicts(os.path.join(d, "indicators.csv"))
bu = read_out_csv(os.path.join(d, "indicators.csv"))
header = list(rows[0].keys())
t.check(header[:6] == ["code", "name", "wijkcode", "wijknaam", "gemeentecode", "gemeentenaam"],
        "code, name and the parents first: %s" % header[:6])
t.check("aandeel_65plus_reden" in header and header.index("aandeel_65plus_reden")
        == header.index("aandeel_65plus") + 1, "reason column follows its indicator")
reasons_seen = set()
for code, p in props.items():
    got = bu[code]
    t.check(got["wijkcode"] == p["wijkcode"] and got["wijknaam"] == p["wijknaam"],
            code + " wijkcode/wijknaam")
    t.check(got["gemeentecode"] == p["gemeentecode"], code + " gemeentecode")
    t.check(got["inwoners"] == float(p["aantal_inwoners"]), code + " inwoners")
    w = why_65(p)
    t.check(got["aandeel_65plus_reden"] == w, "%s reason %r == %r" % (code, got["aandeel_65plus_reden"], w))
    if w:
        reasons_seen.add(w)
        t.check(got["aandeel_65plus"] is None, code + " missing value is an empty cell")
    e = energiearmoede(code)
    if e is not None:
        t.near(got["energiearmoede"], e, 1e-9, code + " energiearmoede")
for r in rows:
    reasons_seen.update(v for k, v in r.items() if k.endswith("_reden") and v)
t.check(len(reasons_seen) >= 2, "the demo has several reasons: %s" % reasons_seen)
# no float noise, no thousands separators, no decimal points
noisy = [v for r in rows for k, v in r.items()
         if k not in ("code", "name", "wijknaam", "gemeentenaam") and not k.endswith("_reden")
         and v and len(re.sub(r"[^0-9]", "", v).lstrip("0")) > 15]
t.check(not noisy, "no value with more than 15 significant digits: %s" % noisy[:3])
bad = [v for r in rows for k, v in r.items() if k in ("inwoners", "energiearmoede", "gasverbruik")
       and v and not re.fullmatch(r"-?[0-9]+(,[0-9]+)?", v)]
t.check(not bad, "numbers are digits with a decimal comma: %s" % bad[:3])
# rollups carry their parents too
wk = read_out_csv(os.path.join(d, "indicators_wijk.csv"))
for code, p in props.items():
    t.check(wk[p["wijkcode"]]["gemeentecode"] == p["gemeentecode"], p["wijkcode"] + " gemeentecode")
inw_wk = defaultdict(float)
for p in feats:
    inw_wk[p["wijkcode"]] += float(p["aantal_inwoners"])
for w, v in inw_wk.items():
    t.check(wk[w]["inwoners"] == v, w + " inwoners summed")
# the companion file describes every column
cols = read_out_dicts(os.path.join(d, "indicators_kolommen.csv"))
t.check([c["kolom"] for c in cols] == header, "indicators_kolommen.csv has a row per column")
desc = {c["kolom"]: c for c in cols}
t.check(desc["aandeel_65plus"]["label"] == "Inwoners van 65 jaar en ouder"
        and desc["aandeel_65plus"]["eenheid"] == "%"
        and desc["aandeel_65plus"]["formule"] == "kwb.pct_65plus"
        and "Kerncijfers" in desc["aandeel_65plus"]["bron"], "column description of aandeel_65plus")

# pandas, as the issue measures it
try:
    import pandas as pd
except ImportError:
    pd = None
    print("SKIP: pandas not installed (python3-pandas)")
if pd is not None:
    df = pd.read_csv(os.path.join(d, "indicators.csv"), sep=";", decimal=",", encoding="utf-8-sig",
                     dtype={"code": str})
    for c in ("inwoners", "energiearmoede", "aandeel_65plus", "gasverbruik"):
        t.check(pd.api.types.is_numeric_dtype(df[c]), "pandas reads %s as numbers (%s)" % (c, df[c].dtype))
    t.check(list(df.columns) == header, "pandas sees the same header")
    e = {c: energiearmoede(c) for c in props}
    for _, r in df.iterrows():
        if e[r["code"]] is not None:
            t.near(float(r["energiearmoede"]), e[r["code"]], 1e-9, r["code"] + " pandas energiearmoede")
    t.check(df["code"].iloc[0].startswith("BU"), "codes stay text")

# --- xlsx -----------------------------------------------------------------
try:
    import openpyxl
except ImportError:
    openpyxl = None
    print("SKIP: openpyxl not installed (python3-openpyxl)")
if openpyxl is not None:
    wb = openpyxl.load_workbook(os.path.join(d, "indicators.xlsx"))
    t.check(wb.sheetnames == ["buurten", "wijken", "gemeenten", "gebied", "kolommen"],
            "sheets %s" % wb.sheetnames)
    ws = wb["buurten"]
    names = [c.value for c in ws[2]]
    t.check(names == header, "row 2 holds the stable names")
    t.check(ws.freeze_panes == "A3", "header rows frozen (%s)" % ws.freeze_panes)
    t.check(ws.cell(1, header.index("aandeel_65plus") + 1).value == "Inwoners van 65 jaar en ouder (%)",
            "row 1 holds label and unit")
    ci = {n: i + 1 for i, n in enumerate(header)}
    for r in range(3, ws.max_row + 1):
        code = ws.cell(r, ci["code"]).value
        p = props[code]
        t.check(ws.cell(r, ci["code"]).data_type == "s", code + " code is text")
        c = ws.cell(r, ci["inwoners"])
        t.check(c.data_type == "n" and c.value == p["aantal_inwoners"] and c.number_format == "0",
                "%s inwoners a number cell %r %r" % (code, c.value, c.number_format))
        w = why_65(p)
        cv = ws.cell(r, ci["aandeel_65plus"]).value
        cw = ws.cell(r, ci["aandeel_65plus_reden"]).value
        t.check((cv is None and cw == w) if w else (isinstance(cv, (int, float)) and cw is None),
                "%s xlsx value/reason %r %r" % (code, cv, cw))
        e = energiearmoede(code)
        if e is not None:
            t.near(ws.cell(r, ci["energiearmoede"]).value, e, 1e-12, code + " xlsx energiearmoede")
    t.check([c.value for c in wb["kolommen"]["A"]][1:] == header, "kolommen sheet lists the columns")

# --- GeoPackage -------------------------------------------------------------
gpkg = os.path.join(d, "indicators.gpkg")
man = json.load(open(os.path.join(d, "manifest.json")))
db = sqlite3.connect(gpkg)
st = db.execute("SELECT f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault "
                "FROM layer_styles ORDER BY id").fetchall()
t.check([s[2] for s in st] == [m["name"] for m in man["maps"]], "one style per map")
t.check([s[5] for s in st] == [1, 0], "the first style is the default")
# ColorBrewer 4-class OrRd and PuBu (colorbrewer2.org)
brewer = {"energiearmoede": ["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"],
          "bereik_energiecoach": ["#f1eef6", "#bdc9e1", "#74a9cf", "#0570b0"]}
# independent values per buurt for both indicators
vals = {"energiearmoede": {c: energiearmoede(c) for c in props}}
act = {"BU" + r[0]: r for r in read_csv_rows(os.path.join(demo, "voorbeeldrecht_activiteiten.csv"), ",")[1:]}
vals["bereik_energiecoach"] = {c: (100 * float(act[c][1]) / num(p["aantal_huishoudens"])
                                   if num(p["aantal_huishoudens"]) >= 20 else None)
                               for c, p in props.items()}
for (layer, gcol, name, qml, sld, dflt), m in zip(st, man["maps"]):
    t.check(layer == "buurten" and gcol == "geom", name + " style on the buurten layer")
    rules = re.findall(r'<rule key="class\d+" symbol="(\d+)" label="[^"]*" filter="&quot;(\w+)&quot; '
                       r'&gt;=? ([-0-9.e+]+) AND &quot;\w+&quot; &lt;= ([-0-9.e+]+)"', qml)
    breaks = [float(rules[0][2])] + [float(r[3]) for r in rules]
    t.check(breaks == m["breaks"], "%s QML breaks %s == manifest %s" % (name, breaks, m["breaks"]))
    colours = re.findall(r'<Option name="color" value="(\d+),(\d+),(\d+),255"', qml)[:len(rules)]
    hexes = ["#%02x%02x%02x" % tuple(int(x) for x in c) for c in colours]
    t.check(hexes == brewer[name], "%s QML colours %s" % (name, hexes))
    sld_fill = re.findall(r'name="fill">(#[0-9a-f]{6})<', sld)[:len(rules)]
    t.check(sld_fill == brewer[name], "%s SLD colours %s" % (name, sld_fill))
    counts = [0] * len(rules)
    for v in vals[name].values():
        if v is None:
            continue
        for k in range(len(rules)):
            if (v >= breaks[k] if k == 0 else v > breaks[k]) and v <= breaks[k + 1]:
                counts[k] += 1
                break
    t.check(counts == m["counts"], "%s rules count %s == manifest %s" % (name, counts, m["counts"]))
    t.check("energiearmoede_reden" in qml or name != "energiearmoede", "missing-reason rule")
    t.check('<alias field="aandeel_65plus" index=' in qml and
            'name="Inwoners van 65 jaar en ouder (%)"' in qml, name + " aliases are the labels")
# integer counts as integers, reasons as text
types = {r[1]: r[2] for r in db.execute("PRAGMA table_info(buurten)")}
t.check(types.get("inwoners") == "INTEGER" and types.get("aandeel_65plus_reden") == "TEXT",
        "inwoners INTEGER, reasons TEXT: %s" % types)
for code, p in props.items():
    w = why_65(p)
    got = db.execute("SELECT aandeel_65plus_reden FROM buurten WHERE code = ?", (code,)).fetchone()[0]
    t.check(got == (w or None), "%s gpkg reason %r" % (code, got))
db.close()
# ogrinfo sees every level with geometry; the wijk areas are the sums of
# their buurten (shoelace on the demo polygons)


def ring_area(ring):
    return abs(sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
                   for i in range(len(ring) - 1))) / 2


with open(os.path.join(demo, "voorbeeldrecht_buurten.geojson")) as f:
    gj = json.load(f)
area_wk = defaultdict(float)
for ft in gj["features"]:
    g = ft["geometry"]
    polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    a = sum(ring_area(p[0]) - sum(ring_area(h) for h in p[1:]) for p in polys)
    area_wk[ft["properties"]["wijkcode"]] += a
info = subprocess.run(["ogrinfo", "-ro", "-so", gpkg], capture_output=True, text=True).stdout
for layer in ("buurten", "wijken", "gemeenten", "gebied"):
    t.check(re.search(r"\d+: %s \(Multi Polygon\)" % layer, info) is not None, "ogrinfo: %s has geometry" % layer)
t.check("layer_styles (None)" in info, "ogrinfo lists layer_styles")
q = subprocess.run(["ogrinfo", "-ro", "-q", gpkg, "-dialect", "OGRSQL", "-sql",
                    "SELECT code, OGR_GEOM_AREA FROM wijken"],
                   capture_output=True, text=True).stdout
got_area = dict(re.findall(r"code \(String\) = (\S+)\s+OGR_GEOM_AREA \(Real\) = ([0-9.e+]+)", q))
t.check(len(got_area) == len(area_wk), "ogrinfo reads %d wijk areas" % len(got_area))
for w, a in area_wk.items():
    t.near(float(got_area.get(w, "nan")), a, 1e-6 * a, w + " dissolved area")

# --- the international dialect ----------------------------------------------
out2 = os.path.join(t.work, "intl")
t.run("run", os.path.join(t.src, "recipes", "demo.yaml"), "-o", out2, "-q",
      "--set", "outputs.tables={dialect: international, xlsx: false}")
with open(os.path.join(out2, "demo", "indicators.csv"), "rb") as f:
    head = f.read(3)
t.check(head != b"\xef\xbb\xbf", "international: no BOM")
intl = read_out_csv(os.path.join(out2, "demo", "indicators.csv"), dialect="intl")
t.check(set(intl) == set(bu), "international: same rows")
for code in bu:
    for k, v in bu[code].items():
        t.check(intl[code][k] == v, "%s %s same value in both dialects" % (code, k))
t.check(not os.path.exists(os.path.join(out2, "demo", "indicators.xlsx")), "xlsx: false writes no workbook")
t.done()
