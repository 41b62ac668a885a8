#!/usr/bin/env python3
"""End-to-end benchmarks of whole recipes through the command (cache warm):
median wall time of several runs and peak memory (max RSS of the child).
Then, when installed, the same whole-country map made by geopandas +
matplotlib and by MapServer's map2img, for comparison.
usage: e2e_bench.py BUILD_DIR [sheets]   (sheets: only the fact-sheet runs)"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

build = sys.argv[1] if len(sys.argv) > 1 else "build"
exe = os.path.join(build, "dnawijk")
here = os.path.dirname(os.path.abspath(__file__))
out = tempfile.mkdtemp(prefix="dnawijk-bench-")
only_sheets = sys.argv[2:3] == ["sheets"]


def run_once(cmd):
    """Wall time and peak RSS (kB) of one run of cmd."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError("%s failed: %s" % (cmd[0], p.stderr.read().decode()[-500:]))
    return wall, usage.ru_maxrss


def timed(cmd, runs):
    run_once(cmd)  # warm-up (native cache, OS page cache)
    results = [run_once(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def recipe(name, runs, label):
    path = os.path.join(here, "recipes", name + ".yaml")
    med, peak = timed([exe, "run", path, "-q", "-o", out], runs)
    man = json.load(open(os.path.join(out, name, "manifest.json")))
    stages = ", ".join("%s %.3f" % (k, v) for k, v in man["timings_seconds"].items())
    print("  %s: median of %d runs %.3f s, peak RSS %d MB\n    stages (s): %s"
          % (label, runs, med, peak // 1024, stages))
    man["_median"] = med
    return man


def startup(runs=50):
    """Median wall and CPU time (user + system) of `dnawijk --version`."""
    walls, cpus = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen([exe, "--version"], stdout=subprocess.DEVNULL)
        _, _, usage = os.wait4(p.pid, 0)
        walls.append(time.perf_counter() - t0)
        cpus.append(usage.ru_utime + usage.ru_stime)
    print("== start-up: dnawijk --version, median of %d runs: wall %.1f ms, CPU %.1f ms"
          % (runs, statistics.median(walls) * 1e3, statistics.median(cpus) * 1e3))


startup()
print("== end to end (dnawijk run, native cache warm; load average %.2f)" % os.getloadavg()[0])
if not only_sheets:
    man_map = recipe("nl_wijken_map", 5,
                     "whole-country wijken 2024 map (read, join, classify, render, A4 300 dpi PNG)")
    map_med = man_map["_median"]


def sheets(name, runs, label):
    """Runs a fact-sheet recipe (a warm-up, then `runs` runs) and prints its
    pages per second: every unit's one-page PDF plus the pages of the
    combined all.pdf over the factsheets stage's wall time (median of the
    runs), and the CPU time of the whole run (median)."""
    path = os.path.join(here, "recipes", name + ".yaml")
    cmd = [exe, "run", path, "-q", "-o", out]
    run_once(cmd)
    stage, cpu, walls, peak = [], [], [], 0
    for _ in range(runs):
        before = os.times()
        wall, rss = run_once(cmd)
        after = os.times()
        walls.append(wall)
        peak = max(peak, rss)
        cpu.append(after.children_user - before.children_user
                   + after.children_system - before.children_system)
        man = json.load(open(os.path.join(out, name, "manifest.json")))
        stage.append(man["timings_seconds"].get("factsheets", 0))
    d = os.path.join(out, name, "factsheets")
    singles = len([f for f in os.listdir(d) if f.endswith(".pdf") and f != "all.pdf"])
    info = subprocess.run(["pdfinfo", os.path.join(d, "all.pdf")],
                          capture_output=True, text=True).stdout
    n = [int(l.split()[1]) for l in info.splitlines() if l.startswith("Pages:")]
    secs = statistics.median(stage)
    total = (n[0] if n else 0) + singles
    print("  %s: median of %d runs %.2f s, peak RSS %d MB" % (label, runs,
          statistics.median(walls), peak // 1024))
    if n and secs:
        print("    %d pages (combined %d + %d single-page PDFs) in %.2f s = %.0f pages/s"
              " (CPU %.2f s for the whole run, %.0f pages per CPU second)"
              % (total, n[0], singles, secs, total / secs, statistics.median(cpu),
                 total / statistics.median(cpu)))


sheets("nh_wijken_sheets", 3, "fact sheets for the 509 wijken of Noord-Holland")
sheets("nl_wijken_sheets", 3, "fact sheets for the 3,475 wijken")
if only_sheets:
    shutil.rmtree(out)
    sys.exit(0)

geojson = os.path.abspath(os.path.join(here, "..", "..", "..", "shared", "data",
                                       "cbs_kwb_2024_wijk_gemeente", "wijken_2024.geojson"))
print("== the same map by other tools")
# geopandas comes from Debian's python3-geopandas, for Debian's own python3
DEBIAN_PY = "/usr/bin/python3"
try:
    subprocess.run([DEBIAN_PY, "-c", "import geopandas, matplotlib"], check=True,
                   capture_output=True)
    script = f"""
import geopandas as gpd, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
g = gpd.read_file({geojson!r}).to_crs(28992)
# the same five classes as dnawijk's Jenks breaks (Debian has no mapclassify)
g["klasse"] = pd.cut(g["65plus"], [-1, 13, 20, 25, 34, 100], labels=False)
fig, ax = plt.subplots(figsize=(8.27, 11.69))
g.plot(column="klasse", categorical=True, cmap="YlGnBu", legend=True,
       ax=ax, linewidth=0.1, edgecolor="white",
       missing_kwds={{"color": "lightgrey"}})
ax.set_axis_off()
fig.savefig({os.path.join(out, "gpd.png")!r}, dpi=300)
"""
    med, peak = timed([DEBIAN_PY, "-c", script], 3)
    print("  geopandas + matplotlib: median of 3 runs %.2f s, peak RSS %d MB (dnawijk %.1fx faster)"
          % (med, peak // 1024, med / map_med))
except Exception as e:  # not installed
    print("  geopandas + matplotlib: not run (%s; apt-get install python3-geopandas "
          "python3-matplotlib)" % e.__class__.__name__)
if shutil.which("map2img") and shutil.which("ogr2ogr"):
    shp = os.path.join(out, "wijken_rd.shp")
    subprocess.run(["ogr2ogr", "-t_srs", "EPSG:28992", shp, geojson], check=True,
                   capture_output=True)
    mapfile = os.path.join(out, "wijken.map")
    classes = "".join(f"""
    CLASS
      EXPRESSION ([65plus] > {lo} AND [65plus] <= {hi})
      STYLE COLOR {c} OUTLINECOLOR 255 255 255 WIDTH 0.2 END
    END""" for lo, hi, c in [(-1, 13, "255 255 204"), (13, 20, "161 218 180"),
                             (20, 25, "65 182 196"), (25, 34, "44 127 184"),
                             (34, 100, "37 52 148")])
    open(mapfile, "w").write(f"""MAP
  SIZE 2480 3508
  EXTENT 0 300000 300000 625000
  IMAGECOLOR 255 255 255
  PROJECTION "init=epsg:28992" END
  OUTPUTFORMAT NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGB EXTENSION "png" END
  LAYER
    NAME "wijken" TYPE POLYGON STATUS DEFAULT DATA "{shp}"
    CLASSITEM "65plus"{classes}
  END
END
""")
    med, peak = timed(["map2img", "-m", mapfile, "-o", os.path.join(out, "ms.png")], 5)
    print("  MapServer map2img (rendering from a prepared shapefile): median of 5 runs %.2f s, "
          "peak RSS %d MB (dnawijk %.1fx faster)" % (med, peak // 1024, med / map_med))
else:
    print("  MapServer map2img: not installed (apt-get install mapserver-bin)")
shutil.rmtree(out)
