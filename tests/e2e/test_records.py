"""Contact records (records: true) in all three shapes, on Amsterdam's real
buurt polygons and postcode table: counts per buurt are computed here with
the standard library only (postcode normalisation, majority and weighted
allocation from the address rows, region-code normalisation, a half-open
even-odd point-in-polygon test on the RD New coordinates of the GeoJSON, an
RD -> WGS84 polynomial), and compared with what dnawijk writes. Also: the
filter mapping (type, ISO and Dutch dates), households counted once, points
on shared borders counted once, swapped lon/lat and RD-as-degrees detected,
bad input refused with file:line and nothing written, and no output file
(CSV, GeoPackage through sqlite3, PDF through pdftotext, PNG, manifest)
holding a postcode or household id of the input."""
import csv
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import defaultdict

from e2elib import Ctx, read_out_csv, write

t = Ctx()
# RD -> WGS84 (Schreutelkamp & Strang van Hees, about 1 m): the polynomial
# the demo generator places its points with; dnawijk itself uses PROJ.
sys.dont_write_bytecode = True  # no __pycache__ in datasets/demo
sys.path.insert(0, os.path.join(t.src, "datasets", "demo"))
from make_demo import rd_to_wgs84  # noqa: E402

AMS = t.path("amsterdam_buurten_pc6")
GEOJSON = os.path.join(AMS, "amsterdam_buurten.geojson")
PC6 = os.path.join(AMS, "pc6_to_buurt.csv")
# the postcode location of a records source, through the address table
PC_LOC = ("location: {postcode: postcode, lookup: %s, lookup_postcode: postcode6, "
          "lookup_code: cbs_code}" % PC6)
XLSX = os.path.join(AMS, "buurten all 2025-06-17 22.10.21.xlsx")
rnd = random.Random(20241231)

# ---- the units: Amsterdam's buurt polygons (RD New) ----------------------
with open(GEOJSON, encoding="utf-8") as f:
    feats = json.load(f)["features"]
units = [ft["properties"]["cbs_code"] for ft in feats]
unit_set = set(units)
polys = []  # per unit: list of rings (lists of (x, y))
for ft in feats:
    g = ft["geometry"]
    rings = g["coordinates"] if g["type"] == "Polygon" else [r for p in g["coordinates"] for r in p]
    polys.append([[(p[0], p[1]) for p in r] for r in rings])
bboxes = [(min(p[0] for p in rs[0]), min(p[1] for p in rs[0]),
           max(p[0] for p in rs[0]), max(p[1] for p in rs[0])) for rs in polys]


def ring_odd(ring, px, py):
    """Half-open crossing test with the edge's ends in a fixed order."""
    odd = False
    n = len(ring)
    j = n - 1
    for k in range(n):
        x1, y1 = ring[j]
        x2, y2 = ring[k]
        j = k
        if (y1 > py) == (y2 > py):
            continue
        if y1 > y2:
            x1, y1, x2, y2 = x2, y2, x1, y1
        xint = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
        if px < xint:
            odd = not odd
    return odd


def unit_of_point(x, y):
    for u, (rs, bb) in enumerate(zip(polys, bboxes)):
        if bb[0] <= x <= bb[2] and bb[1] <= y <= bb[3]:
            odd = False
            for r in rs:
                odd ^= ring_odd(r, x, y)
            if odd:
                return u
    return None


def dist_to_edges(x, y, rs):
    best = float("inf")
    for r in rs:
        for k in range(len(r) - 1):
            (x1, y1), (x2, y2) = r[k], r[k + 1]
            dx, dy = x2 - x1, y2 - y1
            L = dx * dx + dy * dy
            s = 0 if L == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / L))
            best = min(best, ((x1 + s * dx - x) ** 2 + (y1 + s * dy - y) ** 2) ** 0.5)
    return best


