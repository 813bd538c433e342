#!/bin/sh
# The interactive chart, driven through a real terminal (tmux).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tmux.sh"
check="$(dirname "$GUATU")/../tests/layout_check"

# --- the first screen, exactly -------------------------------------------
start first 100 30 --today 2023-03-01 "$DATA"
screen >"$tmp/first.txt"
"$check" 100 <"$tmp/first.txt" >/dev/null; ok $? "the first screen's frame lines up"
cat >"$tmp/first.want" <<'SCREEN'
川东重点项目挂图（样例）                           ! 逾期 9  将到期 0  ! 指标落后 2  今天 2023-03-01
┌─ 区域 1/21 ────────────────┬─ 项目 ────────────────────────┬─ 节点 ──────────────────────────────┐
│>▾ 资阳临空经济区        !6 │>资阳方特文旅项目          1/1 │>开工建设          2022-12-31 已完成 │
│     清泉片区            !4 │ 莱斯特项目             0/1 !1 │                                     │
│     三草湾片区             │ 上海高仙机器人四十万能级… 1/1 │                                     │
│     雁江镇              !1 │ 高仙机器人二期            0/1 │                                     │
│   资阳高新区               │ 四川音乐学院临空经济区校… 1/1 │                                     │
│ ▾ 雁江区                !2 │ 警训基地                  0/1 │                                     │
│     雁江临空制造配套产业园 │ 雁溪湖生态新城            0/2 │                                     │
│     资阳医药食品产业功… !2 │                               │                                     │
│ ▾ 南充临江新区       !1 ▼2 │                               │                                     │
│     顺庆片区               │                               │                                     │
│     高坪片区            !1 │                               │                                     │
│     西充片区               │                               │                                     │
│ ▾ 廣安市                   │                               │                                     │
│     廣安區                 │                               │                                     │
│     華鎣市                 │                               │                                     │
│     武勝縣                 │                               │                                     │
│     廣安經開區             │                               │                                     │
├────────────────────────────┴───────────────────────────────┴─────────────────────────────────────┤
│ 区域   资阳临空经济区                                                                            │
│ 统计   项目 9  节点 3/16  逾期 6  将到期 0  指标落后 0/14  下一节点 2023-04-30                   │
│ 来源   DATA/01-ziyang.yaml:6                                                                     │
│ 指标   全年完成投资           ░░░░░░░░░┊ - / 100 亿元  无数据                                    │
│        … 另有 9 个指标（T 查看全部）                                                             │
│ 备注   加快建设成都都市圈景城相融宜居宜业生态新城、临空经济创新发展产业新区。                    │
│        2023年突出“项目引领、产业突破、基础配套、国企支撑、要素环境、党的建设”6项重点。           │
│                                                                                                  │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
j/k 移动  h/l 窗格  / 搜索  o 筛选  e 编辑  r 载入  s 状态  ? 帮助  q 退出  载入 22:13:20 · 5 个文件
SCREEN
# the source path depends on where the tree is: compare it apart
sed -i "s|$DATA/01-ziyang.yaml:6 *|DATA/01-ziyang.yaml:6|; s|DATA/01-ziyang.yaml:6 *│|DATA/01-ziyang.yaml:6|" "$tmp/first.txt"
sed -i "s|DATA/01-ziyang.yaml:6 *│|DATA/01-ziyang.yaml:6|" "$tmp/first.want"
same "$tmp/first.txt" "$tmp/first.want" "the first screen at 100x30"

# --- moving in every pane ---------------------------------------------------
keys j
is "$(selected 1)" "清泉片区            !4" "j moves down the zones"
is "$(selected 2)" "清泉智能制造产业园     0/7 !4" "the projects follow the zone"
keys k k
is "$(selected 1)" "▾ 资阳临空经济区        !6" "k moves up and stops at the top"
keys l j
is "$(selected 2)" "莱斯特项目             0/1 !1" "l then j moves in the projects"
keys l
is "$(selected 3)" "开工建设        2022-12-31 逾期60天" "l moves to the milestones"
line 23 | grep -q '截止   2022年四季度（2022-12-31）  逾期60天'; ok $? "the detail pane shows due as written, resolved, and days late"
keys h h Down Down
is "$(selected 1)" "三草湾片区" "Down works like j"
keys Tab
is "$(selected 2)" "" "Tab to an empty project pane: nothing selected"
screen | grep -q '（无直属项目）'; ok $? "a zone without its own projects says so"
keys BTab G
is "$(selected 1)" "川渝高竹新區" "G goes to the last zone"
keys g
is "$(selected 1)" "▾ 资阳临空经济区        !6" "g goes to the first"
keys End Home
is "$(selected 1)" "▾ 资阳临空经济区        !6" "End and Home"
keys NPage
is "$(selected 1)" "前鋒區" "PgDn moves a page (17 rows here)"
keys C-b
is "$(selected 1)" "▾ 资阳临空经济区        !6" "Ctrl-b moves a page back"

