"""Recipes run end to end on ../shared/data; every value is compared with a
number computed here independently (Python's json/csv/struct)."""
import glob
import hashlib
import json
import os
from collections import defaultdict

from e2elib import Ctx, demo_kwb_source, num, read_csv_rows, read_dbf, read_geojson_props, read_out_csv, write

t = Ctx()
D = t.data
OUT = os.path.join(t.work, "out")


def recipe(name, text):
    return write(os.path.join(t.work, name + ".yaml"), text.replace("@DATA@", D))


def run(path, *extra, expect=0):
    return t.run("run", path, "-o", OUT, "-q", *extra, expect=expect)


# --- A: wijken 2024 joined to gemeenten 2024 through the derived code -----
r = recipe("aandeel", """
name: aandeel
unit: wijk
area: [GM0363, GM0479]
sources:
  w:
    path: @DATA@/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson
    key: wijkcode
    geometry: true
  g:
    path: @DATA@/cbs_kwb_2024_wijk_gemeente/gemeenten_2024.geojson
    key: gemeentecode
indicators:
  aandeel_hh:
    expr: 100 * w.huishoudens / g.huishoudens
    label: Aandeel van de huishoudens in de gemeente
    unit: "%"
  hh:
    expr: w.huishoudens
    kind: count
""")
p = run(r)
wijken = read_geojson_props(os.path.join(D, "cbs_kwb_2024_wijk_gemeente", "wijken_2024.geojson"))
gem = {g["gemeentecode"]: g for g in
       read_geojson_props(os.path.join(D, "cbs_kwb_2024_wijk_gemeente", "gemeenten_2024.geojson"))}
sel = [w for w in wijken if w["gemeentecode"] in ("GM0363", "GM0479")]
res = read_out_csv(os.path.join(OUT, "aandeel", "indicators.csv")) if p.returncode == 0 else {}
t.check(len(res) == len(sel), "one row per wijk in the area: %d vs %d" % (len(res), len(sel)))
hh_sum = defaultdict(float)
for w in sel:
    got = res.get(w["wijkcode"], {})
    hw, hg = num(w.get("huishoudens")), num(gem[w["gemeentecode"]].get("huishoudens"))
    want = None if hw is None or hg in (None, 0) else 100.0 * hw / hg
    if want is None:
        t.check(got.get("aandeel_hh") is None, "%s missing" % w["wijkcode"])
    else:
        t.near(got.get("aandeel_hh"), want, 1e-9, "aandeel_hh " + w["wijkcode"])
    if hw is not None:
        hh_sum[w["gemeentecode"]] += hw
    t.check(got.get("name") == w["wijknaam"], "name of " + w["wijkcode"])
gm = read_out_csv(os.path.join(OUT, "aandeel", "indicators_gemeente.csv")) if p.returncode == 0 else {}
for code, s in hh_sum.items():
    t.near(gm.get(code, {}).get("hh"), s, 1e-6, "hh summed to " + code)
t.check(all(v.get("aandeel_hh") is None for v in gm.values()),
        "a rate without a rollup rule is not averaged at gemeente level")
man = json.load(open(os.path.join(OUT, "aandeel", "manifest.json"))) if p.returncode == 0 else {}
for inp in man.get("inputs", []):
    with open(inp["resolved"], "rb") as f:
        t.check(inp["sha256"] == hashlib.sha256(f.read()).hexdigest(), "sha256 of " + inp["name"])
t.check(os.path.exists(os.path.join(OUT, "aandeel", "indicators.gpkg")), "gpkg written")
if man:
    g_in = [i for i in man["inputs"] if i["name"] == "g"][0]
    t.check(g_in["join"] == "coarser" and g_in["units_matched"] == len(sel), "g joins as coarser")

# --- B: Almere 2011 buurten, household-weighted means without sentinels --
# the Almere 2011 shapefile as source `b` of a recipe (YAML from sources:)
ALMERE_SOURCE = """sources:
  b:
    path: @DATA@/cbs_kwb_2011_almere/buurt_2011_v3.shp
    key: BU_CODE
    geometry: true
    catalog: cbs_kwb_2011_shape
"""
r = recipe("almere", "\nname: almere\nunit: buurt\n" + ALMERE_SOURCE + """indicators:
  pct_65:
    expr: b.P_65_EO_JR
    unit: "%"
    rollup: {method: weighted_mean, weight: b.AANTAL_HH}
  huurwoningen:
    expr: b.P_HUURWON / 100 * b.WONINGEN
    kind: count
  gas:
    expr: b.gas_totaal
    rollup: {method: weighted_mean, weight: b.woningen}
""")
p = run(r)
_, rows = read_dbf(os.path.join(D, "cbs_kwb_2011_almere", "buurt_2011_v3.dbf"))


def wmean(rows, x, w):
    s = sw = 0.0
    for r in rows:
        xv, wv = num(r[x]), num(r[w])
        if xv is None or wv is None:
            continue
        s += xv * wv
        sw += wv
    return s / sw


