#!/bin/sh
# make install with DESTDIR: what lands where, that it works from there, and
# that make uninstall takes it all away again. The directories come from
# Makefile.am (AM_TESTS_ENVIRONMENT), as configured.
. "$srcdir/tests/lib.sh"
dest="$tmp/dest"
# A make of its own: not the jobs of the make that runs the tests.
m() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $MAKE -s -C "$BUILDDIR" "$@" DESTDIR="$dest" >>"$tmp/log" 2>&1; }
m install; st=$?
is "$st" 0 "make install DESTDIR=… succeeds"
[ "$st" -eq 0 ] || sed 's/^/# /' "$tmp/log"
# Every file installed, as a path under DESTDIR; the translations (if any)
# are the gettext tests' to check.
(cd "$dest" && find . -type f ! -name '*.mo' | sed 's|^\.||' | LC_ALL=C sort) >"$tmp/got"
{
    echo "$bindir/guatu"
    echo "$man1dir/guatu.1"
    for d in README SECURITY.md format.md baseline.md HACKING.md config.md teams.md; do echo "$docdir/$d"; done
    for f in "$srcdir"/data/*.yaml; do echo "$examplesdir/${f##*/}"; done
    echo "$bashcompletiondir/guatu"
} | LC_ALL=C sort >"$tmp/want"
same "$tmp/got" "$tmp/want" "the binary, the man page, the docs, the sample charts and the completion, each where configured"
case $bashcompletiondir in
    */bash-completion/completions) ok 0 "the completion goes where bash-completion looks ($bashcompletiondir)" ;;
    *) ok 0 "the completion goes where configure was told ($bashcompletiondir)" ;;
esac
cmp -s "$dest$man1dir/guatu.1" "$srcdir/docs/guatu.1"; ok $? "the man page is docs/guatu.1"
out=$(LANGUAGE=en "$dest$bindir/guatu" --check "$dest$examplesdir" 2>&1); st=$?
is "$st" 0 "the installed guatu reads the installed examples without an error"
case $out in "5 files, "*) ok 0 "all five of them" ;; *) ok 1 "all five of them: $out" ;; esac
is "$(bash -c '. "$1" && complete -p guatu' sh "$dest$bashcompletiondir/guatu")" "complete -F _guatu guatu" \
   "the installed completion registers itself for guatu"
m uninstall; st=$?
is "$st" 0 "make uninstall DESTDIR=… succeeds"
is "$(find "$dest" -type f | wc -l)" 0 "and leaves no file behind"
done_testing
