"""`make install PREFIX=...` (cmake --install) into a temporary prefix, then
a run from another folder: the installed command finds the installed
catalog (not the source tree's), DNAWIJK_DATA overrides it, and the man
page, bash completion and recipe reference are in place."""
import glob
import os
import shutil
import subprocess

from e2elib import Ctx, read_out_csv

t = Ctx()
build = os.path.dirname(os.path.abspath(t.exe))
prefix = os.path.join(t.work, "prefix")
p = subprocess.run(["cmake", "--install", build, "--prefix", prefix], capture_output=True, text=True)
t.check(p.returncode == 0, "cmake --install: " + p.stderr[-300:])
exe = os.path.join(prefix, "bin", "dnawijk")
share = os.path.join(prefix, "share", "dnawijk")
for f in (exe, os.path.join(share, "datasets", "catalog", "demo_voorbeeldrecht.yaml"),
          os.path.join(share, "recipes", "demo.yaml"),
          os.path.join(prefix, "share", "man", "man1", "dnawijk.1"),
          os.path.join(prefix, "share", "bash-completion", "completions", "dnawijk"),
          os.path.join(prefix, "share", "doc", "dnawijk", "recipe.md")):
    t.check(os.path.exists(f), "installed " + os.path.relpath(f, prefix))
comp = os.path.join(prefix, "share", "bash-completion", "completions", "dnawijk")
p = subprocess.run(["bash", "-c", "source %s && complete -p dnawijk" % comp], capture_output=True, text=True)
t.check(p.returncode == 0 and "_dnawijk" in p.stdout, "bash completion loads")
p = subprocess.run(["bash", "-c", "source %s; COMP_WORDS=(dnawijk ru); COMP_CWORD=1; _dnawijk; "
                    "echo ${COMPREPLY[@]}" % comp], capture_output=True, text=True)
t.check(p.stdout.split() == ["run"], "completion of 'ru' is run: %r" % p.stdout)
with open(os.path.join(prefix, "share", "man", "man1", "dnawijk.1")) as f:
    man = f.read()
t.check(man.startswith(".TH DNAWIJK 1") and "EXIT STATUS" in man and "DNAWIJK_DATA" in man, "man page")

# the installed command finds the installed catalog
env = {k: v for k, v in os.environ.items() if k != "DNAWIJK_DATA"}
elsewhere = os.path.join(t.work, "elders")
os.makedirs(elsewhere)
p = subprocess.run([exe, "-v", "--version"], capture_output=True, text=True, env=env, cwd=elsewhere)
cat = p.stdout.splitlines()[-1].split(": ", 1)[-1]
t.check(os.path.realpath(cat) == os.path.realpath(os.path.join(share, "datasets", "catalog")),
        "installed catalog in use: %r" % p.stdout)
p = subprocess.run([exe, "-v", "--version"], capture_output=True, text=True,
                   env=dict(env, DNAWIJK_DATA="/elders/data"), cwd=elsewhere)
t.check(p.stdout.splitlines()[-1].endswith("/elders/data/catalog"), "DNAWIJK_DATA wins: %r" % p.stdout)

# a run from another folder: a copy of the demo recipe whose sources point
# at the installed demo data, catalog entries by name
recipe = os.path.join(elsewhere, "mijn_recept.yaml")
with open(os.path.join(share, "recipes", "demo.yaml")) as f:
    text = f.read().replace("../datasets/demo/", os.path.join(share, "datasets", "demo") + "/")
with open(recipe, "w") as f:
    f.write(text)
# without the cache every source goes through GDAL: the installed command
# must load its GDAL/PROJ/GEOS module from the installed lib folder
plugins = glob.glob(os.path.join(prefix, "lib*", "**", "dnawijk", "dnawijk-geo.so"), recursive=True)
t.check(len(plugins) == 1, "dnawijk-geo.so installed: %r" % plugins)
p = subprocess.run([exe, "run", "mijn_recept.yaml", "-o", "resultaten", "-q"], capture_output=True,
                   text=True, env=dict(env, DNAWIJK_NO_CACHE="1"), cwd=elsewhere)
t.check(p.returncode == 0, "installed run from another folder: " + p.stderr[-300:])
res = os.path.join(elsewhere, "resultaten", "demo")
t.check(os.path.exists(os.path.join(res, "indicators.xlsx")) and
        os.path.exists(os.path.join(res, "maps", "energiearmoede.pdf")), "outputs written")
if os.path.exists(os.path.join(res, "indicators.csv")):
    bu = read_out_csv(os.path.join(res, "indicators.csv"))
    t.check(len(bu) == 30, "30 buurten")
# a catalog entry missing from DNAWIJK_DATA fails the run: the lookup is real
p = subprocess.run([exe, "check", "mijn_recept.yaml"], capture_output=True, text=True,
                   env=dict(env, DNAWIJK_DATA=os.path.join(t.work, "leeg")), cwd=elsewhere)
t.check(p.returncode == 1 and "demo_voorbeeldrecht" in p.stderr, "catalog lookup follows DNAWIJK_DATA: %r" % p.stderr)
shutil.rmtree(prefix, ignore_errors=True)
t.done()
