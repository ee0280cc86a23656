#!/usr/bin/env bash
# Regression cases from the fuzzers (tests/fuzz/, docs/ROBUSTNESS.md): each
# input that once crashed or hung, replayed through the real binary. The
# suite's sanitizer pass runs them under ASan and UBSan, where the bugs
# showed. Then write failures: -o to a full device, into a read-only
# folder, and a run killed (SIGKILL) while writing: the previous file stays
# as it was and no temporary is left (tests/test_output.c has the folder
# that vanishes while being written).
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

# fuzz_gdelt: an event file with no two-actor event left the actor list
# NULL, and qsort was handed NULL (undefined even for 0 items).
: >"$tmp/empty.tsv"
run import gdelt "$tmp/empty.tsv" -o "$tmp/empty-ds"
expect "import of an empty event file" 0 "" -

# A field of 20 MB is one error, found in time in proportion to its length
# (it took minutes under ASan, libcsv growing its buffer 128 bytes at a
# time); the timeout only stops a hang. Quoted with doubled quotes too, so
# that the bytes dropped past the limit are counted right.
mkdir "$tmp/big"
cp tests/data/clean/*.csv "$tmp/big/"
/usr/bin/python3 - "$tmp/big/relations.csv" <<'PY'
import sys
with open(sys.argv[1], "a") as f:
    f.write("PAK,IND,war,1965,,," + "x" * 20000000 + ",note\n")
    f.write('PAK,IND,war,1966,,,"' + ("y" * 999 + '""') * 20000 + '",note\n')
PY
rc=0
timeout 60 "$ag" check --quiet "$tmp/big" >"$tmp/out" 2>"$tmp/err" || rc=$?
expect "a 20 MB field, plain and quoted: one error each" 1 "" \
"actorgraph: $tmp/big/relations.csv:17: field of 20000000 bytes is too long (the limit is 65536)
actorgraph: $tmp/big/relations.csv:18: field of 20000000 bytes is too long (the limit is 65536)"

# ---- write failures ----
data=tests/data/clean
if [[ -c /dev/full ]]; then
    expect_error "-o /dev/full" 1 "actorgraph: /dev/full: write error: No space left on device" -- \
        report "$data" -o /dev/full --format csv
    [[ -c /dev/full ]] && pass || fail "/dev/full was replaced by a file"
fi

# A read-only folder: root writes anywhere, so root runs the tool as nobody.
ro=$tmp/ro
mkdir "$ro"
printf 'previous\n' >"$ro/report.csv"
chmod 555 "$ro"
chmod 711 "$tmp"
as_user=()
if [[ $(id -u) == 0 ]]; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
if ((${#as_user[@]} == 0)) || command -v setpriv >/dev/null; then
    rc=0
    "${as_user[@]}" "$ag" report "$data" -o "$ro/report.csv" >"$tmp/out" 2>"$tmp/err" || rc=$?
    expect "-o into a read-only folder" 1 "" \
        "actorgraph: $ro/report.csv: cannot write: Permission denied"
    [[ $(cat "$ro/report.csv") == previous && $(ls -A "$ro") == report.csv ]] && pass ||
        fail "read-only folder: previous file changed or a temporary left" "$(ls -A "$ro")"
fi
chmod 755 "$ro"
chmod 700 "$tmp"

# Killed while writing: a report big enough to take a while to write, killed
# with SIGKILL once its output file is open (it shows in /proc as an
# unnamed file, or as a named temporary where the file system has no
# O_TMPFILE). The previous file must be intact and nothing else left.
/usr/bin/python3 tests/lib/gen_adversarial.py eras "$tmp/many" 20000
kd=$tmp/kill
mkdir "$kd"
printf 'previous\n' >"$kd/report.csv"
caught=0
"$ag" report --all "$tmp/many" -o "$kd/report.csv" 2>/dev/null &
pid=$!
for ((i = 0; i < 6000; i++)); do
    if ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$kd/.*(deleted)" ||
        compgen -G "$kd/report.csv.tmp.*" >/dev/null; then
        kill -KILL "$pid" 2>/dev/null && caught=1
        break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
done
wait "$pid" 2>/dev/null
rc=$?
if ((caught)); then
    [[ $rc == 137 ]] && pass || fail "SIGKILL mid-write: exit status $rc, expected 137"
    [[ $(cat "$kd/report.csv") == previous && $(ls -A "$kd") == report.csv ]] && pass ||
        fail "SIGKILL mid-write: previous file changed or a temporary left" "$(ls -A "$kd")"
else
    fail "SIGKILL mid-write: the run ended before its output file was seen open"
fi

summary robust