# ---- the postcode table, read here -----------------------------------------
addr = defaultdict(lambda: defaultdict(int))  # pc6 -> code -> addresses
with open(PC6, encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        addr[row["postcode6"].strip().upper().replace(" ", "")][row["cbs_code"].strip()] += 1
two = sorted(pc for pc, d in addr.items() if len(d) >= 2)
one = sorted(pc for pc, d in addr.items() if len(d) == 1)
t.check(len(two) == 188, "188 postcodes in two or more buurten (got %d)" % len(two))
ties = [pc for pc in two if len(set(addr[pc].values())) == 1]


def norm_pc(s):
    s = s.strip().replace(" ", "").upper()
    if re.fullmatch(r"[1-9][0-9]{3}([A-Z]{2})?", s):
        return s
    return "" if not s else None


def pc_weights(pc):
    """code -> addresses for a PC6, or summed over the PC6s of a PC4."""
    if len(pc) == 6:
        return addr.get(pc)
    tot = defaultdict(int)
    for p6, d in addr.items():
        if p6[:4] == pc:
            for c, n in d.items():
                tot[c] += n
    return tot or None


def allocate(pc, weighted):
    """list of (unit code, weight) or a reason."""
    w = pc_weights(pc)
    if not w:
        return "unknown_postcode"
    if weighted:
        tot = sum(w.values())
        parts = [(c, n / tot) for c, n in sorted(w.items()) if c in unit_set]
        return parts or "postcode_outside_area"
    best = sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return [(best, 1.0)] if best in unit_set else "postcode_outside_area"


def messy(pc):
    forms = [pc, pc[:4] + " " + pc[4:].lower(), " " + pc + " ", pc.lower(), pc[:4] + "  " + pc[4:]]
    return rnd.choice(forms)


# ---- records by postcode -----------------------------------------------------
rows = []
hh_ids = []
for k in range(400):
    pc = rnd.choice(one if k % 3 else two)
    hh = "HHX%05dQ" % rnd.randrange(260)  # duplicates of one household
    rows.append((messy(pc), hh, rnd.choice(["energiecoach", "energiecafe", "Energiecoach"]),
                 rnd.choice(["2024-%02d-%02d" % (rnd.randint(1, 12), rnd.randint(1, 28)),
                             "%d-%d-2024" % (rnd.randint(1, 28), rnd.randint(1, 12)),
                             "2023-06-15", "01-02-2025"])))
for pc in ties[:3]:
    rows.append((pc, "HHX90001Q", "energiecoach", "2024-05-05"))
rows += [("9999ZZ", "HHX90002Q", "energiecoach", "2024-05-05"),    # unknown
         ("12AB", "HHX90003Q", "energiecoach", "2024-05-05"),      # invalid
         ("", "HHX90004Q", "energiecoach", "2024-05-05"),          # empty
         (" 1011 ", "HHX90005Q", "energiecoach", "2024-05-05"),    # a PC4
         ("1011", "", "energiecoach", "2024-05-05")]               # no household id
raw_postcodes = sorted({r[0] for r in rows if r[0].strip()})
hh_ids = sorted({r[1] for r in rows if r[1]})
rec_csv = write(os.path.join(t.work, "bezoeken_pc.csv"),
                "nr,postcode,huishouden,soort,datum\n" +
                "".join('%d,"%s",%s,%s,%s\n' % (k + 1, *r) for k, r in enumerate(rows)))


def expected_pc(weighted, filt=None):
    rec = defaultdict(float)
    hh_w = defaultdict(float)  # (unit, hh) -> max weight
    own = defaultdict(float)
    reasons = defaultdict(int)
    located = 0
    for k, (pc_raw, hh, soort, datum) in enumerate(rows):
        if filt and not filt(soort, datum):
            continue
        pc = norm_pc(pc_raw)
        if pc is None:
            reasons["invalid_postcode"] += 1
            continue
        if pc == "":
            reasons["empty_postcode"] += 1
            continue
        a = allocate(pc, weighted)
        if isinstance(a, str):
            reasons[a] += 1
            continue
        located += 1
        for c, w in a:
            rec[c] += w
            if hh:
                hh_w[(c, hh)] = max(hh_w[(c, hh)], w)
            else:
                own[c] += w
    hhs = defaultdict(float, own)
    for (c, _), w in hh_w.items():
        hhs[c] += w
    return rec, hhs, reasons, located


def recipe(name, body, extra="", head=""):
    return write(os.path.join(t.work, name + ".yaml"), ("""name: %s
unit: buurt
""" + head + """sources:
  b: {path: %s, key: cbs_code, geometry: true}
%s
indicators:
  n: {expr: bez.records, kind: count}
  hh: {expr: bez.households, kind: count}
%s""") % (name, GEOJSON, body, extra))


def records_recipe(name, path, *keys, extra="", head=""):
    """recipe() with the records source `bez`: the file at path, records: true
    and one YAML line of the source per item of keys."""
    return recipe(name, "  bez:\n    path: %s\n    records: true\n" % path
                  + "".join("    %s\n" % k for k in keys), extra, head)


def manifest_of(out, name):
    with open(os.path.join(out, name, "manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    return [i for i in m["inputs"] if i["name"] == "bez"][0]


def compare(got, rec, hhs, what):
    bad = 0
    for u in units:
        r = got[u]
        if abs(r["n"] - rec.get(u, 0)) > 1e-9 or abs(r["hh"] - hhs.get(u, 0)) > 1e-9:
            bad += 1
            if bad <= 3:
                print("  %s %s: got %r/%r want %r/%r" % (what, u, r["n"], r["hh"], rec.get(u, 0),
                                                        hhs.get(u, 0)))
    t.check(bad == 0, "%s: records and households per buurt (%d differ)" % (what, bad))
    t.check(all(got[u]["n"] is not None for u in units), what + ": buurten without records have 0")


out = os.path.join(t.work, "out")
for weighted in (False, True):
    name = "pc_weighted" if weighted else "pc_majority"
    loc = PC_LOC.replace("}", ", allocate: weighted}") if weighted else PC_LOC
    r = records_recipe(name, rec_csv, loc, "household: huishouden")
    p = t.run("run", r, "-o", out)
    got = read_out_csv(os.path.join(out, name, "indicators.csv"))
    rec, hhs, reasons, located = expected_pc(weighted)
    compare(got, rec, hhs, name)
    m = manifest_of(out, name)
    t.check(m["records_read"] == len(rows), name + ": records_read")
    t.check(m["records_located"] == located, name + ": records_located %r want %r" % (m["records_located"], located))
    t.check(m["records_unlocated"] == sum(reasons.values()), name + ": records_unlocated")
    t.check({x["reason"]: x["count"] for x in m["unlocated_reasons"]} == dict(reasons),
            name + ": reasons %r want %r" % (m["unlocated_reasons"], dict(reasons)))
    t.check("niet geplaatst" in p.stderr + p.stdout, name + ": the run says how many were not placed")
    t.check(m["units_matched"] == len(units) and not m["units_unmatched"],
            name + ": every buurt matched (0, not missing)")

# the filter mapping: type (any case) and a date range, with Dutch dates
r = records_recipe("pc_filter", rec_csv, PC_LOC, "household: huishouden",
                   "filter: {soort: energiecoach, datum: [2024-01-01, 31-12-2024]}")
t.run("run", r, "-o", out)


def in_2024(d):
    y = int(d[:4]) if re.match(r"\d{4}-", d) else int(d[-4:])
    return y == 2024


rec, hhs, reasons, located = expected_pc(False, lambda s, d: s.lower() == "energiecoach" and in_2024(d))
compare(read_out_csv(os.path.join(out, "pc_filter", "indicators.csv")), rec, hhs, "pc_filter")
m = manifest_of(out, "pc_filter")
t.check(m["records_filtered_out"] == sum(1 for r_ in rows if not (r_[2].lower() == "energiecoach" and in_2024(r_[3]))),
        "pc_filter: records_filtered_out")

# ---- records by code (GeoJSON records through GDAL) ---------------------------
code_rows = []
for k in range(300):
    u = rnd.choice(units)
    form = rnd.choice([u, " " + u.lower() + " ", u + "  ", "bu" + u[2:]])
    code_rows.append((form, "HHC%04d" % rnd.randrange(200)))
code_rows += [("WK0363AF", "HHC9001"), ("BU0363ZZ99", "HHC9002"), ("hallo", "HHC9003"), ("", "HHC9004")]
gj = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"buurt": c, "hh": h}, "geometry": None} for c, h in code_rows]}
rec_gj = write(os.path.join(t.work, "bezoeken_code.geojson"), json.dumps(gj))
r = records_recipe("code", rec_gj, "key: buurt", "household: hh")
t.run("run", r, "-o", out)
rec = defaultdict(float)
hhsets = defaultdict(set)
reasons = defaultdict(int)
for c, h in code_rows:
    s = c.strip().upper()
    if not s:
        reasons["empty_code"] += 1
        continue
    if s.startswith("WK"):
        reasons["code_too_coarse"] += 1
    elif not re.fullmatch(r"BU[0-9]{4}[0-9A-Z]{4}", s):
        reasons["invalid_code"] += 1
    elif s not in unit_set:
        reasons["unknown_code"] += 1
    else:
        rec[s] += 1
        hhsets[s].add(h)
