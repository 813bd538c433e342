#!/bin/sh
# Many offices, one city: zones continued from another file (`parent:`).
# tests/fixtures/city is tests/fixtures/city-one split in two files.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tmux.sh"
city="$FIXTURES/city" one="$FIXTURES/city-one" bad="$FIXTURES/city-bad"

# --- the city sees one tree --------------------------------------------------
out=$(LANGUAGE=en run --check "$city" 2>&1); st=$?
is "$out" "2 files, 6 zones, 6 projects, 6 milestones, 0 targets; 0 errors, 0 warnings" "--check: two files, one clean chart"
is "$st" 0 "--check: exit 0"
for v in status timeline targets; do
    GUATU_NOW=1700000000 TZ=UTC run --print --view $v --color=never --width 100 --today 2023-03-01 "$city" >"$tmp/split-$v"
    GUATU_NOW=1700000000 TZ=UTC run --print --view $v --color=never --width 100 --today 2023-03-01 "$one" >"$tmp/one-$v"
    same "$tmp/split-$v" "$tmp/one-$v" "--print --view $v: the split chart prints as the one-file chart"
done
grep -q '^│ 广安市  *│    5 │       0/5 │    4 │      1 │' "$tmp/split-status"
ok $? "the summary counts the placed zones in their parent's"
is "$(sed -n '/┌/,/└/p' "$tmp/split-status" | sed -n 4,9p | awk -F'│' '{ print $2 }' | sed 's/ *$//' | tr '\n' '|')" \
   " 广安市|   广安区|     岳池县|   华蓥市|     华蓥山片区| 邻水县|" "--print: the zone table in the order of the tree"

# --- what cannot be placed ------------------------------------------------------
LANGUAGE=en run --check "$bad" >"$tmp/out" 2>"$tmp/err"; st=$?
is "$st" 2 "--check: a parent not found is an error (exit 2)"
cat >"$tmp/want" <<WANT
$bad/2-typo.yaml:4:13: error: unknown parent zone 'guangn': no zone 'guangn' at the top of any file (did you mean 'guangan'?)
$bad/2-typo.yaml:6:13: error: unknown parent zone 'guangan/广安': no zone '广安' in 'guangan' (did you mean 'guangan-qu'?)
$bad/2-typo.yaml:8:13: error: unknown parent zone 'guangan/guangan-qu/nowhere': no zone 'nowhere' in 'guangan/guangan-qu'
$bad/3-cycle.yaml:5:13: error: a cycle: parent zone 'b' is inside this zone (a → b → a); it stays at the top
$bad/3-cycle.yaml:8:13: error: a cycle: parent zone 'a' is inside this zone (b → a → b); it stays at the top
$bad/3-cycle.yaml:11:17: error: 'parent' is only for a zone at the top of a file; this one is inside '乙' and stays there
$bad/3-cycle.yaml:14:13: error: a cycle: parent zone 'self/y' is inside this zone (self → self); it stays at the top
WANT
same "$tmp/err" "$tmp/want" "--check: each at file:line:col of the parent, with a likely meaning"
is "$(cat "$tmp/out")" "3 files, 11 zones, 3 projects, 3 milestones, 0 targets; 7 errors, 0 warnings" \
   "nothing is lost: every zone is still counted"
GUATU_NOW=1700000000 TZ=UTC run --print --color=never --width 100 --today 2023-03-01 "$bad" 2>/dev/null >"$tmp/bad"
is "$(sed -n '/┌/,/└/p' "$tmp/bad" | sed -n 4,14p | awk -F'│' '{ print $2 }' | sed 's/ *$//' | tr '\n' '|')" \
   " 广安市|   广安区| 邻水县| 华蓥市| 岳池县| 武胜县| 甲| 乙|   丙| 自己|   Y|" \
   "--print: the zones that could not be placed stay at the top, after the others of the chart"

