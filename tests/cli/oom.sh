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
# sanitizers; AG_OOM_SAMPLES=K for K) and the last 8 N; AG_OOM_ALL=1 runs
# every N, as docs/ROBUSTNESS.md reports. AG_OOM_JOBS=K runs K values of N
# at a time (default 1), each in its own folder, with the same checks;
# AG_OOM_ONLY=check or report runs one command's sweep. The Ns where the
# run succeeded without the allocation are listed, to be looked at: the
# output is the normal one, but was anything left undone?
# Takes the path of actorgraph-oom.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
dataset=graphs/new-great-game

samples=${AG_OOM_SAMPLES:-80}
if "$ag" --version | grep -q 'sanitizers on'; then
    samples=${AG_OOM_SAMPLES:-25}
fi
njobs=${AG_OOM_JOBS:-1}
[[ $njobs =~ ^[1-9][0-9]*$ ]] || { echo "oom.sh: bad AG_OOM_JOBS '$njobs'" >&2; exit 2; }
runs=0 tolerated=0 oom=0

# one N DIR OUTFILE ARGS...: runs ARGS with allocation N failing, in DIR
# (its own stdout, stderr and -o file, which replaces the word @OUT in
# ARGS), and writes the verdict to DIR/verdict: "oom", "tolerated", or
# "bad: WHY".
one() {
    local n=$1 dir=$2 outfile=$3 bad="" verdict rc=0 a args=()
    shift 3
    for a in "$@"; do
        [[ $a == @OUT ]] && a=$outfile
        args+=("$a")
    done
    AG_FAIL_ALLOC=$n "$ag" "${args[@]}" >"$dir/out" 2>"$dir/err" || rc=$?
    if grep -qv '^actorgraph: ' "$dir/err"; then
        bad="stderr: $(grep -v '^actorgraph: ' "$dir/err" | head -3)"
    elif ((rc == 0)); then
        if ! cmp -s "$dir/out" "$tmp/ref.out" ||
            { [[ -n $outfile ]] && ! cmp -s "$outfile" "$tmp/ref.file"; }; then
            bad="exit 0 with output that differs from the normal run's"
        fi
        verdict=tolerated
    elif ((rc != 1)); then
        bad="exit status $rc"
    elif ! grep -q 'out of memory' "$dir/err"; then
        bad="exit 1 without 'out of memory': $(head -2 "$dir/err")"
    elif [[ -n $outfile && -e $outfile ]]; then
        bad="the -o file was written"
    else
        verdict=oom
    fi
    if [[ -n $outfile ]] && compgen -G "$outfile.tmp.*" >/dev/null; then
        bad="${bad:+$bad; }a temporary was left behind"
    fi
    if [[ -n $bad ]]; then
        verdict="bad: $bad"
    fi
    printf '%s\n' "$verdict" >"$dir/verdict"
}

# sweep NAME WITH_OUTFILE ARGS...: runs ARGS once to count the allocations
# and keep the normal output, then with each chosen N failing. With
# WITH_OUTFILE=1, the word @OUT in ARGS is the -o file.
sweep() {
    local name=$1 with_out=$2 total n i v dir outfile="" a args=() done_without=()
    shift 2
    [[ $with_out == 1 ]] && outfile=$tmp/ref/report.csv
    mkdir -p "$tmp/ref"
    for a in "$@"; do
        [[ $a == @OUT ]] && a=$outfile
        args+=("$a")
    done
    AG_FAIL_COUNT=$tmp/count "$ag" "${args[@]}" >"$tmp/ref.out" 2>"$tmp/ref.err" || {
        fail "$name: the run without failures" "$(head -5 "$tmp/ref.err")"
        return
    }
    [[ -n $outfile ]] && mv "$outfile" "$tmp/ref.file"
    total=$(head -1 "$tmp/count")
    echo "$name: $total allocations from $(sed -n 2p "$tmp/count") call sites"
    # The Ns: every one, or an even sample plus the last few, which are
    # the checks made once the dataset is read (validation's cycle and
    # duplicate checks, which once skipped themselves silently).
    local count=$total ns=()
    if [[ ${AG_OOM_ALL:-0} != 1 && $total -gt $samples ]]; then
        count=$samples
    fi
    mapfile -t ns < <({
        for ((i = 0; i < count; i++)); do
            echo $((1 + i * total / count))
        done
        if ((count < total)); then
            seq $((total > 8 ? total - 7 : 1)) "$total"
        fi
    } | sort -n -u)
    rm -rf "$tmp/runs"
    for n in "${ns[@]}"; do
        dir=$tmp/runs/$n
        mkdir -p "$dir"
        outfile=""
        [[ $with_out == 1 ]] && outfile=$dir/report.csv
        if ((njobs == 1)); then
            one "$n" "$dir" "$outfile" "$@"
        else
            while (($(jobs -pr | wc -l) >= njobs)); do
                wait -n
            done
            one "$n" "$dir" "$outfile" "$@" &
        fi
    done
    wait
    for n in "${ns[@]}"; do
        dir=$tmp/runs/$n
        v=$(cat "$dir/verdict" 2>/dev/null || echo "bad: no verdict")
        runs=$((runs + 1))
        case $v in
        oom) oom=$((oom + 1)) ;;
        tolerated)
            tolerated=$((tolerated + 1))
            done_without+=("$n")
            ;;
        *) fail "$name: allocation $n of $total fails" "${v#bad: }" ;;
        esac
        rm -rf "$dir"
    done
    if ((${#done_without[@]})); then
        echo "$name: done without allocation ${done_without[*]}"
    fi
    pass "$name: ${#ns[@]} of $total allocations failed in turn"
}

only=${AG_OOM_ONLY:-}
[[ $only == report ]] || sweep "check" 0 check "$dataset"
[[ $only == check ]] || sweep "report -o" 1 report "$dataset" -o @OUT
echo "oom: $runs runs: $oom out of memory, $tolerated done without the allocation"
summary oom
