# Helpers for driving guatu in a real terminal: a private tmux server per
# session (-L, -f /dev/null), keys with send-keys, the screen with
# capture-pane. Sourced after lib.sh.
servers=""
cleanup_tmux() { for s in $servers; do tmux -L "$s" kill-server 2>/dev/null; done; }
# A sanitizer's report (LeakSanitizer's at exit, above all) written in a
# pane would go with the pane: start() sends them to $tmp/sanitizer.PID
# instead, and the test fails (exit status 1) if any was written once every
# guatu it started has exited (issue #14).
pids=""
sanitizer_reports() {
    for p in $pids; do within 5 stopped "$p" || echo "# guatu $p is still running" >&2; done
    set -- "$tmp"/sanitizer.*
    [ -e "$1" ] || return 0
    for f in "$@"; do sed 's/^/# /' "$f" >&2; done
    echo "# sanitizer reports above: $*" >&2
    return 1
}
trap 'st=$?; cleanup_tmux; sanitizer_reports || st=1; rm -rf "$tmp"; exit $st' EXIT

# start NAME W H ARGS...: guatu ARGS in a W x H terminal; the pane's process
# is guatu itself (exec), so its pid is the pane's. $env_extra adds
# VAR='value' words to its environment; $locale_env replaces the locale
# (env options such as -u must come first, so it does).
env_extra=""
locale_env="LC_ALL=C.UTF-8"
sanitizer_env="ASAN_OPTIONS='${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}log_path=$tmp/sanitizer' UBSAN_OPTIONS='${UBSAN_OPTIONS:-}${UBSAN_OPTIONS:+:}print_stacktrace=1:log_path=$tmp/sanitizer'"
start() {
    name="guatu-$1-$$"; w=$2; h=$3; shift 3
    servers="$servers $name"
    args=""
    for a in "$@"; do args="$args '$a'"; done
    tmux -L "$name" -f /dev/null new-session -d -x "$w" -y "$h" \
        "exec env $locale_env GUATU_NOW=1700000000 TZ=UTC $sanitizer_env $env_extra '$GUATU' $args"
    tmux -L "$name" set-option -g remain-on-exit off >/dev/null 2>&1
    pids="$pids $(pane_pid)"
    settle
}
# settle: wait until the screen shows something and has not changed for
# three looks in a row (at most ~5 s).
settle() {
    prev="" same=0
    for i in $(seq 100); do
        sleep 0.05
        cur=$(tmux -L "$name" capture-pane -p 2>/dev/null) || return 0
        if [ "$cur" = "$prev" ] && [ -n "$(printf '%s' "$cur" | tr -d ' \n')" ]; then
            same=$((same + 1))
            [ $same -ge 3 ] && return 0
        else
            same=0
        fi
        prev=$cur
    done
}
keys() { tmux -L "$name" send-keys "$@"; settle; }
literal() { tmux -L "$name" send-keys -l "$1"; settle; }
screen() { tmux -L "$name" capture-pane -p; }
line() { screen | sed -n "$1p"; }
resize() { tmux -L "$name" resize-window -x "$1" -y "$2"; settle; }
pane_pid() { tmux -L "$name" display-message -p '#{pane_pid}'; }
# selected ROWS: the lines that hold the selection marker ">" in pane N
# (1 zones, 2 projects, 3 milestones), as text without the frame.
selected() {
    screen | awk -v p="$1" -F'│' 'NR > 2 && $(p + 1) ~ /^>/ { s = $(p + 1); sub(/^> */, "", s); sub(/ +$/, "", s); print s; exit }'
}
stop() { tmux -L "$name" kill-server 2>/dev/null; }
# within SECONDS CMD...: true as soon as CMD succeeds, polling for at most SECONDS.
within() {
    limit=$(( $1 * 10 )); shift
    for i in $(seq "$limit"); do "$@" && return 0; sleep 0.1; done
    return 1
}
# running PID: the process exists and has not exited (a zombie has exited:
# whoever should reap it may be gone already, as a tmux server killed with
# its last pane is).
running() { [ -r "/proc/$1/stat" ] && ! sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | grep -q '^[ZX]'; }
stopped() { ! running "$1"; }
shows() { screen | grep -q -- "$1"; }
hides() { ! screen | grep -q -- "$1"; }
