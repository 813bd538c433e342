#!/bin/sh
# --print: the status screen as text for logs and cron. Golden screens of
# data/, the layout at every width, colour, exit statuses.
. "$srcdir/tests/lib.sh"
export GUATU_NOW=1700000000 TZ=UTC  # 2023-11-14 22:13:20, the time of "the run"
unset NO_COLOR
check="$(dirname "$GUATU")/../tests/layout_check"
good="$FIXTURES/good/minimal.yaml"

# The golden screens were reviewed by eye; they are the screen users get.
for w in 40 57 80 120 200; do
    run --print --today 2023-03-01 --width $w "$DATA" >"$tmp/status-$w.txt"
    is $? 1 "--print data/ at $w columns exits 1: something is overdue"
    same "$tmp/status-$w.txt" "$srcdir/tests/golden/status-$w.txt" "--print data/ at $w columns"
done
# The targets and the timeline, on data/ (2023-03-01) and on a fixture with
# every verdict, nested zones and deadlines written as periods (2023-07-01).
for v in targets timeline; do
    for w in 60 100 160; do
        run --print --view $v --today 2023-03-01 --width $w "$DATA" >"$tmp/$v-data-$w.txt"
        same "$tmp/$v-data-$w.txt" "$srcdir/tests/golden/$v-data-$w.txt" "--print --view $v data/ at $w columns"
        run --print --view $v --today 2023-07-01 --width $w "$FIXTURES/good/targets.yaml" >"$tmp/$v-fx-$w.txt"
        same "$tmp/$v-fx-$w.txt" "$srcdir/tests/golden/$v-fixture-$w.txt" "--print --view $v targets.yaml at $w columns"
    done
done
run --print --view targets --today 2023-07-01 "$FIXTURES/good/targets.yaml" >/dev/null
is $? 1 "--print exits 1 when a target is behind, missed or over (nothing overdue)"
run --print --view targets --today 2023-07-01 "$FIXTURES/good/order.yaml" >/dev/null
is $? 1 "and still 1 for an overdue milestone, whichever view"
run --print --view browse "$good" >/dev/null 2>"$tmp/err"; is $? 2 "--print --view browse is a usage error"
run --print --view gantt "$good" >/dev/null 2>&1; is $? 2 "an unknown view is a usage error"
run --print --ascii --today 2023-03-01 --width 80 "$DATA" >"$tmp/ascii.txt"
same "$tmp/ascii.txt" "$srcdir/tests/golden/status-80-ascii.txt" "--print --ascii at 80 columns"
# Beyond ASCII, only the chart's own Chinese text and punctuation: no box
# drawing, no "…", nothing a terminal might draw double wide.
LC_ALL=C.UTF-8 grep -nP '[^\x{20}-\x{7e}\x{3000}-\x{303f}\x{4e00}-\x{9fff}\x{ff00}-\x{ffef}]' "$tmp/ascii.txt" >"$tmp/non-ascii"
is "$(cat "$tmp/non-ascii")" "" "--ascii: nothing but ASCII and the chart's CJK"

# Every line within the width and every table's rules in line, at every width,
# in every view.
fails=0
for f in "$DATA" "$good" "$FIXTURES/bad/escapes.yaml" "$FIXTURES/good/wide.yaml" "$FIXTURES/good/targets.yaml"; do
    w=30
    while [ $w -le 200 ]; do
        for a in "" --ascii; do
            for v in status targets timeline; do
                run --print --view $v $a --today 2023-03-01 --width $w "$f" 2>/dev/null | "$check" $w >"$tmp/layout" ||
                    { fails=$((fails + 1)); echo "# $(basename "$f") $v at $w $a:"; head -3 "$tmp/layout" | sed 's/^/#   /'; }
            done
        done
        w=$((w + 1))
    done
done
is $fails 0 "every line within the width and every table aligned, widths 30..200, every view"

# Exit statuses: 0 nothing overdue, 1 something overdue, 2 a data error
# (what loaded is still printed).
run --print --today 2022-01-01 "$good" >/dev/null; is $? 0 "--print exits 0 when nothing is overdue"
run --print --today 2025-01-01 "$good" >/dev/null; is $? 1 "--print exits 1 when something is overdue"
run_en --print --today 2022-01-01 "$good" "$FIXTURES/bad/syntax.yaml" >"$tmp/out" 2>"$tmp/err"
is $? 2 "--print exits 2 on a data error"
grep -q '资阳方特文旅项目' "$tmp/out" || grep -q '临空经济区' "$tmp/out"; ok $? "--print still prints what loaded"
grep -q 'syntax.yaml:5:8: error' "$tmp/err"; ok $? "--print puts diagnostics on stderr"

# A chart with no zones: the total alone, one rule under it.
run --print --width 60 "$DATA/00-chart.yaml" >"$tmp/nozones.txt"
is "$(grep -c '^└' "$tmp/nozones.txt")" 1 "no zones: the zone table ends once"
"$check" 60 <"$tmp/nozones.txt" >/dev/null; ok $? "and lines up"

