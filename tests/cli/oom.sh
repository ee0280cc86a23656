#!/usr/bin/env bash
# Allocation failure (docs/ROBUSTNESS.md): 'check' and 'report -o' on the
# shipped dataset, with the Nth allocation of the library and the tool made
# to fail (tests/oom/failalloc.c; what is and is not failed is said there).
# Every run must either succeed with the normal output (where the code can
# do without that allocation) or exit 1 with "out of memory" on stderr; never
# crash, never print anything but 'actorgraph: ' lines on stderr (so no
# sanitizer report: the suite's second pass runs this under ASan, whose
# LeakSanitizer finds what an error path forgot to free), and never leave
# the -o file or a temporary behind.
#
# The suite runs an even sample of N (80 per command, 25 under
# sanitizers; AG_OOM_SAMPLES=K for K); AG_OOM_ALL=1 runs every N, as
# docs/ROBUSTNESS.md reports.
# Takes the path of actorgraph-oom.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
dataset=graphs/new-great-game

samples=${AG_OOM_SAMPLES:-80}
if "$ag" --version | grep -q 'sanitizers on'; then
    samples=${AG_OOM_SAMPLES:-25}
fi
runs=0 tolerated=0 oom=0

# sweep NAME OUTFILE ARGS...: runs ARGS once to count the allocations and
# keep the normal output, then with each chosen N failing.
sweep() {
    local name=$1 outfile=$2 total n i bad
    shift 2
    rm -f "$outfile"
    AG_FAIL_COUNT=$tmp/count "$ag" "$@" >"$tmp/ref.out" 2>"$tmp/ref.err" || {
        fail "$name: the run without failures" "$(head -5 "$tmp/ref.err")"
        return
    }
    [[ -n $outfile ]] && cp "$outfile" "$tmp/ref.file"
    total=$(head -1 "$tmp/count")
    echo "$name: $total allocations from $(sed -n 2p "$tmp/count") call sites"
    local step=1 count=$total
    if [[ ${AG_OOM_ALL:-0} != 1 && $total -gt $samples ]]; then
        count=$samples
    fi
    for ((i = 0; i < count; i++)); do
        n=$((1 + i * total / count))
        [[ -n $outfile ]] && rm -f "$outfile"
        rc=0
        AG_FAIL_ALLOC=$n "$ag" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
        runs=$((runs + 1))
        bad=""
        if grep -qv '^actorgraph: ' "$tmp/err"; then
            bad="stderr: $(grep -v '^actorgraph: ' "$tmp/err" | head -3)"
        elif ((rc == 0)); then
            if ! cmp -s "$tmp/out" "$tmp/ref.out" ||
                { [[ -n $outfile ]] && ! cmp -s "$outfile" "$tmp/ref.file"; }; then
                bad="exit 0 with output that differs from the normal run's"
            fi
            tolerated=$((tolerated + 1))
        elif ((rc != 1)); then
            bad="exit status $rc"
        elif ! grep -q 'out of memory' "$tmp/err"; then
            bad="exit 1 without 'out of memory': $(head -2 "$tmp/err")"
        elif [[ -n $outfile && -e $outfile ]]; then
            bad="the -o file was written"
        else
            oom=$((oom + 1))
        fi
        if [[ -n $outfile ]] && compgen -G "$outfile.tmp.*" >/dev/null; then
            bad="${bad:+$bad; }a temporary was left behind"
            rm -f "$outfile".tmp.*
        fi
        if [[ -n $bad ]]; then
            fail "$name: allocation $n of $total fails" "$bad"
        fi
    done
    pass "$name: $count of $total allocations failed in turn"
}

sweep "check" "" check "$dataset"
sweep "report -o" "$tmp/report.csv" report "$dataset" -o "$tmp/report.csv"
echo "oom: $runs runs: $oom out of memory, $tolerated done without the allocation"
summary oom
