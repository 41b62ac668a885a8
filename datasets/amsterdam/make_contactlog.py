#!/usr/bin/env python3
"""FICTIONAL contact log of an energy-coach programme in Amsterdam.

Nothing in the output is a real visit, household or person. The log is made
deterministically (fixed seed) from two real public files so that it looks
like what a municipality's coach registration would export:

  - real postcodes (PC6) per buurt from pc6_to_buurt.csv (one row per
    address; a postcode is placed in the buurt that holds most of its
    addresses, ties to the lowest code, as dnawijk's records source does);
  - real household counts and low-income shares per buurt from
    amsterdam_policy_data.csv.

The programme "works" in the wijken whose buurten are all in the postcode
table (17 wijken, 69 buurten). Per buurt it reaches a share of the
households that falls with the buurt's low-income share, with extra noise,
and three buurten are deliberately under-served, so that the funnel plot has
something to find. Some households are visited more than once (a coach
session and a fixer visit), so records > households.

Writes contactlog_fictief.csv next to this script (or into --out): one row
per contact with datum, soort, postcode, huishouden, laag_inkomen (ja/nee).
recipes/bereik_amsterdam.yaml reads it as a records source.

Usage: make_contactlog.py [--data ../shared/data] [--out DIR]
"""
import argparse
import collections
import csv
import math
import os
import random

SEED = 20241231
BASE_RATE = 0.045          # share of households reached in an average buurt
UNDER_SERVED = 0.3         # factor for the deliberately under-served buurten
SOORTEN = [("energiecoach", 0.6), ("energiecafe", 0.25), ("fixer", 0.15)]


def majority_buurt(pc6_rows):
    """postcode -> buurt with most addresses (ties: lowest code)."""
    count = collections.Counter((r["postcode6"], r["cbs_code"]) for r in pc6_rows)
    best = {}
    for (pc, bu), n in count.items():
        cur = best.get(pc)
        if cur is None or n > cur[1] or (n == cur[1] and bu < cur[0]):
            best[pc] = (bu, n)
    return {pc: v[0] for pc, v in best.items()}, count


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "..",
                                                   "shared", "data"))
    ap.add_argument("--out", default=here)
    a = ap.parse_args()
    pc6 = list(csv.DictReader(open(os.path.join(
        a.data, "amsterdam_buurten_pc6", "pc6_to_buurt.csv"), encoding="utf-8")))
    policy = list(csv.DictReader(open(os.path.join(
        a.data, "amsterdam_energie_buurten", "amsterdam_policy_data.csv"),
        encoding="utf-8")))
    owner, pair_count = majority_buurt(pc6)
    in_table = set(r["cbs_code"] for r in pc6)
    # wijken whose buurten are all in the postcode table
    wijk_buurten = collections.defaultdict(list)
    for r in policy:
        if r["wijkcode"]:
            wijk_buurten[r["wijkcode"]].append(r)
    wijken = sorted(w for w, rs in wijk_buurten.items()
                    if all("BU" + r["buurtcode"] in in_table for r in rs))
    # postcodes (with address weights) per buurt, by majority owner
    pcs = collections.defaultdict(list)
    for (pc, bu), n in sorted(pair_count.items()):
        if owner[pc] == bu:
            pcs[bu].append((pc, n))
    rng = random.Random(SEED)
    buurten = [r for w in wijken for r in sorted(wijk_buurten[w],
                                                 key=lambda r: r["buurtcode"])]
    lows = [float(r["pct_hh_lowincome130_2024"]) for r in buurten
            if r["pct_hh_lowincome130_2024"]]
    mean = sum(lows) / len(lows)
    sd = math.sqrt(sum((x - mean) ** 2 for x in lows) / len(lows))
    big = sorted((r for r in buurten if pcs.get("BU" + r["buurtcode"])),
                 key=lambda r: -float(r["households"]))
    under = set(r["buurtcode"] for r in big[3:12:3])  # three sizeable buurten
    log = []
    hh_no = 0
    for r in buurten:
        bu = "BU" + r["buurtcode"]
        hh = int(float(r["households"]))
        if hh == 0 or not pcs.get(bu):
            continue
        low = float(r["pct_hh_lowincome130_2024"] or mean) / 100.0
        z = ((low * 100) - mean) / sd if sd else 0.0
        p = BASE_RATE * math.exp(-0.35 * z + rng.gauss(0, 0.2))
        if r["buurtcode"] in under:
            p *= UNDER_SERVED
        p = min(p, 0.5)
        reached = sum(1 for _ in range(hh) if rng.random() < p)
        codes = [pc for pc, _ in pcs[bu]]
        weights = [n for _, n in pcs[bu]]
        for _ in range(reached):
            hh_no += 1
            hid = "HH%06d" % hh_no
            # low-income households are reached a bit less often than their
            # share: 0.8 times
            is_low = rng.random() < min(1.0, 0.8 * low)
            pc = rng.choices(codes, weights)[0]
            visits = 1 + (rng.random() < 0.15)
            for _ in range(visits):
                soort = rng.choices([s for s, _ in SOORTEN],
                                    [w for _, w in SOORTEN])[0]
                day = rng.randrange(0, 366)
                month_days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                m = 0
                while day >= month_days[m]:
                    day -= month_days[m]
                    m += 1
                # postcodes written as coaches type them
                shown = rng.choice([pc, pc[:4] + " " + pc[4:],
                                    (pc[:4] + " " + pc[4:]).lower(), pc])
                log.append({"datum": "%02d-%02d-2024" % (day + 1, m + 1),
                            "soort": soort, "postcode": shown,
                            "huishouden": hid,
                            "laag_inkomen": "ja" if is_low else "nee",
                            "_buurt": bu})
    log.sort(key=lambda e: (e["datum"][6:] + e["datum"][3:5] + e["datum"][:2],
                            e["huishouden"]))
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "contactlog_fictief.csv"), "w",
              encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["datum", "soort", "postcode", "huishouden", "laag_inkomen"])
        for e in log:
            w.writerow([e["datum"], e["soort"], e["postcode"], e["huishouden"],
                        e["laag_inkomen"]])
    print("%d records, %d households, %d buurten in %d wijken: %s"
          % (len(log), hh_no, len(buurten), len(wijken), " ".join(wijken)))


if __name__ == "__main__":
    main()
