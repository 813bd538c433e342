#!/bin/sh
# make bench (docs/PERFORMANCE.md): guatu against the floor, a bare libyaml
# event parse of the same chart, at 1k, 10k, 50k and 200k milestones; its
# growth from 50k to 200k; taskwarrior and calcurse on the 10k chart; and the
# CPU each key of the interactive chart costs on the 200k chart. Whole-process
# medians of BENCH_RUNS runs (default 5); the key presses BENCH_KEY_ROUNDS
# times (default 20). Ratios are what to read: absolute times depend on the
# machine. Exits 1 when a growth check fails, 2 when something breaks.
#
# Run by make, from the build directory, with srcdir and AWK set.
set -eu
: "${srcdir:=.}"
AWK=${AWK:-awk}
out=${BENCH_OUT:-bench/out}
runs=${BENCH_RUNS:-5}
rounds=${BENCH_KEY_ROUNDS:-20}
today=2024-01-01
sizes='1000 10000 50000 200000'
# The views --print writes, one line: status is the default, any other is
# asked for with --view NAME and skipped, with a note, until guatu has it.
views='status targets timeline'
# The largest growth from 50k to 200k (4x the milestones) that passes.
max_growth=4.4

case $runs in '' | *[!0-9]* | 0) echo "bench: BENCH_RUNS must be a positive number" >&2; exit 2 ;; esac
case $rounds in '' | *[!0-9]* | 0) echo "bench: BENCH_KEY_ROUNDS must be a positive number" >&2; exit 2 ;; esac
# One locale and zone for every program, so runs compare; guatu would switch
# to UTF-8 by itself, the peers read dates in TZ.
LC_ALL=C.UTF-8 TZ=UTC
export LC_ALL TZ
res=$out/results
mkdir -p "$out" "$res"

k() { case $1 in *000) echo "$(($1 / 1000))k" ;; *) echo "$1" ;; esac; }

# chart N: the chart of N milestones, made once and kept until gen.awk
# changes. Written aside and renamed, so a stopped run leaves no half file.
chart() {
    f=$out/city-$(k "$1").yaml
    if [ ! -s "$f" ] || [ "$srcdir/bench/gen.awk" -nt "$f" ]; then
        $AWK -v N="$1" -f "$srcdir/bench/gen.awk" >"$f.tmp"
        mv "$f.tmp" "$f"
    fi
    echo "$f"
}

# Functions share the script's variables: theirs start with _.

# once NAME CMD...: one run of CMD appended to results/NAME as
# "wall-s peak-KiB status cpu-s".
once() {
    _to=$1
    shift
    bench/measure "$@" >>"$res/$_to"
}

# statuses NAME OK...: fails, naming the command, unless every run exited
# with one of OK.
statuses() {
    _of=$1
    shift
    _bad=$($AWK -v ok=" $* " 'index(ok, " " $3 " ") == 0 { print $3; exit }' "$res/$_of")
    [ -z "$_bad" ] || { echo "bench: $_of exited with status $_bad" >&2; exit 2; }
}

# med NAME COLUMN: the median of a column of results/NAME (1 wall s,
# 2 peak KiB, 4 cpu s): the middle run, or the mean of the middle two.
med() {
    $AWK -v c="$2" '{ print $c }' "$res/$1" | sort -n |
        $AWK '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio NAME BASE: the median over the runs of NAME's CPU time over BASE's
# in the same round. The runs are interleaved, so each round's pair ran
# side by side: a machine that is busy for a while (other users, CI)
# slows both, and the ratio keeps. Medians of each taken apart do not: on a
# shared machine one command's median can land in a quiet spell and the
# other's in a busy one.
ratio() {
    paste "$res/$1" "$res/$2" | $AWK '{ print $4 / $8 }' | sort -n |
        $AWK '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

calc() { $AWK "BEGIN { printf $1 }"; }

# what NAME: the command a result name stands for.
what() {
    case $1 in
    floor) echo 'libyaml event parse (floor)' ;;
    check) echo 'guatu --check' ;;
    status) echo 'guatu --print (status view)' ;;
    *) echo "guatu --print --view $1" ;;
    esac
}

