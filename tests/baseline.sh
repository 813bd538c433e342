#!/bin/sh
# --baseline: the chart against the approved plan, at a git revision (a tag,
# HEAD~1, @{date}) or a path; the changes section, the header count, the exit
# status; every error; the changes view (B) and the due-date history (H).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tmux.sh"
export GUATU_NOW=1700000000 TZ=UTC
# git as on a fresh machine: no user configuration, a fixed identity and
# fixed dates, so the history is the same in every run.
export HOME="$tmp" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
commit() { # commit DATE AUTHOR MESSAGE
    GIT_AUTHOR_DATE="$1T09:00:00Z" GIT_COMMITTER_DATE="$1T09:00:00Z" GIT_AUTHOR_NAME="$2" \
        GIT_AUTHOR_EMAIL=a@example.cn GIT_COMMITTER_NAME="$2" GIT_COMMITTER_EMAIL=a@example.cn \
        git -C "$repo" commit -q -a -m "$3"
}
repo="$tmp/repo"
mkdir -p "$repo/plan"
git -C "$repo" init -q
cat >"$repo/plan/a.yaml" <<'EOF'
title: 临空经济区重点项目
zones:
  - name: 临空经济区
    id: linkong
    targets:
      - {name: 全年完成投资, id: invest, target: 100, unit: 亿元, due: 2026年底}
    projects:
      - name: 航空物流园
        id: wuliu
        milestones:
          - {name: 主体完工, id: zhuti, due: 2026-10-31}
          - {name: 竣工验收, id: yanshou, due: 2026-12-31}
          - {name: 设备安装, id: shebei, due: 2026-12-15}
EOF
cat >"$repo/plan/b.yaml" <<'EOF'
zones:
  - name: 高新区
    id: gaoxin
    projects:
      - name: 电子信息产业园
        id: dianzi
        milestones:
          - {name: 开工, due: 2027-03-31, status: planned}
EOF
git -C "$repo" add plan
commit 2026-01-05 王超 "the approved plan"
git -C "$repo" tag plan-2026
cp -r "$repo/plan" "$tmp/snapshot" # an exported copy, for --baseline PATH
# The edits: postpone one by 61 days, bring one forward, add one, remove
# one, lower a target and give it more time, change a status (of a
# milestone with a derived id), and rename a file (to a Chinese name).
cat >"$repo/plan/a.yaml" <<'EOF'
title: 临空经济区重点项目
zones:
  - name: 临空经济区
    id: linkong
    targets:
      - {name: 全年完成投资, id: invest, target: 80, unit: 亿元, due: 2027年6月底}
    projects:
      - name: 航空物流园
        id: wuliu
        milestones:
          - {name: 主体完工, id: zhuti, due: 2026-12-31}
          - {name: 竣工验收, id: yanshou, due: 2026-11-30}
          - {name: 试运营, id: shiyunying, due: 2027-02-28}
EOF
git -C "$repo" mv plan/b.yaml plan/高新区.yaml
sed -i 's/status: planned/status: active/' "$repo/plan/高新区.yaml"
commit 2026-06-10 李娜 "postpone, bring forward, add, remove, lower, rename"
cd "$repo" || exit 1

# --print: the changes section after the overdue one, worst first, with the
# count in the header and the zone table; exit 1 though nothing is overdue.
run --print --today 2026-11-23 --width 100 plan --baseline HEAD~1 >"$tmp/print.txt" 2>"$tmp/err"
is $? 1 "--print --baseline HEAD~1 exits 1: a milestone was postponed (nothing is overdue)"
same "$tmp/print.txt" "$srcdir/tests/golden/baseline-100.txt" "--print --baseline HEAD~1: the screen"
is "$(cat "$tmp/err")" "" "a directory renamed within: nothing to say"
is "$(sed -n 3p "$tmp/print.txt")" "逾期 0   将到期 1   ! 推迟 1   延期完成 0   节点 4   项目 2   区域 2   载入 22:13:20" \
    "the header counts the postponed, marked '!'"
