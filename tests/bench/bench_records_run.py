"""End to end: `dnawijk run` on 1,000,000 contact records with messy
postcodes from Amsterdam's per-address table, placed per buurt through it,
households counted. Prints the stage timings from manifest.json (read = the
CSV of records, units = reading the postcode table + locating + counting)
and the peak memory of the run. Usage: bench_records_run.py BUILD [DATA]"""
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile

build = sys.argv[1] if len(sys.argv) > 1 else "build"
data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "..",
                                                          "shared", "data")
ams = os.path.join(data, "amsterdam_buurten_pc6")
with open(os.path.join(ams, "pc6_to_buurt.csv"), newline="") as f:
    pcs = sorted({r["postcode6"] for r in csv.DictReader(f)})
rnd = random.Random(1)
work = tempfile.mkdtemp(prefix="dnawijk-bench-rec-")
rec = os.path.join(work, "bezoeken.csv")
with open(rec, "w") as f:
    f.write("postcode,huishouden\n")
    for k in range(1000000):
        pc = rnd.choice(pcs)
        pc = (pc, pc[:4] + " " + pc[4:].lower(), " " + pc + " ", pc.lower())[k % 4]
        f.write('"%s",H%d\n' % (pc, rnd.randrange(400000)))
recipe = os.path.join(work, "r.yaml")
with open(recipe, "w") as f:
    f.write("""name: bench
unit: buurt
sources:
  b: {path: %s, key: cbs_code, geometry: true}
  bez:
    path: %s
    records: true
    location: {postcode: postcode, lookup: %s, lookup_postcode: postcode6, lookup_code: cbs_code}
    household: huishouden
indicators:
  hh: {expr: bez.households, kind: count}
outputs: {gpkg: false}
""" % (os.path.join(ams, "amsterdam_buurten.geojson"), rec, os.path.join(ams, "pc6_to_buurt.csv")))
times = []
for run in range(3):
    p = subprocess.run([os.path.join(build, "dnawijk"), "run", recipe, "-o", os.path.join(work, "out"), "-q"],
                       capture_output=True, text=True)
    if p.returncode:
        sys.exit(p.stderr)
    with open(os.path.join(work, "out", "bench", "manifest.json")) as f:
        times.append(json.load(f)["timings_seconds"])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
times.sort(key=lambda t: t["units"])
t = times[1]
print("dnawijk run, 1,000,000 records by postcode (Amsterdam table), median of 3 by the units stage")
print("  read (GeoJSON buurten + 1,000,000-row CSV): %.3f s" % t["read"])
print("  units (postcode table, locate, count households): %.3f s" % t["units"])
print("  peak RSS %d MB" % peak)
subprocess.run(["rm", "-rf", work])
