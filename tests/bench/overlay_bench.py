#!/usr/bin/env python3
"""Overlay benchmark: 2014 buurten (11,691) onto 2016 wijken (2,982) with
area weights, by `dnawijk run` (join: overlay) and by geopandas.overlay on
the same files (Debian's python3-geopandas). Median wall time of 3 runs
after a warm-up, and the overlay stage alone from dnawijk's manifest.
usage: overlay_bench.py BUILD_DIR"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

build = sys.argv[1] if len(sys.argv) > 1 else "build"
exe = os.path.join(build, "dnawijk")
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.abspath(os.path.join(here, "..", "..", "..", "shared", "data"))
out = tempfile.mkdtemp(prefix="dnawijk-overlay-")


def once(cmd):
    """Wall and CPU (user + system) seconds of one run of cmd."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("%s failed" % cmd[0])
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime


def timed(cmd, runs=3):
    """Medians of wall and CPU time over runs after a warm-up (the machine
    may be shared: CPU time is the steadier figure)."""
    once(cmd)
    r = [once(cmd) for _ in range(runs)]
    return statistics.median(x[0] for x in r), statistics.median(x[1] for x in r)


print("== overlay: 2014 buurten (11,691) onto 2016 wijken (2,982), area weights")
rec = os.path.join(here, "recipes", "nl_overlay_2014_2016.yaml")
med, cpu = timed([exe, "run", rec, "-q", "-o", out])
man = json.load(open(os.path.join(out, "nl_overlay_2014_2016", "manifest.json")))
ov = [s for s in man["inputs"] if s["name"] == "b"][0]["overlay"]
print("  dnawijk run (whole recipe, cache warm): median of 3 runs %.2f s wall, %.2f s CPU;"
      " stages (s): %s"
      % (med, cpu, ", ".join("%s %.3f" % kv for kv in man["timings_seconds"].items())))
print("    %d overlapping pairs, %d polygons repaired, source area inside the wijken %.2f %%"
      % (ov["pairs"], ov["polygons_repaired"], 100 * ov["source_area_inside_units"]))
script = f"""
import geopandas as gpd
w = gpd.read_file({os.path.join(data, "cbs_wijk_2016", "wijk_2016.geojson")!r})
b = gpd.read_file("TopoJSON:" + {os.path.join(data, "cbs_gebiedsindelingen_2014",
                                               "Buurt_2014_layer_q1e3.json")!r}).set_crs(4326).to_crs(28992)
# both layers hold invalid polygons, which overlay refuses: repair them as
# dnawijk does (it uses MakeValid)
w["geometry"] = w.geometry.buffer(0)
b["geometry"] = b.geometry.buffer(0)
b = b[b.geometry.area > 0]
x = gpd.overlay(b[["statcode", "geometry"]], w[["WKC", "geometry"]], how="intersection",
                keep_geom_type=True)
x["a"] = x.geometry.area
cov = x.groupby("WKC")["a"].sum() / w.set_index("WKC").geometry.area.groupby(level=0).first()
print(len(x), float(cov.mean()))
"""
try:
    subprocess.run(["/usr/bin/python3", "-c", "import geopandas"], check=True, capture_output=True)
    gmed, gcpu = timed(["/usr/bin/python3", "-c", script])
    print("  geopandas read + overlay + areas: median of 3 runs %.2f s wall, %.2f s CPU"
          % (gmed, gcpu))
except Exception as e:
    print("  geopandas: not run (%s; apt-get install python3-geopandas)" % e.__class__.__name__)