compare(read_out_csv(os.path.join(out, "code", "indicators.csv")), rec,
        {u: float(len(v)) for u, v in hhsets.items()}, "code")
m = manifest_of(out, "code")
t.check({x["reason"]: x["count"] for x in m["unlocated_reasons"]} == dict(reasons),
        "code: reasons %r want %r" % (m["unlocated_reasons"], dict(reasons)))
t.check(all("example_features" in x for x in m["unlocated_reasons"]), "code: examples are feature numbers")

# an xlsx read through GDAL: one record per buurt
r = records_recipe("xlsx", '"%s"' % XLSX, "key: cbs_code")
t.run("run", r, "-o", out)
got = read_out_csv(os.path.join(out, "xlsx", "indicators.csv"))
t.check(all(got[u]["n"] == 1 for u in units), "xlsx: one record per buurt")

# ---- records by point ----------------------------------------------------------
pts = []  # (x, y) in RD
minx = min(b[0] for b in bboxes)
miny = min(b[1] for b in bboxes)
maxx = max(b[2] for b in bboxes)
maxy = max(b[3] for b in bboxes)
while len(pts) < 300:
    pts.append((rnd.uniform(minx, maxx), rnd.uniform(miny, maxy)))
# vertices shared by two or more buurten: exactly on a shared border
seen = defaultdict(set)
for u, rs in enumerate(polys):
    for p in rs[0][:-1]:
        seen[p].add(u)
