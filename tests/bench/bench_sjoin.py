"""geopandas sjoin on the points bench_records wrote: the same 1,000,000
points (RD New) against the same 2014 buurt polygons, reprojected to RD New
by geopandas. Prints the median time, the peak memory and how many points
land in the same buurt as in dnawijk. Run with /usr/bin/python3 (Debian's
python3-geopandas) after build/bench_records:
    /usr/bin/python3 tests/bench/bench_sjoin.py SHARED_DATA [DIR]"""
import os
import resource
import sys
import time

import geopandas as gpd
import numpy as np

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
d = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("DNW_BENCH_DIR", "/tmp")
xy = np.fromfile(os.path.join(d, "dnawijk_bench_points.bin"), dtype="<f8").reshape(-1, 2)
with open(os.path.join(d, "dnawijk_bench_codes.txt")) as f:
    ours = f.read().split("\n")[:len(xy)]
path = os.path.join(data, "cbs_gebiedsindelingen_2014", "Buurt_2014_layer_q1e3.json")
polys = gpd.read_file("TopoJSON:" + path).set_crs(4326, allow_override=True).to_crs(28992)
polys = polys[["statcode", "geometry"]]
times = []
for run in range(3):
    t0 = time.perf_counter()
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]), crs=28992)
    j = gpd.sjoin(pts, polys, how="left", predicate="within")
    times.append(time.perf_counter() - t0)
    cpu = time.process_time()
j = j[~j.index.duplicated(keep="first")]
theirs = j["statcode"].fillna("").tolist()
same = sum(1 for a, b in zip(ours, theirs) if a == b)
times.sort()
print("geopandas %s sjoin (points_from_xy + sjoin within, STRtree), 1,000,000 points, "
      "%d buurten" % (gpd.__version__, len(polys)))
print("  median of 3: %.3f s wall (process CPU so far %.1f s)" % (times[1], cpu))
print("  peak RSS %d MB" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
print("  %d of %d points in the same buurt as dnawijk" % (same, len(xy)))
