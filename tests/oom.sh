#!/bin/sh
# Out of memory in the whole process (issue #14): guatu --print (and
# --check) with its 1st, 2nd ... allocation failing, every one, start-up
# and exit included, the C library's, libyaml's and libunistring's too.
# tests/oom_env.c forks one child per allocation and judges each: exit 2
# with "out of memory", or the same output as with nothing failing; never
# a crash, never a sanitizer's report (under ASan: LeakSanitizer at each
# child's exit). test_oom walks the library's operations in one process.
. "$srcdir/tests/lib.sh"
if [ -z "${GUATU_OOM:-}" ] || [ ! -x "$GUATU_OOM" ]; then
    echo "1..0 # SKIP no guatu-oom"; exit 0
fi
export GUATU_NOW=1700000000 TZ=UTC
# The judge reads "out of memory" in English (LANGUAGE=en: messages are
# asserted in English). The catalogs' own loading is walked all the same:
# gettext looks for an "en" one.
LANGUAGE=en; export LANGUAGE
# ASan's own reports must not look like guatu's exit 1 (overdue).
ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}exitcode=99"; export ASAN_OPTIONS
walk() { # walk NAME ARGS...: the walk's summary in $tmp/NAME
    name=$1; shift
    mkdir -p "$tmp/$name"
    GUATU_OOM_WALK="$tmp/$name" "$GUATU_OOM" "$@" >"$tmp/$name.txt" 2>&1
    st=$?
    sed 's/^/# /' "$tmp/$name.txt"
    ok $st "$name: every allocation walked, each run refused with a message or unchanged"
    grep -q '^wrong: 0$' "$tmp/$name.txt"; ok $? "$name: no run wrong"
    walked=$(sed -n 's/.*; \([0-9]*\) walked$/\1/p' "$tmp/$name.txt")
    refused=$(sed -n 's/^refused with a message: //p' "$tmp/$name.txt")
    # Floors, not counts: ASan's strdup and others allocate without calling
    # malloc, so it sees fewer (--print: 354 and 148 refused, against 402
    # and 207 in the plain build).
    test "${walked:-0}" -gt 300 && test "${refused:-0}" -gt 100
    ok $? "$name: the walk went past start-up ($walked runs, $refused refused)"
}
walk print --print --width 80 "$FIXTURES/good/minimal.yaml"
# Diagnostics printed.
walk check --check "$FIXTURES/bad/duplicate-ids.yaml"
done_testing
