#!/bin/sh
# The configuration file: which one is read, what each setting does, what a
# broken one says, and what guatu opens when no path is given.
# Makefile.am points XDG_CONFIG_HOME at a directory that does not exist and
# unsets GUATU_CONFIG, so no test reads the user's own configuration.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tmux.sh"
good="$FIXTURES/good/minimal.yaml"
not_started="guatu: not started: fix the configuration (--config /dev/null reads none)"
known="known keys: paths, soon, language, colors, ascii, readonly, log, keys"
export GUATU_NOW=1700000000 TZ=UTC

# msg ARGS...: guatu with English messages (the assertions are on them)
msg() { env LANGUAGE=en timeout 20 "$GUATU" "$@"; }
# cfg FILE: write a configuration from standard input
cfg() { mkdir -p "$(dirname "$1")"; cat >"$1"; }

# --- which file ------------------------------------------------------------
msg --check "$good" >"$tmp/out" 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "no configuration file at the default place is fine"

for where in xdg env opt; do
    printf 'from-%s: 1\n' "$where" | cfg "$tmp/$where/guatu/config.yaml"
done
warn() { echo "$tmp/$1/guatu/config.yaml:1:1: warning: unknown key 'from-$1' in the configuration ($known)"; }
XDG_CONFIG_HOME="$tmp/xdg" msg --check "$good" >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "$(warn xdg)" "\$XDG_CONFIG_HOME/guatu/config.yaml is read"
XDG_CONFIG_HOME="$tmp/xdg" GUATU_CONFIG="$tmp/env/guatu/config.yaml" msg --check "$good" >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "$(warn env)" "GUATU_CONFIG comes before XDG_CONFIG_HOME"
XDG_CONFIG_HOME="$tmp/xdg" GUATU_CONFIG="$tmp/env/guatu/config.yaml" \
    msg --config "$tmp/opt/guatu/config.yaml" --check "$good" >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "$(warn opt)" "--config comes before GUATU_CONFIG"
XDG_CONFIG_HOME="$tmp/xdg" GUATU_CONFIG= msg --check "$good" >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "$(warn xdg)" "an empty GUATU_CONFIG is not set"
mkdir -p "$tmp/home/.config/guatu" && cp "$tmp/xdg/guatu/config.yaml" "$tmp/home/.config/guatu/"
HOME="$tmp/home" XDG_CONFIG_HOME= msg --check "$good" >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "$tmp/home/.config/guatu/config.yaml:1:1: warning: unknown key 'from-xdg' in the configuration ($known)" \
    "XDG_CONFIG_HOME empty: ~/.config/guatu/config.yaml"
HOME="$tmp/home" XDG_CONFIG_HOME=relative/dir msg --check "$good" >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "$tmp/home/.config/guatu/config.yaml:1:1: warning: unknown key 'from-xdg' in the configuration ($known)" \
    "XDG_CONFIG_HOME relative: ignored, as the XDG spec says"
XDG_CONFIG_HOME="$tmp/xdg" msg --config /dev/null --check "$good" >/dev/null 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "--config /dev/null reads no configuration"

# a file named on purpose must be there
msg --config "$tmp/nope.yaml" --check "$good" >"$tmp/out" 2>"$tmp/err"
is "$?" 2 "a missing --config file: exit 2"
is "$(cat "$tmp/err")" "$tmp/nope.yaml: error: cannot read the configuration: No such file or directory
$not_started" "a missing --config file: said, and nothing done"
is "$(cat "$tmp/out")" "" "a missing --config file: nothing on stdout"
GUATU_CONFIG="$tmp/nope.yaml" msg --check "$good" >/dev/null 2>"$tmp/err"
is "$?:$(head -1 "$tmp/err")" "2:$tmp/nope.yaml: error: cannot read the configuration: No such file or directory" \
    "a missing GUATU_CONFIG file: an error"
