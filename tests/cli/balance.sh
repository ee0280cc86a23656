#!/usr/bin/env bash
# tests/cli/balance.sh: 'actorgraph balance' on tests/data/balance-basic/
# (hand-computed figures: see tests/test_balance.c). Run from the repository
# root as: bash tests/cli/balance.sh path/to/actorgraph
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
data=tests/data/balance-basic

cat >"$tmp/actor.csv" <<'CSV'
era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio,signed_dyads,frustration,frustration_exact,frustration_lower,frustration_normalised,walk_balance
all,actor,10,7,3,1,6,1,2,0.7,12,1,true,1,0.8333333333,0.6089353826
early,actor,1,1,0,0,1,0,0,1,3,0,true,0,1,1
solo,actor,0,0,0,0,0,0,0,,0,0,true,0,,
CSV
expect_stdout "csv, every era (empty era: no row)" 0 "$tmp/actor.csv" -- balance "$data" --format csv
expect_stdout "csv, --all" 0 "$tmp/actor.csv" -- balance "$data" --all --format csv

cat >"$tmp/state.csv" <<'CSV'
era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio,signed_dyads,frustration,frustration_exact,frustration_lower,frustration_normalised,walk_balance
all,state,5,4,1,1,3,0,1,0.8,8,1,true,1,0.75,0.7863611776
CSV
expect_stdout "csv, state level, one era" 0 "$tmp/state.csv" -- balance "$data" --era all --level state --format csv

cat >"$tmp/types.csv" <<'CSV'
era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio,signed_dyads,frustration,frustration_exact,frustration_lower,frustration_normalised,walk_balance
all,actor,2,1,1,0,1,0,1,0.5,5,1,true,1,0.6,0.7300700358
early,actor,1,1,0,0,1,0,0,1,3,0,true,0,1,1
CSV
expect_stdout "csv, --types" 0 "$tmp/types.csv" -- balance "$data" --types alliance,war,rivalry --format csv

printf 'era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio,signed_dyads,frustration,frustration_exact,frustration_lower,frustration_normalised,walk_balance\n' >"$tmp/header.csv"
expect_stdout "csv, era without relations: header only" 0 "$tmp/header.csv" -- balance "$data" --era empty --format csv

# The unbalanced triangles are named with the relations behind each side.
cat >"$tmp/early-all.md" <<'MD'
# Structural balance: balance-basic

Level actor, types all. Dyads are signed by their net (the sum of w = sign x weight over all their relations); dyads whose net is 0 are left out. Balanced: +++ and +--; unbalanced: ++- and ---.

| era | level | triangles | balanced | unbalanced | ppp | pmm | ppm | mmm | ratio | signed dyads | frustration | frustration exact | frustration lower | frustration normalised | walk balance |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |
| early | actor | 1 | 1 | 0 | 0 | 1 | 0 | 0 | 1 | 3 | 0 | true | 0 | 1 | 1 |

## early (Early 1950s, 1950/1955): 0 unbalanced of 1 triangle

Frustration 0 of 3 signed dyads (exact), normalised 1; walk balance 1.

Sides attaining it: A B | C

### A–B–C: +-- balanced

| side | net | date | source | target | type | sign | weight | w | cite | note | line |
| --- | --- | --- | --- | --- | --- | --- | ---: | ---: | --- | --- | ---: |
| A–B | 3 | 1950 | A | B | alliance | + | 3 | 3 | fx 1 |  | 2 |
| A–C | -3 | 1950-06 | A | C | war | - | 3 | -3 | fx 2 |  | 3 |
| B–C | -2 | 1950/1952 | B | C | rivalry | - | 2 | -2 | fx 3 |  | 4 |
MD
expect_stdout "md, all triangles named" 0 "$tmp/early-all.md" -- balance "$data" --era early --triangles all --format md

# Hand-worked (era all, actor level): 12 signed dyads; A-B-E is ++- and E
# can side with A and B (then B-E -3 is inside) or against (A-E +1 across):
# frustration 1, normalised 1 - 1/6; the search keeps the first optimum it
# meets, E with A and B. Two blocks do as well: error 1/2.
"$ag" balance "$data" --era all --blocks 2 --triangles none --format table >"$tmp/blocks" 2>&1
for want in 'Frustration 1 of 12 signed dyads (exact), normalised 0.8333; walk balance 0.6089.' \
            'Sides attaining it: A B D E | C L' \
            'Frustrated dyads (positive across the sides, negative within one): B–E (-3).' \
            '2-balance partition (Doreian and Mrvar, alpha 0.5, best of 100 starts): error 0.5 = 1 negative inside, 0 positive between:' \
            '- 1: A B D E' '- 2: C L'; do
    if grep -qxF -- "$want" "$tmp/blocks"; then pass; else fail "blocks: missing line '$want'"; cat "$tmp/blocks"; fi
done
expect_error "bad --blocks" 2 "actorgraph: --blocks takes a whole number from 1 to 64, not '0'" -- balance "$data" --blocks 0
expect_error "bad --time-limit" 2 "actorgraph: --time-limit takes a number of seconds above 0, not 'x'" -- balance "$data" --time-limit x

"$ag" balance "$data" --era all --format md >"$tmp/all.md" 2>&1
for want in '### A–B–E: ++- unbalanced' '### B–C–E: --- unbalanced' '### B–E–L: --- unbalanced' \
            '| B–E | -3 | 1964 | B | E | war | - | 3 | -3 | fx 8 |  | 9 |'; do
    if grep -qxF -- "$want" "$tmp/all.md"; then pass; else fail "md: missing line '$want'"; fi
