#!/bin/sh
# The screens in each language (issue #13): golden status screens (--print)
# at 40, 80 and 120 columns and the help (?) at 80 columns in zh_CN, zh_TW,
# zh_HK and English, each checked by layout_check; one language at a time;
# the layout at every width in every language.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tmux.sh"
export GUATU_NOW=1700000000 TZ=UTC  # 2023-11-14 22:13:20, as tests/print.sh
unset NO_COLOR LANGUAGE
check="$(dirname "$GUATU")/../tests/layout_check"
golden="$srcdir/tests/golden"
langs="zh_CN zh_TW zh_HK en"

# guatu in language $1 (zh_CN: no LANGUAGE at all, as a plain ssh session)
in_lang() {
    l=$1; shift
    if [ "$l" = zh_CN ]; then run "$@"; else LANGUAGE=$l timeout 20 "$GUATU" "$@"; fi
}

# Words of two or more ASCII letters a Chinese screen may show: the program's
# and git's names, key names, what is typed (options, variables).
allowed='^(guatu|git|log|shell|fg|Ctrl|Shift|Tab|PgDn|PgUp|Home|End|Enter|Space|Esc|Backspace|Down|Up|Left|Right|F1|VISUAL|EDITOR|vi|baseline|check|REV)$'
english() { grep -oP '[A-Za-z][A-Za-z0-9]+' "$1" | grep -vE "$allowed" | sort -u | tr '\n' ' '; }

# --- the status screen, golden, in each language -------------------------
for l in $langs; do
    for w in 40 80 120; do
        in_lang $l --print --today 2023-03-01 --width $w "$DATA" >"$tmp/status-$l-$w.txt"
        is $? 1 "$l: --print data/ at $w columns exits 1 (something is overdue)"
        same "$tmp/status-$l-$w.txt" "$golden/status-$l-$w.txt" "$l: the status screen at $w columns"
        "$check" $w <"$tmp/status-$l-$w.txt" >"$tmp/layout" 2>&1
        ok $? "$l: the status screen at $w columns fits and its tables line up"
        sed 's/^/#   /' "$tmp/layout" | head -3
    done
done
# zh_CN is the screen as it was before the labels were translated: the same
# as tests/print.sh's goldens.
for w in 40 80 120; do
    same "$tmp/status-zh_CN-$w.txt" "$golden/status-$w.txt" "zh_CN: the same screen as before the labels went through gettext ($w)"
done
# One language at a time: no English label on a Chinese screen, no Chinese
# label on the English one (the chart's own names stay as written).
for l in zh_CN zh_TW zh_HK; do
    is "$(english "$tmp/status-$l-120.txt")" "" "$l: the status screen has no English words"
done
sed -n '2,3p;6p' "$tmp/status-en-120.txt" | sed 's/川东重点项目挂图（样例）//' >"$tmp/en-head"
is "$(grep -cP '[\x{3000}-\x{9fff}\x{ff00}-\x{ffef}]' "$tmp/en-head")" 0 "en: the header and column titles have no Chinese"
# Traditional is not Simplified converted: Taiwan says 專案 and 里程碑,
# Hong Kong 項目 and 節點.
grep -q '│ 區域 *│ 專案 │ 完成/里程碑 │' "$tmp/status-zh_TW-120.txt"; ok $? "zh_TW: 專案, 里程碑"
grep -q '│ 區域 *│ 項目 │ 完成/節點 │' "$tmp/status-zh_HK-120.txt"; ok $? "zh_HK: 項目, 節點"
grep -q '^川东重点项目挂图（样例） *今日 2023-03-01$' "$tmp/status-zh_HK-80.txt"; ok $? "zh_HK: 今日"

# --ascii is for terminals that draw ambiguous-width characters double wide:
# beyond ASCII only the chart's own Chinese, in every language.
for l in en zh_TW; do
    in_lang $l --print --ascii --today 2023-03-01 --width 80 "$DATA" >"$tmp/ascii.txt"
    LC_ALL=C.UTF-8 grep -nP '[^\x{20}-\x{7e}\x{3000}-\x{303f}\x{4e00}-\x{9fff}\x{ff00}-\x{ffef}]' "$tmp/ascii.txt" >"$tmp/non-ascii"
    is "$(cat "$tmp/non-ascii")" "" "$l --ascii: nothing but ASCII and CJK"
