#!/bin/sh
# Every bad fixture gives exactly its expected diagnostics, summary and exit
# status under --check: never a crash, never a hang.
. "$srcdir/tests/lib.sh"
cd "$FIXTURES/bad" || exit 1
for f in *.yaml; do
    base=${f%.yaml}
    { run --check --today 2023-03-01 "$f" 2>&1; echo "[exit $?]"; } >"$tmp/$base.out"
    same "$tmp/$base.out" "$base.out" "--check $f"
done

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
done_testing