msg --config "$tmp/xdg" --check "$good" >/dev/null 2>"$tmp/err"
is "$?:$(head -1 "$tmp/err")" "2:$tmp/xdg: error: cannot read the configuration: is a directory" "a directory is not a configuration"
mkfifo "$tmp/fifo"
msg --config "$tmp/fifo" --check "$good" >/dev/null 2>"$tmp/err"
is "$?:$(head -1 "$tmp/err")" "2:$tmp/fifo: error: cannot read the configuration: not a regular file (a pipe or a device)" \
    "a FIFO is refused without waiting for a writer"
msg --config "" --check "$good" >/dev/null 2>"$tmp/err"
is "$?:$(head -1 "$tmp/err")" "2:guatu: --config: expected a file name" "--config ''"

# --- every error: FILE:LINE:COL, nothing done, exit 2 -----------------------
bad() { # bad NAME CONTENT WANT: a configuration (CONTENT, printf's escapes) gives WANT, then not_started
    printf "$2" >"$tmp/bad/$1.yaml"
    msg --config "$tmp/bad/$1.yaml" --check "$good" >"$tmp/out" 2>"$tmp/err"
    is "$?" 2 "$1: exit 2"
    is "$(cat "$tmp/err")" "$3
$not_started" "$1: the message"
    is "$(cat "$tmp/out")" "" "$1: the chart is not read"
}
c="$tmp/bad"
mkdir -p "$c"
bad syntax 'soon: 7\nlog: "unclosed\n' "$c/syntax.yaml:3:1: error: YAML syntax: found unexpected end of stream while scanning a quoted scalar (line 2)"
bad not-mapping '[soon, 7]\n' "$c/not-mapping.yaml:1:1: error: the configuration must be a mapping of settings (soon: 7), not a list"
bad soon-text 'soon: ten\n' "$c/soon-text.yaml:1:7: error: 'soon' must be a number, not 'ten'"
bad soon-half 'soon: 7.5\n' "$c/soon-half.yaml:1:7: error: 'soon' must be a whole number of days from 0 to 3650, not '7.5'"
bad soon-big 'soon: 4000\n' "$c/soon-big.yaml:1:7: error: 'soon' must be a whole number of days from 0 to 3650, not '4000'"
bad soon-negative 'soon: -1\n' "$c/soon-negative.yaml:1:7: error: 'soon' must not be negative"
bad twice 'soon: 7\nsoon: 8\n' "$c/twice.yaml:2:1: error: 'soon' appears twice; the first is used"
bad language 'language: fr\n' "$c/language.yaml:1:11: error: unknown language 'fr': write zh_CN, zh_TW, zh_HK or en"
bad ascii 'ascii: maybe\n' "$c/ascii.yaml:1:8: error: 'ascii' must be true or false, not 'maybe'"
bad readonly 'readonly: [yes]\n' "$c/readonly.yaml:1:11: error: 'readonly' must be text, not a list"
bad colors-text 'colors: red\n' "$c/colors-text.yaml:1:9: error: 'colors' must be a mapping of states to colours, not text"
bad colour 'colors:\n  overdue: crimson\n' \
    "$c/colour.yaml:2:12: error: unknown colour 'crimson' for 'overdue': write black, red, green, yellow, blue, magenta, cyan, white or default"
bad keys-list 'keys: [j]\n' "$c/keys-list.yaml:1:7: error: 'keys' must be a mapping of actions to keys, not a list"
bad key-name 'keys:\n  down: Ctrl-Alt-j\n' \
    "$c/key-name.yaml:2:9: error: 'Ctrl-Alt-j' is not a key: write one character (j), C-f, F1 to F63, or a name such as Enter, Tab, Esc, Space, Down or PageDown (docs/config.md lists them)"
bad key-f64 'keys:\n  down: [j, F64]\n' \
    "$c/key-f64.yaml:2:13: error: 'F64' is not a key: write one character (j), C-f, F1 to F63, or a name such as Enter, Tab, Esc, Space, Down or PageDown (docs/config.md lists them)"
