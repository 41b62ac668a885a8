"""`dnawijk inspect` on every kind of real file in ../shared/data, checked
against counts and sums computed here with Python's own parsers, and the
malformed inputs that must fail with one clear line."""
import json
import os

from e2elib import Ctx, num, read_csv_rows, read_dbf, read_geojson_props, write

t = Ctx()


def inspect(path):
    p = t.run("inspect", path, "--json")
    if p.returncode != 0:
        return None
    return json.loads(p.stdout)


def column(layer, name):
    for c in layer["columns"]:
        if c["name"] == name:
            return c
    return None


# wijken 2024: 3,475 rows; aantal_inwoners summed here from the JSON
wijken = t.path("cbs_kwb_2024_wijk_gemeente", "wijken_2024.geojson")
props = read_geojson_props(wijken)
vals = [num(p.get("aantal_inwoners")) for p in props]
want_sum = sum(v for v in vals if v is not None)
want_count = sum(1 for v in vals if v is not None)
j = inspect(wijken)
t.check(j is not None, "inspect wijken_2024")
if j:
    L = j["layers"][0]
    t.check(L["rows"] == 3475 == len(props), "wijken rows %s" % L["rows"])
    c = column(L, "aantal_inwoners")
    t.check(c is not None and c["count"] == want_count, "aantal_inwoners count")
    t.near(c and c["sum"], want_sum, 0.5, "aantal_inwoners sum")
    t.check(L["crs"] == "EPSG:4326", "wijken CRS %s" % L["crs"])
    wc = column(L, "wijkcode")
    t.check(wc and wc.get("codes", {}).get("level") == "wijk", "wijkcode detected as wijk codes")
    t.check(column(L, "geometry") is not None, "geometry column listed")

# Almere 2011: every sentinel cell (<= -99990) counts as missing
shp = t.path("cbs_kwb_2011_almere", "buurt_2011_v3.shp")
names, rows = read_dbf(t.path("cbs_kwb_2011_almere", "buurt_2011_v3.dbf"))
sentinels = sum(1 for r in rows for k, v in r.items()
                if isinstance(v, float) and v <= -99990)
t.check(sentinels > 2600, "Almere has over 2,600 sentinel cells (%d)" % sentinels)
j = inspect(shp)
if j:
    L = j["layers"][0]
    t.check(L["rows"] == 63, "Almere rows")
    t.check(L["crs"] == "EPSG:28992", "Almere CRS %s" % L["crs"])
    got = sum(n for c in L["columns"] for reason, n in c["missing"].items()
              if reason not in ("empty",) and c["type"] != "string")
    t.check(got == sentinels, "Almere sentinel cells as missing: %d, want %d" % (got, sentinels))
    # and the mean of AANT_INW leaves them out
    inw = [r["AANT_INW"] for r in rows if r["AANT_INW"] is not None and r["AANT_INW"] > -99990]
    c = column(L, "AANT_INW")
    t.near(c and c["mean"], sum(inw) / len(inw), 1e-9, "Almere AANT_INW mean")
    p65 = column(L, "P_65_EO_JR")
    want_p65_missing = sum(1 for r in rows if r["P_65_EO_JR"] is not None and r["P_65_EO_JR"] <= -99990)
    t.check(p65 and sum(p65["missing"].values()) == want_p65_missing, "P_65_EO_JR missing count")

# the multi-line-header StatLine income CSV
kvk = t.path("cbs_wijk_inkomen_autobezit", "kvk2020-wb2023.csv")
raw = read_csv_rows(kvk)
data_rows = [r for r in raw if r and (r[0].startswith("GM") or r[1].strip().startswith("WK") or r[0] == "Nederland")]
j = inspect(kvk)
t.check(j is not None, "inspect kvk2020")
if j:
    L = j["layers"][0]
    t.check(L["rows"] == len(data_rows), "kvk rows %d, want %d" % (L["rows"], len(data_rows)))
    numeric = [c for c in L["columns"] if c["type"] == "double"]
    t.check(len(numeric) == 3, "kvk has 3 numeric columns: %s" % [c["name"] for c in numeric])
    inc = [num(r[3]) for r in data_rows]
    want = sum(v for v in inc if v is not None)
    t.near(numeric[0]["sum"] if numeric else None, want, 1e-6, "income column sum (decimal comma)")
    t.check(numeric and numeric[0]["missing"].get("unknown", 0) == sum(1 for v in inc if v is None),
            "income '.' cells missing as unknown")