# ---- the machine and the charts ---------------------------------------

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | sed 1q)
mem=$($AWK '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
rev=$(cd "$srcdir" && git describe --always --dirty 2>/dev/null || echo "not a git tree")
echo "guatu make bench, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores (nproc), ${cpu:-CPU unknown}, ${mem:-memory unknown}"
echo "guatu: $(src/guatu --version) ($rev); runs: $runs (BENCH_RUNS), key rounds: $rounds (BENCH_KEY_ROUNDS)"
# Other work on the machine slows every figure; say how busy it was.
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "whole-process medians; x floor = CPU time / the floor's (a bare libyaml event parse of the same file),"
echo "  the median of the ratios of runs made side by side"
echo

for n in $sizes; do
    f=$(chart "$n")
    set -- $(cksum <"$f")
    echo "chart $(k "$n"): $f, $(calc "\"%.2f MiB\", $2 / 1048576"), cksum $1"
done
big=$(chart 200000)

# A view guatu does not know yet makes it exit 2 with a usage error: skip
# it with a note. Any other failure is a failure.
tiny=$(chart 10)
shown=
for v in $views; do
    [ "$v" = status ] && { shown="$shown $v"; continue; }
    st=0
    src/guatu --print --view "$v" --today $today "$tiny" >/dev/null 2>"$res/view.err" || st=$?
    if [ $st = 2 ] && grep -q "guatu --help" "$res/view.err"; then
        echo "view $v: skipped, guatu --print --view $v is not there yet ($(sed 1q "$res/view.err"))"
    elif [ $st -gt 1 ]; then
        echo "bench: guatu --print --view $v failed on $tiny (exit $st):" >&2
        cat "$res/view.err" >&2
        exit 2
    else
        shown="$shown $v"
    fi
done
echo

# ---- guatu against the floor at each size ------------------------------

# Runs interleaved (floor, check, each view; again), so a machine that slows
# down for a while slows them all alike.
for n in $sizes; do
    f=$(chart "$n")
    rm -f "$res/$n."*
    i=0
    while [ $i -lt "$runs" ]; do
        once "$n.floor" bench/yamlparse "$f"
        once "$n.check" src/guatu --check --today $today "$f"
        for v in $shown; do
            if [ "$v" = status ]; then
                once "$n.$v" src/guatu --print --width 120 --today $today "$f"
            else
                once "$n.$v" src/guatu --print --view "$v" --width 120 --today $today "$f"
            fi
        done
        i=$((i + 1))
    done
    statuses "$n.floor" 0
    statuses "$n.check" 0
    for v in $shown; do statuses "$n.$v" 0 1; done # --print: 1 = something is overdue
done

# Ratios are taken on CPU time (user + system): on a shared machine the wall
# time also holds the waits for a core. The wall time is shown beside it, to
# catch a program that sleeps.
echo "peak/file = peak RSS / chart size; model/file = (peak RSS - the floor's peak RSS) / chart size"
printf '%-6s %-29s %8s %8s %8s %8s %9s %9s\n' size command 'cpu ms' 'x floor' 'wall ms' 'peak MiB' peak/file model/file
for n in $sizes; do
    bytes=$(wc -c <"$(chart "$n")")
    fm=$(med "$n.floor" 2)
    for c in floor check $shown; do
        $AWK -v s="$(k "$n")" -v w="$(what "$c")" -v t="$(med "$n.$c" 1)" -v u="$(med "$n.$c" 4)" \
            -v x="$(ratio "$n.$c" "$n.floor")" -v m="$(med "$n.$c" 2)" -v fm="$fm" -v b="$bytes" 'BEGIN {
            printf "%-6s %-29s %8.1f %8.2f %8.1f %8.1f %9.2f %9.2f\n", s, w, u * 1000, x, t * 1000, m / 1024, m * 1024 / b, (m - fm) * 1024 / b
        }'
    done
done
echo

# ---- growth from 50k to 200k -------------------------------------------

