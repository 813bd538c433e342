#!/bin/sh
# --export csv|json|xlsx: every format read back as a spreadsheet or a script
# reads it (Python's csv and json modules, openpyxl for the workbook), on a
# chart whose names hold commas, quotes, a newline, emoji, Traditional
# characters and a would-be formula. Messages are asserted in English.
. "$srcdir/tests/lib.sh"
export GUATU_NOW=1700000000 TZ=UTC LANGUAGE=en
cd "$FIXTURES" || exit 1
chart=export/chart.yaml
day="--today 2023-07-01"
# A build configured --without-xlsx (or without libxlsxwriter) checks the
# message it gives instead of the workbook; CI's build has it.
if grep -q '^#define HAVE_XLSXWRITER 1' "$(dirname "$GUATU")/../config.h"; then xlsx=yes; else xlsx=no; fi

# A python3 with openpyxl (bootstrap installs python3-openpyxl); the first
# python3 on PATH may be another one (pyenv, a venv).
py=
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import openpyxl' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
    echo "not ok 1 - python3 with openpyxl (Debian: apt-get install python3-openpyxl; ./bootstrap does)"
    echo "1..1"; exit 1
fi

# The milestones, as every format should hold them (the newline in a name is
# a space: names are single lines, the loader makes it so).
cat >"$tmp/ms.py" <<'EOF'
Z = "臨江新區 / 高坪片区 🚧"; P = 'Say "hi", world'; F = "export/chart.yaml"
MS = [
 [Z, P, "第一行 第二行", "王五", "2023年上半年", "2023-06-30", "planned", "overdue", "1", "", F + ":24"],
 [Z, P, '=HYPERLINK("x")', "@张三", "2023-07-10", "2023-07-10", "planned", "due soon", "", "9", F + ":25"],
 [Z, P, "开工 ✅", "王五", "2023-01-15", "2023-01-15", "done", "done late", "36", "", F + ":26"],
 [Z, P, "暫停項目", "王五", "2023年9月", "2023-09-30", "paused", "paused", "", "", F + ":27"],
 [Z, P, "竣工", "王五", "2023年10月下旬", "2023-10-31", "active", "not yet due", "", "122", F + ":28"],
 [Z, P, "验收", "王五", "2023-05-01", "2023-05-01", "done", "done", "", "", F + ":29"],
 [Z, P, "取消的", "王五", "2023-03-01", "2023-03-01", "dropped", "dropped", "", "", F + ":30"],
]
MS_HEAD = ["Zone", "Project", "Milestone", "Owner", "Due as written", "Due", "Status", "State",
           "Days late", "Days left", "File:line"]
TG_HEAD = ["Zone", "Project", "Target", "Owner", "Goal", "Actual", "Unit", "Ceiling", "Figure as of",
           "Due as written", "Due", "Reached", "Time gone", "Verdict", "File:line"]
TG = [
 ["臨江新區", "", "全年投資, 億元", "", "100", "30", "亿元", "", "2023-06-30", "2023年底", "2023-12-31", "30%", "49.6%", "behind", F + ":11"],
 [Z, "", "审批时间", "", "45", "52", "个工作日", "yes", "2023-07-01", "", "", "115.6%", "", "over", F + ":16"],
 [Z, P, "新增就业", "", "300", "", "人", "", "", "2023年底", "2023-12-31", "", "49.9%", "no figure", F + ":22"],
]
EOF

# ---- CSV ------------------------------------------------------------------
run $day --export csv "$chart" >"$tmp/ms.csv" 2>"$tmp/err"
is $? 1 "--export exits 1 as --print does: something is overdue"
is "$(cat "$tmp/err")" "" "and says nothing on stderr"
is "$(head -c 3 "$tmp/ms.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "CSV starts with a UTF-8 byte order mark"
# RFC 4180: CRLF after every record, and no other line end.
is "$(tr -cd '\n' <"$tmp/ms.csv" | wc -c)" 8 "a header and 7 records"
is "$(tr -cd '\r' <"$tmp/ms.csv" | wc -c)" 8 "each ended by CRLF"
"$py" - "$tmp/ms.csv" >"$tmp/out" 2>&1 <<EOF
import csv, sys
exec(open("$tmp/ms.py").read())
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
want = [MS_HEAD] + [r[:2] + ["'" + r[2] if r[2][0] == "=" else r[2], "'" + r[3] if r[3][0] == "@" else r[3]] + r[4:] for r in MS]
for i, (g, w) in enumerate(zip(rows, want)):
    if g != w: print("row", i, "got", g, "want", w)