run --print --today 2026-11-23 --width 100 --ascii plan --baseline HEAD~1 >"$tmp/ascii.txt"
is "$(grep -c '^| ! 推迟 61天 ' "$tmp/ascii.txt")" 1 "--ascii: the same section in ASCII frames"
run --print --today 2026-11-23 plan >"$tmp/plain.txt"
is $? 0 "without --baseline the same chart exits 0"
is "$(grep -c '推迟\|基线' "$tmp/plain.txt")" 0 "and says nothing of a baseline: no column, no section"

# --check: a line of counts; a tag and a date name the same commit.
want="baseline plan-2026: 1 postponed, 1 brought forward, 1 new, 1 removed, 1 status changed, 2 target relaxed, 0 target tightened"
is "$(run_en --check plan --baseline plan-2026 | sed -n 2p)" "$want" "--baseline TAG: what changed, counted"
is "$(run_en --check plan --baseline '@{2026-03-01}' | sed -n 2p)" \
    "$(echo "$want" | sed 's/plan-2026/@{2026-03-01}/')" "--baseline @{DATE}: the last commit before the date"
run_en --check plan --baseline plan-2026 >/dev/null; is $? 0 "--check --baseline: postponed is not a data error"
is "$(run_en --check plan --baseline HEAD | sed -n 2p)" \
    "baseline HEAD: 0 postponed, 0 brought forward, 0 new, 0 removed, 0 status changed, 0 target relaxed, 0 target tightened" \
    "against itself nothing changed"
# A path: a copy of the chart (the renamed file's items match by id path).
is "$(run_en --check plan --baseline "$tmp/snapshot" | sed -n 2p)" \
    "$(echo "$want" | sed "s|plan-2026|$tmp/snapshot|")" "--baseline PATH: a copy of the chart"

# Errors: what, where, exit 2, and the chart still shown.
run_en --check plan --baseline plan-2099 >"$tmp/out" 2>"$tmp/err"; is $? 2 "an unknown revision: exit 2"
is "$(cat "$tmp/err")" "plan-2099:plan: error: neither a revision nor a file or directory: 'plan-2099' (git tag and git log --oneline list the revisions)" \
    "an unknown revision: said, with where to look"
is "$(sed -n 2p "$tmp/out")" "baseline plan-2099: not read (see the errors above): nothing compared" \
    "and nothing is compared (no item is 'new')"
run_en --check plan --baseline '@{2020-01-01}' 2>&1 >/dev/null | grep -q "^@{2020-01-01}:plan: error: no commit of HEAD before 2020-01-01$"
ok $? "a date before the first commit: said"
run_en --check plan --baseline --output=x 2>"$tmp/err" >/dev/null
is "$(cat "$tmp/err")" "--output=x:plan: error: neither a revision nor a file or directory: '--output=x' (git tag and git log --oneline list the revisions)" \
    "a revision that looks like an option is a revision, never an option of git"
run_en --check "$tmp/snapshot" --baseline HEAD 2>"$tmp/err" >/dev/null; is $? 2 "a chart outside git: exit 2"
is "$(cat "$tmp/err")" "HEAD:$tmp/snapshot: error: not in a git repository, so it has no revision 'HEAD' (--baseline also takes a path to a copy of the chart)" \
    "a chart outside git: said, with the other way"
env PATH=/nonexistent LANGUAGE=en "$GUATU" --check plan --baseline HEAD 2>"$tmp/err" >/dev/null; is $? 2 "no git: exit 2"
is "$(cat "$tmp/err")" "HEAD:plan: error: git not found: install git (apt-get install git) to compare with a revision" \
    "no git: said, with the package"
# A file named that did not exist at the revision: a note, its items new.
run_en --check plan/a.yaml plan/高新区.yaml --baseline HEAD~1 >"$tmp/out" 2>"$tmp/err"; is $? 0 "a file new since the revision is no error"
is "$(cat "$tmp/err")" "HEAD~1:plan/高新区.yaml: note: not in the baseline (added or renamed since): its items count as new" \
    "a file new since the revision: a note"
