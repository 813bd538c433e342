#!/bin/sh
# The edit-reload loop and the screen log, driven through tmux.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tmux.sh"
dir="$tmp/my charts"            # a path with a space in it
mkdir "$dir"
cp "$DATA"/*.yaml "$dir"
f="$dir/01-ziyang.yaml"
cp "$f" "$tmp/good.yaml"

# --- a changed file reloads by itself, and the cursor stays ---------------
start watch 100 30 --today 2023-03-01 "$dir"
keys l j l
is "$(selected 3)" "开工建设        2022-12-31 逾期60天" "on the 莱斯特 milestone"
sed -i '/id: laisite/,/due:/ s/name: 开工建设/name: 开工建设（改）/' "$f"
within 3 shows '开工建设（改）'; ok $? "an edited file shows within 2 s, no key pressed"
is "$(selected 3)" "开工建设（改）  2022-12-31 逾期60天" "the cursor is still on the renamed milestone"
is "$(selected 2)" "莱斯特项目             0/1 !1" "and on its project"
line 30 | grep -q '载入 22:13:20 · 5 个文件'; ok $? "the bottom line says when and from how many files"

# --- a broken file keeps the last good chart -------------------------------
cp "$f" "$tmp/edited.yaml"
printf '  - name: [\n' >>"$f"
within 3 shows '显示上次的正确数据'; ok $? "a broken file: the bottom line says older data shows"
eof=$(( $(wc -l <"$f") + 1 ))
line 30 | grep -q "! 显示上次的正确数据 · 01-ziyang.yaml:$eof:1: YAML 语法"; ok $? "it says which file and where (file:line:col)"
shows '开工建设（改）'; ok $? "the last good chart stays on screen"
is "$(selected 3)" "开工建设（改）  2022-12-31 逾期60天" "and so does the cursor"
keys E
shows "01-ziyang.yaml:$eof:1: 错误: YAML 语法"; ok $? "E lists the diagnostics"
hides "01-ziyang.yaml:$((eof - 1)):11: error: 'name' must be text"; ok $? "not what was said of its items: they are not the ones shown"
keys q
cp "$tmp/edited.yaml" "$f"
within 3 hides '显示上次的正确数据'; ok $? "fixing the file clears the error"
keys E
shows '没有诊断'; ok $? "E: no diagnostics left"
keys q

# --- an error inside an item shows where people look ----------------------
cp "$f" "$tmp/edited.yaml"
sed -i '/id: laisite/,/due:/ s/due: 2022年四季度/due: 9月30日/' "$f"
within 3 sh -c "tmux -L $name capture-pane -p | head -1 | grep -q '✗ 1 错误 (E)'"
ok $? "after a reload that brings an error, the header counts it (✗ 1 错误 (E))"
is "$(selected 3)" "✗开工建设（改） 9月30日    日期有误" "the milestone is marked, its date shown as written"
errline=$(grep -n 'due: 9月30日' "$f" | cut -d: -f1)
screen | grep -q "问题   .*01-ziyang.yaml:$errline:[0-9]*: 错误: “due”不是日期"; ok $? "its detail pane says what is wrong, at file:line:col"
line 30 | grep -q '显示上次的正确数据'; is $? 1 "the file itself loaded: no 'older data' alert"
cp "$tmp/edited.yaml" "$f"
within 3 sh -c "! tmux -L $name capture-pane -p | head -1 | grep -q '错误'"
ok $? "fixed: the count goes"

# --- files leaving and coming back in a directory --------------------------
mv "$dir/02-yanjiang.yaml" "$tmp/"
within 3 hides '雁江区'; ok $? "a file removed from the directory: its zones go"
mv "$tmp/02-yanjiang.yaml" "$dir/"
within 3 shows '雁江区'; ok $? "and come back when it is back"
keys r
line 30 | grep -q '已重新载入'; ok $? "r reloads now"
stop

# --- past midnight, the new day counts ------------------------------------
echo 1679097599 >"$tmp/clock"   # 2023-03-17 23:59:59 UTC
env_extra="GUATU_TEST_CLOCK='$tmp/clock'"
cp "$tmp/edited.yaml" "$f"
start midnight 100 30 "$dir"
line 1 | grep -q '! 逾期 9  将到期 0  ! 指标落后 2  今天 2023-03-17'; ok $? "before midnight: nothing due soon"
echo 1679097600 >"$tmp/clock"   # 2023-03-18 00:00:00: the end of March comes within 14 days
within 3 sh -c "tmux -L $name capture-pane -p | head -1 | grep -q '今天 2023-03-18'"
ok $? "left running past midnight, today moves on"
line 1 | grep -q '! 逾期 9  将到期 4  ! 指标落后 2  今天 2023-03-18'; ok $? "and what is due soon is counted anew"
stop
env_extra=""

# --- e: the editor, at the item's file and line ----------------------------
cat >"$tmp/ed.sh" <<'ED'
#!/bin/sh
# A stand-in editor: records its arguments, then edits the file.
printf '%s\n' "$@" >"$(dirname "$0")/ed-args"
sed -i 's/name: 莱斯特项目/name: 莱斯特项目（编辑后）/' "$2"
ED
chmod +x "$tmp/ed.sh"
cp "$tmp/good.yaml" "$f"
env_extra="VISUAL= EDITOR='$tmp/ed.sh'"
start edit 100 30 --today 2023-03-01 "$dir"
keys l j e
within 3 shows '莱斯特项目（编辑后）'; ok $? "after the editor exits the chart is reloaded"
want_line=$(grep -n 'name: 莱斯特项目' "$tmp/good.yaml" | cut -d: -f1)
is "$(sed -n 1p "$tmp/ed-args")" "+$want_line" "the editor got +LINE of the project"
is "$(sed -n 2p "$tmp/ed-args")" "$f" "and the file's path, spaces and all"
is "$(wc -l <"$tmp/ed-args")" 2 "and nothing else"
is "$(selected 2)" "莱斯特项目（编辑后）   0/1 !1" "the cursor stays on the project"
line 1 | grep -q '川东重点项目挂图'; ok $? "the screen is back after the editor"
stop
printf '#!/bin/sh\nexit 3\n' >"$tmp/failing-ed.sh"; chmod +x "$tmp/failing-ed.sh"
env_extra="VISUAL='$tmp/failing-ed.sh'"
start failed 100 30 --today 2023-03-01 "$dir"
keys l e
line 30 | grep -q '编辑器退出状态 3，已重新载入'; ok $? "an editor that exits non-zero is said so"
stop
env_extra="VISUAL='$tmp/no such editor'"
start noeditor 100 30 --today 2023-03-01 "$dir"
keys l e
line 30 | grep -q "无法启动编辑器 $tmp/no such editor"; ok $? "an editor that cannot run is said so"
line 1 | grep -q '川东重点项目挂图'; ok $? "and the chart is back on screen"
stop
env_extra="VISUAL= EDITOR='$tmp/ed.sh'"
rm -f "$tmp/ed-args"
start readonly 100 30 --readonly --today 2023-03-01 "$dir"
keys l e
line 30 | grep -q '只读模式'; ok $? "--readonly: e says editing is off"
[ ! -e "$tmp/ed-args" ]; ok $? "--readonly: no editor ran"
stop
env_extra=""

# --- p and SIGUSR1: the screen into the log --------------------------------
cp "$tmp/good.yaml" "$f"
log="$tmp/log dir/screen.log"
start log 100 30 --log "$log" --today 2023-03-01 "$dir"
keys s p
line 30 | grep -q "已记入日志 $log"; ok $? "p says where it logged"
keys p
kill -USR1 "$(pane_pid)"
within 3 test "$(grep -c '^guatu 2023-11-14 22:13:20 · 状态总览 status · ' "$log" 2>/dev/null)" = 3
ok $? "p twice and SIGUSR1 once: three blocks"
is "$(stat -c %a "$log")" 600 "the log is private (0600)"
is "$(stat -c %a "$tmp/log dir")" 700 "its directory too (0700)"
GUATU_NOW=1700000000 TZ=UTC run --print --color=never --width 100 --today 2023-03-01 "$dir" |
    sed 1d >"$tmp/print.txt"
awk -v d="$tmp" '/^guatu 2023-11-14 22:13:20 · / { n++; next } { print > (d "/block" n) }' "$log"
for b in 1 2 3; do same "$tmp/block$b" "$tmp/print.txt" "log block $b equals --print of the same view"; done
head -1 "$log" | grep -q "· 状态总览 status · $dir (5 个文件)$"; ok $? "the block's first line names the view and the files"
keys b p
tail -30 "$log" >"$tmp/browse-block"
screen >"$tmp/browse-screen"
sed -i '$d' "$tmp/browse-block"; sed -i '$d' "$tmp/browse-screen"  # the bottom lines differ: it says "logged"
same "$tmp/browse-block" "$tmp/browse-screen" "p in the browse view logs the screen as shown"
stop

# --- a reload is read beside the screen, which answers keys meanwhile ------
# GUATU_TEST_HOLD_LOAD holds the second thread's work (the search index at
# start, each reload) while the file it names exists: what shows meanwhile
# can be looked at without racing a fast load.
hold="$tmp/hold"; touch "$hold"
env_extra="GUATU_TEST_HOLD_LOAD='$hold'"
cp "$tmp/good.yaml" "$f"
start held 100 30 --today 2023-03-01 "$dir"
before=$(selected 1)
keys / ; literal '莱斯特'
line 30 | grep -q '^/莱斯特  索引中'; ok $? "a search typed before the index is in: the line says indexing"
is "$(selected 1)" "$before" "and nothing moved yet"
rm "$hold"
within 3 sh -c "tmux -L $name capture-pane -p | sed -n 30p | grep -q '^/莱斯特 *载入'"
ok $? "the index comes in: the query is looked for"
is "$(selected 2)" "莱斯特项目             0/1 !1" "and the cursor is on its project"
keys Escape
touch "$hold"
sed -i 's/name: 三草湾片区$/name: 三草湾新区/' "$f"
within 3 sh -c "tmux -L $name capture-pane -p | sed -n 30p | grep -q '重新载入中'"
ok $? "a changed file: the bottom line says it is being reloaded"
at=$(selected 1)
keys j
line 30 | grep -q '重新载入中'; ok $? "while it is read"
test "$(selected 1)" != "$at"; ok $? "j moves the cursor meanwhile"
hides '三草湾新区'; ok $? "the old chart shows until the new one is in"
moved=$(selected 1)
rm "$hold"
within 3 shows '三草湾新区'; ok $? "released: the new chart swaps in"
is "$(selected 1)" "$moved" "where the cursor was moved to during the load"
line 30 | grep -q '文件已更改，已重新载入'; ok $? "and the bottom line says it reloaded"
touch "$hold"
keys r
line 30 | grep -q '重新载入中'; ok $? "r: reloading"
pid=$(pane_pid)
tmux -L "$name" send-keys Q
within 2 stopped "$pid"; ok $? "Q during a reload quits at once: the load is abandoned"
stop
rm -f "$hold"; env_extra=""
cp "$tmp/good.yaml" "$f"

# --- two guatu appending to one log never mix their lines ------------------
rm -f "$log"
start one 100 30 --log "$log" --today 2023-03-01 "$dir"; keys s; one=$(pane_pid); first=$name
start two 100 30 --log "$log" --today 2023-03-01 "$dir"; keys s; two=$(pane_pid)
for i in $(seq 10); do kill -USR1 "$one" "$two"; sleep 0.2; done  # signals sent closer merge
within 5 test "$(grep -c '^guatu 2023' "$log" 2>/dev/null)" = 20
ok $? "two instances, ten snapshots each: twenty blocks"
rm -f "$tmp"/block*
awk -v d="$tmp" '/^guatu 2023-11-14 22:13:20 · / { n++; next } { print > (d "/block" n) }' "$log"
bad=0
for b in $(seq 20); do cmp -s "$tmp/block$b" "$tmp/print.txt" || bad=$((bad + 1)); done
is $bad 0 "every block is whole: no lines interleaved"
stop; name=$first; stop
done_testing