done
if grep -q 'A–B–C' "$tmp/all.md"; then fail "md: a balanced triangle named by default"; else pass; fi
if [[ $("$ag" balance "$data" --era solo --format table 2>&1 | tail -n 1) == "No unbalanced triangles." ]]; then pass
else fail "table: era without triangles"; fi

# JSON: the same figures, and the named triangles with their relations.
if "$ag" balance "$data" --format json >"$tmp/b.json" &&
   /usr/bin/python3 - "$tmp/b.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["dataset"] == "balance-basic" and j["level"] == "actor", j
e = {x["era"]: x for x in j["eras"]}
assert list(e) == ["all", "early", "solo"], list(e)
a = e["all"]
assert (a["triangles"], a["balanced"], a["unbalanced"], a["ppp"], a["pmm"], a["ppm"], a["mmm"]) == (10, 7, 3, 1, 6, 1, 2)
assert a["ratio"] == 0.7 and e["solo"]["ratio"] is None
assert a["signed_dyads"] == 12
names = ["".join(t["actors"]) for t in a["named_triangles"]]
assert names == ["ABE", "BCE", "BEL"], names
t = a["named_triangles"][0]
assert t["pattern"] == "++-" and t["balanced"] is False
assert [(s["actor1"], s["actor2"], s["sign"], s["net"]) for s in t["sides"]] == [("A", "B", "+", 3), ("A", "E", "+", 1), ("B", "E", "-", -3)]
assert [r["line"] for r in t["sides"][0]["relations"]] == [2]
PY
then pass; else fail "json"; fi

# -o writes the file atomically and nothing to stdout.
rc=0
"$ag" balance "$data" --format csv -o "$tmp/o.csv" >"$tmp/out" 2>&1 || rc=$?
if [[ $rc == 0 && ! -s $tmp/out ]] && cmp -s "$tmp/o.csv" "$tmp/actor.csv" &&
   [[ -z $(find "$tmp" -name 'o.csv.tmp.*') ]]; then pass; else fail "-o FILE"; fi
expect_error "-o into a missing folder" 1 "actorgraph: $tmp/no/such.csv: cannot write: No such file or directory" \
    -- balance "$data" -o "$tmp/no/such.csv"

# Usage errors.
expect_error "unknown era" 2 "actorgraph: unknown era 'erly' (did you mean 'early'?)" -- balance "$data" --era erly
expect_error "unknown type" 2 "actorgraph: unknown relation type 'wars' (did you mean 'war'?)" -- balance "$data" --types wars
expect_error "unknown format" 2 "actorgraph: unknown format 'xml' (table, csv, json, md or html)" -- balance "$data" --format xml
expect_error "unknown level" 2 "actorgraph: unknown level 'nation' (actor or state)" -- balance "$data" --level nation
expect_error "bad --triangles" 2 "actorgraph: unknown --triangles 'some' (unbalanced, all or none)" -- balance "$data" --triangles some
expect_error "--all with --era" 2 "actorgraph: --all and --era exclude each other" -- balance "$data" --all --era all
expect_error "missing value" 2 "actorgraph: option '--era' needs a value" -- balance "$data" --era
expect_error "unknown option" 2 "actorgraph: unknown option '--bogus'" -- balance "$data" --bogus
expect_error "not a dataset" 2 "actorgraph: 'no-such-folder' is not a dataset folder" -- balance no-such-folder
expect_error "extra argument" 2 "actorgraph: unexpected argument 'extra'" -- balance "$data" extra

# --max-triangles: the cold war of the shipped dataset has 5 unbalanced
# triangles; naming 2 says 3 more, in text and in JSON.
run balance --era cold-war --max-triangles 2 --format table
if [[ $rc == 0 && $(grep -c ' unbalanced$' "$tmp/out") == 2 ]] &&
   grep -qx '3 more unbalanced triangles not named (--max-triangles 0 names them all).' "$tmp/out"
then pass "--max-triangles 2"; else fail "--max-triangles 2" "$(cat "$tmp/out" "$tmp/err")"; fi
run balance --era cold-war --max-triangles 2 --format json
if [[ $rc == 0 ]] && /usr/bin/python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))["eras"][0]
sys.exit(not (len(e["named_triangles"]) == 2 and e["triangles_not_named"] == 3))' "$tmp/out"
then pass "--max-triangles 2 in json"; else fail "--max-triangles 2 in json"; fi
run balance --era cold-war --max-triangles 0 --format table
if [[ $rc == 0 && $(grep -c ' unbalanced$' "$tmp/out") == 5 ]] && ! grep -q 'not named' "$tmp/out"
then pass "--max-triangles 0 names all"; else fail "--max-triangles 0 names all"; fi
expect_error "bad --max-triangles" 2 "actorgraph: --max-triangles takes a whole number (0 for no limit), not 'many'" \
    -- balance "$data" --max-triangles many

# The default dataset works, and a second run gives the same bytes.
if "$ag" balance --format json >"$tmp/d1" && "$ag" balance --format json >"$tmp/d2" &&
   cmp -s "$tmp/d1" "$tmp/d2"; then pass; else fail "default dataset, deterministic"; fi

summary
