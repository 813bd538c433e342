#!/bin/sh
# The bash completion (completion/guatu.bash): every option src/main.c
# accepts, the values of --view and --color, and chart paths.
. "$srcdir/tests/lib.sh"
script="$srcdir/completion/guatu.bash"
# complete WORD...: what the completion offers for the last word, one a line.
complete_words() {
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _guatu; printf "%s\n" "${COMPREPLY[@]}"' \
        sh "$script" guatu "$@" | LC_ALL=C sort
}

# What main.c accepts: its long options and getopt's short ones.
sed -n '/static const struct option longs\[\]/,/};/p' "$srcdir/src/main.c" |
    grep -o '{"[a-z0-9-]*"' | sed 's/{"/--/; s/"//' >"$tmp/accepted"
shorts=$(grep -o 'getopt_long(argc, argv, "[^"]*"' "$srcdir/src/main.c" | sed 's/.*"\(.*\)"/\1/; s/^://; s/://g')
[ -n "$shorts" ] && [ "$(wc -l <"$tmp/accepted")" -gt 10 ]; ok $? "main.c's options are found ($(wc -l <"$tmp/accepted") long, -$shorts)"
printf '%s' "$shorts" | fold -w1 | sed 's/^/-/' >>"$tmp/accepted"
LC_ALL=C sort -o "$tmp/accepted" "$tmp/accepted"
complete_words - >"$tmp/offered"
same "$tmp/offered" "$tmp/accepted" "'-' offers exactly the options main.c accepts"
is "$(complete_words --ba | tr '\n' ' ')" "--baseline " "a prefix completes the option"
for o in $(grep '^--' "$tmp/accepted"); do
    case $o in --colour) continue ;; esac # the British spelling of --color, not in the help
    "$GUATU" --help | grep -q -- "$o\\b" || { ok 1 "$o is in --help"; continue; }
done
ok 0 "every option offered is in --help"

is "$(complete_words --view '' | tr '\n' ' ')" "browse status targets timeline " "--view: the views"
views=$("$GUATU" --help | sed -n '/--view NAME/,/--color/p' | grep -o 'status\|targets\|timeline\|browse' | LC_ALL=C sort | tr '\n' ' ')
is "$views" "browse status targets timeline " "which are the views --help names"
is "$(complete_words --export "" | tr "\n" " ")" "csv json xlsx " "--export: the formats"
is "$(complete_words --what t | tr "\n" " ")" "targets " "--what: milestones or targets"
is "$(complete_words --color = a | tr '\n' ' ')" "always auto " "--color=: when (the word split at =)"
is "$(complete_words --color=n | tr '\n' ' ')" "--color=never " "--color=: when (one word)"
is "$(complete_words --width '')" "" "--width: a number, nothing offered"
is "$(complete_words --today 2)" "" "--today: a date, nothing offered"

# Chart paths: directories, and .yaml/.yml files in any case; nothing else.
mkdir "$tmp/d" "$tmp/d/my charts" "$tmp/d/sub"
touch "$tmp/d/a.yaml" "$tmp/d/B.YML" "$tmp/d/c.Yaml" "$tmp/d/notes.txt" "$tmp/d/yaml" "$tmp/d/sub/x.yaml"
cd "$tmp/d"
is "$(complete_words '' | tr '\n' '|')" "B.YML|a.yaml|c.Yaml|my charts|sub|" "a path: directories and charts, spaces kept"
is "$(complete_words sub/ | tr '\n' '|')" "sub/x.yaml|" "inside a directory"
is "$(complete_words --baseline m | tr '\n' '|')" "my charts|" "--baseline: a copy at a path"
is "$(complete_words --log n | tr '\n' '|')" "notes.txt|" "--log: any file"
done_testing
