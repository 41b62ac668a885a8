"""PDF document information, read back with poppler's pdfinfo and
pdftotext: Title, Author, Subject, Keywords, the creation date (the
SOURCE_DATE_EPOCH day, or today; never 2000-01-01), /Lang in the catalog
with a cross-reference table that still points at every object, and
headings that extract as whole words."""
import datetime
import os
import re
import subprocess

from e2elib import Ctx, read_geojson_props

t = Ctx()
recipe = os.path.join(t.src, "recipes", "demo.yaml")


def pdfinfo(path):
    p = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    t.check(p.returncode == 0 and p.stderr.strip() == "",
            "pdfinfo reads %s without complaint: %s" % (os.path.basename(path), p.stderr.strip()[:200]))
    return dict(re.findall(r"^(\w[\w ]*?):\s+(.*)$", p.stdout, re.M))


def xref_ok(path):
    """startxref points at 'xref', the /Root and /Info entries point at their
    objects, and so does every in-use entry behind the catalog (the part
    /Lang moved). (Cairo lists a few reserved numbers it never wrote with
    some earlier offset; those are left alone.)"""
    data = open(path, "rb").read()
    sx = int(data[data.rindex(b"startxref") + 9:].split()[0])
    if not data[sx:sx + 4] == b"xref":
        return False
    lines = data[sx:].split(b"\n")
    first, count = map(int, lines[1].split())
    cat = data.rindex(b"/Type /Catalog")
    trailer = data[data.rindex(b"trailer"):]
    must = {int(x) for x in re.findall(rb"/(?:Root|Info) (\d+) 0 R", trailer)}
    for k in range(count):
        off, gen, kind = lines[2 + k].split()
        ok = re.match(rb"%d %d obj" % (first + k, int(gen)), data[int(off):int(off) + 20])
        if kind == b"n" and (int(off) > cat or first + k in must) and not ok:
            return False
    return True


# 1. with SOURCE_DATE_EPOCH: that day
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
out = os.path.join(t.work, "sde")
p = subprocess.run([t.exe, "run", recipe, "-o", out, "-q"], capture_output=True, text=True, env=env)
t.check(p.returncode == 0, "demo run: " + p.stderr)
d = os.path.join(out, "demo")
day = datetime.datetime.fromtimestamp(1700000000, datetime.timezone.utc)
want_date = day.strftime("%b %d").replace(" 0", "  ") + " "  # pdfinfo: "Tue Nov 14 00:00:00 2023 UTC"
pdfs = [os.path.join(d, "maps", "energiearmoede.pdf"), os.path.join(d, "factsheets", "BU99010000.pdf"),
        os.path.join(d, "factsheets", "all.pdf")]
for f in pdfs:
    info = pdfinfo(f)
    name = os.path.relpath(f, d)
    t.check(info.get("Author") == "Voorbeeldrecht (fictief)", name + " Author from the recipe title: %r" % info.get("Author"))
    t.check(info.get("Title", "") != "", name + " Title")
    t.check(info.get("Subject", "") != "", name + " Subject")
    t.check("demo" in info.get("Keywords", "") and "2024" in info.get("Keywords", ""), name + " Keywords %r" % info.get("Keywords"))
    cd = info.get("CreationDate", "")
    t.check(str(day.year) in cd and day.strftime("%b") in cd and " %d " % day.day in cd,
            name + " CreationDate is the SOURCE_DATE_EPOCH day: %r" % cd)
    raw = open(f, "rb").read()
    t.check(re.search(rb"/Type /Catalog /Lang \(nl-NL\)", raw) is not None, name + " /Lang (nl-NL) in the catalog")
    t.check(xref_ok(f), name + " cross-reference table points at every object")
# tagged PDF (Cairo 1.16 structure tags): fact sheets and charts carry a
# structure tree with headings and paragraphs; maps do not (README says why)
funnel = os.path.join(d, "charts", "bereik_coach_funnel.pdf")
for f in pdfs[1:] + [funnel]:
    name = os.path.relpath(f, d)
    t.check(pdfinfo(f).get("Tagged") == "yes", name + " is a tagged PDF")
    raw = open(f, "rb").read()
    t.check(b"/StructTreeRoot" in raw and b"/S /P" in raw, name + " has a structure tree with paragraphs")
raw = open(pdfs[1], "rb").read()
t.check(len(re.findall(rb"/S /H1\b", raw)) == 1, "a single fact sheet has one H1 (the unit's name)")
t.check(pdfinfo(pdfs[0]).get("Tagged") == "no", "map PDFs stay untagged (Cairo 1.16 tag-nesting failure)")
info = pdfinfo(pdfs[0])
t.check(info.get("Title") == "Energiearme huishoudens" and info.get("Subject") == "Energiearme huishoudens (%)",
        "map Title and Subject are the indicator's label (and unit)")

# 2. without it: today, never 2000-01-01; author: from the recipe
out2 = os.path.join(t.work, "now")
env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
p = subprocess.run([t.exe, "run", recipe, "-o", out2, "-q", "--set", "author=Gemeente Voorbeeldrecht, team Onderzoek",
                    "--set", "language=en"], capture_output=True, text=True, env=env)
t.check(p.returncode == 0, "demo run with author: " + p.stderr)
today = datetime.datetime.now(datetime.timezone.utc)
f = os.path.join(out2, "demo", "maps", "energiearmoede.pdf")
info = pdfinfo(f)
t.check(str(today.year) in info.get("CreationDate", "") and "2000" not in info.get("CreationDate", ""),
        "CreationDate is today: %r" % info.get("CreationDate"))
t.check(info.get("Author") == "Gemeente Voorbeeldrecht, team Onderzoek", "author: from the recipe")
t.check(b"/Lang (en-GB)" in open(f, "rb").read(), "language: en gives /Lang (en-GB)")

# 3. text extracts as whole words: the wijk headings of the combined PDF
txt = subprocess.run(["pdftotext", pdfs[2], "-"], capture_output=True, text=True).stdout
words = set(re.findall(r"\w+", txt.upper()))
names = {p["wijknaam"] for p in read_geojson_props(os.path.join(t.src, "datasets", "demo",
                                                                 "voorbeeldrecht_buurten.geojson"))}
for n in names:
    for w in re.findall(r"\w+", n.upper()):
        t.check(w in words, "wijk name word %r extracts whole" % w)
split = re.findall(r"(?<![\w'])[A-Z] [a-z]{2,}", txt)
t.check(not split, "no words split after a first capital: %s" % split[:5])
t.done()
