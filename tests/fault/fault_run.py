#!/usr/bin/env python3
"""Allocation and write fault injection over whole runs (SQLite's faultsim).

Usage: fault_run.py DNAWIJK SOURCE_DIR WORK_DIR {alloc|write} [SAMPLES]

First runs the demo recipe once with DNAWIJK_FAULT_REPORT=1 to learn how many
allocations (through mem_alloc & co.) and output writes (atomic commits, page
files, the GeoPackage, the swap into place) a run makes. Then runs it again
and again, failing the Nth allocation (or write) for N = 1, 2, ... up to the
count: every N while the count is small, otherwise every N up to 60 and an
even spread over the rest (SAMPLES runs in all; 0 = every N, for `make
fault`). Each faulty run must:

- end with exit code 1 and exactly one line on stderr, "dnawijk: ...", that
  says what failed (out of memory / cannot write), or succeed completely
  (exit 0: the fault hit a step that may fail without harm, e.g. the cache);
- not crash, abort or report a sanitizer finding (leaks included, in the
  ASan build, where LeakSanitizer runs at exit);
- leave the output folder exactly as it was before the run: absent when it
  did not exist, or the previous complete results byte for byte;
- leave no staging folder or temporary file anywhere in the output's parent.

The runs use one thread (DNAWIJK_JOBS=1), so the Nth allocation is the same
in every run and a finding can be repeated. Half the runs start from a cold cache (the readers run) and half from a warm
one (the cache loader runs).
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

dnawijk, source_dir, work, kind = sys.argv[1:5]
samples = int(sys.argv[5]) if len(sys.argv) > 5 else 150
samples = int(os.environ.get("DNAWIJK_FAULT_SAMPLES", samples))
recipe = os.path.join(source_dir, "recipes", "demo.yaml")
jobs = max(1, min(2, os.cpu_count() or 1))

shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
warm_cache = os.path.join(work, "cache-warm")


def env_for(extra, cache):
    env = dict(os.environ)
    for k in ("DNAWIJK_FAULT_ALLOC", "DNAWIJK_FAULT_WRITE",
              "DNAWIJK_FAULT_REPORT", "DNAWIJK_NO_CACHE"):
        env.pop(k, None)
    env["DNAWIJK_CACHE_DIR"] = cache
    env["DNAWIJK_JOBS"] = "1"  # one thread: the Nth allocation is always the same one
    env.update(extra)
    return env


def run(out, extra, cache):
    return subprocess.run([dnawijk, "run", recipe, "-q", "-o", out],
                          env=env_for(extra, cache), capture_output=True,
                          text=True, timeout=600)


def file_digest(p):
    """SHA-256 of a file's content; the parts that differ between two clean
    runs by design (manifest timings, GeoPackage change stamps) left out."""
    if p.endswith("manifest.json"):
        with open(p, encoding="utf-8") as f:
            m = json.load(f)
        m.pop("timings_seconds", None)
        data = json.dumps(m, sort_keys=True).encode()
    elif p.endswith(".gpkg"):
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM gpkg_contents ORDER BY table_name")]
        rows = [(n, list(con.execute(f'SELECT * FROM "{n}" ORDER BY 1')))
                for n in names]
        con.close()
        data = repr(rows).encode()
    else:
        with open(p, "rb") as f:
            data = f.read()
    return hashlib.sha256(data).hexdigest()


def tree_digest(path):
    """Every file below path with the digest of its content."""
    if not os.path.exists(path):
        return None
    out = {}
    for root, dirs, files in os.walk(path):
        for name in files:
            p = os.path.join(root, name)
            out[os.path.relpath(p, path)] = file_digest(p)
    return out


def count(kind_name):
    out = os.path.join(work, "count")
    cache = os.path.join(work, "cache-count")
    r = run(out, {"DNAWIJK_FAULT_REPORT": "1"}, cache)
    if r.returncode != 0:
        sys.exit("the run without faults failed:\n" + r.stderr)
    line = [l for l in r.stderr.splitlines() if l.startswith("dnawijk-fault:")][-1]
    fields = dict(kv.split("=") for kv in line.split()[1:])
    return int(fields["allocs" if kind_name == "alloc" else "writes"])


total = count(kind)
# Warm the shared cache once (its files are only read by the faulty runs that
# use it; a faulty run that writes the cache writes new files atomically).
r = run(os.path.join(work, "warm"), {}, warm_cache)
assert r.returncode == 0, r.stderr
reference = tree_digest(os.path.join(work, "warm", "demo"))

if samples <= 0 or total <= samples:
    ns = list(range(1, total + 1))
else:
    head = list(range(1, 61))
    rest = samples - len(head)
    step = (total - 60) / rest
    ns = head + sorted({61 + int(k * step) for k in range(rest)})
print(f"{kind}: {total} counted in a clean run; injecting at {len(ns)} points")


def one(n):
    """Runs with the nth allocation/write failing; returns a problem or None."""
    case = os.path.join(work, f"n{n}")
    os.makedirs(case)
    out = os.path.join(case, "out")
    cold = n % 2 == 1
    cache = os.path.join(case, "cache") if cold else warm_cache
    # Every third run has earlier results in place, which must survive.
    before = None
    if n % 3 == 0:
        shutil.copytree(os.path.join(work, "warm"), out)
        before = tree_digest(out)
    var = "DNAWIJK_FAULT_ALLOC" if kind == "alloc" else "DNAWIJK_FAULT_WRITE"
    r = run(out, {var: str(n)}, cache)
    where = f"{kind} fault at {n} ({'cold' if cold else 'warm'} cache)"
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    if r.returncode < 0 or "Sanitizer" in r.stderr or "runtime error" in r.stderr:
        return f"{where}: crashed or sanitizer finding (rc {r.returncode}):\n{r.stderr}"
    leftovers = [os.path.join(root, d) for root, dirs, files in os.walk(case)
                 for d in dirs + files
                 if ".tmp" in d or ".old-" in d]
    if leftovers:
        return f"{where}: left temporary files behind: {leftovers[:5]}"
    if r.returncode == 0:
        # The fault hit something allowed to fail (a cache write): the
        # results must then be complete and equal to a clean run's.
        if tree_digest(os.path.join(out, "demo")) != reference:
            return f"{where}: exit 0 but the results differ from a clean run"
        shutil.rmtree(case)
        return None
    if r.returncode != 1:
        return f"{where}: exit code {r.returncode}, expected 1:\n{r.stderr}"
    if len(lines) != 1 or not lines[0].startswith("dnawijk: "):
        return f"{where}: expected one error line, got:\n{r.stderr}"
    if before is not None:
        if tree_digest(out) != before:
            return f"{where}: the earlier results were changed or removed"
    elif os.path.exists(out):
        # nothing but a lock file may stay (the output folder's lock)
        left = [e for e in os.listdir(out) if not e.endswith(".lock")]
        if left:
            return f"{where}: a failed run left output behind: {left}"
    shutil.rmtree(case)
    return None


with ThreadPoolExecutor(jobs) as pool:
    problems = [p for p in pool.map(one, ns) if p]
for p in problems[:10]:
    print(p)
print(f"{len(ns) - len(problems)} passed, {len(problems)} failed")
sys.exit(1 if problems else 0)
