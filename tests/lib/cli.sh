# tests/lib/cli.sh: what the CLI tests (tests/cli/*.sh) share. Each of them
# sources it first thing, with its own arguments:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
#
# It takes the binary's path from $1 into $ag, checks that the script runs
# from the repository root, makes a scratch folder $tmp (removed on exit)
# and gives the counters and checks below. A script ends with `summary` (or
# `summary NAME`): its last line is "[NAME: ]N passed, M failed" and its exit
# status 1 when any check failed. Not a test itself: it lives outside
# tests/cli/, whose every *.sh ctest runs.

cli_script=$(basename "$0")
ag=${1:?usage: bash $0 PATH-TO-ACTORGRAPH}
[[ -d tests/data ]] || { echo "$cli_script: run me from the repository root" >&2; exit 2; }
[[ -x $ag ]] || { echo "$cli_script: '$ag' is not an executable" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ag-cli-${cli_script%.sh}.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# pass [NAME]: one check passed; a named one is listed as "ok   NAME".
pass() {
    passed=$((passed + 1))
    if (($#)); then
        printf 'ok   %s\n' "$1"
    fi
}

# fail NAME [DETAIL...]: one check failed; the details are indented below.
fail() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$1"
    shift
    if (($#)); then
        printf '%s\n' "$@" | sed 's/^/     /'
    fi
}

# summary [NAME]: the last line, "[NAME: ]N passed, M failed"; returns 1
# when any check failed (the script's exit status, as its last command).
summary() {
    printf '%s%d passed, %d failed\n' "${1:+$1: }" "$passed" "$failed"
    ((failed == 0))
}

# run ARGS...: runs the tool; stdout in $tmp/out, stderr in $tmp/err, the
# exit status in $rc.
run() {
    rc=0
    "$ag" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# compare WHAT WANT FILE: adds to problems when FILE differs from WANT.
# A WANT of "-" is not checked; "" means empty; "@FILE" means the contents
# of FILE; anything else is the exact text (a final newline is added when
# the text is not empty).
compare() {
    local what=$1 want=$2 file=$3
    [[ $want == - ]] && return 0
    if [[ $want == @* ]]; then
        cp "${want#@}" "$tmp/want"
    elif [[ -z $want ]]; then
        : >"$tmp/want"
    else
        printf '%s\n' "$want" >"$tmp/want"
    fi
    if ! cmp -s "$tmp/want" "$file"; then
        problems+=("$what differs (- expected, + got):")
        mapfile -t -O "${#problems[@]}" problems < <(diff -u "$tmp/want" "$file" | tail -n +3 | head -40)
    fi
}

# expect NAME WANT_RC [WANT_STDOUT [WANT_STDERR]]: checks the last run,
# each WANT_* as compare takes it.
expect() {
    local name=$1 want_rc=$2 problems=()
    if [[ $rc != "$want_rc" ]]; then
        problems+=("exit status $rc, expected $want_rc")
        if [[ -s $tmp/err ]]; then
            problems+=("stderr:")
            mapfile -t -O "${#problems[@]}" problems < <(head -20 "$tmp/err")
        fi
    fi
    if (($# >= 3)); then
        compare stdout "$3" "$tmp/out"
    fi
    if (($# >= 4)); then
        compare stderr "$4" "$tmp/err"
    fi
    if ((${#problems[@]})); then
        fail "$name" "${problems[@]}"
    else
        pass "$name"
    fi
}

# expect_stdout NAME WANT_RC WANT_FILE -- ARGS...: runs the tool; its exit
# status and its stdout, byte for byte the file's.
expect_stdout() {
    local name=$1 want_rc=$2 want=$3
    shift 4
    run "$@"
    expect "$name" "$want_rc" "@$want"
}

# expect_error NAME WANT_RC MESSAGE -- ARGS...: runs the tool; its exit
# status, the first line of its stderr, and nothing on stdout.
expect_error() {
    local name=$1 want_rc=$2 msg=$3 problems=()
    shift 4
    run "$@"
    if [[ $rc != "$want_rc" ]]; then
        problems+=("exit status $rc, expected $want_rc")
    fi
    if [[ $(head -n 1 "$tmp/err") != "$msg" ]]; then
        problems+=("stderr '$(head -n 1 "$tmp/err")', expected '$msg'")
    fi
    if [[ -s $tmp/out ]]; then
        problems+=("wrote to stdout on error")
    fi
    if ((${#problems[@]})); then
        fail "$name" "${problems[@]}"
    else
        pass "$name"
    fi
}
