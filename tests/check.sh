#!/bin/sh
# Every bad fixture gives exactly its expected diagnostics, summary and exit
# status under --check: never a crash, never a hang.
. "$srcdir/tests/lib.sh"
# Diagnostics are messages: asserted in English.
LANGUAGE=en; export LANGUAGE
cd "$FIXTURES/bad" || exit 1
for f in *.yaml; do
    base=${f%.yaml}
    { run --check --today 2023-03-01 "$f" 2>&1; echo "[exit $?]"; } >"$tmp/$base.out"
    same "$tmp/$base.out" "$base.out" "--check $f"
done

# And every view of each prints: what loaded, the errors above it, exit 2,
# never a crash (progress-no-actual.yaml crashed the targets view's trend).
for f in *.yaml; do
    for v in status targets timeline; do
        run --print --view $v --width 100 --today 2023-03-01 "$f" >/dev/null 2>&1
        st=$?
        [ $st -le 2 ] || echo "# --print --view $v $f: exit $st"
        [ $st -le 2 ]; ok $? "--print --view $v $f: no crash"
    done
done
run --print --view targets --width 100 --today 2023-07-01 progress-no-actual.yaml 2>/dev/null |
    grep '│ 投资 ' >"$tmp/row"
is "$(sed 's/.*│ *\([^│]*[^ │]\) *│$/\1/' "$tmp/row")" "▂ ▅" \
    "a progress figure that did not read is a gap in the trend"

# Nothing that reaches the terminal holds a control character, whatever the file held.
cat ./*.yaml >/dev/null
run --check escapes.yaml esc-raw.yaml binary.yaml >"$tmp/all.out" 2>&1
"$(dirname "$GUATU")/../tests/layout_check" --text <"$tmp/all.out"
ok $? "no control or invisible characters in diagnostics (C0, C1, bidi, zero-width)"

# One broken file does not stop the others: they load, and the exit is 2.
mkdir "$tmp/dir"
cp "$FIXTURES/good/minimal.yaml" "$tmp/dir/a.yaml"
cp syntax.yaml "$tmp/dir/b.yaml"
cp "$FIXTURES/good/minimal.yaml" "$tmp/dir/c.yml"
(cd "$tmp" && run --check dir) >"$tmp/dir.out" 2>&1
echo "[exit $?]" >>"$tmp/dir.out"
cat >"$tmp/dir.want" <<'WANT'
dir/b.yaml:5:8: error: YAML syntax: did not find expected '-' indicator while parsing a block collection (line 4)
3 files, 2 zones, 2 projects, 4 milestones, 0 targets; 1 error, 0 warnings
[exit 2]
WANT
same "$tmp/dir.out" "$tmp/dir.want" "a directory loads its good files past a broken one"
# The README's tour starts from a chart written out in full: it loads as is,
# and on its day one milestone is overdue and the target behind.
awk '/^## A five-minute tour/ { f = 1; next } f && /^    / { on = 1; print substr($0, 5); next } on { exit }' \
    "$srcdir/README" >"$tmp/tour.yaml"
is "$(run --check "$tmp/tour.yaml"; echo "[exit $?]")" "1 file, 1 zone, 1 project, 3 milestones, 1 target; 0 errors, 0 warnings
[exit 0]" "the README tour's chart loads with no diagnostic"
run --print --today 2026-11-23 "$tmp/tour.yaml" >/dev/null
is $? 1 "and --print on 2026-11-23 exits 1, as the tour's step 3 says of something overdue"
done_testing