if len(rows) != len(want): print("rows", len(rows), "want", len(want))
EOF
is "$(cat "$tmp/out")" "" "CSV read back by Python's csv: every cell exact"
grep -q '"Say ""hi"", world"' "$tmp/ms.csv"
ok $? "a field with a comma and quotes is quoted, its quotes doubled"
grep -q ",\"'=HYPERLINK(\"\"x\"\")\",'@张三," "$tmp/ms.csv"
ok $? "text a spreadsheet would run as a formula starts with '"

run $day --export csv --no-bom "$chart" >"$tmp/nobom.csv"
is "$(head -c 1 "$tmp/nobom.csv")" "Z" "--no-bom: no byte order mark"
tail -c +4 "$tmp/ms.csv" >"$tmp/ms-nobom.csv"
same "$tmp/nobom.csv" "$tmp/ms-nobom.csv" "and the same bytes otherwise"

run $day --export csv --what targets -o "$tmp/tg.csv" "$chart" >"$tmp/stdout"
is $? 1 "--what targets -o FILE exits 1 (targets behind and over)"
is "$(wc -c <"$tmp/stdout")" 0 "-o: nothing on standard output"
"$py" - "$tmp/tg.csv" >"$tmp/out" 2>&1 <<EOF
import csv, sys
exec(open("$tmp/ms.py").read())
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
if rows != [TG_HEAD] + TG: print(rows)
EOF
is "$(cat "$tmp/out")" "" "--what targets: the targets, every cell exact"

run $day --export csv -o - "$chart" >"$tmp/dash.csv"
same "$tmp/dash.csv" "$tmp/ms.csv" "-o - is standard output"

# ---- JSON -----------------------------------------------------------------
run $day --export json "$chart" >"$tmp/a.json"
is $? 1 "--export json exits 1 too"
"$py" - "$tmp/a.json" >"$tmp/out" 2>&1 <<EOF
import json, sys
exec(open("$tmp/ms.py").read())
d = json.load(open(sys.argv[1], encoding="utf-8"))
def num(s): return None if s == "" else int(s)
def txt(s): return None if s == "" else s
tokens = {"due soon": "due_soon", "done late": "done_late", "no figure": "no_figure", "not yet due": "open"}
want_ms = [{"zone": ["臨江新區", "高坪片区 🚧"], "project": r[1], "name": r[2], "owner": r[3], "due_text": r[4],
            "due": r[5], "status": r[6], "state": tokens.get(r[7], r[7]), "days_late": num(r[8]),
            "days_left": num(r[9]), "file": F, "line": int(r[10].split(":")[1])} for r in MS]
want = {"title": '出口測試, "導出"', "today": "2023-07-01", "soon_days": 14, "errors": 0, "warnings": 0,
        "milestones": want_ms, "targets": [
  {"zone": ["臨江新區"], "project": None, "name": "全年投資, 億元", "owner": None, "target": 100, "actual": 30,
   "unit": "亿元", "at_most": False, "as_of": "2023-06-30", "due_text": "2023年底", "due": "2023-12-31",
   "share": 0.3, "time_gone": 181 / 365, "verdict": "behind", "file": F, "line": 11},
  {"zone": ["臨江新區", "高坪片区 🚧"], "project": None, "name": "审批时间", "owner": None, "target": 45,
   "actual": 52, "unit": "个工作日", "at_most": True, "as_of": "2023-07-01", "due_text": None, "due": None,
   "share": 52 / 45, "time_gone": None, "verdict": "over", "file": F, "line": 16},
  {"zone": ["臨江新區", "高坪片区 🚧"], "project": P, "name": "新增就业", "owner": None, "target": 300,
   "actual": None, "unit": "人", "at_most": False, "as_of": None, "due_text": "2023年底", "due": "2023-12-31",
   "share": None, "time_gone": 182 / 365, "verdict": "no_figure", "file": F, "line": 22}]}
for k in want:
    if d.get(k) != want[k]: print(k, "got", d.get(k), "want", want[k])
if sorted(d) != sorted(want): print("keys", sorted(d))
if type(d["milestones"][0]["days_late"]) is not int or type(d["targets"][0]["share"]) is not float:
    print("numbers are not numbers")
EOF
is "$(cat "$tmp/out")" "" "JSON read back by Python's json: every value, of its type"
run $day --export json -o "$tmp/b.json" "$chart"
same "$tmp/b.json" "$tmp/a.json" "--export json -o FILE writes what standard output gets"

