#!/usr/bin/env bash
# tests/cli/check.sh: 'actorgraph check' and the global options, run as a
# user runs them: exit codes, exact standard output and exact error lines.
#
# Usage, from the repository root (ctest does this as cli_check):
#   bash tests/cli/check.sh PATH-TO-ACTORGRAPH
# Prints one line per check, then "N passed, M failed"; exits 1 when any
# check failed.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

data=tests/data

# expect_match NAME FILE REGEX: FILE has a line matching the extended REGEX.
expect_match() {
    if grep -Eq -- "$3" "$2"; then
        pass "$1"
    else
        fail "$1" "no line matches /$3/ in:" "$(head -20 "$2")"
    fi
}

# A digest of every file of a dataset folder, names and bytes, and times.
digest() {
    (cd "$1" && find . -type f -printf '%p %s %T@ %m\n' | LC_ALL=C sort && LC_ALL=C cat ./*) |
        cksum
}

# ---- a clean dataset ------------------------------------------------------

run check "$data/clean"
expect "check on a clean dataset: exit 0, the summary, nothing on stderr" 0 \
    "$data/clean: 10 actors, 15 relations, 3 eras, 21 types (built-in); 0 errors, 0 warnings" ""

run check --strict "$data/clean"
expect "check --strict on a clean dataset: exit 0" 0 \
    "$data/clean: 10 actors, 15 relations, 3 eras, 21 types (built-in); 0 errors, 0 warnings" ""

run check --quiet "$data/clean"
expect "check --quiet: no summary" 0 "" ""

run check "$data/clean/"
expect "check on a dataset path with a trailing slash" 0 \
    "$data/clean/: 10 actors, 15 relations, 3 eras, 21 types (built-in); 0 errors, 0 warnings" ""

# ---- many planted mistakes, all reported in one run -------------------------

before=$(digest "$data/bad-many")
run check "$data/bad-many"
expect "check on bad-many: every mistake with its line (bad-many/expected.txt), exit 1" 1 \
    "$data/bad-many: 10 actors, 3 relations, 1 era, 21 types; 32 errors, 3 warnings" \
    "@$data/bad-many/expected.txt"
if [[ $(digest "$data/bad-many") == "$before" ]]; then
    pass "check leaves the input files as they were"
else
    fail "check leaves the input files as they were" "tests/data/bad-many changed"
fi

run check --quiet "$data/bad-many"
expect "check --quiet on bad-many: the problems only, exit 1" 1 "" "@$data/bad-many/expected.txt"

# The expected file itself: every line is FILE:LINE: with a line number,
# so that a regression to line 0 or to no line cannot pass unnoticed.
if ! grep -Evq '^actorgraph: tests/data/bad-many/[a-z]+\.csv:[1-9][0-9]*: ' "$data/bad-many/expected.txt"; then
    pass "bad-many/expected.txt: every problem has a line number"
else
    fail "bad-many/expected.txt: every problem has a line number" \
        "$(grep -Ev '^actorgraph: tests/data/bad-many/[a-z]+\.csv:[1-9][0-9]*: ' "$data/bad-many/expected.txt")"
fi

# ---- warnings only ------------------------------------------------------------

run check "$data/warnings"
expect "check with warnings only: exit 0, warnings on stderr" 0 \
    "$data/warnings: 5 actors, 7 relations, 1 era, 21 types (built-in); 0 errors, 6 warnings" \
    "@$data/warnings/expected.txt"

run check --strict "$data/warnings"
expect "check --strict with warnings: exit 1" 1 \
    "$data/warnings: 5 actors, 7 relations, 1 era, 21 types (built-in); 0 errors, 6 warnings (--strict: warnings count as errors)" \
    "@$data/warnings/expected.txt"

run check "$data/warnings" --strict
expect "check DATASET --strict (option after the dataset): exit 1" 1 - "@$data/warnings/expected.txt"

# ---- file-level problems --------------------------------------------------

run check "$data/load/missing-file"
expect "check with relations.csv missing: exit 1, the file named" 1 \
    "$data/load/missing-file: 2 actors, 0 relations, 1 era, 21 types (built-in); 1 error, 0 warnings" \
    "actorgraph: $data/load/missing-file/relations.csv: missing file: a dataset needs it"

run check "$data/load/unterminated"
expect "check with an unterminated quote: reported where it opens" 1 - \
    "actorgraph: $data/load/unterminated/relations.csv:5: unterminated quoted field: a quote opened here is never closed"

# ---- usage errors: exit 2, nothing on stdout -------------------------------------

run check --bogus "$data/clean"
expect "check --bogus: usage error" 2 "" \
    "actorgraph: unknown option '--bogus'
Try 'actorgraph check --help' for more information."

run check -x "$data/clean"
expect "check -x: usage error" 2 "" \
    "actorgraph: unknown option '-x'
Try 'actorgraph check --help' for more information."

run check "$data/clean" --bogus
expect "check DATASET --bogus: usage error" 2 "" \
    "actorgraph: unknown option '--bogus'
Try 'actorgraph check --help' for more information."

run check "$data/clean" extra
expect "check DATASET EXTRA: usage error" 2 "" \
    "actorgraph: unexpected argument 'extra'
Try 'actorgraph check --help' for more information."

run check "$tmp/no-such-folder"
expect "check NOT-A-FOLDER: usage error" 2 "" \
    "actorgraph: '$tmp/no-such-folder' is not a dataset folder
Try 'actorgraph check --help' for more information."

run check "$data/clean/actors.csv"
expect "check FILE: usage error" 2 "" \
    "actorgraph: '$data/clean/actors.csv' is not a dataset folder
Try 'actorgraph check --help' for more information."

run no-such-command
expect "an unknown command: usage error" 2 "" \
    "actorgraph: 'no-such-command' is not an actorgraph command
Try 'actorgraph --help' for more information."

run --bogus
expect "an unknown global option: usage error" 2 "" \
    "actorgraph: unknown option '--bogus'
Try 'actorgraph --help' for more information."

run
expect "no arguments: usage on stderr, exit 2" 2 ""
expect_match "no arguments: the usage names the commands" "$tmp/err" '^usage: actorgraph '

# ---- help and version --------------------------------------------------------

run --help
expect "actorgraph --help: exit 0, nothing on stderr" 0 - ""
expect_match "actorgraph --help: usage line" "$tmp/out" '^usage: actorgraph \[--version\] \[--help\] COMMAND'
expect_match "actorgraph --help: lists check" "$tmp/out" '^  check +validate a dataset'
cp "$tmp/out" "$tmp/help"
run -h
expect "actorgraph -h: the same as --help" 0 "@$tmp/help" ""

run check --help
expect "actorgraph check --help: exit 0, nothing on stderr" 0 - ""
expect_match "check --help: usage line" "$tmp/out" '^usage: actorgraph check \[DATASET\] \[--strict\] \[--quiet\]$'
expect_match "check --help: describes --strict" "$tmp/out" '^  --strict +treat warnings as errors'
expect_match "check --help: describes --quiet" "$tmp/out" '^  --quiet +'
expect_match "check --help: the exit status" "$tmp/out" '^Exit status: 0 '
cp "$tmp/out" "$tmp/check-help"
run help check
expect "actorgraph help check: the same as check --help" 0 "@$tmp/check-help" ""

version=$(sed -n 's/^project(actorgraph VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
run --version
expect "actorgraph --version: exit 0, nothing on stderr" 0 - ""
expect_match "--version: the version from CMakeLists.txt ($version)" "$tmp/out" "^actorgraph ${version//./\\.} "
expect_match "--version: the libraries" "$tmp/out" 'igraph [0-9]+\.[0-9]+.*graphviz [0-9]'
expect_match "--version: the build" "$tmp/out" '^build: .*sanitizers (on|off)$'

# ---- writing --------------------------------------------------------------------

if [[ -w /dev/full ]]; then
    rc=0
    "$ag" check "$data/clean" >/dev/full 2>"$tmp/err" || rc=$?
    printf '' >"$tmp/out"
    expect "check with a full stdout: exit 1 and says so" 1 - \
        "actorgraph: error writing to standard output: No space left on device"
fi

# A line break inside a quoted id is written as \n: every message stays one line.
nl=$tmp/newline
mkdir -p "$nl"
cp tests/data/clean/*.csv "$nl/"
printf '"PA\nK",IND,war,1965,,,fn,\n' >>"$nl/relations.csv"
run check "$nl"
if [[ $rc == 1 && $(cat "$tmp/err") == "actorgraph: $nl/relations.csv:17: unknown source actor 'PA\\nK' (did you mean 'PAK'?)" ]]
then pass "line break in a message is escaped"; else fail "line break in a message is escaped" "$(cat "$tmp/err")"; fi

# Diagnostics go to stderr in blocks of 16 KB: 1,000 lines of exactly 128
# bytes (lines 1000..1999, the folder's name padded to fit) fill a block
# to the byte, and every line must still come out whole.
lines_of() { printf '%s' "$1" | tr -cd '\n' | wc -c; }
for target in 128 256 512; do
    pad=$((target - 80 - 14 - ${#tmp} - 1))
    ((pad >= 1)) && break
done
if ((pad >= 1)); then
    blk=$tmp/$(printf '%*s' "$pad" '' | tr ' ' b)
    mkdir -p "$blk"
    cp tests/data/clean/{actors,eras}.csv "$blk/"
    {
        echo "source,target,type,date,sign,weight,cite,note"
        for ((i = 2; i < 1000; i++)); do echo; done
        for ((i = 1000; i < 2000; i++)); do echo "CHN,AFG,visit,$i,,,,"; done
    } >"$blk/relations.csv"
    run check --quiet "$blk"
    if [[ $rc == 0 && $(wc -l <"$tmp/err") == 1000 &&
          $(grep -c "^actorgraph: $blk/relations.csv:1[0-9][0-9][0-9]: warning: relation has no cite: say where the fact comes from\$" "$tmp/err") == 1000 &&
          $(awk '{ if (length($0) + 1 != '"$target"') bad++ } END { print bad + 0 }' "$tmp/err") == 0 ]]
    then pass "diagnostics that fill the stderr block to the byte come out whole"
    else fail "diagnostics that fill the stderr block to the byte come out whole" "$(head -3 "$tmp/err")"; fi
fi

summary
