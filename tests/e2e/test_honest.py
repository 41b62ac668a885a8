"""Issue 11, items 6 and 14: pictures and messages that do not mislead.

- A full disk while a PDF is written is reported as a full disk naming the
  PDF (the injected ENOSPC of DNAWIJK_FAULT_WRITE reaches Cairo's stream
  callback), never as "Input/output error".
"""
import os
import re
import subprocess

from e2elib import Ctx

t = Ctx()
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
recipe = os.path.join(t.src, "recipes", "almere_factsheets.yaml")


def run_env(env_extra, *args):
    env = dict(os.environ)
    env.update(env_extra)
    return subprocess.run([t.exe, *args], capture_output=True, text=True, env=env)


# ---- a full disk while writing a PDF (item 14) ----
rep = run_env({"DNAWIJK_FAULT_REPORT": "1"}, "run", recipe, "-o",
              os.path.join(t.work, "count"), "-q")
m = re.search(r"writes=(\d+)", rep.stderr)
t.check(rep.returncode == 0 and m is not None, "clean run reports its writes")
writes = int(m.group(1)) if m else 0
# most writes are fact-sheet PDF chunks: the middle one is one of them
for lang, full in (("nl", "de schijf is vol"), ("en", "the disk is full")):
    out = os.path.join(t.work, "full_" + lang)
    p = run_env({"DNAWIJK_FAULT_WRITE": str(writes // 2)}, "--lang", lang, "run",
                recipe, "-o", out, "-q")
    msg = p.stderr.strip()
    t.check(p.returncode != 0, "a full disk fails the run (%s)" % lang)
    t.check(full in msg and "No space left on device" in msg,
            "full disk said as such (%s): %r" % (lang, msg))
    t.check(re.search(r"/BU\d{8}\.pdf|all\.pdf", msg) is not None and ".tmp" not in msg,
            "the message names the PDF (%s): %r" % (lang, msg))
    t.check("Input/output error" not in msg, "no Input/output error: %r" % msg)
    t.check(len(msg.splitlines()) == 1, "one line: %r" % msg)
    t.check(not os.path.exists(os.path.join(out, "almere_factsheets")),
            "no half-written results (%s)" % lang)

t.done()
