#!/bin/sh
# make bench: `dnawijk compare --all` over every gemeente (342) on 10
# indicators with a map each and the comparison outputs; three runs each
# with --jobs 1 and --jobs 2; median wall time and the largest peak RSS.
set -e
BUILD=${1:-build}
OUT=$(mktemp -d)
for jobs in 1 2; do
    times=""
    peak=0
    for k in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$OUT/t" "$BUILD/dnawijk" compare \
            tests/bench/recipes/nl_compare.yaml --all -o "$OUT/out" -q \
            --jobs $jobs || [ $? -eq 3 ]
        read -r sec kb < "$OUT/t"
        times="$times $sec"
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    med=$(echo $times | tr ' ' '\n' | sort -n | sed -n 2p)
    echo "compare --all --jobs $jobs: median $med s (runs:$times), peak RSS $((peak / 1024)) MB"
done
rm -rf "$OUT"
