"""Honest legends (issue 11 item 1): for every map of the demo (the reach
map has breaks 0.55 / 1.79 / 3.23 / 4.39 / 5.92 and used to print "1 - 2"
for its first class while a buurt had 0,550), the printed class bounds in
the manifest enclose the data: the first lower bound is at most the
smallest value, the last upper bound at least the largest, and every value
rounded to the legend's decimals lies within the printed bounds of its
class. Values come from indicators.csv (full precision); the class of a
value is found here from the breaks; the printed bounds are parsed from
the legend text (Dutch numbers)."""
import json
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

sys.path.insert(0, os.path.dirname(__file__))
from e2elib import Ctx, read_out_csv  # noqa: E402

c = Ctx()
out = os.path.join(c.work, "out")
r = c.run("run", os.path.join(c.src, "recipes", "demo.yaml"), "-q", "-o", out)
c.check(r.returncode == 0, "demo run: " + r.stderr)
res = os.path.join(out, "demo")
with open(os.path.join(res, "manifest.json")) as f:
    manifest = json.load(f)
units = read_out_csv(os.path.join(res, "indicators.csv"))


def dutch(s):
    """A Dutch number ("1.234,5", "-0,3") as Decimal."""
    return Decimal(s.replace(".", "").replace(",", "."))


def bounds(label):
    m = re.match(r"^\s*(-?[\d.]+(?:,\d+)?) \u2013 (-?[\d.]+(?:,\d+)?)", label)
    return (dutch(m.group(1)), dutch(m.group(2))) if m else None


def rounded(v, d):
    q = Decimal(1).scaleb(-d)
    return Decimal(repr(v)).quantize(q, rounding=ROUND_HALF_UP)


maps = manifest.get("maps", [])
c.check(len(maps) >= 2, "the demo has maps")
for m in maps:
    name, ind = m["name"], m["indicator"]
    legend, d = m.get("legend"), m.get("legend_decimals")
    c.check(legend is not None and d is not None,
            "%s: the manifest records the printed legend" % name)
    if legend is None:
        continue
    b = m["breaks"]
    k = m["classes"]
    printed = [bounds(t) for t in legend]
    c.check(all(p is not None for p in printed) and len(printed) == k,
            "%s: every class prints two bounds: %r" % (name, legend))
    if not all(printed):
        continue
    values = [u[ind] for u in units.values() if u.get(ind) is not None]
    c.check(len(values) > 0, "%s: values" % name)
    lo, hi = min(values), max(values)
    c.check(printed[0][0] <= Decimal(repr(lo)),
            "%s: first class starts at %s <= smallest value %r"
            % (name, printed[0][0], lo))
    c.check(printed[-1][1] >= Decimal(repr(hi)),
            "%s: last class ends at %s >= largest value %r"
            % (name, printed[-1][1], hi))
    bad = []
    for v in values:
        cls = next(i for i in range(k)
                   if (v <= b[i + 1] or i == k - 1))
        rv = rounded(v, d)
        if not (printed[cls][0] <= rv <= printed[cls][1]):
            bad.append((v, str(rv), legend[cls]))
    c.check(not bad, "%s: values outside their printed class: %r"
            % (name, bad[:5]))
    for i in range(k - 1):
        c.check(printed[i][1] == printed[i + 1][0],
                "%s: neighbouring classes share their printed bound" % name)

# the reach map of the issue: a buurt of 0,550 and a legend from 0
reach = [m for m in maps if m["indicator"] == "bereik_energiecoach"]
c.check(reach and bounds(reach[0]["legend"][0])[0] <= Decimal("0.55"),
        "reach map legend starts at or below 0,55: %r"
        % (reach[0]["legend"] if reach else None))
c.done()
