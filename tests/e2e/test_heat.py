"""Heat transition and energy poverty on the real files (PROVENANCE 10-14):
Amsterdam's alphanumeric codes without prefix, Excel sheets with EWKT
geometry, gzipped CSV, Django fixtures, Friesland's name join, and bad
input. Every expected value is computed here with Python's stdlib."""
import csv
import gzip
import json
import os
import re
import subprocess
import unicodedata
from collections import defaultdict

from e2elib import Ctx, read_out_csv, write

t = Ctx()
D = t.data
OUT = os.path.join(t.work, "out")
AMS_GEO = t.path("amsterdam_buurten_pc6", "amsterdam_buurten.geojson")
AMS_XLSX = t.path("amsterdam_buurten_pc6", "buurten all 2025-06-17 22.10.21.xlsx")
AMS_CSV = t.path("amsterdam_energie_buurten", "amsterdam_policy_data.csv")
FRL = t.path("friesland_energiearmoede")


def recipe(name, text):
    return write(os.path.join(t.work, name + ".yaml"), text)


def run(path, *extra, expect=0):
    return t.run("run", path, "-o", OUT, "-q", *extra, expect=expect)


def manifest(name):
    with open(os.path.join(OUT, name, "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def fnum(s):
    return float(s) if s not in ("", None) else None


# --- A: Amsterdam energy table (0363AA01) on the buurt polygons -----------
with open(AMS_CSV, encoding="utf-8", newline="") as f:
    ams = list(csv.DictReader(f))
geo = json.load(open(AMS_GEO, encoding="utf-8"))
geo_codes = [ft["properties"]["cbs_code"] for ft in geo["features"]]
csv_codes = {"BU" + r["buurtcode"] for r in ams}
want_unmatched = sorted(c for c in geo_codes if c not in csv_codes)

AMS_RECIPE = """
name: %s
unit: buurt
sources:
  geo:
    path: %s
    key: cbs_code
    geometry: %s
  e:
    path: %s
    key: buurtcode
indicators:
  gas:
    expr: e.gas_m3_avg
    rollup: {method: weighted_mean, weight: e.dwellings}
  label_defg:
    expr: e.pct_D + e.pct_E + e.pct_F + e.pct_G
    rollup: {method: weighted_mean, weight: e.dwellings}
  woningen: {expr: e.dwellings, kind: count}
"""
r = recipe("ams", AMS_RECIPE % ("ams", AMS_GEO, "true", AMS_CSV))
run(r)
m = manifest("ams")
src_e = [s for s in m["inputs"] if s["name"] == "e"][0]
t.check(len(geo_codes) == 518 and len(csv_codes) == 517, "Amsterdam files as documented")
t.check(src_e["units_matched"] == len(set(geo_codes) & csv_codes),
        "Amsterdam: %s buurten joined, want %d" % (src_e["units_matched"],
                                                  len(set(geo_codes) & csv_codes)))
t.check(src_e["units_unmatched"] == want_unmatched,
        "Amsterdam unmatched %r, want %r" % (src_e["units_unmatched"], want_unmatched))
t.check(src_e["keys_normalised"] == 517, "517 codes without BU normalised")
got = read_out_csv(os.path.join(OUT, "ams", "indicators.csv"))
bad = 0
for row in ams:
    code = "BU" + row["buurtcode"]
    g = got.get(code)
    want_gas = fnum(row["gas_m3_avg"])
    labels = [fnum(row["pct_" + k]) for k in "DEFG"]
    want_defg = sum(labels) if None not in labels else None
    for k, want in (("gas", want_gas), ("label_defg", want_defg)):
        have = g[k] if g else None
        if (want is None) != (have is None) or (want is not None and abs(have - want) > 1e-6):
            bad += 1
t.check(bad == 0, "Amsterdam per-buurt gas and labels D-G: %d differ" % bad)
# dwelling-weighted means per wijk, by the code hierarchy (BU0363AA01 -> WK0363AA)
# (with the coverage rule: below 80 % of the dwellings with a gas figure
# the wijk value is suppressed)
num, den, dtot = defaultdict(float), defaultdict(float), defaultdict(float)
for row in ams:
    wk = "WK" + row["buurtcode"][:6]
    g, d = fnum(row["gas_m3_avg"]), fnum(row["dwellings"])
    if d is not None and d > 0:
        dtot[wk] += d
    if g is not None and d is not None:
        num[wk] += g * d
        den[wk] += d
gw = read_out_csv(os.path.join(OUT, "ams", "indicators_wijk.csv"))
n_wk = 0
for wk in den:
    if den[wk] > 0 and den[wk] / dtot[wk] < 0.8:
        t.check(wk in gw and gw[wk]["gas"] is None,
                "gas of %s suppressed (coverage %.2f)" % (wk, den[wk] / dtot[wk]))
    elif den[wk] > 0:
        t.near(gw[wk]["gas"] if wk in gw else None, num[wk] / den[wk], 1e-6,
               "gas, dwelling-weighted mean of " + wk)
        n_wk += 1
t.check(n_wk > 90, "wijk means checked: %d" % n_wk)

# --- B: the same from the Excel sheet (EWKT geometry) and a gzipped CSV ------
gz = os.path.join(t.work, "amsterdam_policy_data.csv.gz")
with open(AMS_CSV, "rb") as fi, gzip.open(gz, "wb") as fo:
    fo.write(fi.read())
r = recipe("amsx", AMS_RECIPE % ("amsx", '"%s#buurten all 2025-06-17 22.10.21"' % AMS_XLSX,
                                 "{wkt: geometrie}", gz))
run(r)
gx = read_out_csv(os.path.join(OUT, "amsx", "indicators.csv"))
t.check(sorted(gx) == sorted(got), "xlsx units = GeoJSON units")
t.check(all(gx[c]["gas"] == got[c]["gas"] for c in got), "xlsx + .csv.gz give the same gas values")
t.check(os.path.getsize(os.path.join(OUT, "amsx", "indicators.gpkg")) > 100000,
        "xlsx geometry written to the GeoPackage")

# --- C: Django fixtures (JSON array of records) keyed on 2022 codes -----------
fx = json.load(open(t.path("amsterdam_warmteprogramma", "buurtcode_warmteprogramma.json")))
prog = {x["fields"]["buurtcode"]: x["fields"]["warmteprogramma"] for x in fx}
with open(t.path("cbs_buurtindeling_2022", "brt2022.csv"), encoding="utf-8-sig") as f:
    brt = [r for r in csv.DictReader(f, delimiter=";") if r["GM2022"] == "363"]
brt_codes = {"BU%08d" % int(r["buurtcode2022"]) for r in brt}
r = recipe("prog", """
name: prog
unit: buurt
area: [GM0363]
sources:
  brt:
    path: %s
    key: buurtcode2022
    name_column: buurtnaam2022
  p:
    path: "%s#fields"
    key: buurtcode
indicators:
  programma: p.warmteprogramma
""" % (t.path("cbs_buurtindeling_2022", "brt2022.csv"),
       t.path("amsterdam_warmteprogramma", "buurtcode_warmteprogramma.json")))
run(r, "--set", "unmatched_max=0.1")
gp = read_out_csv(os.path.join(OUT, "prog", "indicators.csv"))
t.check(sorted(gp) == sorted(brt_codes), "2022 integer codes (3630000) read as BU03630000: %d units" % len(gp))
both = brt_codes & set(prog)
t.check(len(both) == 475, "programme codes in brt2022: %d" % len(both))
t.check(all(gp[c]["programma"] == prog[c] for c in both), "programme per 2022 buurt")

# --- D: Friesland, energy poverty joined by names to tenure --------------------
def load(name):
    with gzip.open(os.path.join(FRL, name), "rt", encoding="utf-8") as f:
        return [ft["properties"] for ft in json.load(f)["features"]]


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("'", "").replace("\u2019", "")
    return re.sub(r"[\s\-_.,/]+", " ", s).strip()


ea = load("energiearmoede_frl.geojson.gz")
koop = load("koopwoningen_frl.geojson.gz")
ea_pairs = [(p["gemeentenaam"], p["buurtnaam"]) for p in ea]
koop_pairs = [(p["gemeentenaam"], p["buurtnaam"]) for p in koop]
exact = set(ea_pairs) & set(koop_pairs)
t.check((len(exact), len(set(ea_pairs) - set(koop_pairs)), len(set(koop_pairs) - set(ea_pairs)))
        == (873, 17, 58), "Friesland exact name pairs 873 / 17 / 58")
ea_n = {(norm(a), norm(b)): i for i, (a, b) in enumerate(ea_pairs)}
matched = [i for i, (a, b) in enumerate(koop_pairs) if (norm(a), norm(b)) in ea_n]
unmatched_rows = [i + 1 for i, (a, b) in enumerate(koop_pairs) if (norm(a), norm(b)) not in ea_n]
koop_n = {(norm(a), norm(b)) for a, b in koop_pairs}
units_without = sorted("%s / %s" % p for p in ea_pairs if (norm(p[0]), norm(p[1])) not in koop_n)
FRL_RECIPE = """
name: %s
unit: buurt
unmatched_max: 0.1
sources:
  ea:
    path: %s
    key: {names: [gemeentenaam, buurtnaam]}
    geometry: true
  koop:
    path: %s
    key: {names: [gemeentenaam, buurtnaam]}
indicators:
  energiearmoede:
    expr: 100 * ea."Percentage huishoudens met energiearmoede"
  pct_koop:
    expr: 100 * koop."Percentage koopwoningen"
"""
r = recipe("frl", FRL_RECIPE % ("frl", os.path.join(FRL, "energiearmoede_frl.geojson.gz"),
                                os.path.join(FRL, "koopwoningen_frl.geojson.gz")))
run(r)
m = manifest("frl")
nj = [s for s in m["inputs"] if s["name"] == "koop"][0]["name_join"]
t.check(nj["matched"] == len(matched) == 875,
        "Friesland name join: %d matched (873 exact + 2 spelling variants), want %d"
        % (nj["matched"], len(matched)))
t.check([u["row"] for u in nj["unmatched"]] == unmatched_rows,
        "unmatched tenure rows (%d) as computed here (%d)" % (len(nj["unmatched"]), len(unmatched_rows)))
t.check(all(u["names"] == "%s / %s" % koop_pairs[u["row"] - 1] and u.get("nearest")
            for u in nj["unmatched"]), "every unmatched name as written, with a nearest name")
t.check(sorted(nj["units_unmatched_names"]) == units_without,
        "energy-poverty buurten without tenure: %d" % len(units_without))
gf = read_out_csv(os.path.join(OUT, "frl", "indicators.csv"))
kv = {}
for p in koop:
    kv.setdefault((norm(p["gemeentenaam"]), norm(p["buurtnaam"])), p["Percentage koopwoningen"])
bad = 0
names = {r["name"] for r in gf.values()}
rows = list(gf.values())
for i, p in enumerate(ea):
    g = rows[i]  # units keep the order of the layer
    want = kv.get((norm(p["gemeentenaam"]), norm(p["buurtnaam"])))
    want = None if want is None else 100 * want
    if g["name"] != p["buurtnaam"] or (want is None) != (g["pct_koop"] is None) or \
            (want is not None and abs(g["pct_koop"] - want) > 1e-9):
        bad += 1
    if abs(g["energiearmoede"] - 100 * p["Percentage huishoudens met energiearmoede"]) > 1e-9:
        bad += 1
t.check(bad == 0, "Friesland values per buurt: %d differ" % bad)

# --- D2: the shipped recipe: the catalog says the "Percentage ..." columns
# hold fractions (fraction: true), so its stable names give percentages ------
corp = load("wooncorporatie_frl.geojson.gz")
SHIPPED_FRL = os.path.join(t.src, "recipes", "energiearmoede_friesland.yaml")
run(SHIPPED_FRL)
sf = read_out_csv(os.path.join(OUT, "energiearmoede_friesland", "indicators.csv"))
cv = {}
for p in corp:
    cv.setdefault((norm(p["gemeentenaam"]), norm(p["buurtnaam"])), p["Percentage wooncorporatie"])
srows = list(sf.values())
t.check(len(srows) == len(ea), "shipped Friesland recipe: %d units, want %d" % (len(srows), len(ea)))
bad = 0
for i, p in enumerate(ea):
    if i >= len(srows):
        break
    g = srows[i]
    key = (norm(p["gemeentenaam"]), norm(p["buurtnaam"]))
    for col, raw, dec in (("energiearmoede", p["Percentage huishoudens met energiearmoede"], 1),
                          ("pct_koop", kv.get(key), 0), ("pct_corporatie", cv.get(key), 0)):
        want = None if raw is None else 100.0 * raw
        have = g[col]  # the tables print the recipe's decimals (1 and 0)
        if (want is None) != (have is None) or \
                (want is not None and abs(have - want) > 0.5 * 10 ** -dec + 1e-9):
            bad += 1
t.check(bad == 0, "shipped Friesland recipe: percentages = 100 x the file's fractions (%d differ)" % bad)
t.check(max(v["energiearmoede"] for v in srows) > 30,
        "energy poverty shown in percent (max %.1f)" % max(v["energiearmoede"] for v in srows))

# --- D3: maps per gemeente (per: gemeente): one page per gemeente, all with
# the province's quintile breaks (R type 7, computed here from the raw
# fractions), and each page's legend counts the buurten of that gemeente ----
def quantile_breaks(vals, k):
    v = sorted(vals)
    out = []
    for i in range(k + 1):
        num = (len(v) - 1) * i
        lo, rem = divmod(num, k)
        if rem == 0 or lo + 1 >= len(v) or v[lo] == v[lo + 1]:
            out.append(v[lo])
        else:
            h = rem / k
            out.append(min(max((1 - h) * v[lo] + h * v[lo + 1], v[lo]), v[lo + 1]))
    out[0], out[-1] = v[0], v[-1]
    merged = [out[0]]
    for b in out[1:]:
        if b != merged[-1]:
            merged.append(b)
    return merged


def class_of(x, b):
    for i in range(1, len(b)):
        if x <= b[i]:
            return i - 1
    return None


sm = manifest("energiearmoede_friesland")
emap = [x for x in sm["maps"] if x["name"] == "energiearmoede"]
t.check(len(emap) == 1 and emap[0].get("per") == "gemeente", "energy-poverty map is per gemeente")
if emap:
    vals = [100.0 * p["Percentage huishoudens met energiearmoede"] for p in ea]
    b = quantile_breaks(vals, 5)
    t.check(len(emap[0]["breaks"]) == len(b) and
            all(abs(x - y) < 1e-9 for x, y in zip(emap[0]["breaks"], b)),
            "province breaks %r, want %r" % (emap[0]["breaks"], b))
    want_pages = defaultdict(lambda: [0] * (len(b) - 1))
    for p, v in zip(ea, vals):
        want_pages[p["gemeentenaam"]][class_of(v, b)] += 1
    pages = emap[0]["pages"]
    t.check(len(pages) == len(want_pages) == 18, "18 gemeente pages: %d" % len(pages))
    t.check(all(pg["counts"][:len(b) - 1] == want_pages.get(pg["name"]) for pg in pages),
            "per-gemeente legend counts with the province's breaks")
    res = os.path.join(OUT, "energiearmoede_friesland")
    for pg in pages:
        for ext in ("png", "pdf"):
            f = "maps/energiearmoede/%s.%s" % (pg["code"], ext)
            t.check(f in emap[0]["files"] and os.path.getsize(os.path.join(res, f)) > 1000,
                    "page file " + f)
    pdf = os.path.join(res, "maps", "energiearmoede", pages[0]["code"] + ".pdf") if pages else ""
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout if pdf else ""
    t.check(pages and pages[0]["name"] in text, "the page names its gemeente")
    t.check(not os.path.exists(os.path.join(res, "maps", "energiearmoede.png")),
            "no province map beside the pages")

# --- F: catalog entries: stable names over each naming family -------------------
r = recipe("cat", """
name: cat
unit: buurt
sources:
  geo:
    path: %s
    key: cbs_code
    geometry: true
  e:
    path: %s
    key: buurtcode
    catalog: amsterdam_energie_buurten
indicators:
  gas: e.gas_totaal
  defg: e.pct_label_defg
  laag_inkomen: e.pct_laag_inkomen
""" % (AMS_GEO, AMS_CSV))
run(r)
gc = read_out_csv(os.path.join(OUT, "cat", "indicators.csv"))
t.check(all(gc[c]["gas"] == got[c]["gas"] for c in got), "catalog gas_totaal = gas_m3_avg")
t.check(all(gc["BU" + x["buurtcode"]]["defg"] == fnum(x["pct_DEFG"]) and
            gc["BU" + x["buurtcode"]]["laag_inkomen"] == fnum(x["pct_hh_lowincome130_2024"])
            for x in ams), "catalog pct_label_defg and pct_laag_inkomen")
ede = json.load(open(t.path("ede_kwb2024", "wijkenbuurtenwijken.geojson"), encoding="utf-8"))


def ede_head(name):
    """The head of a recipe `name` on Ede's 2024 wijken (PDOK OGC names)."""
    return """name: %s
unit: wijk
sources:
  w:
    path: %s
    key: wijkcode
    geometry: true
    catalog: cbs_kwb_pdok_ogc_2024
""" % (name, t.path("ede_kwb2024", "wijkenbuurtenwijken.geojson"))


r = recipe("ede", "\n" + ede_head("ede") + """indicators:
  gas: w.gas_totaal
  stadsverwarming: w.pct_stadsverwarming
  inwoners: {expr: w.inwoners, kind: count}
""")
run(r)
ge = read_out_csv(os.path.join(OUT, "ede", "indicators.csv"))
# per: wijk on a map of wijken has nothing to split: refused, nothing written
r = recipe("edeper", "\n" + ede_head("edeper") + """indicators:
  inwoners: {expr: w.inwoners, kind: count}
maps:
  - indicator: inwoners
    per: wijk
""")
p = run(r, expect=1)
t.check("per: wijk" in p.stderr and "edeper.yaml:14" in p.stderr and
        not os.path.exists(os.path.join(OUT, "edeper")),
        "per: wijk on wijk units is refused at its line: %r" % p.stderr[-300:])
t.check(len(ge) == 17 and all(v["gas"] is None and v["stadsverwarming"] is None for v in ge.values()),
        "Ede 2024: every energy value is the sentinel -99995, so missing")
t.check(all(ge[f["properties"]["wijkcode"]]["inwoners"] == f["properties"]["aantalInwoners"]
            for f in ede["features"]), "Ede 2024: aantalInwoners through the catalog name")

# --- G: the shipped Amsterdam recipe: the energy-poverty proxy as a 3 x 3
# bivariate map (low income x labels D-G), each buurt's cell recomputed here:
# the recipe's small-number rules, R type 7 tertiles of each axis over the
# buurten shown, cell 3 * y + x -------------------------------------------------
SHIPPED_AMS = os.path.join(t.src, "recipes", "warmtetransitie_amsterdam.yaml")
run(SHIPPED_AMS)
am = manifest("warmtetransitie_amsterdam")
area = set(re.findall(r"WK0363[A-Z]{2}", open(SHIPPED_AMS, encoding="utf-8").read().split("sources:")[0]))
units = [c for c in geo_codes if "WK" + c[2:8] in area]
byc = {"BU" + r["buurtcode"]: r for r in ams}


def small(v, base, lo):
    return v if v is not None and base is not None and base >= lo else None


xv, yv = {}, {}
for c in units:
    r = byc.get(c)
    xv[c] = small(fnum(r["pct_hh_lowincome130_2024"]), fnum(r["households"]), 100) if r else None
    yv[c] = small(fnum(r["pct_DEFG"]), fnum(r["n_labelled"]), 20) if r else None
bx = quantile_breaks([v for v in xv.values() if v is not None], 3)
by = quantile_breaks([v for v in yv.values() if v is not None], 3)
want_cell = {c: (3 * class_of(yv[c], by) + class_of(xv[c], bx)
                 if xv[c] is not None and yv[c] is not None else None) for c in units}
bm = [x for x in am["maps"] if x.get("type") == "bivariate"]
t.check(len(bm) == 1 and bm[0]["x"] == "laag_inkomen" and bm[0]["y"] == "label_defg",
        "Amsterdam: one bivariate map, low income x labels D-G")
if bm:
    uc = bm[0].get("unit_cells", {})
    t.check(sorted(uc) == sorted(units), "bivariate units: %d, want %d" % (len(uc), len(units)))
    diff = [c for c in units if uc.get(c) != want_cell[c]]
    t.check(not diff, "bivariate cell per buurt: %d differ (%r)" % (len(diff), diff[:5]))
    cells = [0] * 9
    for v in want_cell.values():
        if v is not None:
            cells[v] += 1
    t.check(bm[0]["cells"] == cells, "bivariate cells %r, want %r" % (bm[0]["cells"], cells))
    t.check(sum(v is not None for v in want_cell.values()) > 100, "most buurten have a cell")
    pdf = os.path.join(OUT, "warmtetransitie_amsterdam", "maps", bm[0]["name"] + ".pdf")
    text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                   text=True).stdout.split())
    t.check("PROXY energiearmoede" in text and "% laag inkomen x % label D-G / 100" in text,
            "the bivariate map says it is a proxy and gives the formula")
