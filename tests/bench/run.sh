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
