#!/usr/bin/env python3
"""Generates the demo data of dnawijk: the fictional gemeente "Voorbeeldrecht"
(GM9901, a code CBS does not use), 5 wijken and 30 buurten, deterministically.

Output (next to this script):
  voorbeeldrecht_buurten.geojson  buurt polygons in RD New (EPSG:28992) with
                                  CBS Kerncijfers-style columns and sentinels
  voorbeeldrecht_energiearmoede.csv  a StatLine-style CSV (BOM, ';', decimal
                                  comma, title lines, '.' for missing, footer)
  voorbeeldrecht_activiteiten.csv the municipality's own records: energy-coach
                                  visits and energy-cafe sign-ups per buurt,
                                  codes without prefix and padded with spaces
  voorbeeldrecht_contacten_code.csv  contact records (one row per contact) with
                                  a buurt code per row in messy forms
  voorbeeldrecht_contacten_postcode.csv  contact records with a postcode (written
                                  as people do: "1234 ab", " 1234AB "), and
  voorbeeldrecht_postcodes.csv    a postcode -> buurt table with one row per
                                  address (some postcodes in two buurten)
  voorbeeldrecht_contacten_punten.csv  contact records with WGS84 lon/lat
All records are fictional: made-up households (ids HH-....), postcodes of a
made-up gemeente; no real person or address.

Run it again and the files come out byte for byte the same (a test checks).
Standard library only.
"""
import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
GM = "9901"
GM_NAME = "Voorbeeldrecht (fictief)"
WIJKEN = ["Centrum", "Oosterpolder", "Het Veld", "Dijkzicht", "Westhaven"]
BUURT_NAMES = [
    "Marktplein", "Kerkbuurt", "Stationskwartier", "Havenfront", "Oude Gracht", "Molenwijk",
    "Polderzicht", "Rietlanden", "Kievitsbuurt", "Oosterpark", "Sportlaan", "Boerenerf",
    "Veldhoven-Noord", "Veldhoven-Zuid", "Heidebloem", "Zonnehof", "Akkerhof", "Bosrand",
    "Dijkhuizen", "Zeedijk", "Kwelder", "Schorrebuurt", "Duinzoom", "Waterkant",
    "Scheepswerf", "Loodsenbuurt", "Kademuur", "Pakhuizen", "Westerstrand", "Bedrijventerrein De Haven",
]
NX, NY = 6, 5          # buurt grid: 6 columns x 5 rows
CELL = 900.0           # metres
X0, Y0 = 150000.0, 440000.0


def grid_point(i, j, rnd_cache):
    """Jittered shared grid vertex, so neighbouring buurten share edges."""
    key = (i, j)
    if key not in rnd_cache:
        r = random.Random(i * 1000 + j)
        edge = i in (0, NX) or j in (0, NY)
        jit = 0 if edge else CELL * 0.18
        rnd_cache[key] = (X0 + i * CELL + r.uniform(-jit, jit),
                          Y0 + j * CELL + r.uniform(-jit, jit))
    return rnd_cache[key]


def ring_ccw(pts):
    a = sum(pts[k][0] * pts[(k + 1) % len(pts)][1] - pts[(k + 1) % len(pts)][0] * pts[k][1]
            for k in range(len(pts)))
    return pts if a > 0 else list(reversed(pts))


def close(pts):
    return [[round(x, 2), round(y, 2)] for x, y in pts] + [[round(pts[0][0], 2), round(pts[0][1], 2)]]


def buurt_polygon(i, j, cache):
    """Quadrilateral cell with an extra midpoint on each edge shared with
    neighbours (kept straight) so the outline has some detail."""
    corners = [grid_point(i, j, cache), grid_point(i + 1, j, cache),
               grid_point(i + 1, j + 1, cache), grid_point(i, j + 1, cache)]
    return ring_ccw(corners)