is "$(sed -n 2p "$tmp/out")" \
    "baseline HEAD~1: 1 postponed, 1 brought forward, 2 new, 1 removed, 0 status changed, 2 target relaxed, 0 target tightened" \
    "and its items are new"
# A date is a chart date, checked: git would take anything as now.
run_en --check plan --baseline '@{garbage}' 2>&1 >/dev/null | grep -q "^@{garbage}:plan: error: not a date: 'garbage' "
ok $? "@{DATE} that is not a date: an error, not a comparison with now"
is "$(run_en --check plan --baseline '@{2026年3月}' | sed -n 2p)" "$(echo "$want" | sed 's/plan-2026/@{2026年3月}/')" \
    "@{DATE} in a chart's form: as of the end of the period"
# A directory added since the revision: a note, as a file is.
mkdir -p plan/新区 && cp plan/a.yaml plan/新区/x.yaml
run_en --check plan/新区 --baseline HEAD 2>"$tmp/err" >/dev/null; is $? 0 "a directory added since: no error"
is "$(cat "$tmp/err" | sed 's/:[0-9]*:[0-9]*: .*//' | sort -u | tail -1)" "HEAD:plan/新区: note: not in the baseline (added or renamed since): its items count as new" \
    "a directory added since: a note"
rm -r plan/新区
# --print with a baseline that failed: the error first, exit 2, no changes claimed.
run --print --today 2026-11-23 --width 100 plan --baseline plan-2099 >"$tmp/out" 2>/dev/null; is $? 2 "--print: a bad baseline is exit 2"
is "$(sed -n 5,6p "$tmp/out")" "✗ 错误 1 个：下表可能不全或有误（guatu --check 列出全部）
plan-2099:plan: 既不是版本，也不是文件或目录：“plan-2099”（git tag 和 git log --oneline 可列出版" \
    "--print: the baseline's error is in the errors section"
grep -q "^较基线 plan-2099 的变化：基线未能读取，见上面的错误$" "$tmp/out"; ok $? "--print: the section says the baseline was not read"

# The interactive chart: the count in the header, » on what was postponed,
# the changes view (B), the history of a due date (H).
start bl 100 30 --today 2026-11-23 plan --baseline plan-2026
is "$(line 1)" "临空经济区重点项目                                   逾期 0  将到期 1  ! 推迟 1 (B)  今天 2026-11-23" \
    "the header: ! 推迟 1 (B)"
is "$(line 3)" "│>  临空经济区         »1 ~1 │>航空物流园          0/3 »1 ~1 │>竣工验收         2026-11-30 还剩7天 │" \
    "zones and projects mark what was postponed under them"
is "$(line 4)" "│   高新区                   │                               │ »主体完工        2026-12-31  计划中 │" \
    "the postponed milestone is marked »"
keys l l j
is "$(screen | sed -n '/^│ 基线/p')" "│ 基线   plan-2026 2026-10-31  »推迟 61天                                                          │" \
    "its detail: the baseline's date and by how much"
keys H
within 10 sh -c "tmux -L $name capture-pane -p | grep -q 加入"
ok $? "H: the history arrives without a key"
is "$(screen | sed -n '/^│ 修改/,+1p')" "│ 修改   2026-06-10 李娜  2026-10-31 → 2026-12-31（推迟 61天）                                     │
│        2026-01-05 王超  加入，截止 2026-10-31                                                    │" \
    "H: each change of the due date with its date, author and old → new, newest first"