# ---- xlsx -----------------------------------------------------------------
if [ $xlsx = yes ]; then
run $day --export xlsx -o "$tmp/a.xlsx" "$chart" >"$tmp/stdout" 2>"$tmp/err"
is $? 1 "--export xlsx exits 1 too"
is "$(cat "$tmp/stdout" "$tmp/err")" "" "and writes nothing but the file"
"$py" - "$tmp/a.xlsx" >"$tmp/out" 2>&1 <<EOF
import datetime, sys, openpyxl
exec(open("$tmp/ms.py").read())
wb = openpyxl.load_workbook(sys.argv[1])
def problem(*a): print(*a)
if wb.sheetnames != ["Milestones", "Targets"]: problem("sheets", wb.sheetnames)
def cellvalue(s, date=False):  # what a cell of the CSV is as a workbook holds it
    if s == "": return None
    if date: return datetime.datetime(*map(int, s.split("-")))
    if s.isdigit(): return int(s)
    return s
RED, AMBER = "FFFFC7CE", "FFFFEB9C"
for ws, head, rows, ref, fills, share_cols in (
        (wb["Milestones"], MS_HEAD, MS, "A2:K9", [RED, AMBER, None, None, None, None, None], ()),
        (wb["Targets"], TG_HEAD, TG, "A2:O5", [RED, RED, None], (11, 12))):
    got = [list(r) for r in ws.iter_rows(values_only=True)]
    if got[0][0] != '出口測試, "導出" (as of 2023-07-01)' or any(got[0][1:]): problem(ws.title, "title", got[0])
    if not ws["A1"].font.b: problem(ws.title, "the title is not bold")
    if got[1] != head: problem(ws.title, "header", got[1])
    dates = (5,) if ws.title == "Milestones" else (8, 10)
    for i, r in enumerate(rows):
        want = [cellvalue(c, k in dates) for k, c in enumerate(r)]
        for k in share_cols:  # a share is a number shown as a percentage
            want[k] = None if r[k] == "" else got[i + 2][k]
            if r[k] != "" and round(got[i + 2][k] * 100, 1) != float(r[k][:-1]): problem("share", r[k], got[i + 2][k])
            if r[k] != "" and ws.cell(row=i + 3, column=k + 1).number_format != "0.0%": problem("share format")
        if ws.title == "Targets":  # figures are numbers
            want[4] = float(r[4]) if "." in r[4] else int(r[4]); want[5] = cellvalue(r[5])
            want[7] = r[7] or None
        if got[i + 2] != want: problem(ws.title, "row", i, got[i + 2], want)
        for k in range(len(head)):
            c = ws.cell(row=i + 3, column=k + 1)
            rgb = c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None
            if rgb != fills[i]: problem(ws.title, "row", i, "column", k, "fill", rgb, "want", fills[i])
            if isinstance(c.value, datetime.datetime) and (not c.is_date or c.number_format != "yyyy-mm-dd"):
                problem(ws.title, "date cell", c.coordinate, c.number_format)
    if len(got) != len(rows) + 2: problem(ws.title, "rows", len(got))
    if ws.freeze_panes != "A3": problem(ws.title, "frozen at", ws.freeze_panes)
    if ws.auto_filter.ref != ref: problem(ws.title, "autofilter", ws.auto_filter.ref)
# Widths by display columns (wcwidth): 臨江新區 / 高坪片区 🚧 is 22 columns, not
# 16 characters or 43 bytes; 3 more for the autofilter's button.
w = {k: int(v.width) for k, v in wb["Milestones"].column_dimensions.items()}
if (w["A"], w["C"], w["E"]) != (25, 18, 17): problem("widths", w)
EOF
is "$(cat "$tmp/out")" "" "xlsx read back by openpyxl: cells, dates as dates, fills, frozen header, autofilter, widths"
fi

# ---- exit status, bad charts ----------------------------------------------
run --today 2000-01-01 --export csv good/minimal.yaml >/dev/null
is $? 0 "exit 0 when nothing is overdue, behind or postponed"
run --check bad/bad-dates.yaml >/dev/null 2>"$tmp/check-err"
run $day --export csv --no-bom "$chart" bad/bad-dates.yaml >"$tmp/bad.csv" 2>"$tmp/err"
is $? 2 "a chart with errors: exit 2"
same "$tmp/err" "$tmp/check-err" "its diagnostics on stderr, file:line:col, as --check gives them"
is "$(sed -n '9p;13p' "$tmp/bad.csv" | tr -d '\r')" "区,项目,a,,2022年13月,,planned,due date unreadable,,,bad/bad-dates.yaml:6
区,项目,e,,,,planned,no due date,,,bad/bad-dates.yaml:10" "what loaded is still exported, an unreadable date said so"
run $day --export json "$chart" bad/bad-dates.yaml 2>/dev/null | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["errors"], d["warnings"], len(d["milestones"]))' >"$tmp/out"
is "$(cat "$tmp/out")" "5 1 13" "JSON counts the errors and warnings of what it holds"

