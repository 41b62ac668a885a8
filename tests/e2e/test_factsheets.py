"""Fact sheets for every buurt of Almere 2011 (recipes/almere_factsheets.yaml):
the PDFs open, have the expected pages, carry the expected values as text
(formatted the Dutch way, computed here from the DBF), write secret values as
"geheim" rather than 0, and are reproducible byte for byte."""
import filecmp
import re
import os
import subprocess

from e2elib import Ctx, num, read_dbf

t = Ctx()
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
recipe = os.path.join(t.src, "recipes", "almere_factsheets.yaml")
outs = [os.path.join(t.work, x) for x in ("a", "b")]
for o in outs:
    t.run("run", recipe, "-o", o, "-q")
d = [os.path.join(o, "almere_factsheets", "factsheets") for o in outs]
_, rows = read_dbf(os.path.join(t.data, "cbs_kwb_2011_almere", "buurt_2011_v3.dbf"))


def pdftext(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                          text=True).stdout


def pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return -1


def nl_int(v):
    return "{:,}".format(int(round(v))).replace(",", ".")


files = sorted(f for f in os.listdir(d[0]) if f.startswith("BU"))
t.check(len(files) == len(rows) == 63, "one PDF per buurt: %d" % len(files))
t.check(all(pages(os.path.join(d[0], f)) == 1 for f in files[:5]), "one page each")
n_all = pages(os.path.join(d[0], "all.pdf"))
t.check(n_all >= 63 + 2, "combined PDF has cover + contents + 63 pages: %d" % n_all)
for f in files + ["all.pdf"]:
    t.check(filecmp.cmp(os.path.join(d[0], f), os.path.join(d[1], f), shallow=False),
            f + " reproducible byte for byte")
by_code = {r["BU_CODE"]: r for r in rows}
checked_secret = 0
for f in files:
    code = f[:-4]
    r = by_code[code]
    txt = pdftext(os.path.join(d[0], f))
    t.check(r["BU_NAAM"].split()[0] in txt, code + " name on the sheet")
    inw = num(r["AANT_INW"])
    if inw is not None:
        t.check(nl_int(inw) in txt, "%s inwoners %s on the sheet" % (code, nl_int(inw)))
    p65 = r["P_65_EO_JR"]
    line = [l for l in txt.splitlines() if "65 jaar en ouder" in l]
    if p65 is not None and p65 <= -99990:
        t.check(line and "geheim" in line[0] or (line and "onbekend" in line[0]),
                "%s: secret 65+ written as such: %r" % (code, line[:1]))
        t.check(line and " 0 %" not in line[0].split("65 jaar en ouder")[1][:20],
                code + " secret never shown as 0")
        checked_secret += 1
    elif p65 is not None:
        value = re.sub(r"[\s\u00a0\u202f]", "", line[0].split("ouder", 1)[1]) if line else ""
        t.check(re.match(r"%d%%" % p65, value) is not None,
                "%s 65+ = %d %%: %r" % (code, p65, line[:1]))
first = pdftext(os.path.join(d[0], files[0]))
t.check("Woningen en energie" in first and "Wie wonen er" in first, "the two track boxes")
t.check(checked_secret > 0, "some buurten have a secret 65+ share (%d)" % checked_secret)
cover = pdftext(os.path.join(d[0], "all.pdf"))
t.check("Almere" in cover and "Inhoud" in cover, "cover and contents")
t.done()
