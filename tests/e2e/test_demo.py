"""The demo recipe on the bundled demo data: the generator is deterministic,
and the buurt values and rollups match numbers computed here from the demo
files."""
import filecmp
import math
import os
import shutil
import subprocess
import sys
from collections import defaultdict

from e2elib import Ctx, num, read_csv_rows, read_geojson_props, read_out_csv

t = Ctx()
demo = os.path.join(t.src, "datasets", "demo")
# the generator makes the committed files byte for byte
copy = os.path.join(t.work, "demo")
shutil.copytree(demo, copy)
subprocess.run([sys.executable, os.path.join(copy, "make_demo.py")], check=True)
for f in os.listdir(demo):
    if not f.endswith(".py"):
        t.check(filecmp.cmp(os.path.join(demo, f), os.path.join(copy, f), shallow=False),
                "make_demo.py reproduces " + f)

out = os.path.join(t.work, "out")
p = t.run("run", os.path.join(t.src, "recipes", "demo.yaml"), "-o", out, "-q")
bu = read_out_csv(os.path.join(out, "demo", "indicators.csv"))
wk = read_out_csv(os.path.join(out, "demo", "indicators_wijk.csv"))
props = {p["buurtcode"]: p for p in read_geojson_props(os.path.join(demo, "voorbeeldrecht_buurten.geojson"))}
arm = {r[0].strip(): r for r in read_csv_rows(os.path.join(demo, "voorbeeldrecht_energiearmoede.csv"))
       if r and r[0].strip().startswith("BU")}
act = {"BU" + r[0]: r for r in read_csv_rows(os.path.join(demo, "voorbeeldrecht_activiteiten.csv"), ",")[1:]}
t.check(len(bu) == 30, "30 buurten")
num_wk = defaultdict(float)
den_wk = defaultdict(float)
for code, pr in props.items():
    got = bu[code]
    inw, hh = num(pr["aantal_inwoners"]), num(pr["aantal_huishoudens"])
    p65 = num(pr["percentage_personen_65_jaar_en_ouder"])
    if p65 is None:
        t.check(got["aandeel_65plus"] is None, code + " secret 65+ stays empty")
    elif inw < 50:
        t.check(got["aandeel_65plus"] is None, code + " suppressed below 50 inwoners")
    else:
        t.near(got["aandeel_65plus"], p65, 1e-12, code + " 65+")
    visits = float(act[code][1])
    t.near(got["bereik_energiecoach"] if hh >= 20 else 0, 100 * visits / hh if hh >= 20 else 0,
           1e-9, code + " reach")
    n_arm, h_arm = num(arm[code][3]), num(arm[code][2])
    if n_arm is not None and hh >= 20:
        t.near(got["energiearmoede"], 100 * n_arm / h_arm, 1e-9, code + " energiearmoede")
        num_wk[pr["wijkcode"]] += n_arm
        den_wk[pr["wijkcode"]] += h_arm
for w in num_wk:
    t.near(wk[w]["energiearmoede"], 100 * num_wk[w] / den_wk[w], 1e-9, w + " energiearmoede ratio of sums")
# contact records by postcode: energy-coach contacts of 2024, the postcode's
# buurt with most addresses (ties: lowest code), distinct households
addr = defaultdict(lambda: defaultdict(int))
for r in read_csv_rows(os.path.join(demo, "voorbeeldrecht_postcodes.csv"), ",")[1:]:
    addr[r[0]][r[1]] += 1
seen = defaultdict(set)
for r in read_csv_rows(os.path.join(demo, "voorbeeldrecht_contacten_postcode.csv"), ",")[1:]:
    pc = r[1].replace(" ", "").upper()
    year = r[4][:4] if r[4][4] == "-" else r[4][-4:]
    if r[3] != "energiecoach" or year != "2024" or pc not in addr:
        continue
    best = sorted(addr[pc].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    seen[best].add(r[2])
for code in props:
    t.near(bu[code]["bezochte_huishoudens"], float(len(seen[code])), 0, code + " households visited")
# reach (kind: reach): rate, gap and Wilson 95 % bounds per buurt, from the
# records counted above and the households of the geojson (min_base 20)
z = 1.959963984540054
for code, pr in props.items():
    got = bu[code]
    x, n = float(len(seen[code])), num(pr["aantal_huishoudens"])
    if n is None or n < 20:
        t.check(got["bereik_coach"] is None, code + " reach suppressed below 20")
        continue
    p_ = x / n
    c = p_ + z * z / (2 * n)
    h = z * math.sqrt(p_ * (1 - p_) / n + z * z / (4 * n * n))
    d = 1 + z * z / n
    t.near(got["bereik_coach"], 100 * p_, 1e-9, code + " reach rate")
    t.near(got["bereik_coach_gat"], n - x, 1e-9, code + " reach gap")
    t.near(got["bereik_coach_ci_onder"], 100 * (c - h) / d, 1e-6, code + " Wilson lower")
    t.near(got["bereik_coach_ci_boven"], 100 * (c + h) / d, 1e-6, code + " Wilson upper")
t.check(os.path.exists(os.path.join(out, "demo", "charts", "bereik_coach_funnel.png")),
        "the demo draws the funnel plot")
t.done()