failed=0
echo "growth from 50k to 200k milestones (4x the chart; guatu's CPU time and peak memory must be <= ${max_growth}x):"
for c in check $shown floor; do
    line=$($AWK -v w="$(what "$c")" -v judge="$([ "$c" = floor ] && echo 0 || echo 1)" -v max="$max_growth" \
        -v u1="$(med "50000.$c" 4)" -v u2="$(med "200000.$c" 4)" -v t1="$(med "50000.$c" 1)" -v t2="$(med "200000.$c" 1)" \
        -v m1="$(med "50000.$c" 2)" -v m2="$(med "200000.$c" 2)" 'BEGIN {
        gu = u2 / u1; gt = t2 / t1; gm = m2 / m1
        printf "  %-29s cpu %5.2fx %s  peak memory %5.2fx %s  (wall %5.2fx)\n", w, gu, !judge ? "    " : gu <= max ? "PASS" : "FAIL", gm, !judge ? "    " : gm <= max ? "PASS" : "FAIL", gt
    }')
    echo "$line"
    case $line in *FAIL*) failed=1 ;; esac
done
echo

# ---- a baseline from git, on the 200k chart ------------------------------

# The chart committed once, one due date moved since: --check against
# HEAD (the same file read through git cat-file and compared by id path)
# and plain --check, interleaved. The baseline loads in a thread beside the
# chart, so its wall time is the figure the user waits for.
if command -v git >/dev/null 2>&1; then
    repo=$out/baseline-repo
    if [ ! -e "$repo/.git" ] || [ "$big" -nt "$repo/city.yaml" ]; then
        rm -rf "$repo"
        mkdir -p "$repo"
        cp "$big" "$repo/city.yaml"
        git -C "$repo" init -q
        git -C "$repo" add city.yaml
        GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@localhost GIT_COMMITTER_NAME=bench \
            GIT_COMMITTER_EMAIL=b@localhost git -C "$repo" commit -q -m plan
        sed -i '0,/2023-06-30/s//2023-09-30/' "$repo/city.yaml"
    fi
    rm -f "$res/bl."*
    i=0
    while [ $i -lt "$runs" ]; do
        once bl.plain src/guatu --check --today $today "$repo/city.yaml"
        once bl.base src/guatu --check --today $today --baseline HEAD "$repo/city.yaml"
        i=$((i + 1))
    done
    statuses bl.plain 0
    statuses bl.base 0
    $AWK -v t1="$(med bl.plain 1)" -v t2="$(med bl.base 1)" -v u1="$(med bl.plain 4)" -v u2="$(med bl.base 4)" \
        -v m1="$(med bl.plain 2)" -v m2="$(med bl.base 2)" 'BEGIN {
        printf "baseline from git, 200k: --check --baseline HEAD / --check: wall %.2fx, cpu %.2fx, peak memory %.2fx\n", t2 / t1, u2 / u1, m2 / m1
    }'
else
    echo "baseline from git: skipped, no git"
fi
echo

# ---- peers on the 10k chart ---------------------------------------------

mid=$(chart 10000)
have_task=0 have_cal=0
command -v task >/dev/null 2>&1 && have_task=1
command -v calcurse >/dev/null 2>&1 && have_cal=1
echo "peers on the 10k chart, converted by gen.awk (same milestones, each due form as its last day):"
if [ $have_task = 1 ]; then
    # Imported once and kept, with the first report run untimed: it moves
    # the completed and deleted tasks out of pending.data, as any user's
    # first report would. The stamp says the import finished.
    tw=$out/taskwarrior
    TASKRC=$tw/taskrc # an empty one: without it task asks to make one
    export TASKRC
    if [ ! -e "$tw/imported" ] || [ "$mid" -nt "$tw/imported" ]; then
        rm -rf "$tw"
        mkdir -p "$tw"
        : >"$tw/taskrc"
        $AWK -v N=10000 -v FORMAT=task -f "$srcdir/bench/gen.awk" >"$tw/tasks.json"
        task rc.data.location="$tw/data" rc.confirmation=off rc.verbose=nothing rc.hooks=off \
            import "$tw/tasks.json" >/dev/null
        task rc.data.location="$tw/data" rc.confirmation=off rc.verbose=nothing \
            due.before:$today status:pending list >/dev/null
        : >"$tw/imported"
    fi
fi
if [ $have_cal = 1 ]; then
    cc=$out/calcurse
    if [ ! -s "$cc/apts" ] || [ "$mid" -nt "$cc/apts" ]; then
        mkdir -p "$cc"
        : >"$cc/todo" # calcurse will not start without one
        $AWK -v N=10000 -v FORMAT=calcurse -f "$srcdir/bench/gen.awk" >"$cc/apts.tmp"
        mv "$cc/apts.tmp" "$cc/apts"
    fi
