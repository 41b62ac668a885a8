"""The one thread-count policy: --jobs N and DNAWIJK_JOBS are accepted by
every command, wrong values are usage errors, and the results do not depend
on the number of threads: the demo (maps, fact sheets, tables) and a
whole-country wijken recipe (large enough for threaded reprojection,
expression blocks, map bands and PNG rows) give byte-identical files with 1
and with 3 threads. Only the timings in manifest.json may differ, and the
GeoPackage is compared by its table contents (SQLite's file keeps a write
timestamp)."""
import json
import os
import sqlite3

from e2elib import Ctx

t = Ctx()
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
os.environ.pop("DNAWIJK_JOBS", None)


def tree(d):
    """Every file below d, as paths relative to d."""
    out = []
    for root, _, files in os.walk(d):
        for f in files:
            out.append(os.path.relpath(os.path.join(root, f), d))
    return sorted(out)


def gpkg_rows(path):
    """Every row of every table the GeoPackage lists as content, in order."""
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM gpkg_contents ORDER BY table_name")]
    rows = {n: con.execute('SELECT * FROM "%s" ORDER BY rowid' % n).fetchall()
            for n in names}
    con.close()
    return rows


def same_results(d1, d2, what):
    f1, f2 = tree(d1), tree(d2)
    t.check(f1 == f2 and len(f1) > 3, what + ": the same files")
    for f in f1:
        if f not in f2:
            continue
        p1, p2 = os.path.join(d1, f), os.path.join(d2, f)
        if f.endswith("manifest.json"):
            m1, m2 = json.load(open(p1)), json.load(open(p2))
            m1.pop("timings_seconds", None)
            m2.pop("timings_seconds", None)
            t.check(m1 == m2, what + ": " + f + " equal but for timings")
        elif f.endswith(".gpkg"):
            r1, r2 = gpkg_rows(p1), gpkg_rows(p2)
            t.check(r1 == r2 and any(r1.values()),
                    what + ": " + f + " holds the same rows")
        else:
            with open(p1, "rb") as a, open(p2, "rb") as b:
                t.check(a.read() == b.read(), what + ": " + f + " byte for byte")


def run_twice(recipe, name, extra):
    one = os.path.join(t.work, name + "-1")
    three = os.path.join(t.work, name + "-3")
    t.run("run", recipe, "-o", one, "-q", "--jobs", "1", *extra)
    os.environ["DNAWIJK_JOBS"] = "3"  # the environment's way
    t.run("run", recipe, "-o", three, "-q", *extra)
    del os.environ["DNAWIJK_JOBS"]
    base = os.path.splitext(os.path.basename(recipe))[0]
    same_results(os.path.join(one, base), os.path.join(three, base), name)


recipes = os.path.join(t.src, "recipes")
run_twice(os.path.join(recipes, "demo.yaml"), "demo", [])
run_twice(os.path.join(recipes, "noord_holland_65plus.yaml"), "nh",
          ["--set", "maps.0.formats=[png, pdf, svg]"])

# --jobs is taken by every command, in both spellings
demo = os.path.join(recipes, "demo.yaml")
p = t.run("check", demo, "--jobs=2")
t.check(p.returncode == 0, "check --jobs=2")
p = t.run("check", "-j", "1", demo)
t.check(p.returncode == 0, "check -j 1 before the recipe")

# wrong values are usage errors (exit 2) that name the option
for args, env, name in ((["--jobs", "0"], None, "--jobs"),
                        (["--jobs", "twee"], None, "--jobs"),
                        (["--jobs"], None, "--jobs"),
                        ([], "many", "DNAWIJK_JOBS")):
    if env:
        os.environ["DNAWIJK_JOBS"] = env
    p = t.run("check", demo, *args, expect=None)
    os.environ.pop("DNAWIJK_JOBS", None)
    t.check(p.returncode == 2 and name in p.stderr,
            "%s %s: usage error naming %s (%d: %s)"
            % (args, env, name, p.returncode, p.stderr.strip()))
t.done()
