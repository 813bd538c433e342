#!/bin/sh
# make bench: a chart of 200,000 milestones loaded by guatu --check against a
# bare libyaml parse of the same file, each the median of 5 runs. Ratios are
# what to read: absolute times depend on the machine.
set -eu
out=${BENCH_OUT:-bench/out}
mkdir -p "$out"
file="$out/city.yaml"
[ -s "$file" ] || awk -v ZONES=50 -v SUB=10 -v PROJ=40 -v MS=10 -f "$srcdir/bench/gen.awk" >"$file"
bytes=$(wc -c <"$file")
median() { sort -n | sed -n 3p; }
runs() { for i in 1 2 3 4 5; do bench/measure "$@"; done; }
runs bench/yamlparse "$file" >"$out/yaml.txt"
runs src/guatu --check --today 2024-01-01 "$file" >"$out/guatu.txt"
runs src/guatu --print --width 120 --today 2024-01-01 "$file" >"$out/print.txt"
yt=$(cut -d' ' -f1 "$out/yaml.txt" | median); ym=$(cut -d' ' -f2 "$out/yaml.txt" | median)
gt=$(cut -d' ' -f1 "$out/guatu.txt" | median); gm=$(cut -d' ' -f2 "$out/guatu.txt" | median)
pt=$(cut -d' ' -f1 "$out/print.txt" | median); pm=$(cut -d' ' -f2 "$out/print.txt" | median)
st=$(cut -d' ' -f3 "$out/guatu.txt" | sort -u)
[ "$st" = 0 ] || { echo "bench: guatu --check failed on the generated chart (exit $st)" >&2; exit 1; }
awk -v b="$bytes" -v yt="$yt" -v ym="$ym" -v gt="$gt" -v gm="$gm" -v pt="$pt" -v pm="$pm" 'BEGIN {
    printf "chart: 200000 milestones, %.1f MiB\n", b / 1048576
    printf "libyaml event parse: %.3f s, peak %.1f MiB\n", yt, ym / 1024
    printf "guatu --check:       %.3f s, peak %.1f MiB\n", gt, gm / 1024
    printf "load time / bare parse time:       %.2f\n", gt / yt
    printf "model memory (peak - parse peak) / file size: %.2f\n", (gm - ym) * 1024 / b
    printf "peak memory / file size:           %.2f\n", gm * 1024 / b
    printf "guatu --print (every overdue row): %.3f s, peak %.1f MiB = %.2f of the file\n", pt, pm / 1024, pm * 1024 / b
}'