# --- folding and drilling down --------------------------------------------
keys Enter
is "$(selected 1)" "▸ 资阳临空经济区        !6" "Enter folds a zone"
line 4 | grep -q '资阳高新区'; ok $? "its sub-zones are hidden"
keys Space
line 4 | grep -q '清泉片区'; ok $? "Space unfolds it"
keys - j
is "$(selected 1)" "资阳高新区" "- folds, and j skips the folded sub-zones"
keys k +
line 4 | grep -q '清泉片区'; ok $? "+ unfolds"
keys j Enter
keys j
is "$(selected 2)" "清泉智能制造产业园     0/7 !4" "Enter on a zone without sub-zones drills into its projects"
keys Enter j
is "$(selected 3)" "21#楼（莱斯特… 2022-10-20 逾期132天" "Enter on a project drills into its milestones"
stop

# --- search ---------------------------------------------------------------
start search 100 30 --today 2023-03-01 "$DATA"
keys /
literal "溢辉"
line 30 | grep -q '^/溢辉  '; ok $? "the search line shows what is typed (CJK)"
is "$(selected 1)" "高坪片区            !1" "typing a CJK word jumps to its zone"
is "$(selected 2)" "溢辉电子片式电阻厂区…  1/2 !1" "and its project"
keys Enter
keys /
literal "廣安經開"
keys Enter
is "$(selected 1)" "廣安經開區" "Traditional Chinese is found"
keys g h h g /
literal "广安经开"
keys Enter
is "$(selected 1)" "廣安經開區" "Simplified finds Traditional: 广安经开 finds 廣安經開區"
keys g /
literal "华蓥"
keys Enter
is "$(selected 1)" "華鎣市" "华蓥 finds 華鎣市"
keys g /
literal "資陽臨空"
keys Enter
is "$(selected 1)" "▾ 资阳临空经济区        !6" "and the reverse: 資陽臨空 finds 资阳临空经济区"
keys g /
literal "落地开工"
keys Enter
selected 3 | grep -q '^落地開工'; ok $? "a milestone written in Traditional, searched in Simplified"
keys g h h g /
literal "2023-03-31"
keys Enter
selected 3 | grep -q '^落地開工 *2023-03-31'; ok $? "2023-03-31 finds a milestone due 2023年一季度"
line 23 | grep -q "截止   2023年一季度（2023-03-31）"; ok $? "(its due as written is 2023年一季度)"
keys n
is "$(selected 2)" "誠信新能源新材料項目      0/2" "n: the next one due that day"
keys r n
is "$(selected 1)" "廣安經開區" "n after a reload searches the reloaded chart (the same query)"
keys /
literal "没有这个词"
line 30 | grep -q '无匹配'; ok $? "no match is said plainly"
keys Escape
is "$(selected 1)" "廣安經開區" "Escape goes back to where the search began"
keys /
literal "溢辉"
keys C-g
is "$(selected 1)" "廣安經開區" "so does Ctrl-G (no Escape needed)"
line 30 | grep -q '^/'; is $? 1 "and the search line closes"
keys / BSpace
line 30 | grep -q '^/'; is $? 1 "Backspace on an empty search line closes it too"
stop

start fullwidth 100 30 --today 2023-03-01 "$FIXTURES/good/wide.yaml"
keys /
literal "ascii"
keys Enter
is "$(selected 2)" "Ｆｕｌｌ－ｗｉｄｔ… 0/3 !1 ~1" "half-width 'ascii' finds full-width ＡＳＣＩＩ"
keys g h g
keys /
literal "ＦＵＬＬ"
keys Enter
is "$(selected 2)" "Ｆｕｌｌ－ｗｉｄｔ… 0/3 !1 ~1" "full-width upper case finds it too"
stop

