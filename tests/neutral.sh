#!/bin/sh
# Text bound for a terminal never carries a control character, whichever
# way it came in: here, a --baseline name (shown in diagnostics and in the
# summary) holding an escape sequence and a bell, which once reached the
# terminal as they were. Chart texts are covered by tests/errors.sh.
. "$srcdir/tests/lib.sh"
export TZ=UTC LANGUAGE=en GUATU_NOW=1700000000
command -v git >/dev/null 2>&1 || { echo "1..0 # SKIP git not found"; exit 0; }
cd "$tmp" && git init -q && cp "$FIXTURES/good/minimal.yaml" . && git add . &&
    git -c user.name=t -c user.email=t@t commit -qm t
spec=$(printf 'v\033]0;owned\a')
run --check --baseline "$spec" minimal.yaml >"$tmp/out" 2>"$tmp/err"
is "$?" 2 "a baseline that is neither a revision nor a path: exits 2"
is "$(cat "$tmp/err")" "v�]0;owned�:minimal.yaml: error: neither a revision nor a file or directory: 'v�]0;owned�' (git tag and git log --oneline list the revisions)" \
   "the diagnostic shows the escape and the bell as U+FFFD"
is "$(sed -n 2p "$tmp/out")" "baseline v�]0;owned�: not read (see the errors above): nothing compared" \
   "so does the summary line"
LC_ALL=C tr -d '\040-\176\200-\377\n' <"$tmp/err" >"$tmp/ctl"
LC_ALL=C tr -d '\040-\176\200-\377\n' <"$tmp/out" >>"$tmp/ctl"
is "$(wc -c <"$tmp/ctl" | tr -d ' ')" 0 "no control character on either stream"
done_testing
