"""Start-up and input hashes (issue 13): `--version` and a run whose sources
are all in the native cache never load GDAL, PROJ or GEOS (they live in
dnawijk-geo.so, loaded on first use; the dynamic loader's own trace says
which libraries a process loads); a cold run loads them and makes the same
outputs. The SHA-256 of every input in the manifest equals Python's
hashlib on a cold run, on a warm run (digests remembered in the cache by
file identity) and after the file's bytes change with its size and
modification time restored."""
import glob
import hashlib
import json
import os
import shutil
import subprocess
import struct
import time
import zlib

from e2elib import Ctx

t = Ctx()
cache = os.path.join(t.work, "cache")
env = dict(os.environ, DNAWIJK_CACHE_DIR=cache)
env.pop("DNAWIJK_NO_CACHE", None)


def loaded(args):
    """The shared libraries the command loads for args (LD_DEBUG=files)."""
    p = subprocess.run([t.exe, *args], capture_output=True, text=True,
                       env=dict(env, LD_DEBUG="files"))
    t.check(p.returncode == 0, "dnawijk %s: %s" % (" ".join(args), p.stderr[-300:]))
    return [l.split("file=", 1)[1].split()[0] for l in p.stderr.splitlines()
            if "file=" in l and "[0];  needed by" in l or "file=" in l and "dynamically loaded by" in l]


def geo(libs):
    return [l for l in libs if any(n in l for n in ("libgdal", "libproj", "libgeos", "dnawijk-geo"))]


libs = loaded(["--version"])
t.check(len(libs) > 5, "the loader trace lists libraries (%d)" % len(libs))
t.check(geo(libs) == [], "--version loads no GDAL/PROJ/GEOS: %r" % geo(libs))

# a copy of the demo data, older than two seconds (recent files are not
# remembered, see fmemo.h)
demo = os.path.join(t.work, "demo")
shutil.copytree(os.path.join(t.src, "datasets", "demo"), os.path.join(demo, "datasets", "demo"))
shutil.copytree(os.path.join(t.src, "recipes"), os.path.join(demo, "recipes"))
old = time.time() - 3600
for f in glob.glob(os.path.join(demo, "datasets", "demo", "*")):
    os.utime(f, (old, old))
time.sleep(2.2)  # the files' ctime must be older than two seconds too
recipe = os.path.join(demo, "recipes", "demo.yaml")


def run(out):
    """Runs the demo into out (without its GeoPackage, which GDAL writes);
    returns the libraries loaded and the manifest."""
    libs = loaded(["run", recipe, "-q", "-o", out, "--set", "outputs.gpkg=false"])
    with open(os.path.join(out, "demo", "manifest.json")) as f:
        return libs, json.load(f)


def check_hashes(man, what):
    n = 0
    for src in man["inputs"] if isinstance(man["inputs"], list) else man["inputs"].values():
        path = src.get("path")
        if not path or not src.get("sha256"):
            continue
        full = path if os.path.isabs(path) else os.path.join(os.path.dirname(recipe), path)
        with open(full, "rb") as f:
            want = hashlib.sha256(f.read()).hexdigest()
        t.check(src["sha256"] == want, "%s: sha256 of %s" % (what, path))
        n += 1
    t.check(n >= 3, "%s: %d inputs with a sha256" % (what, n))


cold_libs, cold = run(os.path.join(t.work, "cold"))
t.check(any("libgdal" in l for l in cold_libs), "a cold run loads GDAL")
check_hashes(cold, "cold run")
t.check(len(glob.glob(os.path.join(cache, "*.dnwf"))) >= 3, "digests remembered in the cache")
warm_libs, warm = run(os.path.join(t.work, "warm"))
t.check(geo(warm_libs) == [], "a warm run loads no GDAL/PROJ/GEOS: %r" % geo(warm_libs))
check_hashes(warm, "warm run")
for f in sorted(glob.glob(os.path.join(t.work, "cold", "demo", "**", "*.*"), recursive=True)):
    rel = os.path.relpath(f, os.path.join(t.work, "cold"))
    if rel.endswith(("manifest.json", "report.html", ".gpkg")) or os.path.isdir(f):
        continue  # these carry the run's date
    g = os.path.join(t.work, "warm", rel)
    t.check(os.path.exists(g) and open(f, "rb").read() == open(g, "rb").read(),
            "warm output equals cold output: %s" % rel)

# the PNG files (an A4 map at 300 dpi is written in bands compressed on
# threads, see pngw.h) decode with Python's zlib: chunk CRCs, one zlib
# stream with its Adler-32, the right length, filter bytes 0
banded = 0
for f in glob.glob(os.path.join(t.work, "cold", "demo", "**", "*.png"), recursive=True):
    d = open(f, "rb").read()
    p, idat, n_idat, ok = 8, b"", 0, d[:8] == b"\x89PNG\r\n\x1a\n"
    while ok and p < len(d):
        n, typ = struct.unpack(">I", d[p:p + 4])[0], d[p + 4:p + 8]
        ok = zlib.crc32(d[p + 4:p + 8 + n]) == struct.unpack(">I", d[p + 8 + n:p + 12 + n])[0]
        if typ == b"IHDR":
            w, h = struct.unpack(">II", d[p + 8:p + 16])
        if typ == b"IDAT":
            idat += d[p + 8:p + 8 + n]
            n_idat += 1
        p += 12 + n
    try:
        raw = zlib.decompress(idat)
    except zlib.error:
        raw = b""
    row = 1 + 3 * w
    ok = ok and len(raw) == row * h and all(raw[y * row] == 0 for y in range(h))
    t.check(ok, "PNG decodes with zlib: %s" % os.path.basename(f))
    banded += w * h * 3 > 8 << 20 and n_idat >= 4
t.check(banded >= 1, "a map PNG written in bands (%d)" % banded)

# new bytes, same size, modification time restored: the manifest and the
# results follow the new bytes
act = os.path.join(demo, "datasets", "demo", "voorbeeldrecht_activiteiten.csv")
st = os.stat(act)
with open(act, "rb") as f:
    data = f.read()
lines = data.split(b"\n")
# swap two data rows' values: same bytes in another order, same size
changed = b"\n".join([lines[0], lines[2], lines[1]] + lines[3:])
t.check(changed != data and len(changed) == len(data), "test file changed, same size")
with open(act, "wb") as f:
    f.write(changed)
os.utime(act, ns=(st.st_atime_ns, st.st_mtime_ns))
t.check(os.stat(act).st_mtime_ns == st.st_mtime_ns and os.stat(act).st_size == st.st_size,
        "size and mtime restored")
_, after = run(os.path.join(t.work, "after"))
check_hashes(after, "after the change")
t.done()
