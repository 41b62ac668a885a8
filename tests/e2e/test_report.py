"""report.html in headless Chromium (Debian `chromium`): the file is
self-contained (no network: every src is a data: URL, a CSP forbids
fetches), it renders without console errors, a hover on each buurt of the
first map shows that buurt's name, code and values, the map colours follow
the printed classes, and the table sorts by a column. Expected values are
computed here from the demo files."""
import json
import os
import re

from e2elib import Ctx, chromium_probe, num, read_csv_rows, read_geojson_props

t = Ctx()
demo = os.path.join(t.src, "datasets", "demo")
out = os.path.join(t.work, "out")
t.run("run", os.path.join(t.src, "recipes", "demo.yaml"), "-o", out, "-q")
path = os.path.join(out, "demo", "report.html")
page = open(path, encoding="utf-8").read()
props = {p["buurtcode"]: p for p in read_geojson_props(os.path.join(demo, "voorbeeldrecht_buurten.geojson"))}
arm = {r[0].strip(): r for r in read_csv_rows(os.path.join(demo, "voorbeeldrecht_energiearmoede.csv"))
       if r and r[0].strip().startswith("BU")}

# self-contained
srcs = re.findall(r'\b(?:src|href)="([^"]*)"', page)
t.check(all(s.startswith("data:") for s in srcs), "every src/href is a data: URL: %s" % srcs[:3])
t.check("http://" not in page and "https://" not in page and "<link" not in page, "no network references")
t.check("Content-Security-Policy" in page and "default-src 'none'" in page, "CSP forbids fetches")


def dutch(v, decimals):
    s = "%.*f" % (decimals, v)
    whole, _, frac = s.partition(".")
    neg = whole.startswith("-")
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ("-" if neg else "") + ".".join(groups) + ("," + frac if frac else "")


def auto_dec(v):
    a = abs(v)
    return 0 if a == 0 or a >= 100 else 1 if a >= 10 else 2 if a >= 1 else 3 if a >= 0.1 else 4


probe = """var res={errors:window.__errors,hover:[],fill:[],sort:[]};
var ps=document.querySelectorAll('svg[data-map="0"] path[data-u]');
for(var i=0;i<ps.length;i++){
  ps[i].dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));
  var inf=document.getElementById('info');
  res.hover.push([ps[i].getAttribute('data-u'),inf.innerText,inf.getAttribute('data-u')]);
  res.fill.push([ps[i].getAttribute('data-u'),ps[i].getAttribute('fill')]);}
var th=document.querySelectorAll('#tabel thead th')[2];
th.click();
res.sort.push(Array.prototype.map.call(document.querySelectorAll('#tabel tbody tr'),function(r){return r.cells[0].textContent;}));
th.click();
res.sort.push(Array.prototype.map.call(document.querySelectorAll('#tabel tbody tr'),function(r){return r.cells[0].textContent;}));
res.svgs=document.querySelectorAll('svg').length;
var box=document.querySelector('svg').getBoundingClientRect();res.svgw=box.width;
"""
res = chromium_probe(t, page, probe)
if res is not None:
    t.check(res["svgs"] == 2 and res["svgw"] > 200, "two inline SVG maps drawn (%s, width %s)"
            % (res["svgs"], res["svgw"]))
    codes = [c for c in props]  # geojson order == unit order of the run
    man = json.load(open(os.path.join(out, "demo", "manifest.json")))
    b = man["maps"][0]["breaks"]
    orrd = ["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"]
    t.check(len(res["hover"]) == 30, "30 buurten on the map")
    for (u, text, shown), (_, fill) in zip(res["hover"], res["fill"]):
        code = codes[int(u)]
        pr = props[code]
        text = text.replace("\u00a0", " ")
        t.check(shown == u and text.startswith("%s (%s)" % (pr["buurtnaam"], code)),
                "hover on %s shows it: %r" % (code, text[:60]))
        inw = dutch(float(pr["aantal_inwoners"]), 0)
        t.check("Inwoners: %s\n" % inw in text, "%s inwoners %s in %r" % (code, inw, text[:120]))
        n_arm, h_arm, hh = num(arm[code][3]), num(arm[code][2]), num(pr["aantal_huishoudens"])
        if n_arm is not None and hh >= 20:
            v = 100 * n_arm / h_arm
            want = "Energiearme huishoudens: %s %%" % dutch(v, auto_dec(v))
            t.check(want in text, "%s: %r in the hover" % (code, want))
            k = next(k for k in range(4) if (v >= b[0] if k == 0 else v > b[k]) and v <= b[k + 1])
            t.check(fill == orrd[k], "%s coloured as class %d: %s" % (code, k + 1, fill))
        else:
            t.check(fill[1:3] == fill[3:5] == fill[5:7] and fill not in orrd,
                    "%s without a value is a grey unlike the classes: %s" % (code, fill))
    inw = {c: float(p["aantal_inwoners"]) for c, p in props.items()}
    asc = sorted(inw, key=lambda c: inw[c])
    t.check([inw[c] for c in res["sort"][0]] == [inw[c] for c in asc], "sorted by inwoners, ascending")
    t.check([inw[c] for c in res["sort"][1]] == [inw[c] for c in reversed(asc)], "a second click: descending")
t.done()
