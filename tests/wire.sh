#!/bin/sh
# Bytes on the wire: what guatu sends to a real terminal, read from tmux's
# pipe-pane (every byte the program writes to its pane). Over a slow SSH
# link every byte counts (issue #12): moving one row sends a few lines, not
# a screen; only a resize and Ctrl-L repaint the whole screen; an idle
# screen sends nothing. The chart is bench/gen.awk's, 10,000 milestones,
# made by make (CITY10K). TERM is pinned: the bytes depend on its terminfo.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tmux.sh"

# The most one row's move in the milestone pane may send: the marker and
# the bar on two rows, and the detail lines that differ (name, due, status,
# source line); under 200 bytes (issue #12). 255-276 bytes before blanks
# were chosen by cost, 196-218 with a bar as wide as the name's column,
# 173-194 with a bar as wide as the name.
ROW_MAX=199
wire=$tmp/wire
clear_seq=$(TERM=screen tput clear)

# wired W H ARGS...: guatu ARGS in a W x H pane whose output is copied to
# $wire from its first byte: the pane starts idle, is piped, then respawned
# with guatu (the pane's process is guatu itself, as in tmux.sh).
wired() {
    name="guatu-wire-$$"; w=$1; h=$2; shift 2
    servers="$servers $name"
    args=""
    for a in "$@"; do args="$args '$a'"; done
    : >"$wire"
    tmux -L "$name" -f /dev/null new-session -d -x "$w" -y "$h" "sleep 60"
    tmux -L "$name" set-option -g remain-on-exit off >/dev/null 2>&1
    tmux -L "$name" pipe-pane -o "cat >>'$wire'"
    tmux -L "$name" respawn-pane -k \
        "exec env LC_ALL=C.UTF-8 TERM=screen GUATU_NOW=1700000000 TZ=UTC '$GUATU' $args"
    quiet
    settle
}
size() { wc -c <"$wire" | tr -d ' '; }
# quiet [FROM]: waits for the output to pass FROM bytes (at most 5 s: a
# key that sends nothing waits that long), then until nothing more arrives
# for half a second (at most ~6 s in all).
quiet() {
    for i in $(seq 50); do [ "$(size)" -gt "${1:-0}" ] && break; sleep 0.1; done
    last=$(size) same=0
    for i in $(seq 60); do
        sleep 0.1
        now=$(size)
        if [ "$now" = "$last" ]; then
            same=$((same + 1))
            [ $same -ge 5 ] && return 0
        else
            same=0 last=$now
        fi
    done
}
# sent KEY: presses KEY, waits for quiet; $bytes is what it sent, and
# $tmp/sent holds those bytes.
sent() {
    b0=$(size)
    tmux -L "$name" send-keys "$1"
    quiet "$b0"
    bytes=$(($(size) - b0))
    tail -c "$bytes" "$wire" >"$tmp/sent"
}
repaints() { grep -q -F -- "$clear_seq" "$tmp/sent"; }

wired 100 30 --today 2024-01-01 "$CITY10K"
shows '第1经济功能区'; ok $? "the 10k chart is on the screen"
first=$(size)
[ "$first" -gt 2000 ] && [ "$first" -lt 8000 ]; ok $? "the first screen is one screen's worth of bytes ($first)"

# --- idle ---------------------------------------------------------------------
b0=$(size)
sleep 3
is "$(($(size) - b0))" 0 "an idle screen sends nothing for 3 seconds"

# --- one row in the milestone pane ----------------------------------------------
# The cursor's bar, each pane (barof ROW: the text in reverse video on that
# row): the marker and the name as one block, a sub-zone's indent included,
# and nothing after the name or its ellipsis.
esc=$(printf '\033')
barof() { tmux -L "$name" capture-pane -p -e | sed -n "$1p" | awk -v on="$esc[7m" -v e="$esc" '{ n = index($0, on); if (n) { s = substr($0, n + length(on)); print substr(s, 1, index(s, e) - 1) } }'; }
sent j
is "$(barof 4)" ">    第1片区" "the zone pane's bar: marker, indent and name"
sent l
is "$(barof 3)" ">智能制造产业园1-1-1…" "the project pane's bar: marker and the name as cut"
sent l
shows '节点   竣工验收'; ok $? "in the milestone pane of 第1片区's first project"
for k in j j k k; do
    sent $k
    [ "$bytes" -gt 0 ] && [ "$bytes" -le $ROW_MAX ]
    ok $? "$k in the milestone pane sends $bytes bytes (at most $ROW_MAX)"
    ! repaints; ok $? "$k does not repaint the screen"
done
# What keeps it small: the bar (reverse video) is the marker and the name,
# and the blanks after the name are plain.
tmux -L "$name" capture-pane -p -e | sed -n 3p >"$tmp/bar"
grep -q -F "│$(printf '\033[7m')>竣工验收$(printf '\033[0m\033[39m\033[49m')       " "$tmp/bar"
ok $? "the bar is the marker and the name, not the blanks after it"
# A step in the status view: the bar is the cell that names the row's item,
# here the zone's (the whole row of a table sent 396-483 bytes).
sent s
for k in j j k; do
    sent $k
    [ "$bytes" -gt 0 ] && [ "$bytes" -le $ROW_MAX ]
    ok $? "$k in the status view sends $bytes bytes (at most $ROW_MAX)"
done
tmux -L "$name" capture-pane -p -e | sed -n 6p >"$tmp/bar"
grep -q -F "│$(printf '\033[7m')   第1片区      $(printf '\033[0m\033[39m\033[49m')│   40 │" "$tmp/bar"
ok $? "the status view's bar is the zone's cell, between the frame's lines"
sent b
# The targets view: the bar is the target's own cell, not the zone's that
# starts the row.
sent T
sent j
tmux -L "$name" capture-pane -p -e | grep -F "$esc[7m" >"$tmp/bar"
grep -q -F "│$esc[7m 年内开工项目   $esc[0m$esc[39m$esc[49m│" "$tmp/bar"
ok $? "the targets view's bar is the target's cell"
sent q

# --- only a resize and Ctrl-L repaint everything --------------------------------
for k in s b T q t q E q '?' q / 开 Escape o o n N G g NPage PPage r; do
    sent "$k"
    ! repaints; ok $? "$k sends $bytes bytes and no repaint"
done
sent C-l
repaints; ok $? "Ctrl-L repaints the screen ($bytes bytes)"
b0=$(size)
tmux -L "$name" resize-window -x 90 -y 28
quiet "$b0"
tail -c $(($(size) - b0)) "$wire" >"$tmp/sent"
repaints; ok $? "a resize repaints the screen"
b0=$(size)
sleep 3
is "$(($(size) - b0))" 0 "and then sends nothing for 3 seconds"
stop

done_testing