bad key-empty 'keys:\n  help:\n' "$c/key-empty.yaml:2:8: error: 'help' needs a key or a list of keys ([] for none)"
bad key-unquoted 'keys:\n  help: ?\n' "$c/key-unquoted.yaml:2:9: error: YAML syntax: mapping keys are not allowed in this context"
bad key-null 'keys:\n  search: [~]\n' \
    "$c/key-null.yaml:2:12: error: 'search': no key given (write YAML's own characters in quotes: \"~\", \"#\")"
bad key-many 'keys:\n  down: [Enter, Backspace, Up, Down, Left]\n' "$c/key-many.yaml:2:38: error: 'down' has more keys than the 8 an action can have"
bad paths 'paths: [{a: 1}]\n' "$c/paths.yaml:1:9: error: 'paths' must be text, not a mapping"
bad two-docs 'soon: 7\n---\nsoon: 8\n' "$c/two-docs.yaml:2:1: error: only the first YAML document is read: put every setting in one"
bad alias 'a: &x 1\nsoon: *x\n' "$c/alias.yaml:1:1: warning: unknown key 'a' in the configuration ($known)
$c/alias.yaml:2:7: error: aliases are not supported: write out what '*x' stands for"
bad fullwidth 'soon：7\n' "$c/fullwidth.yaml:1:1: error: the configuration must be a mapping of settings (soon: 7), not text
$c/fullwidth.yaml:1:5: note: a full-width colon '：' (U+FF1A) after 'soon': write 'soon: ', with an ordinary colon and a space"
bad control 'soon: "\\e[2J"\n' "$c/control.yaml:1:7: warning: 'soon' holds control or unprintable characters; shown as U+FFFD
$c/control.yaml:1:7: error: 'soon' must be a number, not '�[2J'"
# A broken configuration stops the interactive chart too, before it takes
# the terminal: the message stays, as git's does.
name="guatu-broken-$$"; servers="$servers $name"
tmux -L "$name" -f /dev/null new-session -d -x 60 -y 8 \
    "env LANGUAGE=en '$GUATU' --config '$c/language.yaml' '$good' 2>'$tmp/i.err'; echo \$? >'$tmp/i.rc'"
within 5 test -s "$tmp/i.rc"; ok $? "interactive: a broken configuration ends guatu at once"
is "$(cat "$tmp/i.rc"):$(cat "$tmp/i.err")" "2:$c/language.yaml:1:11: error: unknown language 'fr': write zh_CN, zh_TW, zh_HK or en
$not_started" "interactive: it says why and exits 2"

# --- warnings: the rest of the file counts ------------------------------------
cfg "$tmp/warn.yaml" <<'EOF'
sooon: 3
lang: en
colors:
  overdu: red
  soon: red
  grey: red
keys:
  donw: j
  frobnicate: x
  next-match: m
  down: [n, Down]
EOF
msg --config "$tmp/warn.yaml" --keys >"$tmp/out" 2>"$tmp/err"
is "$?" 0 "warnings only: guatu goes on"
is "$(cat "$tmp/err")" "$tmp/warn.yaml:1:1: warning: unknown key 'sooon' in the configuration (did you mean 'soon'?)
$tmp/warn.yaml:2:1: warning: unknown key 'lang' in the configuration (did you mean 'language'?)
$tmp/warn.yaml:4:3: warning: unknown state 'overdu' in 'colors' (did you mean 'overdue'?)
$tmp/warn.yaml:5:3: warning: unknown state 'soon' in 'colors' (did you mean 'due-soon'?)
$tmp/warn.yaml:6:3: warning: unknown state 'grey' in 'colors' (known states: overdue, due-soon, done, done-late, paused)
$tmp/warn.yaml:8:3: warning: unknown action 'donw' in 'keys' (did you mean 'down'?)
$tmp/warn.yaml:9:3: warning: unknown action 'frobnicate' in 'keys' (docs/config.md lists them)" \
    "unknown keys: warnings with what was meant"
cfg "$tmp/orphan.yaml" <<'EOF'
keys:
  down: [n, Down]
EOF
msg --config "$tmp/orphan.yaml" --keys >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "$tmp/orphan.yaml:2:9: warning: 'n' was the last key of 'next-match', which has none now" \
    "a key taken from the only action that had it: a warning"
