"""Guards of issue 11: `check` refuses what `run` would refuse for the
recipe's own reasons (item 13), and the command-line messages of item 14.
Recipes are written here on the demo data; expected positions (line and
column of the offending key) are found in the text this script wrote."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2elib import Ctx, demo_kwb_source, out_number, read_out_dicts, write  # noqa: E402

c = Ctx()
demo = os.path.join(c.src, "datasets", "demo")

HEAD = "name: guard\nunit: buurt\nsources:\n" + demo_kwb_source(c.src)


def recipe(name, body):
    return write(os.path.join(c.work, name + ".yaml"), HEAD + body)


def position(path, needle):
    """1-based line and column of the first occurrence of needle."""
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if needle in line:
                return n, line.index(needle) + 1
    return None


def error_line(stderr):
    m = re.search(r"\.yaml:(\d+):(\d+): ", stderr)
    return (int(m.group(1)), int(m.group(2))) if m else None


def on_line(stderr, path, needle):
    """True when the error in stderr sits on the line of path that holds
    needle (first occurrence)."""
    line = error_line(stderr)
    return line is not None and line[0] == position(path, needle)[0]


def blues_map_recipe(name, classes):
    """A recipe with one map of inwoners in the Blues palette (9 colours);
    classes is the map's classes: or breaks: line."""
    return recipe(name, """indicators:
  inwoners: {expr: kwb.inwoners, kind: count}
maps:
  - name: inwoners
    indicator: inwoners
    %s
    palette: Blues
""" % classes)


# --- item 13: classes beyond the palette ------------------------------------
p = blues_map_recipe("klassen", "classes: 12")
chk = c.run("check", p, expect=1)
c.check(on_line(chk.stderr, p, "classes: 12"),
        "check names the classes line: " + chk.stderr)
c.check("Blues" in chk.stderr and "9" in chk.stderr,
        "check names the palette and its size: " + chk.stderr)
run = c.run("run", p, "-q", "-o", os.path.join(c.work, "out"), expect=1)
c.check(run.returncode != 0, "run refuses it too")

# manual breaks count as breaks - 1 classes
p = blues_map_recipe("breaks", "breaks: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]")
chk = c.run("check", p, expect=1)
c.check(on_line(chk.stderr, p, "breaks:"),
        "check names the breaks line: " + chk.stderr)
ok = blues_map_recipe("klassen_ok", "classes: 9")
c.run("check", ok, expect=0)

# --- item 13: more indicators than a GeoPackage table holds -----------------
N = 2100
body = "indicators:\n" + "".join(
    "  i%04d: {expr: kwb.inwoners + %d, kind: count}\n" % (k, k)
    for k in range(N))
p = recipe("breed", body)
chk = c.run("check", p, expect=1)
# code and name take two columns, each indicator (a count, summed) takes
# one column in the units table and in the rollup tables, plus coverage
# columns in the rollup tables: the first indicator that does not fit is
# found by the same count here
line = error_line(chk.stderr)
c.check(line is not None and "GeoPackage" in chk.stderr and
        "INSERT" not in chk.stderr and len(chk.stderr) < 600,
        "check refuses too many indicators briefly: " + chk.stderr[:300])
c.check(line is not None and line[0] < position(p, "i%04d:" % (N - 1))[0],
        "the error sits at an indicator inside the list: %r" % (line,))
nog = write(os.path.join(c.work, "breed_zonder.yaml"),
            open(p).read().replace("indicators:\n",
                                   "outputs: {gpkg: false}\nindicators:\n", 1))
c.run("check", nog, expect=0)

# --- item 2: a percentage, rate or mean is never summed, whatever its
# source (here a plain geojson column, no catalog column kind involved) ----
p = recipe("som_pct", """indicators:
  aandeel:
    expr: kwb.inwoners / 10
    unit: "%"
    rollup: {method: sum}
""")
chk = c.run("check", p, expect=1)
c.check(on_line(chk.stderr, p, "rollup:") and
        "weighted_mean" in chk.stderr and "ratio" in chk.stderr,
        "check refuses summing a percentage at the rollup: " + chk.stderr)
p = recipe("som_rate", """indicators:
  bereik:
    expr: kwb.inwoners / 100
    unit: per 100 huishoudens
    kind: count
""")
chk = c.run("check", p, expect=1)
c.check(on_line(chk.stderr, p, "kind: count"),
        "check refuses summing a per-100 rate at its kind: " + chk.stderr)
p = recipe("geen_rollup", """indicators:
  aandeel:
    expr: kwb.inwoners / 10
    unit: "%"
""")
chk = c.run("check", p, expect=0)
c.check("waarschuwing" in chk.stderr and "rollup" in chk.stderr and
        "geen_rollup.yaml:%d:" % position(p, 'unit: "%"')[0] in chk.stderr,
        "a percentage without rollup gets a warning: " + chk.stderr)

