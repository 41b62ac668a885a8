#!/usr/bin/env python3
"""make_provinces.py - writes the gemeente-to-province tables of
datasets/regions/ (gemeente_provincie_<year>.csv, one per indeling year)
from public CBS facts in the shared data folder.

    python3 datasets/regions/make_provinces.py [SHARED_DATA_DIR] [OUT_DIR]

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root,
OUT_DIR to the folder of this script. Python 3 standard library only.

How each year is made:

- 2023: CBS "Gemeenten alfabetisch 2023"
  (cbs_wijk_inkomen_autobezit/gemeenten-alfabetisch-2023.csv): 342
  gemeenten with code, name, province code (PVnn) and province name, as
  published.
- 2022: the CBS buurtindeling 2022 gemeente list
  (cbs_buurtindeling_2022/gem2022.csv, codes without prefix or zero
  padding, names). A gemeente that still exists in 2023 takes its 2023
  province. The four that were dissolved on 1 January 2023 take the
  province of the gemeente they went into (CBS "Gemeentelijke indeling op
  1 januari 2023"): Brielle (GM0501), Hellevoetsluis (GM0530) and
  Westvoorne (GM0614) -> Voorne aan Zee (GM1992, Zuid-Holland); Weesp
  (GM0457, merged into Amsterdam on 24 March 2022 but still in the 2022
  indeling) -> Amsterdam (GM0363, Noord-Holland). Mergers do not cross
  province borders, so this is exact.
- 2024: CBS made no gemeente changes on 1 January 2024 (the next ones are
  of 1 January 2025), so 2024 is the 2023 table with the names of the 2024
  gemeente boundaries (cbs_kwb_2024_wijk_gemeente/gemeenten_2024.geojson);
  the script checks that the 2024 file holds exactly the 2023 codes
  (apart from GM0998 "Buitenland", which belongs to no province) and
  stops when it does not.

Every table is checked: each code once, each of the twelve provinces
present, and (2022, 2024) every code of the year's own gemeente list
covered. Output: comma-separated UTF-8 without BOM, LF line ends, header
`gemeentecode,gemeentenaam,provinciecode,provincienaam`, sorted by code.
"""
import csv
import json
import os
import sys

# Gemeenten dissolved on 1 January 2023 -> the gemeente they went into.
MERGED_2023 = {"GM0501": "GM1992", "GM0530": "GM1992", "GM0614": "GM1992",
               "GM0457": "GM0363"}
# Gemeente changes on 1 January 2024: none.
CHANGES_2024 = {}
NOT_A_GEMEENTE = {"GM0998"}  # "Buitenland" in the CBS boundary files


def read_2023(data):
    path = os.path.join(data, "cbs_wijk_inkomen_autobezit",
                        "gemeenten-alfabetisch-2023.csv")
    rows = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            code = r["GemeentecodeGM"].strip()
            rows[code] = (r["Gemeentenaam"].strip(),
                          r["ProvinciecodePV"].strip(),
                          r["Provincienaam"].strip())
    return rows


def read_2022_list(data):
    path = os.path.join(data, "cbs_buurtindeling_2022", "gem2022.csv")
    out = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        rd = csv.reader(f, delimiter=";")
        next(rd)
        for r in rd:
            if r and r[0].strip():
                out["GM%04d" % int(r[0])] = r[1].strip()
    return out


def read_geojson_names(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    return {ft["properties"]["gemeentecode"]: ft["properties"]["gemeentenaam"]
            for ft in d["features"]}


def check(year, table, expected_codes):
    provs = {v[1] for v in table.values()}
    if len(provs) != 12:
        sys.exit("%d: %d provinces, expected 12" % (year, len(provs)))
    missing = set(expected_codes) - set(table)
    extra = set(table) - set(expected_codes)
    if missing or extra:
        sys.exit("%d: codes missing %s, extra %s" % (year, sorted(missing),
                                                     sorted(extra)))


def write(path, table):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["gemeentecode", "gemeentenaam", "provinciecode",
                    "provincienaam"])
        for code in sorted(table):
            w.writerow([code] + list(table[code]))


def build(data):
    """The three tables as {year: {code: (name, pv, province)}}."""
    t23 = read_2023(data)
    check(2023, t23, t23.keys())
    l22 = read_2022_list(data)
    t22 = {}
    for code, name in l22.items():
        src = MERGED_2023.get(code, code)
        if src not in t23:
            sys.exit("2022: %s %s has no 2023 gemeente" % (code, name))
        t22[code] = (name, t23[src][1], t23[src][2])
    check(2022, t22, l22.keys())
    names24 = read_geojson_names(os.path.join(
        data, "cbs_kwb_2024_wijk_gemeente", "gemeenten_2024.geojson"))
    codes24 = set(names24) - NOT_A_GEMEENTE
    expect = {CHANGES_2024.get(c, c) for c in t23}
    if codes24 != expect:
        sys.exit("2024: the gemeenten differ from 2023 plus the documented "
                 "changes: %s" % sorted(codes24 ^ expect))
    t24 = {c: (names24[c], t23[c][1], t23[c][2]) for c in codes24}
    check(2024, t24, codes24)
    return {2022: t22, 2023: t23, 2024: t24}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        root, "..", "shared", "data")
    out = sys.argv[2] if len(sys.argv) > 2 else here
    for year, table in build(data).items():
        write(os.path.join(out, "gemeente_provincie_%d.csv" % year), table)


if __name__ == "__main__":
    main()