done

# --- every width, every view, every language --------------------------------
# English labels are often wider than Chinese ones: nothing may overflow or
# misalign at any width, and from 40 columns on no column's title is cut
# (a table's title row is the line under its top rule).
cut_titles() { awk 'prev ~ /^(┌|\+)/ && /…|~/ { print } { prev = $0 }' "$1"; }
fails=0 cut=0
for l in zh_CN zh_TW zh_HK en; do
    for f in "$DATA" "$FIXTURES/good/targets.yaml"; do
        w=30
        while [ $w -le 200 ]; do
            for v in status targets timeline; do
                in_lang $l --print --view $v --today 2023-03-01 --width $w "$f" >"$tmp/out" 2>/dev/null
                "$check" $w <"$tmp/out" >"$tmp/layout" ||
                    { fails=$((fails + 1)); echo "# $l $(basename "$f") $v at $w:"; head -3 "$tmp/layout" | sed 's/^/#   /'; }
                if [ $w -ge 40 ] && [ $v != timeline ] && [ -n "$(cut_titles "$tmp/out")" ]; then
                    cut=$((cut + 1)); echo "# $l $(basename "$f") $v at $w: $(cut_titles "$tmp/out" | head -1)"
                fi
            done
            w=$((w + 1))
        done
    done
    for w in 30 47 80 133; do
        in_lang $l --print --ascii --today 2023-03-01 --width $w "$DATA" 2>/dev/null | "$check" $w >"$tmp/layout" ||
            { fails=$((fails + 1)); echo "# $l --ascii at $w:"; head -3 "$tmp/layout" | sed 's/^/#   /'; }
    done
done
is $fails 0 "every language: every line within the width and every table aligned, widths 30..200, every view"
is $cut 0 "every language: no column title cut short, widths 40..200"

# --- the help, golden, in each language ---------------------------------------
for l in $langs; do
    if [ $l = zh_CN ]; then env_extra=""; else env_extra="LANGUAGE='$l'"; fi
    start help-$l 80 64 --today 2023-03-01 "$DATA"
    keys '?'
    screen >"$tmp/help-$l-80.txt"
    stop
    same "$tmp/help-$l-80.txt" "$golden/help-$l-80.txt" "$l: the help at 80 columns"
    "$check" 80 <"$tmp/help-$l-80.txt" >"$tmp/layout" 2>&1; ok $? "$l: the help fits 80 columns"
done
env_extra=""
for l in zh_CN zh_TW zh_HK; do
    is "$(english "$tmp/help-$l-80.txt")" "" "$l: the help has no English words"
done
is "$(grep -cP '[\x{3000}-\x{9fff}\x{ff00}-\x{ffef}]' "$tmp/help-en-80.txt")" 1 "en: the help has no Chinese but the chart's title"

# --- the browse view: the detail's labels are as wide as the language needs --
for l in en zh_TW; do
    env_extra="LANGUAGE='$l'"
    for size in "100 30" "40 12"; do
        set -- $size
        start browse-$l-$1 $1 $2 --today 2023-03-01 "$DATA"
        keys l l
        screen >"$tmp/browse.txt"
        "$check" $1 <"$tmp/browse.txt" >"$tmp/layout" 2>&1; ok $? "$l: the browse view at $1x$2 lines up"
        sed 's/^/#   /' "$tmp/layout" | head -3
        stop
    done
done
env_extra=""
# In English "Milestone" is wider than the Chinese labels' 6 columns: every
# value still starts in one column, after the widest label.
env_extra="LANGUAGE='en'"
start detail-en 100 30 --today 2023-03-01 "$DATA"
keys l l
screen >"$tmp/detail.txt"
stop
env_extra=""
found=0
for label in "Milestone  " "Project    " "Due        " "Status     " "Source     "; do
    grep -q "^│ $label[^ ]" "$tmp/detail.txt" && found=$((found + 1))
done
is $found 5 "en: the detail's values start in one column, after the widest label ('Investment')"
grep -q '^│ Milestone  开工建设 ' "$tmp/detail.txt"; ok $? "en: 'Milestone' is not cut"

done_testing