# --- filter, sort, views ----------------------------------------------------
start views 100 30 --today 2023-03-01 "$DATA"
keys o
screen | grep -q '三草湾片区'; is $? 1 "o hides zones with nothing overdue or due soon"
line 2 | grep -q '区域·筛选'; ok $? "the pane titles say the filter is on"
is "$(selected 1)" "▾ 资阳临空经济区        !6" "the selection stays"
keys j l
is "$(selected 2)" "清泉智能制造产业园     0/7 !4" "filtered projects"
keys l
screen | grep -q '二期其余楼栋'; is $? 1 "o hides milestones not overdue or due soon"
keys o
screen | grep -q '二期其余楼栋'; ok $? "o again shows everything"
keys S
line 2 | grep -q '节点·按名称'; ok $? "S sorts milestones by name"
keys S
line 2 | grep -q '节点·按状态'; ok $? "S again: by status"
is "$(selected 3)" "一期一批次室…  2022-09-30 逾期152天" "by status, the most overdue first"
keys S
line 2 | grep -q '节点 ──'; ok $? "S a third time: by due date again"
keys ?
line 2 | grep -q '移动'; ok $? "? opens the help"
screen | grep -q 'j Down .*下移 *$'; ok $? "the help lists the keys from the key table"
screen | grep -q 'move down'; ok $((! $?)) "and in one language: the zh_CN help has no English"
keys q
line 2 | grep -q '区域'; ok $? "q in the help goes back"
keys s
line 3 | grep -q '│ 区域 .*│ 项目 │ 完成/节点 │ 逾期 │ 将到期 │'; ok $? "s shows the status view"
line 1 | grep -q '川东重点项目挂图（样例）.*! 逾期 9  将到期 0  ! 指标落后 2  今天 2023-03-01'; ok $? "with the header line"
line 2 | grep -q '┌'; ok $? "the status view starts with the zone table"
keys G
screen | grep -q '│ 鄰水縣 .*│ 到位國內省外資'; ok $? "G scrolls the status view to its end: the last target"
line 29 | grep -q '^└'; ok $? "and the table's bottom rule"
keys b
line 2 | grep -q '^┌─ 区域 [0-9]*/21 ─'; ok $? "b goes back to browsing"
keys q
sleep 0.3
tmux -L "$name" has-session 2>/dev/null; is $? 1 "q quits"
stop

# --- n and N step through matches in the order the rows are shown ------------
# (order.yaml: the milestones of 第一项目 are written 甲 乙 丙 丁 and shown by
# due date 乙 丁 甲 丙; then 第二项目's 己 戊, a sub-zone's 庚, the next zone's 辛)
name_of() { selected 3 | cut -d' ' -f1; }
start order 100 30 --today 2023-02-20 "$FIXTURES/good/order.yaml"
keys /
literal "开工"
keys Enter
got=$(name_of)
for i in 1 2 3 4 5 6 7 8; do keys n; got="$got $(name_of)"; done
is "$got" "乙开工 丁开工 甲开工 丙开工 己开工 戊开工 庚开工 辛开工 乙开工" "n follows the rows as shown, across projects and zones, and wraps"
got=""
for i in 1 2 3; do keys N; got="$got$(name_of) "; done
is "$got" "辛开工 庚开工 戊开工 " "N goes back the same way"
keys S
line 2 | grep -q '节点·按名称'; ok $? "sorted by name"
keys g h h g /
literal "开工"
keys Enter n n
is "$(name_of)" "乙开工" "n follows the new sort: 丁 丙 乙 甲 by name"
stop

# --- q and Escape mean the same thing in every view ---------------------------
start views2 100 30 --today 2023-03-01 "$DATA"
keys ? Escape
line 2 | grep -q '─ 区域 '; ok $? "Escape leaves the help"
keys s Escape
line 2 | grep -q '─ 区域 '; ok $? "Escape leaves the status view"
keys E Escape
line 2 | grep -q '─ 区域 '; ok $? "Escape leaves the diagnostics"
keys s ?
keys q
line 3 | grep -q '│ 区域 .*│ 项目 │ 完成/节点 │'; ok $? "q closes the help opened from the status view: back there"
line 30 | grep -q '^状态总览  j/k 移动'; ok $? "the status view's footer names it and its keys"
keys q
line 2 | grep -q '─ 区域 '; ok $? "q closes the status view: back to browsing"
keys Escape
tmux -L "$name" has-session 2>/dev/null; ok $? "Escape in the browse view does not quit"
keys s ? Q
sleep 0.3
tmux -L "$name" has-session 2>/dev/null; is $? 1 "Q quits from any view"
stop