# The README's captured screens are what guatu prints.
fx="$FIXTURES/good/targets.yaml"
run --print --today 2023-07-01 --width 100 "$fx" | sed 1d >"$tmp/readme-status.want"
run --print --view timeline --today 2023-07-01 --width 100 "$fx" | sed 1d >"$tmp/readme-timeline.want"
awk '/status screen a cron job/ { on = 1; next } /^and `--view timeline`/ { on = 0 } on' "$srcdir/README" |
    sed -n '/^    /,$p' | sed 's/^    //' | sed '$d' >"$tmp/readme-status.got"
awk '/^and `--view timeline`/ { on = 1; next } /^## Quick start/ { on = 0 } on' "$srcdir/README" |
    sed -n '/^    /,$p' | sed 's/^    //' | sed '$d' >"$tmp/readme-timeline.got"
same "$tmp/readme-status.got" "$tmp/readme-status.want" "README shows the status screen as guatu prints it"
same "$tmp/readme-timeline.got" "$tmp/readme-timeline.want" "README shows the timeline as guatu prints it"

# The first line says when the run was, so appended runs are told apart.
is "$(run --print --today 2022-01-01 "$good" | head -1)" "guatu 2023-11-14 22:13:20" "the first line is the time of the run"
is "$(run --print --today 2022-01-01 "$good" | sed -n 3p)" \
   "逾期 0   将到期 0   延期完成 0   节点 2   项目 1   区域 1   载入 22:13:20" "the counts line"

# Colour: only when asked or on a terminal; never with NO_COLOR.
esc=$(printf '\033')
run --print --color=always --today 2025-01-01 "$good" >"$tmp/c"
grep -q "$esc\[0;1;31m" "$tmp/c"; ok $? "--color=always: overdue in bold red"
run --print --color=never --today 2025-01-01 "$good" >"$tmp/c"
grep -q "$esc" "$tmp/c"; is $? 1 "--color=never: no escape"
run --print --today 2025-01-01 "$good" >"$tmp/c"
grep -q "$esc" "$tmp/c"; is $? 1 "--color=auto to a file: no escape"
NO_COLOR=1 run --print --color=always --today 2025-01-01 "$good" >"$tmp/c"
grep -q "$esc" "$tmp/c"; is $? 1 "NO_COLOR wins over --color=always"
run --print --color=sometimes "$good" >/dev/null 2>&1; is $? 2 "--color=sometimes is a usage error"
run --print --width 10 "$good" >/dev/null 2>&1; is $? 2 "--width 10 is a usage error"

# Text markers carry the meaning without colour.
out=$(run --print --color=never --today 2025-01-01 "$good")
case $out in *"! 逾期1天"*) ok 0 "overdue reads without colour: '! 逾期1天'" ;; *) ok 1 "overdue marker" ;; esac
out=$(run --print --color=never --today 2024-12-29 "$good")
case $out in *"还剩2天"*) ok 0 "due soon reads without colour: '还剩2天'" ;; *) ok 1 "due-soon marker" ;; esac
out=$(run --print --color=never --today 2024-12-31 "$good")
case $out in *"今天到期"*) ok 0 "due today: '今天到期'" ;; *) ok 1 "due-today marker" ;; esac

# No control character but newline reaches the output, whatever the input held;
# no terminal is needed (cron: TERM unset, no tty).
# (a day when the hostile milestone is overdue, so its name and owner are printed)
env -u TERM "$GUATU" --print --width 120 --today 2023-01-02 "$FIXTURES/bad/escapes.yaml" </dev/null >"$tmp/e" 2>&1
is $? 1 "--print with no terminal (exit 1: overdue)"
grep -q '│ 方特 │ �\[2J�\]0;pwned�开工 │' "$tmp/e"; ok $? "the hostile milestone's name is printed, its controls as U+FFFD"
"$check" --text <"$tmp/e"; ok $? "no control or invisible characters in --print output from hostile text"

# The terminal's width when there is one: guatu writes to a tmux pane of 64
# columns and the pane is read back.
sock="guatu-print-$$"
tmux -L "$sock" -f /dev/null new-session -d -x 64 -y 50 \
    "env GUATU_NOW=1700000000 TZ=UTC LC_ALL=C.UTF-8 '$GUATU' --print --color=never --today 2022-01-01 '$good'; echo END; sleep 30"
for i in $(seq 50); do
    tmux -L "$sock" capture-pane -p >"$tmp/tty.txt" 2>/dev/null
    grep -q '^END' "$tmp/tty.txt" && break
    sleep 0.1
done
tmux -L "$sock" kill-server 2>/dev/null
is "$(grep '^┌' "$tmp/tty.txt" | head -1 | wc -L)" 64 "--print on a 64-column terminal is 64 wide"
"$check" 64 <"$tmp/tty.txt" >/dev/null; ok $? "and every line fits it"
done_testing