# ---- where it cannot write ------------------------------------------------
formats="csv json"; [ $xlsx = yes ] && formats="$formats xlsx"
for f in $formats; do
    run $day --export $f -o "$tmp/no/such/dir/x.$f" "$chart" >/dev/null 2>"$tmp/err"
    is $? 2 "--export $f to a missing directory: exit 2"
    is "$(cat "$tmp/err")" "guatu: cannot write $tmp/no/such/dir/x.$f: No such file or directory" "and says why"
done
run $day --export csv -o "$tmp" "$chart" 2>"$tmp/err"
is "$? $(cat "$tmp/err")" "2 guatu: cannot write $tmp: Is a directory" "--export csv -o DIRECTORY: exit 2, why"
if [ $xlsx = yes ]; then
    run $day --export xlsx -o "$tmp" "$chart" 2>"$tmp/err"
    is "$? $(cat "$tmp/err")" "2 guatu: cannot write $tmp: Is a directory" "--export xlsx -o DIRECTORY: exit 2, why"
fi
if [ -w /dev/full ]; then
    run $day --export csv -o /dev/full "$chart" 2>"$tmp/err"
    is "$? $(cat "$tmp/err")" "2 guatu: cannot write /dev/full: No space left on device" "a full disk: exit 2, why"
    run $day --export json "$chart" >/dev/full 2>"$tmp/err"
    is "$? $(cat "$tmp/err")" "2 guatu: cannot write standard output: No space left on device" "standard output too"
fi
# libxlsxwriter fails only when the book is complete, and says so on stderr
# in its own words ([ERROR] lines): guatu's line comes last.
if [ -w /dev/full ] && [ $xlsx = yes ]; then
    run $day --export xlsx -o /dev/full "$chart" 2>"$tmp/err"
    is $? 2 "--export xlsx on a full disk: exit 2"
    is "$(tail -n 1 "$tmp/err")" "guatu: cannot write /dev/full: No space left on device (Zip generic error ZIP_ERRNO while creating the xlsx file.)" \
        "and guatu says why in its own line"
fi

# ---- libxlsxwriter is opened when a book is written, not linked -------------
# (it brings minizip and libcrypto, 2 MB and 3 ms for every other run).
if [ $xlsx = yes ]; then
    so=$(sed -n 's/^#define XLSXWRITER_SONAME "\(.*\)"$/\1/p' "$(dirname "$GUATU")/../config.h")
    is "$(ldd "$GUATU" | grep -c -e xlsxwriter -e libcrypto -e minizip)" 0 "guatu does not link $so or what it brings"
    # A library of that name that is not libxlsxwriter (zlib, found first
    # through LD_LIBRARY_PATH): the export says so, and writes nothing.
    mkdir -p "$tmp/lib"
    cp "$(ldd "$GUATU" | awk '$1 ~ /^libz\.so/ { print $3 }')" "$tmp/lib/$so"
    LD_LIBRARY_PATH=$tmp/lib run $day --export xlsx -o "$tmp/l.xlsx" "$chart" >"$tmp/stdout" 2>"$tmp/err"
    is "$? $(cat "$tmp/err")" "2 guatu: cannot write $tmp/l.xlsx: libxlsxwriter cannot be loaded: $tmp/lib/$so: undefined symbol: workbook_new_opt" \
        "libxlsxwriter that will not load: exit 2, why"
    [ ! -e "$tmp/l.xlsx" ]
    is $? 0 "and no file is written"
fi

