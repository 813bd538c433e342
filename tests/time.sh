#!/bin/sh
# Time far outside the calendar: GUATU_NOW and --today are refused with a
# message and exit 2 unless their date is one a chart could write (years
# 1000 to 9999), and never overflow the day arithmetic. SOURCE_DATE_EPOCH is
# not read at all, whatever it holds.
. "$srcdir/tests/lib.sh"
good="$FIXTURES/good/minimal.yaml"
export TZ=UTC LANGUAGE=en

refused() { # refused GUATU_NOW WHY: exits 2 with the reason, prints nothing
    GUATU_NOW=$1 run --print "$good" >"$tmp/out" 2>"$tmp/err"
    is "$?" 2 "GUATU_NOW=$1 exits 2"
    is "$(cat "$tmp/err")" "guatu: GUATU_NOW: $2: expected seconds since 1970 whose local date is 9999-12-31 or before (253402300799 in UTC)" \
       "GUATU_NOW=$1: $2"
    is "$(cat "$tmp/out")" "" "GUATU_NOW=$1 prints nothing on stdout"
}
refused 99999999999999999 "after the year 9999"
refused 67767976233316800 "after the year 9999"   # once the date "-3667531-0" under UBSan
refused 99999999999999999999999 "after the year 9999"   # past what strtoll holds
refused 253402300800 "after the year 9999"        # 10000-01-01 00:00:00 UTC
refused -1 "a time before 1970"
refused -99999999999999999 "a time before 1970"
refused abc "not a number of seconds"
refused 1700000000.5 "not a number of seconds"
refused " 1700000000" "not a number of seconds"
refused 1e9 "not a number of seconds"

# The last second of the calendar, in UTC; the same second is the next day,
# 10000-01-01, in Shanghai: refused there.
out=$(GUATU_NOW=253402300799 run_zh --print --width 40 "$good" | sed -n 1,2p)
is "$out" "guatu 9999-12-31 23:59:59
最小图                   今天 9999-12-31" "GUATU_NOW=253402300799 is 9999-12-31 in UTC"
GUATU_NOW=253402300799 TZ=Asia/Shanghai run --print "$good" >/dev/null 2>"$tmp/err"
is "$?" 2 "GUATU_NOW=253402300799 in UTC+8 is 10000-01-01: exits 2"
# The first second of 1970 is still 1969 west of Greenwich: a date like any other.
out=$(GUATU_NOW=0 TZ=America/New_York run_zh --print --width 40 "$good" 2>/dev/null | sed -n 2p)
is "$out" "最小图                   今天 1969-12-31" "GUATU_NOW=0 west of UTC is 1969-12-31"
# An empty GUATU_NOW is no GUATU_NOW: the clock.
GUATU_NOW= run --check "$good" >/dev/null 2>&1; is "$?" 0 "an empty GUATU_NOW is the clock"

# --today: only the dates a chart can write, 1000-01-01 to 9999-12-31.
today_refused() { # today_refused DATE WHY
    run --today "$1" --print "$good" >"$tmp/out" 2>"$tmp/err"
    is "$?" 2 "--today $1 exits 2"
    is "$(cat "$tmp/err")" "guatu: --today: not a date: '$1': $2
Try 'guatu --help' for more information." "--today $1: $2"
}
today_refused 10000-01-01 "not a date form guatu knows"
today_refused 99999999999-01-01 "not a date form guatu knows"
today_refused 0999-12-31 "not a date (it should start with a four-digit year)"
today_refused -2023-01-01 "not a date (it should start with a four-digit year)"
for d in 9999-12-31:1 1000-01-01:0; do
    want=${d#*:} d=${d%:*}
    out=$(GUATU_NOW=1700000000 run_zh --print --width 40 --today "$d" --soon 3650 "$good" | sed -n 2p)
    is "$out" "最小图                   今天 $d" "--today $d, the calendar's edge, is today"
    for v in status targets timeline; do
        GUATU_NOW=1700000000 run --print --view $v --width 120 --today "$d" --soon 3650 "$DATA" >/dev/null 2>"$tmp/err"
        is "$?" "$want" "--today $d --view $v: drawn; exits $want (1: something overdue)"
    done
done

# SOURCE_DATE_EPOCH is a build's time, not today (nix shells export it):
# guatu does not read it, so neither a malformed nor a huge value changes
# anything. (The reproducible-builds spec asks a build that reads it to
# fail on a malformed value; guatu applies that rule to GUATU_NOW, above.)
GUATU_NOW=1700000000 run --print "$good" >"$tmp/want" 2>&1
is "$?" 0 "GUATU_NOW=1700000000: nothing overdue in the chart"
for v in -1 99999999999999999 abc 315532800; do
    SOURCE_DATE_EPOCH=$v GUATU_NOW=1700000000 run --print "$good" >"$tmp/got" 2>&1
    is "$?" 0 "SOURCE_DATE_EPOCH=$v: exits 0, as on GUATU_NOW's day"
    same "$tmp/got" "$tmp/want" "SOURCE_DATE_EPOCH=$v is not read"
done

done_testing