sheet = os.path.join(OUT, "warmtetransitie_amsterdam", "factsheets", units[0] + ".pdf")
text = " ".join(subprocess.run(["pdftotext", sheet, "-"], capture_output=True, text=True).stdout.split())
t.check("PROXY energiearmoede = % laag inkomen x % label D-G / 100" in text,
        "the fact sheet labels the proxy with its formula")

# --- H: the Klimaateffectatlas catalog on the real TopoJSON: the PET class
# shares and the no-data share under their stable names, and the classes
# with the no-data share add up to 1 per buurt ----------------------------------
KEA = t.path("klimaateffectatlas_buurtdashboard", "BuurtenDataset20231212_xaaac.json")
topo = json.load(open(KEA, encoding="utf-8"))
kprops = [g["properties"] for g in list(topo["objects"].values())[0]["geometries"]]
r = recipe("kea", """
name: kea
unit: buurt
sources:
  k:
    path: %s
    key: BU_CODE
    catalog: klimaateffectatlas_buurten
indicators:
  h35: k.hitte_35_40
  h41: k.hitte_41_49
  nd: k.hitte_geen_data
  som: k.hitte_23_28 + k.hitte_29_34 + k.hitte_35_40 + k.hitte_41_49 + k.hitte_geen_data
""" % KEA)
run(r)
gk = read_out_csv(os.path.join(OUT, "kea", "indicators.csv"))
bad = 0
for p in kprops:
    g = gk.get(p["BU_CODE"])
    for col, raw in (("h35", "F35_40perc"), ("h41", "F41_49perc"), ("nd", "NDPETperc")):
        want = fnum(p.get(raw))
        if g is None or (want is None) != (g[col] is None) or \
                (want is not None and abs(g[col] - want) > 1e-9):
            bad += 1