if p.returncode == 0:
    gm = read_out_csv(os.path.join(OUT, "almere", "indicators_gemeente.csv"))
    t.near(gm["GM0034"]["pct_65"], wmean(rows, "P_65_EO_JR", "AANTAL_HH"), 1e-9, "Almere pct_65 weighted mean")
    # coverage (issue 11 item 3): the share of the base (the weight; one
    # per buurt for a sum) whose value is valid; below 0.8 the gemeente
    # value is suppressed ("te weinig dekking"). Almere's gas figure covers
    # only part of its dwellings.
    def covered(valid, base):
        tot = cov = 0.0
        n = 0
        for r in rows:
            b = base(r)
            if b is None:
                continue
            tot += max(b, 0)
            if valid(r):
                cov += max(b, 0)
                n += 1
        return cov / tot, n

    gas_cov, gas_n = covered(lambda r: num(r["P_GAS_TOT"]) is not None,
                             lambda r: num(r["WONINGEN"]))
    t.near(gm["GM0034"]["gas_dekking"], gas_cov, 1e-9, "Almere gas coverage")
    t.check(gm["GM0034"]["gas_eenheden"] == gas_n, "Almere gas units with a value")
    if gas_cov < 0.8:
        t.check(gm["GM0034"]["gas"] is None,
                "Almere gas suppressed at coverage %.3f" % gas_cov)
    else:
        t.near(gm["GM0034"]["gas"], wmean(rows, "P_GAS_TOT", "WONINGEN"), 1e-9, "Almere gas weighted mean")
    want = sum(num(r["P_HUURWON"]) / 100 * num(r["WONINGEN"]) for r in rows
               if num(r["P_HUURWON"]) is not None and num(r["WONINGEN"]) is not None)
    huur_cov, huur_n = covered(
        lambda r: num(r["P_HUURWON"]) is not None and num(r["WONINGEN"]) is not None,
        lambda r: 1.0)
    t.near(gm["GM0034"]["huurwoningen_dekking"], huur_cov, 1e-9, "Almere rented coverage")
    if huur_cov < 0.8:
        t.check(gm["GM0034"]["huurwoningen"] is None, "Almere rented suppressed")
    else:
        t.near(gm["GM0034"]["huurwoningen"], want, 1e-6, "Almere rented dwellings summed")
    wk = read_out_csv(os.path.join(OUT, "almere", "indicators_wijk.csv"))
    by_wk = defaultdict(list)
    for r in rows:
        by_wk[r["WK_CODE"]].append(r)
    for code, rs in by_wk.items():
        if any(num(r["P_65_EO_JR"]) is not None and num(r["AANTAL_HH"]) for r in rs):
            t.near(wk[code]["pct_65"], wmean(rs, "P_65_EO_JR", "AANTAL_HH"), 1e-9, "wijk " + code)
    bu = read_out_csv(os.path.join(OUT, "almere", "indicators.csv"))
    secret = [r["BU_CODE"] for r in rows if num(r["P_65_EO_JR"]) is None]
    t.check(secret and all(bu[c]["pct_65"] is None for c in secret), "sentinel buurten are empty, not numbers")

# --- C: StatLine CSVs joined on codes padded with spaces ------------------
r = recipe("autobezit", """
name: autobezit
unit: wijk
area: [GM0014, GM0034]
sources:
  a:
    path: @DATA@/cbs_wijk_inkomen_autobezit/gem-autobezit-huishouden_2023_wijk.csv
    key: wijkcode
    columns: [wijknaam, wijkcode, gemeentenaam, gemeentecode, autos_per_hh]
  i:
    path: @DATA@/cbs_wijk_inkomen_autobezit/kvk2020-wb2023.csv
    key: wijkcode
    columns: [gemeentecode, wijkcode, regionaam, inkomen, laag40, hoog20]
indicators:
  autos_per_hh: {expr: a.autos_per_hh}
  inkomen: {expr: i.inkomen}
  autos_per_inkomen: {expr: a.autos_per_hh / i.inkomen}
""")
p = run(r)
auto = {row[1].strip(): num(row[4]) for row in read_csv_rows(os.path.join(
    D, "cbs_wijk_inkomen_autobezit", "gem-autobezit-huishouden_2023_wijk.csv"))
    if len(row) > 4 and row[1].strip().startswith("WK")}
ink = {row[1].strip(): num(row[3]) for row in read_csv_rows(os.path.join(
    D, "cbs_wijk_inkomen_autobezit", "kvk2020-wb2023.csv"))
    if len(row) > 3 and row[1].strip().startswith("WK")}
if p.returncode == 0:
    res = read_out_csv(os.path.join(OUT, "autobezit", "indicators.csv"))
    want_codes = sorted(c for c in auto if c[2:6] in ("0014", "0034"))
    t.check(sorted(res) == want_codes, "wijken of Groningen and Almere: %d" % len(res))
    for c in want_codes:
        t.near(res[c]["autos_per_hh"], auto[c], 1e-12, "autos " + c) if auto[c] is not None else \
            t.check(res[c]["autos_per_hh"] is None, "missing autos " + c)
        if auto[c] is not None and ink.get(c) is not None:
            t.near(res[c]["autos_per_inkomen"], auto[c] / ink[c], 1e-12, "ratio " + c)

