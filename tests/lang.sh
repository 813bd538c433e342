#!/bin/sh
# The language decision (src/lang.c): LANGUAGE, then LC_ALL, LC_MESSAGES and
# LANG by name, installed or not; where they say nothing, zh_CN. Each case
# runs with exactly the variables it names (env -i), and reads the usage
# error of --check --print, which every catalog translates.
. "$srcdir/tests/lib.sh"

en="guatu: --check and --print do different things: give one"
cn="guatu: --check 和 --print 作用不同：只能给一个"
tw="guatu: --check 和 --print 作用不同：只能給一個"
hk="guatu: --check 和 --print 作用不同：只能給一個"
said() { # said VAR=VALUE...: the first line guatu writes under exactly those
    env -i PATH="$PATH" GUATU_LOCALEDIR="$GUATU_LOCALEDIR" "$@" "$GUATU" --check --print 2>&1 | head -n 1
}

is "$(said)" "$cn" "nothing set at all (a plain ssh session): zh_CN"
is "$(said LC_ALL=C.UTF-8)" "$cn" "LC_ALL=C.UTF-8 (the tests' own): zh_CN"
is "$(said LC_ALL=C)" "$cn" "LC_ALL=C: zh_CN"
is "$(said LANG=POSIX)" "$cn" "LANG=POSIX: zh_CN"
is "$(said LANG=zh_TW.UTF-8)" "$tw" "LANG=zh_TW.UTF-8, not installed here: zh_TW"
is "$(said LANG=zh_HK.UTF-8)" "$hk" "LANG=zh_HK.UTF-8: zh_HK"
is "$(said LANGUAGE=zh_HK LC_ALL=C)" "$hk" "LANGUAGE=zh_HK under LC_ALL=C: zh_HK (glibc alone would ignore it)"
is "$(said LANGUAGE=zh_TW LC_ALL=POSIX)" "$tw" "LANGUAGE=zh_TW under POSIX: zh_TW"
is "$(said LANGUAGE=en)" "$en" "LANGUAGE=en: English"
is "$(said LANGUAGE=en LANG=zh_TW.UTF-8)" "$en" "LANGUAGE comes before the locale"
is "$(said LC_ALL=en_US.UTF-8)" "$en" "LC_ALL=en_US.UTF-8: English"
is "$(said LC_ALL=en_US.UTF-8 LC_MESSAGES=zh_TW.UTF-8)" "$en" "LC_ALL comes before LC_MESSAGES"
is "$(said LC_MESSAGES=zh_HK.UTF-8 LANG=en_US.UTF-8)" "$hk" "LC_MESSAGES comes before LANG"
is "$(said LANG=fr_FR.UTF-8)" "$en" "a language with no catalog: English, the msgids"
is "$(said LANG=zh_SG.UTF-8)" "$cn" "zh_SG, no catalog of its own: zh_CN's"
# (the counts tell Hong Kong's 項目 from Taiwan's 專案)
counted() { env -i PATH="$PATH" GUATU_LOCALEDIR="$GUATU_LOCALEDIR" "$@" "$GUATU" --check "$FIXTURES/good/minimal.yaml" 2>&1 | tail -n 1; }
is "$(counted LC_ALL=zh_MO.UTF-8)" "1 個檔案，1 個區域，1 個項目，2 個節點，0 個指標；0 個錯誤，0 個警告" "zh_MO, no catalog of its own: zh_HK's"
is "$(counted LANG=zh_HK.UTF-8)" "1 個檔案，1 個區域，1 個項目，2 個節點，0 個指標；0 個錯誤，0 個警告" "zh_HK is not zh_TW"
is "$(said LANGUAGE=zh)" "$cn" "plain zh: zh_CN's"
is "$(said LANGUAGE=zh_TW:zh_CN LC_ALL=C.UTF-8)" "$tw" "a LANGUAGE list: the first with a catalog"