def main():
    rnd = random.Random(20240101)
    cache = {}
    features = []
    buurt_rows = []
    for idx in range(NX * NY):
        i, j = idx % NX, idx // NX
        # wijken: three 2x3 blocks on the upper rows, two 3x2 blocks below
        wijk = i // 2 if j < 3 else 3 + i // 3
        wk_code = "WK" + GM + "%02d" % wijk
        bu_code = "BU" + GM + "%02d%02d" % (wijk, sum(1 for b in buurt_rows if b["wijk"] == wijk))
        outer = buurt_polygon(i, j, cache)
        rings = [close(outer)]
        parts = None
        name = BUURT_NAMES[idx]
        # a park with a pond (hole) in Oosterpark, an island in Westerstrand
        cx = sum(p[0] for p in outer) / 4
        cy = sum(p[1] for p in outer) / 4
        if name == "Oosterpark":
            hole = [(cx + 180 * math.cos(a), cy + 120 * math.sin(a))
                    for a in [k * 2 * math.pi / 12 for k in range(12)]]
            rings.append(close(list(reversed(ring_ccw(hole)))))
        if name == "Westerstrand":
            island = [(X0 - 700, cy - 150), (X0 - 300, cy - 200), (X0 - 250, cy + 180), (X0 - 650, cy + 220)]
            parts = [rings, [close(ring_ccw(island))]]
        business = name.startswith("Bedrijventerrein")
        centre = wijk == 0
        inw = 15 if business else int(rnd.uniform(600, 2600) * (1.5 if centre else 1.0))
        hh = max(1, int(inw / rnd.uniform(1.6, 2.6))) if not business else 9
        p65 = round(rnd.uniform(9, 34), 0)
        p0_15 = round(rnd.uniform(8, 22), 0)
        p15_25 = round(rnd.uniform(8, 16), 0)
        p25_45 = round(rnd.uniform(18, 32), 0)
        p45_65 = max(0.0, 100 - p65 - p0_15 - p15_25 - p25_45)
        won = max(1, int(hh * rnd.uniform(1.0, 1.08)))
        koop = round(rnd.uniform(20, 85), 0)
        corp = round(rnd.uniform(0, 100 - koop), 0)
        gas = int(rnd.uniform(700, 1900))
        stadsverw = round(rnd.uniform(0, 60) if wijk in (0, 4) else rnd.uniform(0, 4), 1)
        woz = int(rnd.uniform(180, 520))
        ink = round(rnd.uniform(24.0, 41.0), 1)
        props = {
            "buurtcode": bu_code,
            "buurtnaam": name,
            "wijkcode": wk_code,
            "wijknaam": WIJKEN[wijk],
            "gemeentecode": "GM" + GM,
            "gemeentenaam": GM_NAME,
            "aantal_inwoners": inw,
            "aantal_huishoudens": hh,
            "percentage_personen_0_tot_15_jaar": p0_15,
            "percentage_personen_15_tot_25_jaar": p15_25,
            "percentage_personen_25_tot_45_jaar": p25_45,
            "percentage_personen_45_tot_65_jaar": p45_65,
            "percentage_personen_65_jaar_en_ouder": p65,
            "aantal_woningen": won,
            "percentage_koopwoningen": koop,
            "percentage_huurwoningen": round(100 - koop, 0),
            "perc_huurwoningen_in_bezit_woningcorporaties": corp,
            "gemiddeld_gasverbruik_totaal": gas,
            "percentage_woningen_met_stadsverwarming": stadsverw,
            "gemiddelde_woz_waarde_woning": woz,
            "gemiddeld_inkomen_per_inwoner": ink,
        }
        if business:  # CBS hides figures of tiny populations
            for k in ("percentage_personen_0_tot_15_jaar", "percentage_personen_15_tot_25_jaar",
                      "percentage_personen_25_tot_45_jaar", "percentage_personen_45_tot_65_jaar",
                      "percentage_personen_65_jaar_en_ouder", "percentage_koopwoningen",
                      "percentage_huurwoningen", "perc_huurwoningen_in_bezit_woningcorporaties",
                      "gemiddeld_inkomen_per_inwoner"):
                props[k] = -99997
            props["gemiddeld_gasverbruik_totaal"] = -99995
        if name == "Kwelder":
            props["gemiddelde_woz_waarde_woning"] = -99997
        geom = ({"type": "MultiPolygon", "coordinates": parts} if parts
                else {"type": "Polygon", "coordinates": rings})
        features.append({"type": "Feature", "properties": props, "geometry": geom})
        buurt_rows.append({"code": bu_code, "wijk": wijk, "hh": hh, "business": business,
                           "name": name})
    fc = {"type": "FeatureCollection", "name": "voorbeeldrecht_buurten",
          "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
          "features": features}
    with open(os.path.join(HERE, "voorbeeldrecht_buurten.geojson"), "w", encoding="utf-8",
              newline="\n") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")

    # StatLine-style energy poverty table
    lines = ["Energiearmoede; buurten, Voorbeeldrecht (fictief)",
             "Huishoudens met een laag inkomen en hoge energiekosten (LIHE) of een lage energiekwaliteit (LILEK)",
             "",
             "Buurtcode;Buurtnaam;Huishoudens;Energiearme huishoudens;Energiearmoede",
             ";;aantal;aantal;%"]
    for b in buurt_rows:
        if b["business"]:
            lines.append("%s  ;%s;%d;.;." % (b["code"], b["name"], b["hh"]))
            continue
        share = rnd.uniform(2.0, 16.0)
        n = int(round(b["hh"] * share / 100))
        lines.append("%s  ;%s;%d;%d;%s" % (b["code"], b["name"], b["hh"], n,
                                           ("%.1f" % (100.0 * n / b["hh"])).replace(".", ",")))
    lines.append("")
    lines.append("Bron: fictieve demodata dnawijk, naar het model van CBS StatLine")
    with open(os.path.join(HERE, "voorbeeldrecht_energiearmoede.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")

    # the municipality's own activity records
    lines = ["buurt,bezoeken_energiecoach,aanmeldingen_energiecafe,deelnemers_bijeenkomst"]
    for b in buurt_rows:
        visits = 0 if b["business"] else int(b["hh"] * rnd.uniform(0.005, 0.06))
        cafe = 0 if b["business"] else int(b["hh"] * rnd.uniform(0.0, 0.02))
        meet = 0 if b["business"] else int(rnd.uniform(0, 25))
        lines.append("%s,%d,%d,%d" % (b["code"][2:], visits, cafe, meet))
    write_lines("voorbeeldrecht_activiteiten.csv", lines)

    contact_records(buurt_rows, cache)


def write_lines(name, lines):
    """Writes lines (UTF-8, each ending in LF) to the file name next to this
    script."""
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def rd_to_wgs84(x, y):
    """RD New to WGS84 lon/lat (Schreutelkamp & Strang van Hees, about 1 m)."""
    dx, dy = (x - 155000) * 1e-5, (y - 463000) * 1e-5
    sn = (3235.65389 * dy - 32.58297 * dx ** 2 - 0.2475 * dy ** 2 - 0.84978 * dx ** 2 * dy
          - 0.0655 * dy ** 3 - 0.01709 * dx ** 2 * dy ** 2 - 0.00738 * dx + 0.0053 * dx ** 4
          - 0.00039 * dx ** 2 * dy ** 3 + 0.00033 * dx ** 4 * dy - 0.00012 * dx * dy)
    se = (5260.52916 * dx + 105.94684 * dx * dy + 2.45656 * dx * dy ** 2 - 0.81885 * dx ** 3
          + 0.05594 * dx * dy ** 3 - 0.05607 * dx ** 3 * dy + 0.01199 * dy
          - 0.00256 * dx ** 3 * dy ** 2 + 0.00128 * dx * dy ** 4 + 0.00022 * dy ** 2
          - 0.00022 * dx ** 2 + 0.00026 * dx ** 5)
    return 5.38720621 + se / 3600, 52.15517440 + sn / 3600


def contact_records(buurt_rows, cache):
    """Fictional contact logs of energy coaches, energy cafes and fixers in
    the three shapes a municipality has them in (own random stream, so the
    files above do not change)."""
    rnd = random.Random(20240601)
    soorten = ["energiecoach", "energiecafe", "fixer"]

    def datum():
        y = rnd.choice([2023, 2024, 2024, 2024])
        m, d = rnd.randint(1, 12), rnd.randint(1, 28)
        return rnd.choice(["%04d-%02d-%02d" % (y, m, d), "%02d-%02d-%04d" % (d, m, y)])

    # postcodes: two PC4s per wijk, PC6s spread over its buurten; one per
    # address in the lookup, a few PC6s straddle two buurten
    lookup = []
    pc_of = {}
    for k, b in enumerate(buurt_rows):
        pc4 = 4801 + 2 * b["wijk"] + (k % 2)
        pcs = []
        for j in range(3 if not b["business"] else 1):
            pc6 = "%d%s%s" % (pc4, "ABCDEFGHJKLMNPRSTVWXZ"[k % 21], "ABCDEFGHJKLMNPRSTVWXZ"[j])
            pcs.append(pc6)
            for _ in range(rnd.randint(8, 40)):
                lookup.append((pc6, b["code"]))
        pc_of[b["code"]] = pcs
    codes = [b["code"] for b in buurt_rows]
    for k in range(0, len(codes) - 1, 5):  # shared postcodes
        for _ in range(rnd.randint(2, 12)):
            lookup.append((pc_of[codes[k]][0], codes[k + 1]))
    lookup.sort()
    write_lines("voorbeeldrecht_postcodes.csv",
                ["postcode6,buurtcode"] + ["%s,%s" % r for r in lookup])

    people = []
    for b in buurt_rows:
        if b["business"]:
            continue
        n = int(b["hh"] * rnd.uniform(0.01, 0.07))
        for _ in range(n):
            people.append((b, "HH-%05d" % rnd.randrange(100000)))
    # code shape
    lines = ["contact;buurtcode;huishouden;soort;datum"]
    for k, (b, hh) in enumerate(people):
        for _ in range(rnd.choice([1, 1, 1, 2, 3])):  # repeat visits
            code = rnd.choice([b["code"], b["code"][2:], " " + b["code"].lower(), b["code"] + " "])
            lines.append("%d;%s;%s;%s;%s" % (len(lines), code, hh, rnd.choice(soorten), datum()))
    lines.append("%d;;HH-99999;energiecafe;%s" % (len(lines), datum()))
    write_lines("voorbeeldrecht_contacten_code.csv", lines)
    # postcode shape
    lines = ["contact,postcode,huishouden,soort,datum"]
    for b, hh in people:
        pc = rnd.choice(pc_of[b["code"]])
        pc = rnd.choice([pc, pc[:4] + " " + pc[4:].lower(), " " + pc + " ", pc.lower()])
        lines.append('%d,"%s",%s,%s,%s' % (len(lines), pc, hh, rnd.choice(soorten), datum()))
    lines.append("%d,9999ZZ,HH-99998,fixer,%s" % (len(lines), datum()))
    write_lines("voorbeeldrecht_contacten_postcode.csv", lines)
    # point shape: near the middle of the buurt's cell
    lines = ["contact,lon,lat,soort,datum"]
    for b, hh in people:
        idx = buurt_rows.index(b)
        i, j = idx % NX, idx // NX
        cx = sum(grid_point(i + a, j + c, cache)[0] for a in (0, 1) for c in (0, 1)) / 4
        cy = sum(grid_point(i + a, j + c, cache)[1] for a in (0, 1) for c in (0, 1)) / 4
        lon, lat = rd_to_wgs84(cx + rnd.uniform(-200, 200), cy + rnd.uniform(-200, 200))
        lines.append("%d,%.6f,%.6f,%s,%s" % (len(lines), lon, lat, rnd.choice(soorten), datum()))
    write_lines("voorbeeldrecht_contacten_punten.csv", lines)


if __name__ == "__main__":
    main()
