#!/bin/sh
# Nothing silent: errors show where people look (--print, the exit status),
# directory entries that cannot be read are named, nothing blocks on a FIFO
# or a device, ids repeated across files name both places.
. "$srcdir/tests/lib.sh"
export GUATU_NOW=1700000000 TZ=UTC
unset NO_COLOR

# --- --print starts with the errors, so the log shows them -----------------
# (run from the source tree so the file names in the golden screens match)
for w in 40 100; do
    (cd "$srcdir" && run --print --today 2023-03-01 --width $w tests/fixtures/bad/structure-typos.yaml \
        tests/fixtures/bad/slip-colon.yaml) >"$tmp/errors-$w.txt" 2>/dev/null
    is $? 2 "--print with errors exits 2 ($w columns)"
    same "$tmp/errors-$w.txt" "$srcdir/tests/golden/errors-$w.txt" "--print: the errors section at $w columns"
    "$(dirname "$GUATU")/../tests/layout_check" $w <"$tmp/errors-$w.txt" >/dev/null
    ok $? "--print: the errors section lines up at $w columns (Chinese diagnostics)"
done
run --print --today 2023-03-01 "$DATA" >"$tmp/clean.txt"
grep -q '错误' "$tmp/clean.txt"; is $? 1 "no errors, no errors section"

# The issue's own case: 'project:' for 'projects:' loses an overdue milestone.
# It is an error now, so the exit is 2 and the screen says so.
run --print --today 2023-03-01 "$FIXTURES/bad/structure-typos.yaml" >"$tmp/typo.txt" 2>"$tmp/typo.err"
is $? 2 "a structure typo: --print exits 2, not 0"
sed -n 5p "$tmp/typo.txt" | grep -q '^✗ 错误 9 个'; ok $? "and the screen starts with the error count"
run_en --check "$FIXTURES/bad/structure-typos.yaml" >/dev/null 2>&1; is $? 2 "and --check exits 2"

# --- paused milestones are never overdue --------------------------------------
run --print --today 2023-03-01 --width 100 "$FIXTURES/bad/statuses.yaml" >"$tmp/st.txt" 2>/dev/null
# (五期开工's unknown status costs only that field: it is planned, and late)
sed -n 3p "$tmp/st.txt" | grep -q '^! 逾期 1   将到期 0   延期完成 0   暂停 3   节点 7 '; ok $? "暂停, 缓建, 停工: paused, counted, not overdue"

# --- directories: every chart-like entry that cannot be read is named ---------
d="$tmp/d"
mkdir "$d" "$d/sub.yaml"
printf 'zones: [{name: 大写}]\n' >"$d/A.YAML"
ln -s "$tmp/nowhere.yaml" "$d/dangling.yaml"
ln -s "$d/loop2.yaml" "$d/loop1.yaml"; ln -s "$d/loop1.yaml" "$d/loop2.yaml"
mkfifo "$d/pipe.yml"
printf 'not a chart\n' >"$d/notes.txt"
start_s=$(date +%s)
LANGUAGE=en timeout 1 "$GUATU" --check "$d" >"$tmp/dir.out" 2>&1
st=$?
is $st 2 "a directory with unreadable entries: exit 2, and no wait on the FIFO (a 1 s timeout fails this)"
cat >"$tmp/dir.want" <<WANT
$d/A.YAML: (loads: names match in any case)
$d/dangling.yaml: error: a symbolic link to nothing (dangling)
$d/loop1.yaml: error: a loop of symbolic links
$d/loop2.yaml: error: a loop of symbolic links
$d/pipe.yml: error: not a regular file (a pipe or a device): guatu reads chart files only
$d/sub.yaml: error: is a directory
6 files, 1 zone, 0 projects, 0 milestones, 0 targets; 5 errors, 0 warnings
WANT
sed -i "1d" "$tmp/dir.want"
same "$tmp/dir.out" "$tmp/dir.want" "each entry is named with what is wrong; A.YAML loads"
LANGUAGE=en timeout 2 "$GUATU" --check /dev/zero >"$tmp/zero.out" 2>&1
is $? 2 "/dev/zero is refused at once (not read without end)"
is "$(head -1 "$tmp/zero.out")" "/dev/zero: error: not a regular file (a pipe or a device): guatu reads chart files only" "and said so"
mkfifo "$tmp/fifo.yaml"
timeout 2 "$GUATU" --print "$tmp/fifo.yaml" >/dev/null 2>"$tmp/fifo.err"
is $? 2 "a FIFO named on the command line: refused, never waited on"

# --- ids repeated across files name both places --------------------------------
mkdir "$tmp/two"
printf 'zones:\n  - name: 广安\n    id: gx\n' >"$tmp/two/a.yaml"
printf 'zones:\n  - name: 廣安\n    id: gx\n' >"$tmp/two/b.yml"
(cd "$tmp" && run_en --check two) >"$tmp/two.out" 2>&1
head -1 "$tmp/two.out" >"$tmp/two.first"
echo "two/b.yml:2:5: error: duplicate zone id 'gx' (also at two/a.yaml:2:5)" >"$tmp/two.want"
same "$tmp/two.first" "$tmp/two.want" "a duplicate id across files names the other file"
done_testing