# ---- nothing lost: a failed export leaves the file as it was ----------------
# The export is written beside the file and renamed over it when complete.
# A file size limit of 64 blocks (with SIGXFSZ ignored, write() says EFBIG)
# cuts every format short on the 10,000-milestone chart: CSV and JSON at
# their own writes; xlsx in libxlsxwriter's temporary files, which it does
# not check (the book it zips is small enough to be written whole), so
# only reading the book back finds it incomplete.
for f in $formats; do
    printf 'last week\n' >"$tmp/keep.$f"
    chmod 640 "$tmp/keep.$f"
    (trap '' XFSZ; ulimit -f 64; LANGUAGE=en exec timeout 60 "$GUATU" $day --export $f -o "$tmp/keep.$f" "$CITY10K") \
        >/dev/null 2>"$tmp/err"
    st=$? why="File too large"
    [ $f = xlsx ] && why="the workbook came out incomplete (is the temporary directory ${TMPDIR:-/tmp} full?)"
    is "$st $(tail -n 1 "$tmp/err")" "2 guatu: cannot write $tmp/keep.$f: $why" \
        "--export $f past a file size limit: exit 2, why"
    is "$(cat "$tmp/keep.$f")" "last week" "and the $f file is what it was"
    is "$(ls "$tmp" | grep -c "^keep\.$f\.")" 0 "and no temporary file is left beside it"
    run $day --export $f -o "$tmp/keep.$f" "$chart" >/dev/null 2>&1
    is "$? $(stat -c %a "$tmp/keep.$f") $(grep -c 'last week' "$tmp/keep.$f")" "1 640 0" \
        "an export that succeeds replaces it (exit 1: overdue), keeping its mode"
done
(umask 027; run $day --export csv -o "$tmp/new.csv" "$chart" >/dev/null 2>&1)
is "$(stat -c %a "$tmp/new.csv")" 640 "a new file gets the mode the umask gives, not mkstemp's 600"
ln -s new.csv "$tmp/link.csv" # new.csv begins with a byte order mark; --no-bom, it will not
run $day --export csv --no-bom -o "$tmp/link.csv" "$chart" >/dev/null 2>&1
[ -L "$tmp/link.csv" ] && [ "$(head -c 5 "$tmp/new.csv")" = "Zone," ]
ok $? "-o a symbolic link: the file it points to is replaced, the link stays"

# ---- usage ----------------------------------------------------------------
usage() { # usage WANT NAME ARGS...: exit 2 and the first line of stderr
    want=$1 name=$2; shift 2
    run "$@" "$chart" >"$tmp/stdout" 2>"$tmp/err"
    is "$? $(head -n 1 "$tmp/err")$(cat "$tmp/stdout")" "2 guatu: $want" "$name"
}
usage "--export: expected csv, json or xlsx, not 'pdf'" "an unknown format" --export pdf
usage "--export xlsx needs -o FILE: a workbook is written to a file" "xlsx without -o" --export xlsx
usage "--export xlsx needs -o FILE: a workbook is written to a file" "xlsx to -o -" --export xlsx -o -
usage "--what and --no-bom are for --export csv: json and xlsx hold milestones and targets both, and have no byte order mark" \
    "--what with json" --export json --what targets
usage "--what and --no-bom are for --export csv: json and xlsx hold milestones and targets both, and have no byte order mark" \
    "--no-bom with xlsx" --export xlsx --no-bom -o "$tmp/u.xlsx"
usage "--what: expected milestones or targets, not 'zones'" "an unknown --what" --export csv --what zones
usage "-o, --what and --no-bom are for --export" "-o without --export" -o "$tmp/u.csv"
usage "--export, --check and --print do different things: give one" "--export with --print" --export csv --print
usage "--view is for --print and the interactive chart, not --export" "--export with --view" --export csv --view targets
usage "--export does not compare with a baseline: use --print --baseline" "--export with --baseline" --export csv -b HEAD
[ ! -e "$tmp/u.xlsx" ] && [ ! -e "$tmp/u.csv" ]
ok $? "a usage error writes no file"

# ---- built without libxlsxwriter ------------------------------------------
# GUATU_TEST_NO_XLSX takes the path a --without-xlsx build takes (the same
# message, before any chart is read); such a build needs no hook.
hook=; [ $xlsx = yes ] && hook=GUATU_TEST_NO_XLSX=1
env $hook "$GUATU" --export xlsx -o "$tmp/n.xlsx" "$chart" >"$tmp/stdout" 2>"$tmp/err"
is "$? $(cat "$tmp/err")" "2 guatu: this guatu was built without libxlsxwriter, so it cannot write xlsx (Debian: apt-get install libxlsxwriter-dev, then build guatu again); --export csv opens in Excel and WPS too" \
    "built without libxlsxwriter: exit 2 and how to get it"
[ ! -e "$tmp/n.xlsx" ]
ok $? "and no file"
env $hook "$GUATU" $day --export csv "$chart" >/dev/null
is $? 1 "csv needs no libxlsxwriter"

done_testing
