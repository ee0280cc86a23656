#!/usr/bin/env bash
# CLI tests of 'actorgraph timeline': every window's rows are exactly what
# 'report --from START --to END' prints for that window (report is itself
# cross-checked against NetworkX), plus the formats and usage errors.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
ds=graphs/new-great-game

for level in actor state; do
    run timeline "$ds" --metric all --window 10y --step 7y --level "$level" --format csv
    cp "$tmp/out" "$tmp/tl.csv"
    if [[ $rc != 0 ]]; then fail "timeline $level" "$(cat "$tmp/err")"; continue; fi
    windows=$(cut -d, -f1 "$tmp/tl.csv" | tail -n +2 | sort -u)
    n=0 bad=()
    for w in $windows; do
        n=$((n + 1))
        "$ag" report "$ds" --from "${w%/*}" --to "${w#*/}" --level "$level" --format csv \
            >"$tmp/rep.csv" 2>"$tmp/err" || bad+=("report $w failed: $(cat "$tmp/err")")
        # report: era,level,ties,actor,name,metric,value,rank; the era is the window.
        want=$(tail -n +2 "$tmp/rep.csv" | cut -d, -f4- | sort)
        got=$(grep "^$w," "$tmp/tl.csv" | cut -d, -f6- | sort)
        [[ $want == "$got" && -n $got ]] || bad+=("window $w differs from report --from/--to")
    done
    if ((${#bad[@]} == 0 && n >= 9)); then pass "timeline $level: $n windows equal report's"
    else fail "timeline $level: $n windows" "${bad[@]}"; fi
done

# Windows: 10 years every 7 from 1947 (the earliest bounded date), the last
# one ending on 2015-12-31.
run timeline "$ds" --step 7y --format csv
first=$(sed -n 2p "$tmp/out" | cut -d, -f1)
last=$(tail -1 "$tmp/out" | cut -d, -f1)
if [[ $first == 1947-01-01/1956-12-31 && $last == 2006-01-01/2015-12-31 ]]
then pass "window bounds"; else fail "window bounds" "$first … $last"; fi

# --from/--to bound the range; a range shorter than a window is one window.
run timeline "$ds" --from 2014 --to 2015 --metric degree --format csv
if [[ $rc == 0 && $(tail -n +2 "$tmp/out" | cut -d, -f1 | sort -u) == 2014-01-01/2015-12-31 ]]
then pass "one short window"; else fail "one short window" "$(head -3 "$tmp/out")"; fi

# The table: windows by actors, the asked actors in the order asked.
run timeline "$ds" --actors RUS,SUN,PAK --metric degree --step 10y --format table
if [[ $rc == 0 ]] && grep -q '^degree: 10-year windows every 10y, 1947-01-01 to 2015-12-31 (actor level, all ties)$' "$tmp/out" &&
   grep -Eq '^window +RUS +SUN +PAK$' "$tmp/out" && grep -q '^1947–1956 ' "$tmp/out" &&
   grep -q '^RUS Russia · SUN Soviet Union · PAK Pakistan$' "$tmp/out"
then pass "table"; else fail "table" "$(head -8 "$tmp/out")"; fi
run timeline "$ds" --metric degree --format md
if [[ $rc == 0 ]] && grep -q '^## degree: ' "$tmp/out" && grep -q '^| window |' "$tmp/out"
then pass "md"; else fail "md"; fi
run timeline "$ds" --metric pagerank --format json
if [[ $rc == 0 ]] && /usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(not (r and r[0]["metric"]=="pagerank" and isinstance(r[0]["value"], float)))' "$tmp/out"
then pass "json"; else fail "json"; fi
"$ag" timeline "$ds" --metric all >"$tmp/d1" && "$ag" timeline "$ds" --metric all >"$tmp/d2"
if cmp -s "$tmp/d1" "$tmp/d2"; then pass "deterministic"; else fail "deterministic"; fi
run timeline "$ds" --metric degree -o "$tmp/t.csv"
if [[ $rc == 0 && ! -s $tmp/out ]] && head -1 "$tmp/t.csv" | grep -qx 'window,start,end,level,ties,actor,name,metric,value,rank'
then pass "-o writes csv"; else fail "-o writes csv"; fi

# Usage errors.
expect_error "bad window" 2 "actorgraph: bad --window '10': use Ny, Nm or Nd (10y, 6m, 30d)" -- timeline "$ds" --window 10
expect_error "bad step" 2 "actorgraph: bad --step '1w': use Ny, Nm or Nd (10y, 6m, 30d)" -- timeline "$ds" --step 1w
expect_error "unknown metric" 2 "actorgraph: unknown metric 'betweeness' (did you mean 'betweenness'?)" -- timeline "$ds" --metric betweeness
expect_error "unknown actor" 2 "actorgraph: unknown actor 'PKA' (did you mean 'PAK'?)" -- timeline "$ds" --actors PKA
expect_error "bad from" 2 "actorgraph: bad --from date: month 13 out of range in '1965-13'" -- timeline "$ds" --from 1965-13
expect_error "range backwards" 2 "actorgraph: the range ends (1960-12-31) before it starts (1970-01-01)" -- timeline "$ds" --from 1970 --to 1960
expect_error "no eras here" 2 "actorgraph: unknown option '--era'" -- timeline "$ds" --era cold-war
expect_error "bad top" 2 "actorgraph: --top takes a number from 1, not '0'" -- timeline "$ds" --top 0
expect_error "bad threads" 2 "actorgraph: bad --threads '0' (a whole number from 1 to 1024)" -- timeline "$ds" --threads 0
expect_error "bad sample" 2 "actorgraph: bad --sample 'x' (a whole number, 0 for exact)" -- timeline "$ds" --sample x
run timeline --help
if [[ $rc == 0 ]] && grep -q '^usage: actorgraph timeline' "$tmp/out"; then pass "--help"; else fail "--help"; fi

summary timeline