# The kinds of item in a message are words of the language too.
first() { (cd "$FIXTURES/bad" && env -i PATH="$PATH" GUATU_LOCALEDIR="$GUATU_LOCALEDIR" "$@" "$GUATU" --check progress-no-actual.yaml 2>&1 | head -n 1); }
is "$(first)" "progress-no-actual.yaml:11:13: 错误: 进度数据缺少“actual”" "a missing field, its kind in zh_CN"
is "$(first LANG=zh_TW.UTF-8)" "progress-no-actual.yaml:11:13: 錯誤: 進度資料缺少「actual」" "and in zh_TW"

# Where the catalogs are: the guatu make built, run from the build tree
# without the test hook, reads the build tree's (the README starts it so);
# the same program anywhere else reads the installed ones.
is "$(env -i PATH="$PATH" "$GUATU" --check --print 2>&1 | head -n 1)" "$cn" \
    "src/guatu from the build tree finds the catalogs make built"

# The configuration's language: where the locale says nothing, and only
# there. The configuration is read after the command line, so a usage error
# cannot be in it: the counts of --check are.
printf 'language: zh_HK\n' >"$tmp/hk.yaml"
said_cfg() { env -i PATH="$PATH" GUATU_LOCALEDIR="$GUATU_LOCALEDIR" "$@" "$GUATU" --config "$tmp/hk.yaml" --check "$FIXTURES/good/minimal.yaml" 2>&1 | tail -n 1; }
is "$(said_cfg LC_ALL=C.UTF-8)" "1 個檔案，1 個區域，1 個項目，2 個節點，0 個指標；0 個錯誤，0 個警告" \
    "language: zh_HK in the configuration, no locale: zh_HK"
is "$(said_cfg LC_ALL=C.UTF-8 LANGUAGE=en)" "1 file, 1 zone, 1 project, 2 milestones, 0 targets; 0 errors, 0 warnings" \
    "LANGUAGE comes before the configuration"
is "$(said_cfg LANG=zh_TW.UTF-8)" "1 個檔案，1 個區域，1 個專案，2 個里程碑，0 個指標；0 個錯誤，0 個警告" \
    "a locale that names a language comes before the configuration"

# The CLI counts are messages too: ngettext in every language.
good="$FIXTURES/good/minimal.yaml"
is "$(LANGUAGE=en run --check "$good" | tail -n 1)" "1 file, 1 zone, 1 project, 2 milestones, 0 targets; 0 errors, 0 warnings" \
    "--check counts in English, singular and plural"
is "$(run --check "$good" | tail -n 1)" "1 个文件，1 个区域，1 个项目，2 个节点，0 个指标；0 个错误，0 个警告" \
    "--check counts in zh_CN"
run --check "$FIXTURES/bad/empty.yaml" 2>&1 | grep -q ': 错误: 文件为空（图表应有“zones:”）$'
ok $? "a diagnostic in zh_CN, severity word included"
LANGUAGE=zh_TW run --check "$FIXTURES/bad/empty.yaml" 2>&1 | grep -q ': 錯誤: 檔案為空（圖表應有「zones:」）$'
ok $? "and in zh_TW, with Taiwan's words and quotes"

# The programs guatu runs get the user's own environment, not the LANGUAGE
# guatu set for itself: a git on PATH that writes down what it was given.
mkdir "$tmp/bin"
printf '#!/bin/sh\nprintf "%%s\\n" "${LANGUAGE-unset}" >>"%s/lang"\nexit 1\n' "$tmp" >"$tmp/bin/git"
chmod +x "$tmp/bin/git"
env -i PATH="$tmp/bin:$PATH" GUATU_LOCALEDIR="$GUATU_LOCALEDIR" "$GUATU" --check --baseline HEAD "$good" >/dev/null 2>&1
is "$(head -n 1 "$tmp/lang")" "unset" "git gets no LANGUAGE when the user had none"
rm -f "$tmp/lang"
env -i PATH="$tmp/bin:$PATH" GUATU_LOCALEDIR="$GUATU_LOCALEDIR" LANGUAGE=zh_HK:en "$GUATU" --check --baseline HEAD "$good" >/dev/null 2>&1
is "$(head -n 1 "$tmp/lang")" "zh_HK:en" "and the user's own LANGUAGE when there was one"
done_testing