# --- item 3: coverage_min decides; the manifest counts partial groups ----
import json  # noqa: E402
demo_recipe = os.path.join(c.src, "recipes", "demo.yaml")
for cmin in ("0", "1"):
    o = os.path.join(c.work, "cov" + cmin)
    r = c.run("run", demo_recipe, "-q", "-o", o, "--set",
              "coverage_min=" + cmin)
    with open(os.path.join(o, "demo", "manifest.json")) as f:
        lv = [x for x in json.load(f)["levels"] if x["level"] == "wijk"][0]
    cov = lv["coverage"]
    wijk = {}
    for row in read_out_dicts(os.path.join(o, "demo", "indicators_wijk.csv")):
        wijk[row["code"]] = row
    for ind, n_part in cov["partial_groups"].items():
        partial = sum(1 for w in wijk.values()
                      if out_number(w[ind + "_dekking"]) < 1)
        empty = sum(1 for w in wijk.values() if w[ind] == "")
        c.check(partial == n_part, "%s: partial groups %d == %d"
                % (ind, partial, n_part))
        want = 0 if cmin == "0" else partial
        c.check(cov["suppressed_groups"][ind] == want,
                "coverage_min=%s %s: suppressed %d, want %d"
                % (cmin, ind, cov["suppressed_groups"][ind], want))
        if cmin == "1":
            c.check(empty >= partial, "%s: suppressed values are empty" % ind)

# --- item 4: no silent drops ---------------------------------------------
# an area code that matches nothing: the demo gemeente is GM9901
p = recipe("gebied", """area: [GM9901, GM9910]
indicators:
  inwoners: {expr: kwb.inwoners, kind: count}
""")
chk = c.run("check", p, expect=1)
pos = position(p, "GM9910")
c.check(error_line(chk.stderr) == pos and "GM9901" in chk.stderr and
        "Voorbeeldrecht" in chk.stderr,
        "unknown area code at its position with the nearest gemeente: %r %s"
        % (pos, chk.stderr))
# highlight of a wijk code on a buurt map
p = recipe("accent", """indicators:
  inwoners: {expr: kwb.inwoners, kind: count}
maps:
  - {name: inwoners, indicator: inwoners, highlight: WK990100}
""")
chk = c.run("check", p, expect=1)
c.check(error_line(chk.stderr) == position(p, "WK990100") and
        "wijk" in chk.stderr,
        "highlight at another level is an error: " + chk.stderr)
p = recipe("accent_ok", """indicators:
  inwoners: {expr: kwb.inwoners, kind: count}
maps:
  - {name: inwoners, indicator: inwoners, highlight: BU99010001}
""")
c.run("check", p, expect=0)
# a built-in chart whose columns no source has
p = write(os.path.join(c.work, "kaal.csv"),
          "buurtcode;inwoners\nBU99010000;10\nBU99010001;20\n")
p = write(os.path.join(c.work, "grafiek.yaml"), """name: grafiek
unit: buurt
sources:
  b:
    path: %s
    key: buurtcode
indicators:
  inwoners: {expr: b.inwoners, kind: count}
factsheets:
  - figures: [inwoners]
    charts: [tenure]
""" % p)
r = c.run("run", p, "-q", "-o", os.path.join(c.work, "gout"), expect=1)
c.check(on_line(r.stderr, p, "charts:") and
        "pct_koop" in r.stderr,
        "a tenure chart without data is an error: " + r.stderr)

# --- item 5: a map without any valid value is drawn, the run goes on ------
p = recipe("leeg", """indicators:
  inwoners: {expr: kwb.inwoners, kind: count}
  niets: {expr: kwb.inwoners / 0}
maps:
  - {name: niets, indicator: niets}
  - {name: inwoners, indicator: inwoners}
""")
o = os.path.join(c.work, "leeg_out")
r = c.run("run", p, "-o", o)
c.check(r.returncode == 0, "run with an empty map goes on: " + r.stderr)
for f in ("niets.png", "niets.pdf", "inwoners.png"):
    c.check(os.path.exists(os.path.join(o, "guard", "maps", f)),
            "map %s was written" % f)
c.check("niets" in r.stderr and "geen geldige" in r.stderr,
        "the log notes the empty map: " + r.stderr)

# --- item 14: classify errors are not "recipe" errors -----------------------
geo = os.path.join(demo, "voorbeeldrecht_buurten.geojson")
cl = c.run("classify", geo, "aantal_inwoners", "--method", "jenks", "--classes",
           "40", "--lang", "en", expect=1)
c.check("recipe error" not in cl.stderr and "usage error" in cl.stderr,
        "classify calls a bad class count a usage error: " + cl.stderr)
cl = c.run("classify", geo, "aantal_inwoners", "--breaks", "5,1", "--lang",
           "en", expect=1)
c.check("recipe error" not in cl.stderr and "usage error" in cl.stderr,
        "manual breaks: " + cl.stderr)

# --- item 14: -o "" ---------------------------------------------------------
r = c.run("run", ok, "-o", "", expect=1)
c.check("-o" in r.stderr and "out" in r.stderr and
        "No such file" not in r.stderr,
        "-o \"\" gets a message that says what to give: " + r.stderr)

# --- item 14: no message ends in "another name:" ----------------------------
p = recipe("dubbel", """indicators:
  inwoners: {expr: kwb.inwoners, kind: count}
maps:
  - {name: kaart, indicator: inwoners}
  - {name: kaart, indicator: inwoners}
""")
chk = c.run("check", p, expect=1)
c.check(chk.stderr.strip() and not chk.stderr.strip().endswith(":"),
        "message does not end in a colon: " + chk.stderr)

c.done()