keys k
is "$(screen | grep -c '^│ 修改')" 0 "the history is for that milestone only"
keys B
is "$(screen | sed -n 2,12p)" "较基线 plan-2026 的变化 7（最严重在前）：推迟 1 · 提前 1 · 新增 1 · 删除 1 · 状态 1 · 指标放宽 2
┌──────────────────────────┬─────────────┬────────────────┬──────────────┬────────────┬────────────┐
│ 变化                     │ 区域        │ 项目           │ 节点或指标   │ 基线       │ 现在       │
├──────────────────────────┼─────────────┼────────────────┼──────────────┼────────────┼────────────┤
│ ! 推迟 61天              │ 临空经济区  │ 航空物流园     │ 主体完工     │ 2026-10-31 │ 2026-12-31 │
│ 指标放宽：截止推迟 181天 │ 临空经济区  │                │ 全年完成投资 │ 2026-12-31 │ 2027-06-30 │
│ 指标放宽：100 → 80 亿元  │ 临空经济区  │                │ 全年完成投资 │ 100 亿元   │ 80 亿元    │
│ 删除                     │ 临空经济区  │ 航空物流园     │ 设备安装     │ 2026-12-15 │ -          │
│ 状态 计划中 → 进行中     │ 高新区      │ 电子信息产业园 │ 开工         │ 2027-03-31 │ 2027-03-31 │
│ 新增                     │ 临空经济区  │ 航空物流园     │ 试运营       │ -          │ 2027-02-28 │
│ 提前 31天                │ 临空经济区  │ 航空物流园     │ 竣工验收     │ 2026-12-31 │ 2026-11-30 │" \
    "B: the changes, worst first"
keys Enter
is "$(selected 3)" "»主体完工        2026-12-31  计划中" "Enter on a change shows the milestone in browse"
# A reload compares again: postpone another and save.
sed -i 's/due: 2026-11-30/due: 2027-01-31/' plan/a.yaml
keys r
is "$(line 1)" "临空经济区重点项目                                   逾期 0  将到期 0  ! 推迟 2 (B)  今天 2026-11-23" \
    "a reload is compared with the baseline again"
keys l l j H
within 10 sh -c "tmux -L $name capture-pane -p | grep -q 未提交"
is "$(screen | sed -n '/^│ 修改/p')" "│ 修改   未提交  2026-11-30 → 2027-01-31（推迟 62天）                                              │" \
    "H: an edit not committed yet is shown first"
stop
git -C "$repo" checkout -q plan/a.yaml
# H across a rename to a Chinese file name (git log --follow; the names
# must come unquoted, or the commits made under the new name are lost).
sed -i 's/due: 2027-03-31/due: 2027-04-30/' plan/高新区.yaml
commit 2026-08-01 张伟 "postpone in the renamed file"
start cn 100 30 --today 2026-11-23 plan
keys j l l H
within 10 sh -c "tmux -L $name capture-pane -p | grep -q 加入"
is "$(screen | sed -n '/^│ 修改/,+1p')" "│ 修改   2026-08-01 张伟  2027-03-31 → 2027-04-30（推迟 30天）                                     │
│        2026-01-05 王超  加入，截止 2027-03-31                                                    │" \
    "H: the history of a milestone in a renamed file with a Chinese name"
stop

# Without a baseline, B says how to get one; H outside git says so.
start nob 100 30 --today 2026-11-23 "$tmp/snapshot"
keys B
is "$(line 2)" "没有基线：用 guatu --baseline 修订或路径 启动" \
    "B without a baseline: how to start with one"
keys q l l H
within 10 sh -c "tmux -L $name capture-pane -p | grep -q '^│ 修改'"
is "$(screen | sed -n '/^│ 修改/p')" "│ 修改   a.yaml 不在 git 仓库中                                                                    │" \
    "H on a chart that is not in git: said"
stop
# A bad baseline: the error count in the header, the chart still there.
start badbl 100 30 --today 2026-11-23 plan --baseline plan-2099
is "$(line 1)" "临空经济区重点项目                                   ✗ 1 错误 (E)  逾期 0  将到期 1  今天 2026-11-23" \
    "a bad baseline: the error in the header"
stop

done_testing
