#!/bin/sh
# The command line: options, usage errors, paths, and the exit statuses.
. "$srcdir/tests/lib.sh"
# This file asserts messages (usage, errors, --keys): in English.
LANGUAGE=en; export LANGUAGE
good="$FIXTURES/good/minimal.yaml"
check="$(dirname "$GUATU")/../tests/layout_check"

out=$(run --version); ok $? "--version exits 0"
is "$out" "guatu 0.1" "--version prints the version"
run --help >"$tmp/help"; ok $? "--help exits 0"
grep -q -- '--check' "$tmp/help"; ok $? "--help lists --check"
grep -q -- '--today DATE' "$tmp/help"; ok $? "--help lists --today"

usage_error() { # usage_error WANT-STDERR ARGS...
    want=$1; shift
    run "$@" >"$tmp/out" 2>"$tmp/err"
    is "$?" 2 "guatu $* exits 2"
    is "$(cat "$tmp/err")" "$want" "guatu $* explains"
    is "$(cat "$tmp/out")" "" "guatu $* prints nothing on stdout"
}
usage_error "guatu: --today: not a date: '2022-13-01': there is no such month
Try 'guatu --help' for more information." --today 2022-13-01 "$good"
usage_error "guatu: --soon: expected a number of days from 0 to 3650, not 'ten'
Try 'guatu --help' for more information." --soon ten "$good"
usage_error "guatu: --soon: expected a number of days from 0 to 3650, not '-1'
Try 'guatu --help' for more information." --soon=-1 "$good"
usage_error "guatu: unknown option '--bogus'
Try 'guatu --help' for more information." --bogus "$good"
usage_error "guatu: unknown option '-x'
Try 'guatu --help' for more information." -x "$good"
usage_error "guatu: option '--width' needs a value
Try 'guatu --help' for more information." "$good" --width
usage_error "guatu: --check and --print do different things: give one
Try 'guatu --help' for more information." --print --check "$good"
# However guatu was started, messages name it guatu.
ln -s "$GUATU" "$tmp/renamed-guatu"
"$tmp/renamed-guatu" --bogus 2>"$tmp/err" >/dev/null
is "$(head -1 "$tmp/err")" "guatu: unknown option '--bogus'" "messages name the program guatu, not its path"

# A chart that loads cleanly: --check exits 0 with a one-line summary.
out=$(run --check "$good" 2>&1); ok $? "--check of a good file exits 0"
is "$out" "1 file, 1 zone, 1 project, 2 milestones, 0 targets; 0 errors, 0 warnings" "--check summary"

# The counts line of the status screen: overdue and due soon on a given day.
counts() { GUATU_NOW=1700000000 TZ=UTC run_zh --print "$@" | sed -n 3p; }
is "$(counts --today 2024-12-20 "$good")" \
   "逾期 0   将到期 1   延期完成 0   节点 2   项目 1   区域 1   载入 22:13:20" \
   "due soon: 11 days ahead is inside the default 14"
is "$(counts --today 2024-12-20 --soon 11 "$good")" \
   "逾期 0   将到期 0   延期完成 0   节点 2   项目 1   区域 1   载入 22:13:20" \
   "--soon 11: today and the next 10 days only"
is "$(counts --today 2024-12-18 --soon 14 "$good")" \
   "逾期 0   将到期 1   延期完成 0   节点 2   项目 1   区域 1   载入 22:13:20" \
   "--soon 14: the 14th day (today included) is due soon"
is "$(counts --today 2024-12-17 "$good")" \
   "逾期 0   将到期 0   延期完成 0   节点 2   项目 1   区域 1   载入 22:13:20" \
   "the 15th day is not due soon"
is "$(counts --today 2025年1月1日 "$good")" \
   "! 逾期 1   将到期 0   延期完成 0   节点 2   项目 1   区域 1   载入 22:13:20" \
   "--today takes Chinese dates; a day after due is overdue"
is "$(counts --today 2024年底 "$good")" \
   "逾期 0   将到期 1   延期完成 0   节点 2   项目 1   区域 1   载入 22:13:20" \
   "--today of a period is its last day; due today is not overdue"