# --- the status view: a cursor, Enter, search -------------------------------------
start status 100 30 --today 2023-03-01 "$DATA"
keys s /
literal "二期33#"
keys Enter
line 30 | grep -q '状态总览'; ok $? "the status view"
keys Enter
selected 3 | grep -q '^二期33#具备进'; ok $? "Enter on an overdue row shows its milestone in the browse view"
keys s g /
literal "莱斯特"
keys Enter
screen | grep -q '^│ 清泉片区 .*│ 清泉智能制造产…\|莱斯特'; ok $? "search in the status view finds a row"
stop

# --- Ctrl-Z suspends, fg brings the screen back -------------------------------------
name="guatu-tstp-$$"; servers="$servers $name"
tmux -L "$name" -f /dev/null new-session -d -x 100 -y 30 \
    "env -i PATH='$PATH' HOME='$tmp' TERM=screen LC_ALL=C.UTF-8 GUATU_NOW=1700000000 TZ=UTC PS1='sh> ' bash --norc --noprofile -i"
settle
literal "'$GUATU' --today 2023-03-01 '$DATA'"
keys Enter
keys j l
screen >"$tmp/before-tstp"
keys C-z
screen | grep -q 'Stopped'; ok $? "Ctrl-Z stops guatu and the shell says so"
screen | grep -q '^sh> '; ok $? "the shell's prompt is back"
literal "fg"
keys Enter
screen >"$tmp/after-fg"
same "$tmp/after-fg" "$tmp/before-tstp" "fg brings back the same screen"
keys q
stop

# --- the search line: Ctrl-U clears, Ctrl-W erases a word ---------------------------
start line 100 30 --today 2023-03-01 "$DATA"
keys /
literal "清泉 智能"
line 30 | grep -q '^/清泉 智能'; ok $? "typed: two words"
keys C-w
line 30 | grep -q '^/清泉  '; ok $? "Ctrl-W erases the word before"
line 30 | grep -q '智能'; is $? 1 "and only it"
keys C-u
line 30 | grep -q '^/  '; ok $? "Ctrl-U clears the line"
line 30 | grep -q '清泉'; is $? 1 "all of it"
literal "高坪"
is "$(selected 1)" "高坪片区            !1" "and searching goes on"
keys Escape
stop

# --- a search keeps the o filter on ---------------------------------------------------
start filtered 100 30 --today 2023-03-01 "$DATA"
keys o /
literal "二期其余楼栋"
line 30 | grep -q '无匹配'; ok $? "what the filter hides is not found"
keys Enter
line 2 | grep -q '区域·筛选'; ok $? "and the filter stays on"
keys /
literal "溢辉"
keys Enter
is "$(selected 2)" "溢辉电子片式电阻厂区…  1/2 !1" "what it shows is found"
line 2 | grep -q '区域·筛选'; ok $? "the filter still on"
stop

# --- scrolling: no offset is kept that is not needed; where a pane is -----------------
start scroll 100 30 --today 2023-03-01 "$DATA"
keys G
line 2 | grep -q '─ 区域 21/21 ─'; ok $? "a pane that scrolls says where it is"
line 3 | grep -q '资阳高新区'; ok $? "at the last zone, 4 rows are above the top"
resize 100 16
resize 100 30
line 3 | grep -q '资阳高新区'; ok $? "after a smaller and back to a larger window, the rows above show again"
keys k k k k k k k k
is "$(selected 1)" "▾ 廣安市" "on 廣安市, a zone with sub-zones"
keys Enter
line 3 | grep -q '资阳临空经济区'; ok $? "after folding it everything fits: the list starts at its top again"
line 2 | grep -q '─ 区域 ─'; ok $? "and no position is shown: it does not scroll"
stop

# --- TERM=dumb (an Emacs shell) is refused like an unknown terminal -------------------
name="guatu-dumb-$$"; servers="$servers $name"
tmux -L "$name" -f /dev/null new-session -d -x 100 -y 30 \
    "env TERM=dumb LC_ALL=C.UTF-8 LANGUAGE=en '$GUATU' --today 2023-03-01 '$DATA' 2>&1; echo EXIT=\$?; sleep 30"
settle
screen | grep -q '^guatu: this terminal cannot move the cursor (is TERM dumb?); --print works without one$'; ok $? "TERM=dumb: refused with the hint to use --print"
screen | grep -q '^EXIT=2$'; ok $? "TERM=dumb: exit 2"
stop