grep -q "previous match" "$tmp/out"; ok $? "--keys still lists prev-match"

# --- each setting takes effect, and the command line wins -----------------------
# soon: the status screen's 将到期 (due soon) counts
run --print --today 2023-03-01 -w 80 "$DATA" >"$tmp/soon14.txt"
run --print --today 2023-03-01 -w 80 --soon 60 "$DATA" >"$tmp/soon60.txt"
echo 'soon: 60' | cfg "$tmp/soon.yaml"
run --config "$tmp/soon.yaml" --print --today 2023-03-01 -w 80 "$DATA" >"$tmp/out"
same "$tmp/out" "$tmp/soon60.txt" "soon: 60 prints as --soon 60 does"
sed -n 3p "$tmp/out" | grep -q '将到期 4 '; ok $? "soon: 60: four milestones are due soon"
run --config "$tmp/soon.yaml" --soon 14 --print --today 2023-03-01 -w 80 "$DATA" >"$tmp/out"
same "$tmp/out" "$tmp/soon14.txt" "--soon 14 overrides soon: 60"
sed -n 3p "$tmp/out" | grep -q '将到期 0 '; ok $? "--soon 14: none due soon"

# ascii
run --print --today 2023-03-01 -w 80 --ascii "$DATA" >"$tmp/ascii.txt"
echo 'ascii: true' | cfg "$tmp/ascii.yaml"
run --config "$tmp/ascii.yaml" --print --today 2023-03-01 -w 80 "$DATA" >"$tmp/out"
same "$tmp/out" "$tmp/ascii.txt" "ascii: true prints as --ascii does"
sed -n 5p "$tmp/out" | grep -q '^+-*+'; ok $? "ascii: true: the frame is ASCII"
echo 'ascii: false' | cfg "$tmp/noascii.yaml"
run --config "$tmp/noascii.yaml" --print --today 2023-03-01 -w 80 --ascii "$DATA" >"$tmp/out"
same "$tmp/out" "$tmp/ascii.txt" "--ascii wins over ascii: false"

# colours: the one table of looks, for --print --color and the screen
run --print --color=always --today 2023-03-01 -w 80 "$DATA" >"$tmp/color.txt"
grep -c "$(printf '\033')\[0;1;31m" "$tmp/color.txt" >"$tmp/n31"
cfg "$tmp/colors.yaml" <<'EOF'
colors:
  overdue: blue
  due-soon: default
  done: cyan
EOF
run --config "$tmp/colors.yaml" --print --color=always --today 2023-03-01 -w 80 "$DATA" >"$tmp/out"
sed "s/$(printf '\033')\[0;1;31m/$(printf '\033')[0;1;34m/g" "$tmp/color.txt" >"$tmp/want"
same "$tmp/out" "$tmp/want" "colors: overdue: blue: red bold becomes blue bold, and only that shows here"
[ "$(cat "$tmp/n31")" -gt 0 ]; ok $? "the chart has overdue rows in red to begin with"
run --config "$tmp/colors.yaml" --print --no-color --today 2023-03-01 -w 80 "$DATA" >"$tmp/out"
grep -q "$(printf '\033')" "$tmp/out"; ok $((!$?)) "--no-color wins over colors"

# paths, relative to the configuration's directory, and ~/
mkdir -p "$tmp/office/charts" "$tmp/elsewhere"
cp "$DATA/01-ziyang.yaml" "$DATA/02-yanjiang.yaml" "$tmp/office/charts/"
echo 'paths: [charts/01-ziyang.yaml, ~/c2.yaml]' | cfg "$tmp/office/config.yaml"
cp "$DATA/02-yanjiang.yaml" "$tmp/home/c2.yaml"
two=$(msg --check "$DATA/01-ziyang.yaml" "$DATA/02-yanjiang.yaml")
out=$(cd "$tmp/elsewhere" && HOME="$tmp/home" msg --config ../office/config.yaml --check)
is "$?:$out" "0:$two" \
    "paths: read when no path is given, relative to the configuration file"
