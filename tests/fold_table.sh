#!/bin/sh
# OpenCC's character table is made at build time (src/fold_gen.c): a missing
# OpenCC configuration stops the build with a reason instead of making a
# guatu whose search cannot fold 廣 to 广, the table is the same bytes every
# time, and guatu itself does not link OpenCC.
. "$srcdir/tests/lib.sh"
gen="$(dirname "$GUATU")/fold_gen"
table="$(dirname "$GUATU")/fold_table.c"

"$gen" no-such-config.json >"$tmp/out" 2>"$tmp/err"
is $? 1 "fold_gen fails when OpenCC's configuration cannot be loaded"
is "$(wc -c <"$tmp/out" | tr -d ' ')" 0 "and writes no table"
is "$(sed -n 1p "$tmp/err" | cut -d: -f1-2)" "fold_gen: OpenCC could not load no-such-config.json" \
    "it says which configuration OpenCC could not load"
grep -q 'at build time (Debian: apt-get install libopencc-dev libopencc-data)' "$tmp/err"
ok $? "and what to install"

"$gen" >"$tmp/table.c" 2>"$tmp/err"
is $? 0 "fold_gen makes the table from hk2s.json"
same "$tmp/table.c" "$table" "the same table as the one built into guatu"
is "$(grep -c '^	{0x' "$table")" "$(sed -n 's/^const size_t fold_table_n = \([0-9]*\);$/\1/p' "$table")" \
    "fold_table_n counts its pairs"
grep -q '{0x5ee3, 0x5e7f},' "$table"
ok $? "廣 (U+5EE3) becomes 广 (U+5E7F)"

# The libraries guatu itself asks for (a sanitizer's runtime may bring
# libstdc++ in, so not everything ldd lists). readelf comes with binutils,
# which the compiler needs: ./bootstrap installs it.
readelf -d "$GUATU" | grep NEEDED >"$tmp/needed"
grep -q 'libyaml' "$tmp/needed"; ok $? "readelf lists what guatu needs (libyaml among it)"
is "$(grep -c -e opencc -e marisa -e 'libstdc++' "$tmp/needed")" 0 \
    "guatu links neither OpenCC nor the libstdc++ and libmarisa it needs"
done_testing