t.check(len(gk) == len(kprops) == 317 and bad == 0,
        "Klimaateffectatlas PET shares by stable name: %d of %d differ" % (bad, 3 * len(kprops)))
sums = [v["som"] for v in gk.values() if v["som"] is not None]
t.check(len(sums) > 300 and all(abs(x - 1) <= 0.0025 for x in sums),
        "PET classes + no-data share add up to 1 (%d buurten)" % len(sums))

# --- E: bad input: one line naming the file, nothing written -------------------
half = json.load(gzip.open(os.path.join(FRL, "koopwoningen_frl.geojson.gz"), "rt", encoding="utf-8"))
for i, ft in enumerate(half["features"]):
    if i % 2 == 0:
        ft["properties"]["buurtnaam"] += " Noord"
hp = os.path.join(t.work, "half.geojson")
json.dump(half, open(hp, "w", encoding="utf-8"))
r = recipe("halfnames", FRL_RECIPE % ("halfnames", os.path.join(FRL, "energiearmoede_frl.geojson.gz"), hp))
p = run(r, expect=1)
lines = [l for l in p.stderr.splitlines() if l.startswith("dnawijk:")]
t.check(len(lines) == 1 and "half.geojson" in lines[0] and "nearest" in lines[0],
        "half the names unmatched: one error line with the file: %r" % p.stderr[-300:])
t.check(not os.path.exists(os.path.join(OUT, "halfnames")), "nothing written after a bad name join")

r = recipe("nosheet", AMS_RECIPE % ("nosheet", '"%s#Blad1"' % AMS_XLSX, "{wkt: geometrie}", AMS_CSV))
p = run(r, "--lang", "en", expect=1)
t.check(p.stderr.count("\n") == 1 and "xlsx" in p.stderr and "no sheet \"Blad1\"" in p.stderr
        and "buurten all 2025-06-17 22.10.21" in p.stderr,
        "xlsx without the sheet: one line naming the file and the sheets: %r" % p.stderr)
t.check(not os.path.exists(os.path.join(OUT, "nosheet")), "nothing written for a missing sheet")

t.done()