# The parent's file cannot be read: the office's zones stay, and the error says where the parent may be.
mkdir "$tmp/broken"
cp "$city"/*.yaml "$tmp/broken/"
printf 'zones: [\n' >"$tmp/broken/1-city.yaml"
LANGUAGE=en run --check "$tmp/broken" >"$tmp/out" 2>"$tmp/err"
grep -q "2-huaying.yaml:5:13: error: unknown parent zone 'guangan': no zone 'guangan' at the top of any file; $tmp/broken/1-city.yaml could not be read and may hold it" "$tmp/err"
ok $? "the parent's file unreadable: the error names it"
is "$(cat "$tmp/out")" "2 files, 3 zones, 3 projects, 3 milestones, 0 targets; 3 errors, 0 warnings" \
   "and the child file's zones are all there (errors: the file, and each zone it could not place)"

# --- baselines match by id path, not by file --------------------------------------
GUATU_NOW=1700000000 TZ=UTC run --print --color=never --width 100 --today 2023-03-01 --baseline "$one" "$city" >"$tmp/base"
grep -q '推迟 0 ' "$tmp/base"; ok $? "--baseline: splitting a chart into offices' files changes nothing"
grep -A1 '的变化' "$tmp/base" | tr '\n' '|' >"$tmp/changes"
is "$(cat "$tmp/changes")" "较基线 $one 的变化 0（最严重在前）|（无）|" "--baseline: no changes"
mkdir "$tmp/moved"
cp "$city"/*.yaml "$tmp/moved/"
sed -i 's/due: 2023-02-15/due: 2023-04-15/' "$tmp/moved/2-huaying.yaml"
GUATU_NOW=1700000000 TZ=UTC run --print --color=never --width 100 --today 2023-03-01 --baseline "$one" "$tmp/moved" >"$tmp/base"
grep -q '^│ ! 推迟 59天 │ 华蓥市  *│ 华蓥项目 │ 开工       │ 2023-02-15 │ 2023-04-15 │$' "$tmp/base"
ok $? "--baseline: a deadline put back in an office's file is found"

# --- the interactive chart: search, the editor, reload ---------------------------
dir="$tmp/charts"
mkdir "$dir"
cp "$city"/*.yaml "$dir/"
cat >"$tmp/ed.sh" <<'ED'
#!/bin/sh
printf '%s\n' "$@" >"$(dirname "$0")/ed-args"
sed -i 's/name: 华蓥项目/name: 华蓥项目（改）/' "$2"
ED
chmod +x "$tmp/ed.sh"
env_extra="VISUAL= EDITOR='$tmp/ed.sh'"
start city 100 30 --today 2023-03-01 "$dir"
keys /
literal "华蓥山"
keys Enter
is "$(selected 1)" "华蓥山片区        ~1" "search finds a zone placed from another file, where it is placed"
keys k
is "$(selected 1)" "▾ 华蓥市           !1 ~1" "its parent above it"
keys e
is "$(sed -n 1p "$tmp/ed-args")" "+3" "e on a placed zone: the editor at its own line"
is "$(sed -n 2p "$tmp/ed-args")" "$dir/2-huaying.yaml" "in its own file"
within 3 sh -c "tmux -L $name capture-pane -p | grep -q '华蓥项目（改）'"
ok $? "after editing the office's file the chart is reloaded"
is "$(selected 1)" "▾ 华蓥市           !1 ~1" "and the cursor stays on the zone"
sed -i 's/name: 华蓥市$/name: 华蓥市（新）/' "$dir/2-huaying.yaml"
within 3 sh -c "tmux -L $name capture-pane -p | grep -q '华蓥市（新）'"
ok $? "a change to the office's file reloads by itself"
is "$(selected 1)" "▾ 华蓥市（新）     !1 ~1" "the cursor stays on the renamed zone (same id)"
printf '  - name: [\n' >>"$dir/2-huaying.yaml"
within 3 sh -c "tmux -L $name capture-pane -p | grep -q '显示上次的正确数据'"
ok $? "the office's file broken: older data shown"
is "$(selected 1)" "▾ 华蓥市（新）     !1 ~1" "its zone is kept where it was placed"
stop
env_extra=""
done_testing