# --- D: errors that must be clear ------------------------------------------
def expect_error(name, text, *needles):
    path = recipe(name, text)
    p = t.run("check", path, "--lang", "en", expect=1)
    lines = p.stderr.strip().splitlines()
    msg = lines[-1] if lines else ""
    errors = [l for l in lines if l.startswith("dnawijk:")]
    ok = p.returncode == 1 and all(n in msg for n in needles) and errors == [msg]
    t.check(ok, "%s: %r lacks %r" % (name, msg, needles))
    return msg


base = """
name: fout
unit: wijk
area: [GM0363]
sources:
  w:
    path: @DATA@/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson
    key: wijkcode
    geometry: true
"""
expect_error("typo", base + """indicators:
  x:
    expr: 100 * w.huishoudes / w.aantal_inwoners
""", "typo.yaml:12:17:", "huishoudes", "huishoudens")
expect_error("wronglevel", base.replace("unit: wijk", "unit: gemeente") + """indicators:
  x: w.huishoudens
""", "wronglevel.yaml:", "wijken", "gemeente")
expect_error("otheryear", base + """  old:
    path: @DATA@/cbs_wijk_2016/wijk_2016.geojson
    key: WKC
indicators:
  x: w.huishoudens
""", "old", "year")
expect_error("boxref", base + """indicators:
  hh: w.huishoudens
factsheets:
  figures: [hh]
  boxes:
    - title: Warmte
      indicators: [hhh]
""", "boxref.yaml:16:", "hhh", "hh")
expect_error("cycle", base + """indicators:
  a: b + 1
  b: a * 2
""", "cycle.yaml:", "a -> b -> a")
expect_error("percentage", "\nname: fout\nunit: buurt\n" + ALMERE_SOURCE + """indicators:
  huur:
    expr: b.P_HUURWON
    kind: count
""", "percentage.yaml:12:11:", "P_HUURWON", "percentage")

# --- D2: suppression, ordering and names (on the demo data) ---------------
demo = os.path.join(t.src, "datasets", "demo")
props = read_geojson_props(os.path.join(demo, "voorbeeldrecht_buurten.geojson"))
r = recipe("small", "\nname: small\nunit: buurt\nsources:\n" + demo_kwb_source(t.src, catalog=False)
           + """indicators:
  oud:
    expr: kwb.percentage_personen_65_jaar_en_ouder
    rollup: {method: weighted_mean, weight: inw}
    min_base: {expr: inw, min: 2000}
  inw:
    expr: kwb.aantal_inwoners
    kind: count
    min_base: {expr: kwb.aantal_inwoners, min: 2000}
""")
p = run(r)
if p.returncode == 0:
    bu = read_out_csv(os.path.join(OUT, "small", "indicators.csv"))
    gm = read_out_csv(os.path.join(OUT, "small", "indicators_gemeente.csv"))
    tot = sum(num(x["aantal_inwoners"]) for x in props)
    t.near(gm["GM9901"]["inw"], tot, 1e-9, "rollup sums every unit, also the suppressed ones")
    small = [x["buurtcode"] for x in props if num(x["aantal_inwoners"]) < 2000]
    t.check(small and all(bu[c]["inw"] is None and bu[c]["oud"] is None for c in small),
            "units under the base are suppressed, also through a later indicator")
    pairs = [(num(x["percentage_personen_65_jaar_en_ouder"]), num(x["aantal_inwoners"])) for x in props]
    pairs = [(a, b) for a, b in pairs if a is not None]
    t.near(gm["GM9901"]["oud"], sum(a * b for a, b in pairs) / sum(b for a, b in pairs), 1e-9,
           "weighted mean by an indicator defined later in the recipe")
expect_error("reserved", base + """indicators:
  name: w.huishoudens
""", "reserved.yaml:11:", "cannot be called")
expect_error("namecol", base.replace("    geometry: true", "    geometry: true\n    name_column: aantal_inwoners")
             + """indicators:
  x: w.huishoudens
""", "namecol.yaml:10:", "not a text column")
expect_error("nogeo", base.replace("    geometry: true\n", "") + """indicators:
  x: w.huishoudens
maps:
  - {name: x, indicator: x}
""", "nogeo.yaml:", "maps need geometry")

# --- E: a failed run leaves the previous results intact ---------------------
before = open(os.path.join(OUT, "aandeel", "indicators.csv")).read() if os.path.exists(
    os.path.join(OUT, "aandeel", "indicators.csv")) else None
p = t.run("run", os.path.join(t.work, "aandeel.yaml"), "-o", OUT, "-q",
          "--set", "indicators.aandeel_hh.expr=w.nope", expect=1)
after = open(os.path.join(OUT, "aandeel", "indicators.csv")).read() if before else None
t.check(before is not None and before == after, "previous results untouched after a failed run")
t.check(not glob.glob(os.path.join(OUT, ".*tmp*")), "no staging folder left behind")
t.done()
