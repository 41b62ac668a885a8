"""Reach, gap, Wilson intervals, funnel flags and the hard-to-reach index
(recipes/bereik_amsterdam.yaml on the real Amsterdam data and the fictional
contact log in datasets/amsterdam), every number recomputed here with the
Python standard library from the input files: the per-buurt counts from the
log itself (postcode -> buurt by majority of addresses), Wilson from its
formula, funnel limits from exact binomial sums (math.comb), z-scores from
their definition."""
import collections
import csv
import json
import math
import os
import subprocess
import sys

from e2elib import Ctx, read_out_csv, tertile_breaks, tertile_class, write

t = Ctx()
OUT = os.path.join(t.work, "out")
recipe = os.path.join(t.src, "recipes", "bereik_amsterdam.yaml")
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
p = t.run("run", recipe, "-o", OUT, "-q")
res = os.path.join(OUT, "bereik_amsterdam")
units = read_out_csv(os.path.join(res, "indicators.csv"))
area = list(read_out_csv(os.path.join(res, "indicators_gebied.csv")).values())[0]
wijk_rows = read_out_csv(os.path.join(res, "indicators_wijk.csv"))

# --- the inputs, read here -------------------------------------------------
policy = {}
with open(t.path("amsterdam_energie_buurten", "amsterdam_policy_data.csv"),
          encoding="utf-8") as f:
    for r in csv.DictReader(f):
        policy["BU" + r["buurtcode"]] = r
with open(t.path("amsterdam_buurten_pc6", "amsterdam_buurten.geojson"),
          encoding="utf-8") as f:
    poly = [ft["properties"]["cbs_code"] for ft in json.load(f)["features"]]
WIJKEN = ["0363AF", "0363AK", "0363EL", "0363EN", "0363ER", "0363FF", "0363FL",
          "0363KE", "0363KF", "0363KN", "0363MM", "0363MP", "0363NM", "0363SA",
          "0363TC", "0363TD", "0363TK"]
codes = sorted(c for c in poly if c[2:8] in WIJKEN)
t.check(sorted(units) == codes, "the units are the buurten of the 17 wijken "
        "(%d, want %d)" % (len(units), len(codes)))