out=$(cd "$tmp/elsewhere" && HOME="$tmp/home" msg --config ../office/config.yaml --check "$good")
is "$out" "1 file, 1 zone, 1 project, 2 milestones, 0 targets; 0 errors, 0 warnings" "a path on the command line replaces the configured ones"
echo 'paths: charts' | cfg "$tmp/office/one.yaml"
out=$(cd / && msg --config "$tmp/office/one.yaml" --check)
is "$out" "$two" "paths: one text, a directory"

# language: kept for the translations (the i18n work reads it); valid ones say nothing
for l in zh_CN zh_TW zh_HK en; do
    echo "language: $l" | cfg "$tmp/lang.yaml"
    msg --config "$tmp/lang.yaml" --check "$good" >/dev/null 2>"$tmp/err"
    is "$?:$(cat "$tmp/err")" "0:" "language: $l is accepted"
done

# --- no path given ------------------------------------------------------------
mkdir -p "$tmp/empty" "$tmp/with-yaml" "$tmp/with-d/guatu.d"
cp "$good" "$tmp/with-yaml/guatu.yaml"
cp "$DATA/01-ziyang.yaml" "$DATA/04-guangan.yaml" "$tmp/with-d/guatu.d/"
out=$(cd "$tmp/with-yaml" && msg --check)
is "$?:$out" "0:1 file, 1 zone, 1 project, 2 milestones, 0 targets; 0 errors, 0 warnings" "no path: ./guatu.yaml"
out=$(cd "$tmp/with-d" && msg --check)
is "$?:$out" "0:$(msg --check "$DATA/01-ziyang.yaml" "$DATA/04-guangan.yaml")" "no path: ./guatu.d/"
(cd "$tmp/empty" && XDG_CONFIG_HOME="$tmp/empty-xdg" msg --check) >"$tmp/out" 2>"$tmp/err"
is "$?" 2 "no path, nothing configured, nothing here: exit 2"
is "$(cat "$tmp/err")" "guatu: no chart given, none configured, and no guatu.yaml or guatu.d/ here
Name a chart file or a directory of them:  guatu CHART.yaml
or list them under 'paths:' in $tmp/empty-xdg/guatu/config.yaml (see guatu(1)).
Sample charts to start from: $PKGDATADIR/examples" "and says how to start and where the examples are"
is "$(cat "$tmp/out")" "" "nothing on stdout"
out=$(cd "$tmp/with-yaml" && msg --config "$tmp/office/one.yaml" --check)
is "$out" "$two" "configured paths come before ./guatu.yaml"

# --- docs/config.md's example: every key, taken without a word -------------------
mkdir -p "$tmp/doc"
awk '/^```yaml$/ { on = 1; next } /^```$/ { on = 0 } on' "$srcdir/docs/config.md" >"$tmp/doc/config.yaml"
is "$(sed -n 's/^\([a-z]*\):.*/\1/p' "$tmp/doc/config.yaml" | tr '\n' ' ')" "paths soon language colors ascii readonly log keys " \
    "docs/config.md's example gives every key"
run --config "$tmp/doc/config.yaml" --keys >"$tmp/keys" 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "the example is read with no diagnostic"
# The example says language: zh_TW, which counts here (LC_ALL=C.UTF-8).
grep -q "^Ctrl-p	把螢幕記入日誌" "$tmp/keys"; ok $? "the example's keys are bound (log: C-p), in its language (zh_TW)"
grep -q "^p Up	上移" "$tmp/keys"; ok $? "the example's keys are bound (up: [p, Up])"

# and guatu(1)'s, in FILES
awk '/^\.SH FILES/ { f = 1 } f && /^\.nf/ { on = 1; next } on && /^\.fi/ { exit } on' "$srcdir/docs/guatu.1" |
    sed 's/\\-/-/g' >"$tmp/doc/man.yaml"