# --- the timeline (t) and the targets (T) ----------------------------------------------
start tl 100 20 --today 2023-07-01 "$FIXTURES/good/targets.yaml"
line 1 | grep -q '! 逾期 1  将到期 1  ! 指标落后 4  今天 2023-07-01'; ok $? "the header counts targets behind, missed or over"
keys t
line 20 | grep -q '^时间轴  j/k 项目  h/l 时间  +/- 缩放  \. 今天'; ok $? "t opens the timeline; its keys in the footer"
line 3 | grep -q '│4月  5月  6月  7月  8月  9月  10月 11月 12月 1月  2月'; ok $? "by month, today's month a little in from the left"
line 6 | grep -q '^    溢辉电子片式电阻厂区│━━━━━━━━━━━━━━✗┊              ━━━━◆━━━━━━━━━◆$'
ok $? "marks at their days: a period drawn as a span, the overdue one ✗, today ┊"
line 8 | grep -q '^    迎宾大道管网改造    │               ┊◆       ◆━━━━‖$'; ok $? "a due-soon mark right after today, a paused one ‖"
keys +
line 2 | grep -q '2023-07'; ok $? "+ zooms in to weeks"
line 20 | grep -q '按周' && ! line 20 | grep -q 'by week'; ok $? "and says so, in one language"
keys - -
line 3 | grep -q '│一季  二季  三季  四季  一季'; ok $? "- - zooms out to quarters, today where it was"
keys l
line 3 | grep -q '│二季  三季  四季  一季'; ok $? "l moves later in time"
keys h h .
line 3 | grep -q '│四季  一季  二季  三季  四季'; ok $? ". comes back to today: its quarter a little in from the left"
keys + j Enter
is "$(selected 2)" "迎宾大道管网改造       0/3 ~1" "j moves to the next project; Enter shows it in the browse view"
keys t
is "$(name_of)" "" "(opened from a project, the timeline starts there)"
keys Enter
is "$(selected 2)" "迎宾大道管网改造       0/3 ~1" "and Enter goes back to it"
keys T
line 2 | grep -q '^指标 7（! 落后、未完成或超出 4）'; ok $? "T opens the targets: seven, four needing attention"
screen | grep -q '│ 高坪片区 │ *│ 新签约项目 *│ *30 / 90 个 │ ! 落后 33.3%，时间已过49.6% │'; ok $? "behind: the share reached and the time gone"
screen | grep -q '│ 52 / 45 个工作日 │ ! 52 > 45 个工作日：超出 *│'; ok $? "a ceiling exceeded: over"
keys j j j Enter
selected 2 | grep -q '^溢辉电子片式电阻厂'; ok $? "Enter on a project's target shows the project in the browse view"
keys T /
literal "增速"
keys Enter
screen | grep -q '一季度增速'; ok $? "search finds a target by name"
stop

# --- sizes ------------------------------------------------------------------
start sizes 100 30 --today 2023-03-01 "$DATA"
keys j l j l
for size in "40 12" "60 20" "200 50" "100 30" "40 12" "200 50"; do
    set -- $size
    resize "$1" "$2"
    screen >"$tmp/size.txt"
    "$check" "$1" <"$tmp/size.txt" >"$tmp/size.err"
    ok $? "at $1x$2 every line fits and the frame lines up"
    is "$(wc -l <"$tmp/size.txt")" "$2" "at $1x$2 the screen has $2 lines"
    grep -q '清泉智能制造产业园' "$tmp/size.txt"; ok $? "at $1x$2 the selection survives"
done
resize 40 12
keys h h
line 3 | grep -q '^│ ▾ 资阳临空经… !6 │'; ok $? "at 40x12 the zone pane shows names and what is late, two panes side by side"
line 4 | grep -q '^│>    清泉片区  !4 │'; ok $? "(a short name keeps its marks beside it)"
keys l l
resize 30 10
screen | grep -q '终端太小'; ok $? "smaller than 40x12 says so"
screen | grep -q '30x10 < 40x12'; ok $? "and gives the sizes"
resize 100 30
screen >"$tmp/back.txt"
stop
start sizes2 100 30 --today 2023-03-01 "$DATA"
keys j l j l
screen >"$tmp/fresh.txt"
same "$tmp/back.txt" "$tmp/fresh.txt" "after shrinking and growing, the screen is as if drawn fresh (no leftovers)"
stop

# --- odd terminals ----------------------------------------------------------
locale_env="-u LANG -u LC_ALL -u LC_CTYPE"
start nolang 100 30 --today 2023-03-01 "$DATA"
locale_env="LC_ALL=C.UTF-8"
line 1 | grep -q '川东重点项目挂图（样例）'; ok $? "LANG unset: Chinese still shows"
line 30 | grep -q '已改用 C.UTF-8'; ok $? "LANG unset: the bottom line says the locale was changed"
screen | "$check" 100 >/dev/null; ok $? "LANG unset: aligned"
stop

