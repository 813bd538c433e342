# TAP helpers for the shell tests. Each check prints one "ok N - name" line.
# The environment comes from Makefile.am: GUATU, srcdir, FIXTURES, DATA.
set -u
n=0 failed=0
ok() { # ok STATUS NAME
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
is() { # is GOT WANT NAME
    if [ "$1" = "$2" ]; then ok 0 "$3"; else
        ok 1 "$3"; printf '%s\n' "#   got:  '$1'" "#   want: '$2'"
    fi
}
same() { # same GOTFILE WANTFILE NAME: the files are equal, else show the diff
    if diff -u "$2" "$1" >"$tmp/diff" 2>&1; then ok 0 "$3"; else
        ok 1 "$3"; sed 's/^/# /' "$tmp/diff"
    fi
}
done_testing() { echo "1..$n"; [ "$failed" -eq 0 ]; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guatu-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# A hang guard, not a timing assertion: nothing here should take a second.
run() { timeout 20 "$GUATU" "$@"; }
# Messages (diagnostics, usage, counts) are asserted in English; screens are
# asserted in the language of no locale at all (zh_CN): see docs/HACKING.md.
run_en() { LANGUAGE=en timeout 20 "$GUATU" "$@"; }
# Screens in zh_CN in a script that set LANGUAGE for its messages.
run_zh() { env -u LANGUAGE timeout 20 "$GUATU" "$@"; }
