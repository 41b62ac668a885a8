"""Output folders of issue 11 item 8: a run killed with kill -9 leaves its
staging folder, and the next run removes it; SIGTERM and Ctrl-C (SIGINT)
remove the run's own staging folder and leave the previous results as they
were; concurrent runs into one folder all end well with one complete
result (one lock per output folder). Completeness is judged by the list of
files and the manifest's own list of outputs, read here with json."""
import json
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from e2elib import Ctx  # noqa: E402

c = Ctx()
recipe = os.path.join(c.src, "recipes", "demo.yaml")
out = os.path.join(c.work, "out")
final = os.path.join(out, "demo")


def tree(root):
    """Relative paths of all files below root."""
    found = set()
    for d, _, files in os.walk(root):
        for f in files:
            found.add(os.path.relpath(os.path.join(d, f), root))
    return found


def debris():
    """Staging and set-aside folders in out (not the lock file)."""
    return sorted(e for e in os.listdir(out)
                  if ".tmp-" in e or ".old-" in e)


def start():
    return subprocess.Popen([c.exe, "run", recipe, "-q", "-o", out],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def catch_mid_run(sig, tries=20):
    """Starts runs until one is caught with its staging folder present,
    sends it sig and returns (process, staging folder name), or (None,
    None) when every run finished first."""
    for _ in range(tries):
        p = start()
        stage = ".demo.tmp-%d" % p.pid
        while p.poll() is None:
            if os.path.isdir(os.path.join(out, stage)):
                p.send_signal(sig)
                p.communicate()
                return p, stage
            time.sleep(0.001)
        p.communicate()
    return None, None


# a first complete result
first = c.run("run", recipe, "-q", "-o", out)
c.check(first.returncode == 0, "first run: " + first.stderr)
reference = tree(final)
with open(os.path.join(final, "manifest.json")) as f:
    manifest = f.read()
c.check("manifest.json" in reference and len(reference) > 5,
        "the first run wrote its results: %d files" % len(reference))

# kill -9 in the middle: the staging folder stays, the results are intact
p, stage = catch_mid_run(signal.SIGKILL)
c.check(p is not None, "a run was caught while writing")
if p is not None:
    c.check(p.returncode == -signal.SIGKILL, "killed: %r" % p.returncode)
    c.check(os.path.isdir(os.path.join(out, stage)),
            "kill -9 leaves the staging folder " + stage)
    c.check(tree(final) == reference, "previous results unchanged")
    again = c.run("run", recipe, "-o", out)
    c.check(again.returncode == 0, "next run: " + again.stderr)
    c.check(debris() == [], "the next run removed the debris: %r" % debris())
    c.check(stage in again.stderr, "and said so: " + again.stderr)
    c.check(tree(final) == reference, "and wrote a complete result")

# debris of a dead process that is not the last one: a staging folder and
# a set-aside folder of a pid that no longer exists are removed; those of
# a live process (this script) are left alone
dead = subprocess.Popen(["true"])
dead.wait()
for name in (".demo.tmp-%d" % dead.pid, "demo.old-%d" % dead.pid):
    os.makedirs(os.path.join(out, name, "maps"))
    with open(os.path.join(out, name, "maps", "x.png"), "w") as f:
        f.write("x")
live = ".demo.tmp-%d" % os.getpid()
os.makedirs(os.path.join(out, live))
again = c.run("run", recipe, "-q", "-o", out)
c.check(again.returncode == 0, "run after debris: " + again.stderr)
c.check(debris() == [live], "only the live folder is left: %r" % debris())
os.rmdir(os.path.join(out, live))

# SIGTERM and SIGINT: the run removes its own staging folder and ends as
# killed by the signal; the previous results stay
for sig in (signal.SIGTERM, signal.SIGINT):
    with open(os.path.join(final, "manifest.json")) as f:
        before = f.read()
    p, stage = catch_mid_run(sig)
    c.check(p is not None, "a run was caught for %s" % sig.name)
    if p is None:
        continue
    c.check(p.returncode == -sig, "%s: exit %r" % (sig.name, p.returncode))
    c.check(debris() == [], "%s left no staging folder: %r"
            % (sig.name, debris()))
    with open(os.path.join(final, "manifest.json")) as f:
        c.check(f.read() == before, "%s: previous results unchanged"
                % sig.name)
    c.check(tree(final) == reference, "%s: results complete" % sig.name)

# concurrent runs into one folder: all succeed, one complete result
procs = [start() for _ in range(4)]
results = [(p.wait(), p.communicate()[1]) for p in procs]
for rc, err in results:
    c.check(rc == 0, "concurrent run ended well: %d %s" % (rc, err))
c.check(debris() == [], "no debris after concurrent runs: %r" % debris())
c.check(tree(final) == reference, "one complete result after concurrent "
        "runs: %r" % (tree(final) ^ reference))
with open(os.path.join(final, "manifest.json")) as f:
    m = json.load(f)
c.check(isinstance(m, dict), "the manifest is whole JSON")
c.check(os.listdir(out) == [] or set(os.listdir(out)) <= {"demo", ".demo.lock"},
        "only the result and the lock file: %r" % os.listdir(out))

c.done()