shared = sorted(p for p, us in seen.items() if len(us) >= 2)
border = [shared[k] for k in range(0, len(shared), max(1, len(shared) // 60))][:60]
pts += border
pts += [(10000.0, 400000.0), (280000.0, 600000.0)]  # far outside
rows_pt = [("%.17g" % x, "%.17g" % y, "HHP%03d" % (k % 250)) for k, (x, y) in enumerate(pts)]
rows_pt.append(("", "", "HHP999"))
rec_rd = write(os.path.join(t.work, "bezoeken_rd.csv"),
               "x;y;hh\n" + "".join("%s;%s;%s\n" % r_ for r_ in rows_pt))
r = records_recipe("pt_rd", rec_rd, 'location: {x: x, y: y, crs: "EPSG:28992"}',
                   "household: hh", "unlocated_max: 0.6")
t.run("run", r, "-o", out)
rec = defaultdict(float)
hhsets = defaultdict(set)
outside = 0
for (x, y), row in zip(pts, rows_pt):
    u = unit_of_point(x, y)
    if u is None:
        outside += 1
    else:
        rec[units[u]] += 1
        hhsets[units[u]].add(row[2])
compare(read_out_csv(os.path.join(out, "pt_rd", "indicators.csv")), rec,
        {u: float(len(v)) for u, v in hhsets.items()}, "pt_rd")
m = manifest_of(out, "pt_rd")
t.check(m["records_located"] == len(pts) - outside, "pt_rd: located")
reasons = {x["reason"]: x["count"] for x in m["unlocated_reasons"]}
t.check(reasons.get("outside_units") == outside and reasons.get("no_coordinates") == 1,
        "pt_rd: outside %r want %d, no coordinates 1" % (reasons, outside))

def holders(x, y):
    return sum(1 for rs in polys if sum(ring_odd(r, x, y) for r in rs) % 2)


border_hits = [holders(*p) for p in border]
t.check(max(border_hits) == 1 and sum(border_hits) > len(border) // 2,
        "shared-border vertices lie in at most one buurt (%d of %d in one)"
        % (sum(border_hits), len(border)))
t.check(abs(m["records_in_units"] - (len(pts) - outside)) < 1e-9,
        "pt_rd: border points counted once (sum over buurten = located)")

# WGS84: points well inside a buurt (more than 25 m from every edge)
inner = []
for x, y in pts[:300]:
    u = unit_of_point(x, y)
    if u is not None and dist_to_edges(x, y, polys[u]) > 25:
        inner.append((x, y, u))
ll = [rd_to_wgs84(x, y) for x, y, _ in inner]
rec_ll = write(os.path.join(t.work, "bezoeken_ll.csv"),
               "lon,lat\n" + "".join("%.9f,%.9f\n" % p for p in ll))
r = records_recipe("pt_ll", rec_ll, 'location: {x: lon, y: lat, crs: "EPSG:4326"}')
t.run("run", r, "-o", out)
rec = defaultdict(float)
for _, _, u in inner:
    rec[units[u]] += 1
compare(read_out_csv(os.path.join(out, "pt_ll", "indicators.csv")), rec, rec, "pt_ll")

# swapped lon/lat, and RD coordinates declared as degrees: named in the error
for name, loc, words in (("swapped", '{x: lat, y: lon, crs: "EPSG:4326"}', "swapped"),
                         ("rd_as_deg", '{x: x, y: y, crs: "EPSG:4326"}', "EPSG:28992")):
    src = rec_ll if name == "swapped" else rec_rd
    r = records_recipe(name, src, "location: " + loc)
    p = t.run("run", r, "-o", out, expect=1)
    t.check(words in p.stderr and "unlocated_max" in p.stderr,
            name + ": the error says why: " + p.stderr.strip())
    t.check(not os.path.exists(os.path.join(out, name)), name + ": nothing written")

# ---- bad input: one line with file, line and column; nothing written ----------
bad = os.path.join(t.work, "bad")
text_xy = write(os.path.join(t.work, "text_xy.csv"), "lon,lat\n4.9,52.37\n4.9,noord\n")
no_lookup_col = write(os.path.join(t.work, "lookup_bad.csv"), "pc,buurt\n1011AB,BU0363AF01\n")
cases = [
    ("no_column", "location: {postcode: postcod, lookup: %s, lookup_postcode: postcode6, lookup_code: cbs_code}" % PC6,
     rec_csv, r"bezoeken_pc\.csv:1: .*postcod"),
    ("lookup_column", "location: {postcode: postcode, lookup: %s, lookup_postcode: postcode6, lookup_code: cbs_code}"
     % no_lookup_col, rec_csv, r"lookup_bad\.csv:1: .*postcode6"),
    ("bad_crs", 'location: {x: lon, y: lat, crs: "EPSG:999999"}', rec_ll, r"bad_crs\.yaml:\d+:\d+: .*EPSG:999999"),
    ("text_xy", 'location: {x: lon, y: lat, crs: "EPSG:4326"}', text_xy, r"text_xy\.csv:3: (column|kolom) \"lat\""),
]
for name, loc, src, pattern in cases:
    r = records_recipe(name, src, loc)
    p = t.run("run", r, "-o", bad, "-q", expect=1)
    msg = p.stderr.strip()
    t.check(len(msg.splitlines()) == 1 and re.search(pattern, msg), name + ": " + msg)
    t.check(not os.path.exists(os.path.join(bad, name)), name + ": nothing written")

# recipe mistakes about records: named at recipe.yaml:LINE:COL
for name, body, words in (
        ("nowhere", "records: true", "says nowhere where they lie"),
        ("both", "records: true\n    key: nr\n    location: {x: a, y: b}", "both key: and location:"),
        ("no_lookup", "records: true\n    location: {postcode: postcode}", "needs lookup:"),
        ("not_records", "key: nr\n    household: huishouden", "apply only with records: true"),
        ("bad_date", "records: true\n    key: nr\n    filter: {datum: [2024-01-01, 2024-13-01]}",
         "is not a date")):
    r = recipe(name, """  bez:
    path: %s
    %s
""" % (rec_csv, body))
    p = t.run("check", r, "--lang", "en", expect=1)
    t.check(words in p.stderr and re.search(name + r"\.yaml:\d+:\d+: ", p.stderr),
            "recipe check %s: %s" % (name, p.stderr.strip()))

# ---- privacy: no output holds a postcode or a household id ----------------------
priv = records_recipe("privacy", rec_csv, PC_LOC, "household: huishouden", "unlocated_max: 1",
                      extra="""maps:
  - {indicator: hh, classes: 3}
factsheets:
  figures: [n, hh]
""", head="area: [WK0363AF]\n")
t.run("run", priv, "-o", out)
needles = set()
for pc in raw_postcodes:
    n = norm_pc(pc)
    if n and len(n) == 6:
        needles.update({n, n[:4] + " " + n[4:], pc.strip()})
needles.update(hh_ids)
texts = []
root = os.path.join(out, "privacy")
files = []
for dp, _, fs in os.walk(root):
    for fn in fs:
        files.append(os.path.join(dp, fn))
t.check(any(f.endswith(".gpkg") for f in files) and any(f.endswith(".pdf") for f in files)
        and any(f.endswith(".png") for f in files), "privacy: tables, gpkg, maps and sheets written")
for fpath in files:
    with open(fpath, "rb") as f:
        texts.append((fpath, f.read().decode("latin-1")))
    if fpath.endswith(".gpkg"):
        db = sqlite3.connect(fpath)
        dump = []
        for (tb,) in db.execute("select name from sqlite_master where type='table'"):
            for rowv in db.execute('select * from "%s"' % tb):
                dump.extend(str(v) for v in rowv if not isinstance(v, bytes))
        db.close()
        texts.append((fpath + " (sqlite)", "\n".join(dump)))
    if fpath.endswith(".pdf") and shutil.which("pdftotext"):
        txt = subprocess.run(["pdftotext", fpath, "-"], capture_output=True, text=True).stdout
        texts.append((fpath + " (text)", txt))
leaks = [(fp, nd) for fp, tx in texts for nd in needles if nd in tx]
t.check(not leaks, "privacy: no postcode or household id in any output: %r" % leaks[:5])
t.done()