is "$(GUATU_NOW=1735603200 TZ=UTC run_zh "$good" | sed -n 2p)" \
   "最小图                                                                               今天 2024-12-31" \
   "without --today, today is the local date of the run"

# Paths that cannot be read.
run --check "$tmp/nope.yaml" >"$tmp/out" 2>"$tmp/err"; is $? 2 "a missing file exits 2"
is "$(cat "$tmp/err")" "$tmp/nope.yaml: error: No such file or directory" "a missing file is named"
is "$(cat "$tmp/out")" "1 file, 0 zones, 0 projects, 0 milestones, 0 targets; 1 error, 0 warnings" \
   "a missing file still gets a summary"
mkdir "$tmp/empty"; touch "$tmp/empty/notes.txt" "$tmp/empty/.hidden.yaml"
run --check "$tmp/empty" >/dev/null 2>"$tmp/err"; is $? 2 "a directory with no charts exits 2"
is "$(cat "$tmp/err")" "$tmp/empty: error: no *.yaml or *.yml files in this directory" \
   "a directory with no charts is named"
run --check "$good" "$tmp/nope.yaml" >"$tmp/out" 2>/dev/null; is $? 2 "one missing file of two exits 2"
is "$(cat "$tmp/out")" "2 files, 1 zone, 1 project, 2 milestones, 0 targets; 1 error, 0 warnings" \
   "the good file of two still loads"
is "$(run --check "$good" "$good" 2>&1)" \
   "1 file, 1 zone, 1 project, 2 milestones, 0 targets; 0 errors, 0 warnings" \
   "a file named twice loads once"

# Directory order is by name, whatever order the directory lists them in.
mkdir "$tmp/d"
printf 'title: 第二\nzones: []\n' >"$tmp/d/b.yml"
printf 'title: 第一\nzones: []\n' >"$tmp/d/a.yaml"
printf 'title: 跳过\nzones: []\n' >"$tmp/d/c.yaml.bak"
is "$(run --check "$tmp/d")" "2 files, 0 zones, 0 projects, 0 milestones, 0 targets; 0 errors, 0 warnings" \
   "a directory loads *.yaml and *.yml, not other files"
is "$(run_zh --width 22 "$tmp/d" | sed -n 2p)" "第一   今天 $(date +%Y-%m-%d)" \
   "files load in order of name: the first title wins"

# A file name with control characters is shown safely.
esc=$(printf 'x\033[2Jy.yaml')
run --check "$tmp/$esc" >/dev/null 2>"$tmp/err"
grep -q 'x.\[2Jy.yaml' "$tmp/err"; ok $? "the file name is shown, its ESC replaced"
"$check" --text <"$tmp/err"; ok $? "a control character in a file name does not reach the terminal"

# Not a UTF-8 locale (ssh with LANG unset): CJK still read and shown.
is "$(env -u LC_ALL -u LANG -u LC_CTYPE -u LANGUAGE "$GUATU" --width 30 --today 2024-12-20 "$good" | sed -n 2p)" \
   "最小图         今天 2024-12-20" \
   "the POSIX locale falls back to UTF-8: CJK is read and measured"
# The man page lists every key of the table (guatu --keys) with its help.
run --keys >"$tmp/keys"; ok $? "--keys exits 0"
is "$(grep -c '' "$tmp/keys")" 38 "--keys lists every bound action"
grep -q "^j Down	move down$" "$tmp/keys"; ok $? "--keys: keys, a tab, the help"
missing=""
while IFS="$(printf '\t')" read -r k h; do
    eng=$(printf '%s' "$h" | sed 's/^[^A-Za-z(]*//' | sed 's/-/\\-/g')
    km=$(printf '%s' "$k" | sed 's/-/\\-/g')
    grep -qxF ".B $km" "$srcdir/docs/guatu.1" && grep -qxF -- "$eng" "$srcdir/docs/guatu.1" || missing="$missing [$k: $h]"
done <"$tmp/keys"
is "$missing" "" "the man page describes every key as bound"
done_testing
