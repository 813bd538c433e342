#!/bin/sh
# The sample charts in data/ load cleanly: no error, no warning.
. "$srcdir/tests/lib.sh"
# The --check summary is a message: asserted in English.
LANGUAGE=en; export LANGUAGE
for f in "$DATA"/*.yaml; do
    out=$(run --check "$f" 2>&1); st=$?
    is "$st" 0 "--check $(basename "$f") exits 0"
    case $out in *"; 0 errors, 0 warnings") ok 0 "$(basename "$f") has no diagnostics" ;;
        *) ok 1 "$(basename "$f") has no diagnostics"; echo "$out" | sed 's/^/# /' ;; esac
done
out=$(run --check "$DATA" 2>&1); is $? 0 "--check data/ exits 0"
case $out in *" 0 errors, 0 warnings") ok 0 "data/ as one chart has no diagnostics" ;;
    *) ok 1 "data/ as one chart has no diagnostics"; echo "$out" | sed 's/^/# /' ;; esac
done_testing
