#!/usr/bin/env bash
# Regression cases from the fuzzers (tests/fuzz/, docs/ROBUSTNESS.md): each
# input that once crashed or hung, replayed through the real binary. The
# suite's sanitizer pass runs them under ASan and UBSan, where the bugs
# showed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

# fuzz_gdelt: an event file with no two-actor event left the actor list
# NULL, and qsort was handed NULL (undefined even for 0 items).
: >"$tmp/empty.tsv"
run import gdelt "$tmp/empty.tsv" -o "$tmp/empty-ds"
expect "import of an empty event file" 0 "" -

summary robust
