"""Helpers for dnawijk's end-to-end tests: run the command, and read the real
data independently of the C code (Python's json/csv/struct only), so that the
values the tests check are computed by another route."""
import csv
import io
import json
import math
import os
import shutil
import struct
import subprocess
import sys

SENTINEL_MAX = -99990


class Ctx:
    def __init__(self):
        if len(sys.argv) < 5:
            sys.exit("usage: test.py DNAWIJK SHARED_DATA SOURCE_DIR WORK_DIR")
        self.exe, self.data, self.src, self.work = sys.argv[1:5]
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.passed = 0
        self.failed = 0

    def path(self, *parts):
        return os.path.join(self.data, *parts)

    def run(self, *args, expect=0):
        p = subprocess.run([self.exe, *args], capture_output=True, text=True)
        if expect is not None and (p.returncode == 0) != (expect == 0):
            self.check(False, "dnawijk %s exited %d: %s" % (" ".join(args), p.returncode,
                                                          p.stderr.strip()))
        return p

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAILED:", what)

    def near(self, got, want, tol, what):
        ok = got is not None and want is not None and abs(got - want) <= tol
        self.check(ok, "%s: got %r, want %r" % (what, got, want))

    def done(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        sys.exit(1 if self.failed else 0)


def read_geojson_props(path):
    with open(path, encoding="utf-8") as f:
        return [ft["properties"] for ft in json.load(f)["features"]]


def demo_kwb_source(src_dir, catalog=True):
    """YAML of a recipe's source `kwb` (the lines under sources:) on the demo
    buurten in src_dir/datasets/demo: key buurtcode, with geometry, and the
    demo_voorbeeldrecht catalog unless catalog is False."""
    return ("  kwb:\n    path: %s/voorbeeldrecht_buurten.geojson\n    key: buurtcode\n"
            "    geometry: true\n" % os.path.join(src_dir, "datasets", "demo")
            + ("    catalog: demo_voorbeeldrecht\n" if catalog else ""))


def num(v):
    """A numeric property, or None when missing or a CBS sentinel."""
    if v is None or v == "":
        return None
    if isinstance(v, str):
        v = v.strip().replace(",", ".")
        if v in (".", "x", "?"):
            return None
        v = float(v)
    if v <= SENTINEL_MAX:
        return None
    return float(v)


def read_dbf(path):
    """Minimal dBASE III reader: returns (field names, list of dict rows)."""
    with open(path, "rb") as f:
        data = f.read()
    nrec, hlen, rlen = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("latin-1")
        ftype = chr(data[pos + 11])
        flen = data[pos + 16]
        fields.append((name, ftype, flen))
        pos += 32
    rows = []
    for r in range(nrec):
        off = hlen + r * rlen + 1  # skip the deletion flag
        row = {}
        for name, ftype, flen in fields:
            raw = data[off:off + flen].decode("latin-1").strip()
            off += flen
            if ftype in "NF":
                row[name] = float(raw) if raw not in ("", "*" * flen) else None
            else:
                row[name] = raw
        rows.append(row)
    return [f[0] for f in fields], rows


def read_csv_rows(path, delimiter=";", encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


TEXT_COLUMNS = ("code", "name", "wijkcode", "wijknaam", "gemeentecode",
                "gemeentenaam", "buurtcode", "buurtnaam")


def read_out_dicts(path, dialect="nl"):
    """dnawijk's indicators*.csv as csv.DictReader rows (strings), read the
    way a Dutch Excel user's Python would: UTF-8 with BOM, ';' (or the
    international ',' dialect). Checks the file starts with the BOM and uses
    CRLF line ends."""
    with open(path, "rb") as f:
        raw = f.read()
    if dialect == "nl":
        assert raw.startswith(b"\xef\xbb\xbf"), path + ": no UTF-8 BOM"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), \
        path + ": not CRLF"
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";" if dialect == "nl" else ","))


def out_number(v, dialect="nl"):
    """A number cell of dnawijk's CSV (decimal comma in the nl dialect)."""
    if v == "":
        return None
    if dialect == "nl":
        assert "." not in v, "decimal point in a Dutch number: %r" % v
        v = v.replace(",", ".")
    return float(v)


def read_out_csv(path, dialect="nl"):
    """dnawijk's indicators.csv as dict code -> row dict (numbers as float,
    empty as None; text columns and the *_reden reason columns as text)."""
    out = {}
    for r in read_out_dicts(path, dialect):
        conv = {}
        for k, v in r.items():
            if k in TEXT_COLUMNS or k.endswith("_reden"):
                conv[k] = v
            else:
                conv[k] = out_number(v, dialect)
        out[r["code"]] = conv
    return out


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)
    return path


def tertile_breaks(vals):
    """The four bounds of three classes: R type 7 quantiles at 0, 1/3, 2/3
    and 1 (as numpy.quantile), computed here without numpy."""
    v = sorted(vals)
    out = []
    for i in range(4):
        pos = (len(v) - 1) * i / 3
        lo = int(math.floor(pos))
        h = pos - lo
        out.append(v[lo] if h == 0 else (1 - h) * v[lo] + h * v[lo + 1])
    return out


def tertile_class(x, b):
    """0, 1 or 2: the class of x between the bounds b of tertile_breaks."""
    return 0 if x <= b[1] else 1 if x <= b[2] else 2


PROBE_HEAD = ('<script>window.__errors=[];window.addEventListener("error",function(e){'
              'window.__errors.push(String(e.message));});</script>')


def chromium_probe(t, page, probe):
    """Opens the HTML text page in headless Chromium (Debian `chromium`;
    the test is skipped without it) with a script that records page errors
    in window.__errors and, at the end of the body, the script body probe,
    which must leave its result in the JavaScript variable res (this adds
    the code that writes it as JSON into <pre id="result">). Checks with t
    that the probe ran and that the page logged no error (page errors in
    res.errors, console errors). Returns the decoded result, or None when
    the probe did not run."""
    import html
    import re
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("SKIP: chromium not installed (Debian package chromium)")
        t.done()
    path = os.path.join(t.work, "probe.html")
    script = ("<script>\n" + probe + "var pre=document.createElement('pre');pre.id='result';"
              "pre.textContent=JSON.stringify(res);\ndocument.body.appendChild(pre);\n</script>")
    with open(path, "w", encoding="utf-8") as f:
        f.write(page.replace("<head>", "<head>" + PROBE_HEAD, 1).replace("</body>", script + "</body>"))
    p = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--user-data-dir=" + os.path.join(t.work, "profile"),
                        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom",
                        "file://" + path], capture_output=True, text=True, timeout=300)
    m = re.search(r'<pre id="result">(.*?)</pre>', p.stdout, re.S)
    console = [l for l in p.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l or "Refused" in l]
    res = json.loads(html.unescape(m.group(1))) if m else None
    t.check(res is not None, "chromium rendered the report (exit %d): %s" % (p.returncode, p.stderr[-300:]))
    if res is not None:
        t.check(res["errors"] == [] and console == [], "no console errors: %s %s" % (res["errors"], console[:3]))
    return res
