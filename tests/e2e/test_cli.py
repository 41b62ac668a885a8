"""The command line: --version, SUBCOMMAND --help (exit 0, usage on
stdout), --lang, -q, exit codes, one-line errors in Dutch by default and
English with --lang en, a progress bar on a terminal (a pty) and none when
piped, and docs/recipe.md equal to `dnawijk recipe-doc`."""
import os
import pty
import re
import subprocess

from e2elib import Ctx

t = Ctx()
p = t.run("--version")
t.check(re.fullmatch(r"dnawijk \d+\.\d+\.\d+\n", p.stdout) is not None, "--version: %r" % p.stdout)
for sub in ("inspect", "check", "run", "classify"):
    for flag in ("--help", "-h"):
        p = t.run(sub, flag)
        t.check(p.returncode == 0 and p.stdout.startswith("gebruik: dnawijk " + sub) and p.stderr == "",
                "%s %s: exit %d, %r" % (sub, flag, p.returncode, p.stdout[:60]))
    p = t.run("--lang", "en", sub, "--help")
    t.check(p.returncode == 0 and p.stdout.startswith("usage: dnawijk " + sub), sub + " --help in English")
    p = t.run("help", sub)
    t.check(p.returncode == 0 and ("dnawijk " + sub) in p.stdout, "help " + sub)
p = t.run("--help")
t.check(p.returncode == 0 and "afsluitcodes" in p.stdout and "run" in p.stdout, "--help lists commands and exit codes")
# usage errors: exit 2, one dnawijk: line
p = t.run("run", "--bogus", "x.yaml", expect=None)
err = [l for l in p.stderr.splitlines() if l.startswith("dnawijk:")]
t.check(p.returncode == 2 and err == ['dnawijk: fout in opdracht: onbekende optie "--bogus"'],
        "unknown option: exit %d %r" % (p.returncode, p.stderr))
p = t.run("frobnicate", expect=None)
t.check(p.returncode == 2 and "onbekende opdracht" in p.stderr, "unknown command exits 2")
p = t.run("--lang", "xx", "run", expect=None)
t.check(p.returncode == 2, "--lang xx exits 2")
# data errors: exit 1, one line, Dutch by default, English with --lang en
missing = os.path.join(t.work, "geen.yaml")
p = t.run("check", missing, expect=None)
t.check(p.returncode == 1 and p.stderr.count("\n") == 1 and
        p.stderr.startswith("dnawijk: bestandsfout: %s: kan het recept niet openen" % missing),
        "missing recipe in Dutch: %r" % p.stderr)
p = t.run("check", missing, "--lang", "en", expect=None)
t.check(p.returncode == 1 and p.stderr.startswith("dnawijk: io error: %s: cannot open the recipe" % missing),
        "missing recipe in English: %r" % p.stderr)
bad = os.path.join(t.work, "typo.yaml")
with open(bad, "w") as f:
    f.write("name: x\nunti: buurt\n")
p = t.run("check", bad, expect=None)
t.check(p.returncode == 1 and "onbekende sleutel \"unti\" bovenaan het recept; bedoelt u \"unit\"?" in p.stderr
        and "typo.yaml:2:1" in p.stderr, "recipe key error in Dutch: %r" % p.stderr)
p = t.run("--lang", "en", "check", bad, expect=None)
t.check("unknown key \"unti\" at the top of the recipe; did you mean \"unit\"?" in p.stderr,
        "recipe key error in English: %r" % p.stderr)
# -q: nothing on stderr; piped: no progress bar
recipe = os.path.join(t.src, "recipes", "demo.yaml")
out = os.path.join(t.work, "out")
p = t.run("run", recipe, "-o", out, "-q")
t.check(p.returncode == 0 and p.stderr == "", "-q is silent: %r" % p.stderr[:200])
p = t.run("run", recipe, "-o", out)
t.check(p.returncode == 0 and "\r" not in p.stderr and "[#" not in p.stderr and "resultaten in" in p.stderr,
        "piped: log lines, no progress bar")
# on a terminal: a progress bar for the fact sheets
pid, fd = pty.fork()
if pid == 0:
    os.execv(t.exe, [t.exe, "run", recipe, "-o", out])
chunks = []
while True:
    try:
        b = os.read(fd, 65536)
    except OSError:
        break
    if not b:
        break
    chunks.append(b)
_, status = os.waitpid(pid, 0)
tty = b"".join(chunks).decode("utf-8", "replace")
t.check(os.WEXITSTATUS(status) == 0, "run on a terminal succeeds")
t.check(re.search(r"factsheets\s+\[#+\.*\]\s+\d+% \(\d+/30\)", tty) is not None and "(30/30)" in tty,
        "a progress bar counts the 30 fact sheets: %r" % tty[-300:])
# check warns when classes are too close in greyscale (ΔE < 5, computed
# here from the ColorBrewer hex values with our own CIELAB)


def lstar(hexc):
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hexc[i:i + 2], 16) for i in (1, 3, 5))
    y = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else 24389 / 27 * y


ylgnbu = {5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
          9: ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494",
              "#081d58"]}
for k, cols in ylgnbu.items():
    close = [i for i in range(k - 1) if abs(lstar(cols[i]) - lstar(cols[i + 1])) < 5]
    p = t.run("check", recipe, "--set", "maps.0.palette=YlGnBu", "--set", "maps.0.classes=%d" % k,
              "--set", "maps.0.method=quantile")
    warned = "waarschuwing: kaart \"energiearmoede\" (YlGnBu %d)" % k in p.stderr
    t.check(warned == bool(close) and (not close or "klassen %d en %d" % (close[0] + 1, close[0] + 2) in p.stderr),
            "YlGnBu %d: close pairs %s, warning %r" % (k, close, p.stderr[-200:]))
# the recipe reference is generated from the schema
p = t.run("recipe-doc")
with open(os.path.join(t.src, "docs", "recipe.md"), encoding="utf-8") as f:
    doc = f.read()
t.check(p.stdout == doc, "docs/recipe.md is `dnawijk recipe-doc` (regenerate it)")
for key in ("unmatched_max", "min_base", "shared_breaks", "dialect", "author", "figures", "rollup"):
    t.check("`%s`" % key in doc, "docs/recipe.md lists " + key)
t.done()