# the log, counted per buurt by another route than the generator: every
# address row of the postcode table, majority buurt, ties to the lowest code
pairs = collections.Counter()
with open(t.path("amsterdam_buurten_pc6", "pc6_to_buurt.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        pairs[(r["postcode6"], r["cbs_code"])] += 1
owner = {}
for (pc, bu), n in pairs.items():
    o = owner.get(pc)
    if o is None or n > o[1] or (n == o[1] and bu < o[0]):
        owner[pc] = (bu, n)
hh_all, hh_low = collections.defaultdict(set), collections.defaultdict(set)
with open(os.path.join(t.src, "datasets", "amsterdam", "contactlog_fictief.csv"),
          encoding="utf-8") as f:
    for r in csv.DictReader(f):
        pc = r["postcode"].replace(" ", "").upper()
        bu = owner[pc][0]
        hh_all[bu].add(r["huishouden"])
        if r["laag_inkomen"] == "ja":
            hh_low[bu].add(r["huishouden"])


def fnum(s):
    return float(s) if s not in ("", None) else None


# --- statistics, written out here ------------------------------------------
Z95 = 1.959963984540054


def wilson(x, n):
    p = x / n
    d = 1 + Z95 ** 2 / n
    c = (p + Z95 ** 2 / (2 * n)) / d
    h = Z95 / d * math.sqrt(p * (1 - p) / n + Z95 ** 2 / (4 * n * n))
    lo, hi = max(0.0, c - h), min(1.0, c + h)
    return (0.0 if x == 0 else lo) * 100, (1.0 if x == n else hi) * 100


def binom_limit(theta, n, q):
    n = max(1, int(math.floor(n + 0.5)))
    F = prev = 0.0
    for r in range(n + 1):
        prev = F
        F += math.exp(math.log(math.comb(n, r)) + r * math.log(theta)
                      + (n - r) * math.log1p(-theta))
        if F >= q:
            return min(1.0, max(0.0, (r - (F - q) / (F - prev)) / n))
    return 1.0


def position(x, n, theta):
    rate = x / n
    l998, l95 = binom_limit(theta, n, 0.001), binom_limit(theta, n, 0.025)
    h95, h998 = binom_limit(theta, n, 0.975), binom_limit(theta, n, 0.999)
    return -2 if rate < l998 else -1 if rate < l95 else 2 if rate > h998 else \
        1 if rate > h95 else 0


def rank_desc(vals):
    """average ranks, 1 = largest, over the valid values."""
    valid = sorted((v for v in vals.values() if v is not None), reverse=True)
    out = {}
    for k, v in vals.items():
        if v is None:
            out[k] = None
            continue
        first = valid.index(v) + 1
        last = len(valid) - valid[::-1].index(v)
        out[k] = (first + last) / 2
    return out


def check_reach(name, reached, target, min_base):
    R = {c: reached.get(c) for c in codes}
    T = {c: target.get(c) for c in codes}
    both = [c for c in codes if R[c] is not None and T[c] is not None and T[c] > 0]
    theta = sum(R[c] for c in both) / sum(T[c] for c in both)
    gaps = {c: (T[c] - R[c]) if R[c] is not None and T[c] is not None else None
            for c in codes}
    ranks = rank_desc(gaps)
    flagged = []
    for c in codes:
        u = units[c]
        t.near(u[name + "_bereikt"], R[c], 1e-9, "%s %s reached" % (name, c))
        if T[c] is None:
            t.check(u[name] is None, "%s %s: no target, no rate" % (name, c))
            continue
        t.near(u[name + "_doelgroep"], T[c], 1e-6, "%s %s target" % (name, c))
        t.near(u[name + "_gat"], gaps[c], 1e-6, "%s %s gap" % (name, c))
        t.near(u[name + "_gat_rang"], ranks[c], 1e-9, "%s %s gap rank" % (name, c))
        if T[c] < min_base:
            for s in ("", "_ci_onder", "_ci_boven", "_funnel", "_onder_grens"):
                t.check(u[name + s] is None, "%s%s %s suppressed (target %.1f < %d)"
                        % (name, s, c, T[c], min_base))
            continue
        t.near(u[name], 100 * R[c] / T[c], 1e-9, "%s %s rate" % (name, c))
        lo, hi = wilson(R[c], T[c])
        t.near(u[name + "_ci_onder"], lo, 1e-9, "%s %s Wilson lower" % (name, c))
        t.near(u[name + "_ci_boven"], hi, 1e-9, "%s %s Wilson upper" % (name, c))
        pos = position(R[c], T[c], theta)
        t.check(u[name + "_funnel"] == pos, "%s %s funnel position %r, want %r"
                % (name, c, u[name + "_funnel"], pos))
        t.check(u[name + "_onder_grens"] == (1 if pos == -2 else 0),
                "%s %s below-limit flag" % (name, c))
        if pos == -2:
            flagged.append(c)
    # the area: ratio of sums, never a mean of rates; Wilson of the sums
    sr, st = sum(R[c] for c in both), sum(T[c] for c in both)
    t.near(area[name], 100 * sr / st, 1e-9, name + " area rate = ratio of sums")
    lo, hi = wilson(sr, st)
    t.near(area[name + "_ci_onder"], lo, 1e-9, name + " area Wilson lower")
    t.near(area[name + "_ci_boven"], hi, 1e-9, name + " area Wilson upper")
    t.near(area[name + "_gat"], st - sr, 1e-6, name + " area gap")
    # wijken: ratio of the wijk's sums
    for w, row in wijk_rows.items():
        ws = [c for c in both if c[2:8] == w[2:]]
        if ws and sum(T[c] for c in ws) >= min_base:
            t.near(row[name], 100 * sum(R[c] for c in ws) / sum(T[c] for c in ws),
                   1e-9, "%s wijk %s ratio of sums" % (name, w))
    return flagged


reached_all = {c: float(len(hh_all.get(c, ()))) for c in codes}
reached_low = {c: float(len(hh_low.get(c, ()))) for c in codes}
target_all = {c: fnum(policy[c]["households"]) for c in codes}
target_low = {c: (fnum(policy[c]["households"]) * fnum(policy[c]["pct_hh_lowincome130_2024"]) / 100
                  if policy[c]["pct_hh_lowincome130_2024"] else None) for c in codes}
flag_all = check_reach("bereik_huishoudens", reached_all, target_all, 50)
check_reach("bereik_laag_inkomen", reached_low, target_low, 20)
t.check(len(flag_all) >= 3, "the under-served buurten are flagged (%d)" % len(flag_all))

# --- the hard-to-reach index -------------------------------------------------
factors = [("laag_inkomen", "pct_hh_lowincome130_2024", 1.0), ("huur", "pct_rent", 0.5),
           ("sociale_huur", "pct_social_rent", 0.5), ("flat", "pct_apartment", 0.5)]
contrib = {}
for f, col, w in factors:
    vals = {c: fnum(policy[c][col]) for c in codes}
    v = [x for x in vals.values() if x is not None]
    mean = sum(v) / len(v)
    sd = math.sqrt(sum((x - mean) ** 2 for x in v) / len(v))
    for c in codes:
        z = None if vals[c] is None else w * (vals[c] - mean) / sd
        contrib[(c, f)] = z
        # the index has 2 decimals: the table keeps 2 more (rounded)
        t.near(units[c]["moeilijk_bereikbaar_" + f], z, 5.001e-5,
               "index contribution %s %s" % (f, c)) if z is not None else \
            t.check(units[c]["moeilijk_bereikbaar_" + f] is None, "missing factor %s %s" % (f, c))
for c in codes:
    parts = [contrib[(c, f)] for f, _, _ in factors]
    want = None if any(x is None for x in parts) else sum(parts)
    if want is None:
        t.check(units[c]["moeilijk_bereikbaar"] is None, "index missing %s" % c)
    else:
        t.near(units[c]["moeilijk_bereikbaar"], want, 5.001e-5, "index total %s" % c)

# --- funnel charts, with the flagged buurten named ---------------------------
for name in ("bereik_huishoudens", "bereik_laag_inkomen"):
    for ext in ("png", "pdf"):
        path = os.path.join(res, "charts", name + "_funnel." + ext)
        t.check(os.path.exists(path) and os.path.getsize(path) > 1000, "chart " + path)
pdf = os.path.join(res, "charts", "bereik_huishoudens_funnel.pdf")
if os.path.exists(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True).stdout
    for c in flag_all:
        nm = units[c]["name"]
        t.check(nm in text.replace("\n", " ") or nm[:12] in text,
                "flagged buurt %s (%s) named on the funnel plot" % (c, nm))

# --- the bivariate map: R type 7 tertiles of both axes, counted per cell ------
man = json.load(open(os.path.join(res, "manifest.json"), encoding="utf-8"))
bm = [m for m in man["maps"] if m.get("type") == "bivariate"]
t.check(len(bm) == 1 and bm[0]["x"] == "laag_inkomen" and bm[0]["y"] == "bereik_laag_inkomen",
        "the manifest lists the bivariate map")


if bm:
    xs = {c: units[c]["laag_inkomen"] for c in codes}
    ys = {c: units[c]["bereik_laag_inkomen"] for c in codes}
    bx = tertile_breaks([v for v in xs.values() if v is not None])
    by = tertile_breaks([v for v in ys.values() if v is not None])
    cells = [0] * 9
    for c in codes:
        if xs[c] is not None and ys[c] is not None:
            cells[3 * tertile_class(ys[c], by) + tertile_class(xs[c], bx)] += 1
    t.check(bm[0]["cells"] == cells, "bivariate cells %r, want %r" % (bm[0]["cells"], cells))
    t.check(all(os.path.getsize(os.path.join(res, f)) > 1000 for f in bm[0]["files"]),
            "bivariate map files")
    text = subprocess.run(["pdftotext", os.path.join(res, "maps", "laag_inkomen_bereik.pdf"), "-"],
                          capture_output=True, text=True).stdout
    t.check("Gearceerd" in text and "Laag inkomen" in text and "Bereik lage inkomens" in text,
            "the bivariate legend names both axes and the hatching")

# --- the fact sheet's reach section -------------------------------------------
c = max((c for c in codes if units[c]["bereik_huishoudens"] is not None),
        key=lambda c: units[c]["bereik_huishoudens_doelgroep"])
text = subprocess.run(["pdftotext", "-layout", os.path.join(res, "factsheets", c + ".pdf"), "-"],
                      capture_output=True, text=True).stdout


def nl(v, dec):
    s = ("%%.%df" % dec) % v
    ip, _, fp = s.partition(".")
    ip = "{:,}".format(int(ip)).replace(",", ".")
    return ip + ("," + fp if fp else "")


u = units[c]
want = "%s van %s bereikt" % (nl(u["bereik_huishoudens_bereikt"], 0),
                              nl(u["bereik_huishoudens_doelgroep"], 0))
t.check(want in text, "sheet %s shows '%s'" % (c, want))
lo, hi = wilson(reached_all[c], target_all[c])
want = "(%s – %s" % (nl(lo, 1), nl(hi, 1))
t.check(want in text, "sheet %s shows the interval '%s'" % (c, want))
t.check("Waarom moeilijk bereikbaar" in text, "sheet %s has the contributions chart" % c)
pos_words = {-2: "onder de 99,8%-grens", -1: "onder de 95%-grens", 0: "binnen de grenzen",
             1: "boven de 95%-grens", 2: "boven de 99,8%-grens"}
t.check(pos_words[int(u["bereik_huishoudens_funnel"])] in text,
        "sheet %s names its place in the funnel" % c)

# --- the comparison chart has error bars (its legend says so) ------------------
text = subprocess.run(["pdftotext", os.path.join(res, "charts", "bereik_per_wijk.pdf"), "-"],
                      capture_output=True, text=True).stdout
t.check("95%-interval (Wilson)" in text, "the comparison chart explains its error bars")

# --- recipe errors -----------------------------------------------------------
bad = write(os.path.join(t.work, "bad.yaml"), """name: bad
unit: buurt
sources:
  a: {path: x.csv, key: code}
indicators:
  r:
    kind: reach
    reached: a.n
""")
p = t.run("check", bad, expect=1)
t.check("bad.yaml:6:" in p.stderr and "target:" in p.stderr,
        "a reach indicator without target: is named with its line: " + p.stderr.strip())
bad2 = write(os.path.join(t.work, "bad2.yaml"), """name: bad
unit: buurt
sources:
  a: {path: x.csv, key: code}
indicators:
  r_gat: a.x
  r: {kind: reach, reached: a.n, target: a.t}
""")
p = t.run("check", bad2, expect=1)
t.check("botst" in p.stderr and "r_gat" in p.stderr, "a name clash with a reach column: "
        + p.stderr.strip())
t.done()