fi
rm -f "$res/peer."*
i=0
while [ $i -lt "$runs" ]; do
    once peer.guatu src/guatu --print --width 120 --today $today "$mid"
    [ $have_task = 0 ] || once peer.task task rc.data.location="$tw/data" \
        rc.confirmation=off rc.verbose=nothing due.before:$today status:pending list
    [ $have_cal = 0 ] || once peer.calcurse calcurse -D "$cc" --read-only -s01/01/2024 -r30
    i=$((i + 1))
done
statuses peer.guatu 0 1
peer() { # peer NAME LABEL
    $AWK -v w="$2" -v u="$(med "peer.$1" 4)" -v x="$(ratio "peer.$1" peer.guatu)" -v t="$(med "peer.$1" 1)" \
        -v m="$(med "peer.$1" 2)" 'BEGIN { printf "  %-60s %8.1f %8.2f %8.1f %8.1f\n", w, u * 1000, x, t * 1000, m / 1024 }'
}
printf '  %-60s %8s %8s %8s %8s\n' '' 'cpu ms' 'x guatu' 'wall ms' 'peak MiB'
peer guatu "guatu --print --today $today (overdue rows)"
if [ $have_task = 1 ]; then
    statuses peer.task 0
    peer task "taskwarrior $(task --version): due.before:$today status:pending list"
fi
if [ $have_cal = 1 ]; then
    statuses peer.calcurse 0
    peer calcurse "calcurse $(calcurse --version | sed -n '1s/^calcurse \([^ ]*\).*/\1/p'): --read-only -s01/01/2024 -r30"
fi
missing=
[ $have_task = 1 ] || missing=taskwarrior
[ $have_cal = 1 ] || missing="${missing:+$missing }calcurse"
[ -z "$missing" ] || echo "  not installed, skipped: $missing (Debian: apt-get install $missing)"
echo

# ---- keys of the interactive chart, on the 200k chart ---------------------

# keytable RESULTS: the table of a bench/keys run.
keytable() {
    $AWK -F '\t' -v fc="$(med 200000.floor 4)" 'BEGIN {
        printf "  %9s %8s %9s %8s %4s  %s\n", "cpu ms", "x floor", "wall ms", "bytes", "n", "key"
    }
    {
        label = $1 == "start" ? "start: load and first screen" : $1
        printf "  %9.2f %8.4f %9.1f %8d %4d  %s\n", $3, $3 / 1000 / fc, $4, $5, $2, label
    }' "$1"
}

# e runs the editor: one that exits at once, so what is measured is guatu
# handing the terminal over, taking it back and reloading. p writes the
# screen to a log of its own (XDG_STATE_HOME must be absolute, or it is not
# taken).
VISUAL=true EDITOR=true XDG_STATE_HOME=$(cd "$out" && pwd)/state
export VISUAL EDITOR XDG_STATE_HOME
echo "keys on the 200k chart (bench/keys.txt; a 120x40 pty, xterm-256color, C.UTF-8; medians of $rounds rounds):"
echo "  cpu ms = the key's CPU time; x floor = that / the CPU of a bare parse of the chart;"
echo "  wall ms = from the key to the last byte drawn; bytes = written to the terminal"
bench/keys -r "$rounds" "$srcdir/bench/keys.txt" src/guatu --today $today "$big" >"$res/keys"
keytable "$res/keys"
echo
# B and H need a baseline and git: the repository of the baseline run above.
if [ -e "${repo:-}/.git" ]; then
    echo "keys that need git, on the same chart committed, one due date moved since (bench/keys-git.txt,"
    echo "  guatu --baseline HEAD; medians of $rounds rounds): the start loads the baseline too, r compares"
    echo "  with it; H runs git log in a child, whose CPU is not in cpu ms, only its wait in wall ms"
    bench/keys -r "$rounds" "$srcdir/bench/keys-git.txt" src/guatu --today $today --baseline HEAD "$repo/city.yaml" \
        >"$res/keys-git"
    keytable "$res/keys-git"
else
    echo "keys that need git (B, H): skipped, no git"
fi
echo

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
if [ $failed = 1 ]; then
    echo
    echo "bench: FAIL: guatu grows more than ${max_growth}x from 50k to 200k milestones" >&2
    exit 1
fi