esc=$(printf '\033')
colours() { tmux -L "$name" capture-pane -p -e | grep -q "$esc\[[0-9;]*3[1-7]m"; }
env_extra="TERM=vt100"
start vt100 100 30 --today 2023-03-01 "$DATA"
colours; is $? 1 "TERM=vt100: no colour"
shows '资阳临空经济区        !6'; ok $? "TERM=vt100: the overdue marker still shows"
stop
env_extra="TERM=xterm-256color NO_COLOR=1"
start nocolor 100 30 --today 2023-03-01 "$DATA"
colours; is $? 1 "NO_COLOR: no colour"
stop
env_extra="TERM=xterm-256color"
start color 100 30 --today 2023-03-01 "$DATA"
tmux -L "$name" capture-pane -p -e | grep -q "$esc\[[0-9;]*31m"; ok $? "with colours, overdue is red"
stop
env_extra=""

# --- an empty chart: every key still works ----------------------------------
start empty 80 20 --today 2023-03-01 "$DATA/00-chart.yaml"
keys j l j / x Enter n N Escape s j G b E q e o S g
tmux -L "$name" has-session 2>/dev/null; ok $? "an empty chart survives every key"
line 3 | grep -q '（无'; ok $? "an empty chart says there is nothing"
stop

# --- the terminal going away, signals ---------------------------------------
start kill 100 30 --today 2023-03-01 "$DATA"
pid=$(pane_pid)
running "$pid"; ok $? "guatu is running"
tmux -L "$name" kill-pane -t 0
within 2 stopped "$pid"
ok $? "killing the pane ends guatu within 2 s (no process left, so no CPU burning)"
stop

for sig in TERM INT; do
    name="guatu-sig$sig-$$"; servers="$servers $name"
    tmux -L "$name" -f /dev/null new-session -d -x 100 -y 30 \
        "echo BEFORE; sh -c 'echo \$\$ >$tmp/pid; exec env LC_ALL=C.UTF-8 $GUATU --today 2023-03-01 $DATA'; echo EXIT=\$?; sleep 30"
    settle
    kill -$sig "$(cat "$tmp/pid")"
    settle
    want=$(( 128 + $(kill -l $sig) ))
    screen | grep -q "^EXIT=$want"; ok $? "SIG$sig: guatu exits with status $want, as a shell reports a signal"
    screen | grep -q '^BEFORE'; ok $? "SIG$sig: the terminal is restored (the shell's screen is back)"
    stop
done

# A crash restores the terminal before guatu dies (async-signal-safe calls only).
name="guatu-crash-$$"; servers="$servers $name"
tmux -L "$name" -f /dev/null new-session -d -x 100 -y 30 \
    "echo BEFORE; sh -c 'echo \$\$ >$tmp/pid; exec env LC_ALL=C.UTF-8 $GUATU --today 2023-03-01 $DATA'; echo EXIT=\$?; sleep 30"
settle
kill -SEGV "$(cat "$tmp/pid")"
settle
screen | grep -q '^EXIT=139'; ok $? "SIGSEGV: guatu dies of it (status 139)"
screen | grep -q '^BEFORE'; ok $? "SIGSEGV: the terminal is restored first"
stop

# --- only what changed is sent ---------------------------------------------
# (a move in the milestone list changes two rows and the detail pane)
start bytes 100 30 --today 2023-03-01 "$DATA"
keys j l l
tmux -L "$name" pipe-pane -o "cat >'$tmp/bytes'"
keys j
tmux -L "$name" pipe-pane
sent=$(wc -c <"$tmp/bytes")
[ "$sent" -gt 0 ] && [ "$sent" -lt 1000 ]; ok $? "a keypress sends a few hundred bytes, not a screen ($sent bytes)"
stop

# --- who answers for a milestone: its own owner, its project's, its zone's ------
# The detail pane says what --print and the exports say.
cat >"$tmp/owners.yaml" <<'EOF'
zones:
  - name: 高新区
    owner: 管委会 王主任
    projects:
      - name: 无人认领的项目
        milestones:
          - {name: 开工, due: 2023-06-30}
EOF
start owners 100 30 --today 2023-03-01 "$tmp/owners.yaml"
keys l l
screen | grep -q '^│ 负责人 管委会 王主任 *│$'; ok $? "a milestone with no owner, in a project with none: the zone's owner"
stop
done_testing