# every other vector file opens with the expected row count
expect = {
    ("cbs_kwb_2024_wijk_gemeente", "gemeenten_2022.geojson"): None,
    ("cbs_kwb_2024_wijk_gemeente", "gemeenten_2023.geojson"): None,
    ("cbs_kwb_2024_wijk_gemeente", "gemeenten_2024.geojson"): None,
    ("cbs_wijk_2016", "wijk_2016.geojson"): 2982,
    ("klimaateffectatlas_buurtdashboard", "BuurtenDataset20231212_xaaac.json"): 317,
    ("klimaateffectatlas_buurtdashboard", "GemeenteGrenzen2023-small.json"): 343,
    ("klimaateffectatlas_buurtdashboard", "provinces.json"): 12,
    ("cbs_gebiedsindelingen_2014", "Buurt_2014_layer_q1e3.json"): 11691,
    ("cbs_gebiedsindelingen_2014", "Wijk_2014_layer_q1e3.json"): 2738,
    ("cbs_wijkbuurtkaart_2021_ermelo", "CBS_buurten.gpkg"): 17,
}
for (d, f), n in expect.items():
    path = t.path(d, f)
    if n is None:
        n = len(read_geojson_props(path))
    j = inspect(path)
    t.check(j is not None and j["layers"][0]["rows"] == n,
            "%s rows: %s, want %d" % (f, j and j["layers"][0]["rows"], n))

# text output works too
p = t.run("inspect", t.path("cbs_wijkbuurtkaart_2021_ermelo", "CBS_buurten.gpkg"))
t.check("CBS_Buurten" in p.stdout and "EPSG:28992" in p.stdout, "text inspect of the Ermelo gpkg")

# malformed inputs: a clear one-line error and a non-zero exit, no crash
w = t.work
with open(wijken, encoding="utf-8") as f:
    text = f.read()
bad = {
    "truncated.geojson": (text[: len(text) // 3], "w"),
    "ragged.csv": ("code;a;b\nGM0014;1;2\nGM0034;1;2;3;4\n", "w"),
    "binary.csv": (bytes(range(256)) * 20, "wb"),
    "binary.geojson": (bytes(range(256)) * 20, "wb"),
    "empty.csv": ("", "w"),
    "empty.geojson": ("", "w"),
}
for name, (content, mode) in bad.items():
    path = write(os.path.join(w, name), content, mode)
    p = t.run("inspect", path, expect=1)
    lines = p.stderr.strip().splitlines()
    t.check(p.returncode == 1 and len(lines) == 1 and name in lines[0] and
            lines[0].startswith("dnawijk: "),
            "%s: one-line error naming the file, got %r (exit %d)" % (name, p.stderr, p.returncode))
p = t.run("inspect", os.path.join(w, "missing.geojson"), expect=1)
t.check(p.returncode == 1 and "missing.geojson" in p.stderr and "bestandsfout" in p.stderr,
        "missing file (Dutch by default): %r" % p.stderr)
p = t.run("--lang", "en", "inspect", os.path.join(w, "missing.geojson"), expect=1)
t.check(p.returncode == 1 and "missing.geojson" in p.stderr and "io error" in p.stderr,
        "missing file with --lang en: %r" % p.stderr)
p = t.run("inspect", wijken + "#no_such_layer", expect=1)
t.check(p.returncode == 1 and "no_such_layer" in p.stderr, "unknown layer: %r" % p.stderr)
p = t.run("inspect", os.path.join(w, "ragged.csv"), expect=1)
t.check(":3" in p.stderr, "ragged row names line 3: %r" % p.stderr)
t.done()
