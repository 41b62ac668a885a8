#!/bin/sh
# Runs every benchmark executable of the build given as $1 and prints their
# reports. Not part of `make test`: timings belong here, not in tests.
set -e
BUILD=${1:-build}
for b in "$BUILD"/bench_*; do
    [ -x "$b" ] || continue
    echo "== $(basename "$b")"
    "$b"
done
python3 tests/bench/e2e_bench.py "$BUILD"
python3 tests/bench/overlay_bench.py "$BUILD"
# contact records: geopandas sjoin on the points bench_records wrote, and a
# whole run on 1,000,000 records by postcode
DATA=${DNW_SHARED_DATA:-../shared/data}
if /usr/bin/python3 -c "import geopandas" 2>/dev/null; then
    /usr/bin/python3 tests/bench/bench_sjoin.py "$DATA"
fi
python3 tests/bench/bench_records_run.py "$BUILD" "$DATA"
sh tests/bench/bench_compare.sh "$BUILD"
