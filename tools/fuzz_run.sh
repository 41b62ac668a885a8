#!/bin/sh
# fuzz_run.sh BUILD SECONDS - runs every fuzz harness of the clang build in
# BUILD for SECONDS each (seeds from tools/fuzz_seeds.py, corpora kept in
# BUILD/fuzz-corpus/work), then prints the executions per harness. Fails
# when a harness finds a crash (the input is left as crash-* in
# BUILD/fuzz-corpus).
set -eu
build=$(cd "$1" && pwd)
secs=$2
src=$(cd "$(dirname "$0")/.." && pwd)
corpus=$build/fuzz-corpus
python3 "$src/tools/fuzz_seeds.py" "$src/../shared/data" "$src" "$corpus/seeds"
status=0
summary=""
for h in "$build"/fuzz_*; do
    [ -x "$h" ] || continue
    name=$(basename "$h" | sed 's/^fuzz_//')
    mkdir -p "$corpus/work/$name"
    log=$corpus/$name.log
    echo "== $name: ${secs} s"
    if (cd "$corpus" && DNW_FUZZ_SEED_OUT="$corpus/seeds/$name" \
        LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:print_suppressions=0" \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$h" -max_total_time="$secs" -rss_limit_mb=2560 -timeout=25 \
        -print_final_stats=1 "work/$name" "seeds/$name") >"$log" 2>&1; then
        result=ok
    else
        result="FINDING (see $log)"
        status=1
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    summary="$summary$name: ${execs:-?} executions in ${secs} s, $result
"
done
echo "---"
printf '%s' "$summary"
exit $status