grep -q '^keys:' "$tmp/doc/man.yaml"; ok $? "guatu(1) has an example"
run --config "$tmp/doc/man.yaml" --keys >"$tmp/keys" 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "guatu(1)'s example is read with no diagnostic"
grep -q "^Q Ctrl-q	从任何视图退出" "$tmp/keys"; ok $? "guatu(1)'s example binds keys"

# and the README's
awk '/^### The configuration file/ { f = 1; next } f && /^    / { on = 1; print substr($0, 5); next } on { exit }' \
    "$srcdir/README" >"$tmp/doc/readme.yaml"
grep -q '^keys:' "$tmp/doc/readme.yaml"; ok $? "the README has an example"
run --config "$tmp/doc/readme.yaml" --keys >"$tmp/keys" 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "the README's example is read with no diagnostic"
grep -q "^Ctrl-p	把屏幕记入日志" "$tmp/keys"; ok $? "the README's example binds keys"

# --- keys: --keys, the help, the footer, and the key itself ----------------------
cfg "$tmp/keys.yaml" <<'EOF'
keys:
  down: [n, Down]
  next-match: m
  help: [F2, "?"]
  filter: C-o
  quit: Esc
  back: []
EOF
run --config "$tmp/keys.yaml" --keys >"$tmp/keys" 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "a rebinding with no problem says nothing"
grep -q "^n Down	下移$" "$tmp/keys"; ok $? "--keys shows n for down"
grep -q "^m	下一个匹配$" "$tmp/keys"; ok $? "--keys shows m for next-match"
grep -q "^F2 ?	帮助$" "$tmp/keys"; ok $? "--keys shows F2 then ? for help"
grep -q "^Ctrl-o	只看要关注的" "$tmp/keys"; ok $? "--keys shows Ctrl-o for filter"
grep -q "^Esc	从任何视图退出$" "$tmp/keys"; ok $? "--keys shows Esc for quit"
grep -q "返回上一视图" "$tmp/keys"; ok $((!$?)) "back: [] unbinds it"

start keys 100 50 --config "$tmp/keys.yaml" --today 2023-03-01 "$DATA"
is "$(screen | tail -1)" "n/k 移动  h/l 窗格  / 搜索  Ctrl-o 筛选  e 编辑  r 载入  s 状态  F2 帮助  q 退出" \
    "the footer shows the rebound keys: n, Ctrl-o, F2"
keys n
is "$(selected 1)" "清泉片区            !4" "n moves down"
keys j
is "$(selected 1)" "清泉片区            !4" "j no longer does"
keys F2
shows "下移"; ok $? "F2 opens the help"
screen | grep -q '^  n Down  *下移$'; ok $? "the help lists n Down for down"
screen | grep -q '^  F2 ?  *帮助$'; ok $? "the help lists F2 ? for help"
pid=$(pane_pid)
keys Escape
within 5 stopped "$pid"; ok $? "Esc quits, as rebound"

# readonly and log, in the interactive chart
cfg "$tmp/ro/config.yaml" <<'EOF'
readonly: true
log: logs/screen.log
EOF
start ro 100 12 --config "$tmp/ro/config.yaml" --today 2023-03-01 "$DATA"
line 12 | grep -q 'e 编辑'; ok $((!$?)) "readonly: true: the footer offers no editing"
keys e
hides "vi"; ok $? "readonly: e does nothing"
keys p
within 5 test -s "$tmp/ro/logs/screen.log"; ok $? "log: p appends to the configured log, relative to the configuration"
head -1 "$tmp/ro/logs/screen.log" | grep -q "^guatu 2023-11-14 22:13:20 · 浏览 browse · $DATA (5 个文件)$"; ok $? "the log holds the block p wrote"
stop
start ro2 100 12 --config "$tmp/ro/config.yaml" --log "$tmp/cli.log" --today 2023-03-01 "$DATA"
keys p
within 5 test -s "$tmp/cli.log"; ok $? "--log wins over log:"
stop
start rw 100 12 --today 2023-03-01 "$DATA"
line 12 | grep -q 'e 编辑'; ok $? "without readonly the footer offers e"
stop

done_testing
