#!/usr/bin/env bash
# Adversarial sizes (docs/ROBUSTNESS.md, "Resource bounds"): 100,000 eras,
# one dyad with 100,000 relations, one actor with a million relations, a
# parent chain 100,000 deep, a continues cycle through 100,000 actors. Each
# is generated here (tests/lib/gen_adversarial.py), run through check and
# report, and its result checked. Times are not tested (scripts/bench is
# for that): a generous timeout only stops a run that would hang, as a
# quadratic path would (100,000 eras took a minute to check before).
# Under sanitizers the sizes are a tenth, to keep the suite's time.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

scale=1
if "$ag" --version | grep -q 'sanitizers on'; then
    scale=10
fi
gen() { # KIND N: generates into $tmp/KIND
    /usr/bin/python3 tests/lib/gen_adversarial.py "$1" "$tmp/$1" $(($2 / scale))
}
# trun SECONDS ARGS...: run, stopped after SECONDS (exit 124 then).
trun() {
    local t=$1
    shift
    rc=0
    timeout "$t" "$ag" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

n=$((100000 / scale))
gen eras 100000
trun 120 check "$tmp/eras"
expect "check: $n eras" 0 "$tmp/eras: 2 actors, 1 relation, $n eras, 21 types (built-in); 0 errors, 0 warnings" ""
trun 300 report --all --metric degree -o "$tmp/eras.csv" "$tmp/eras"
expect "report --all: $n eras" 0 "" ""
# Header, then A and B in each era.
rows=$(wc -l <"$tmp/eras.csv")
[[ $rows == $((2 * n + 1)) ]] && pass || fail "report --all: $rows lines, expected $((2 * n + 1))"

gen dyad 100000
trun 120 check --quiet "$tmp/dyad"
expect "check: one dyad with $n relations" 0 "" ""
trun 120 report --metric strength "$tmp/dyad"
expect "report: one dyad with $n relations, strength is the sum of weights" 0 \
"era,level,ties,actor,name,metric,value,rank
all,actor,all,A,Alpha,strength,$n,1
all,actor,all,B,Beta,strength,$n,1"

m=$((1000000 / scale))
gen hub 1000000
trun 300 check "$tmp/hub"
expect "check: one actor with $m relations" 0 \
    "$tmp/hub: 1001 actors, $m relations, 1 era, 21 types (built-in); 0 errors, 0 warnings" ""
trun 300 report --metric degree "$tmp/hub"
expect "report: the hub's degree is its 1000 partners" 0 - ""
grep -qx 'all,actor,all,H,Hub,degree,1000,1' "$tmp/out" && pass || fail "hub degree row" "$(grep ',H,' "$tmp/out")"

gen chain 100000
trun 120 check "$tmp/chain"
expect "check: a parent chain $n deep" 0 \
    "$tmp/chain: $((n + 1)) actors, $(( (n - 1 + n / 1000 - 1) / (n / 1000) + 1 )) relations, 1 era, 21 types (built-in); 0 errors, 0 warnings" ""
trun 120 report --level state --metric degree "$tmp/chain"
# At state level the whole chain is its top, C0, facing X.
expect "report --level state: the chain rolls up to its top" 0 \
"era,level,ties,actor,name,metric,value,rank
all,state,all,C0,Top,degree,1,1
all,state,all,X,Other,degree,1,1"

gen cycle 100000
trun 120 check "$tmp/cycle"
expect "check: a continues cycle through $n actors is one error, its text bounded" 1 - -
[[ $(grep -c 'cyclic continues chain: K0 -> K1 -> ' "$tmp/err") == 1 && $(wc -c <"$tmp/err") -lt 1024 ]] &&
    pass || fail "cycle message" "$(head -c 600 "$tmp/err")"

summary bounds
