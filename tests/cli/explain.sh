#!/usr/bin/env bash
# tests/cli/explain.sh: 'actorgraph explain' on tests/data/balance-basic/
# (hand-computed totals: see tests/test_explain.c). Run from the repository
# root as: bash tests/cli/explain.sh path/to/actorgraph
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
data=tests/data/balance-basic

# An actor at state level: its leader's relations count, in date order.
cat >"$tmp/a-state.csv" <<'CSV'
era,level,placed,date,source,target,type,sign,weight,w,cite,note,line
,state,inside,1950,A,B,alliance,+,3,3,fx 1,,2
,state,inside,1950-06,A,C,war,-,3,-3,fx 2,,3
,state,inside,1960,A,D,treaty,+,2,2,fx 4,,5
,state,inside,1963,A,E,visit,+,1,1,fx 7,,8
,state,inside,1966,L,C,visit,+,1,1,fx 13,,14
,state,inside,1967,L,B,threat,-,2,-2,fx 14,,15
,state,inside,1968,L,E,accusation,-,1,-1,fx 15,cancels A's visit to E at state level,16
CSV
expect_stdout "actor, state level, csv" 0 "$tmp/a-state.csv" -- explain "$data" A --level state --format csv

# A dyad within an era, as a table with its totals.
cat >"$tmp/bc.txt" <<'TXT'
Dyad C (Gamma) – B (Beta) in early (Early 1950s, 1950/1955)
dataset balance-basic, level actor, ties all, types all, dates probable

Totals

relations  pos  neg  net  W  sign
---------  ---  ---  ---  -  ----
        1    0    2   -2  2  -

Frustration

The era's frustration index is 0 of 3 signed dyads (docs/METHODS.md, Signed measures). In a colouring attaining it, C is on side 2 and B on side 1. The dyad (net negative) is not frustrated.

Relations, in date order

placed             date       source  target  type     sign  weight   w  cite  note  line
-----------------  ---------  ------  ------  -------  ----  ------  --  ----  ----  ----
interval overlaps  1950/1952  B       C       rivalry  -          2  -2  fx 3           4
TXT
expect_stdout "dyad in an era, table" 0 "$tmp/bc.txt" -- explain "$data" C B --era early --format table

# The frustrated dyad of era all (A-B-E is ++-; balance keeps E with A and
# B, so B-E -3 is frustrated), traced from both ends.
if "$ag" explain "$data" B E --era all --format json >"$tmp/be.json" &&
   "$ag" explain "$data" E --era all --format json >"$tmp/e.json" &&
   /usr/bin/python3 - "$tmp/be.json" "$tmp/e.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["frustration"]
assert (d["index"], d["signed_dyads"], d["exact"]) == (1, 12, True), d
assert d["frustrated"] is True and d["side"] == d["side_b"], d
e = json.load(open(sys.argv[2]))["frustration"]
assert e["frustrated_with"] == ["B"], e
PY
then pass; else fail "frustrated dyad B-E in json"; fi

# The actor's totals and dyads, as report computes them.
cat >"$tmp/a.md" <<'MD'
# A (Alpha), all dates

dataset balance-basic, level state, ties positive, types all, dates probable

## Totals

| relations | degree | strength | in degree | out degree |
| ---: | ---: | ---: | ---: | ---: |
| 7 | 4 | 7 | 2 | 4 |

## Dyads (strength = sum of W over the dyads in the graph)

| neighbour | name | relations | pos | neg | net | W | in graph |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
| B | Beta | 2 | 3 | 2 | 1 | 3 | yes |
| C | Gamma | 2 | 1 | 3 | -2 | 1 | yes |
| D | Delta | 1 | 2 | 0 | 2 | 2 | yes |
| E | Epsilon | 2 | 1 | 1 | 0 | 1 | yes |

## Relations, in date order

| placed | date | source | target | type | sign | weight | w | cite | note | line |
| --- | --- | --- | --- | --- | --- | ---: | ---: | --- | --- | ---: |
| inside | 1950 | A | B | alliance | + | 3 | 3 | fx 1 |  | 2 |
| inside | 1950-06 | A | C | war | - | 3 | -3 | fx 2 |  | 3 |
| inside | 1960 | A | D | treaty | + | 2 | 2 | fx 4 |  | 5 |
| inside | 1963 | A | E | visit | + | 1 | 1 | fx 7 |  | 8 |
| inside | 1966 | L | C | visit | + | 1 | 1 | fx 13 |  | 14 |
| inside | 1967 | L | B | threat | - | 2 | -2 | fx 14 |  | 15 |
| inside | 1968 | L | E | accusation | - | 1 | -1 | fx 15 | cancels A's visit to E at state level | 16 |
MD
expect_stdout "actor, state level, positive ties, md" 0 "$tmp/a.md" -- explain "$data" A --level state --ties positive --format md

# JSON: totals and relations.
if "$ag" explain "$data" D E --format json >"$tmp/de.json" &&
   /usr/bin/python3 - "$tmp/de.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["actor"]["id"] == "D" and j["actor_b"]["id"] == "E" and j["in_slice"] is True
t = j["totals"]
assert (t["relations"], t["pos"], t["neg"], t["net"], t["W"], t["sign"]) == (3, 0.3, 0.3, 0, 0.6, "0"), t
assert [r["line"] for r in j["relations"]] == [11, 12, 13]
assert [r["w"] for r in j["relations"]] == [0.1, 0.2, -0.3]
PY
then pass; else fail "json dyad"; fi

# Outside the slice: said plainly, not an error.
if [[ $("$ag" explain "$data" A L --era early --format table | tail -n 1) == "No relations: the dyad is not in this slice." ]]
then pass; else fail "dyad outside the slice"; fi
printf 'era,level,placed,date,source,target,type,sign,weight,w,cite,note,line\n' >"$tmp/none.csv"
expect_stdout "actor outside the slice, csv" 0 "$tmp/none.csv" -- explain "$data" D --era early --format csv

# The relations of --types only; 1950/1952 starts before 1950-06.
cat >"$tmp/types.csv" <<'CSV'
era,level,placed,date,source,target,type,sign,weight,w,cite,note,line
all,actor,interval overlaps,1950/1952,B,C,rivalry,-,2,-2,fx 3,,4
all,actor,inside,1950-06,A,C,war,-,3,-3,fx 2,,3
all,actor,inside,1965,C,E,rivalry,-,2,-2,fx 9,,10
CSV
expect_stdout "--types, --era" 0 "$tmp/types.csv" -- explain "$data" C --era all --types war,rivalry --format csv

# -o writes the file.
if "$ag" explain "$data" C --era all --types war,rivalry --format csv -o "$tmp/o.csv" &&
   cmp -s "$tmp/o.csv" "$tmp/types.csv"; then pass; else fail "-o FILE"; fi

# Which rule placed each relation: the 1990s support (199X) is mostly in
# the post-Cold War era, partly in the Cold War (so there only under
# --dates possible), and an interval overlaps.
ngg=graphs/new-great-game
printf '%s\n' 'placed,date,type' 'mostly inside,199X,support' >"$tmp/p1.csv"
if "$ag" explain "$ngg" PAK afg_pashtun_groups --era post-cold-war --format csv |
   cut -d, -f3,4,7 >"$tmp/p1.out" && cmp -s "$tmp/p1.out" "$tmp/p1.csv"
then pass; else fail "placed: mostly inside"; diff "$tmp/p1.csv" "$tmp/p1.out"; fi
printf '%s\n' 'placed,date,type' 'partly inside,199X,support' >"$tmp/p2.csv"
if "$ag" explain "$ngg" PAK afg_pashtun_groups --era cold-war --dates possible --format csv |
   cut -d, -f3,4,7 >"$tmp/p2.out" && cmp -s "$tmp/p2.out" "$tmp/p2.csv"
then pass; else fail "placed: partly inside, --dates possible"; diff "$tmp/p2.csv" "$tmp/p2.out"; fi
if [[ $("$ag" explain "$ngg" PAK afg_pashtun_groups --era cold-war --format table | tail -n 1) == "No relations: the dyad is not in this slice." ]]
then pass; else fail "199X not in the Cold War by default"; fi
expect_error "unknown dates rule" 2 "actorgraph: unknown dates rule 'likely' (probable, possible or certain)" -- explain "$data" A --dates likely

# Usage errors.
expect_error "no actor" 2 "actorgraph: which actor? give one actor, or two for a dyad" -- explain "$data"
expect_error "unknown actor" 2 "actorgraph: unknown actor 'alpah': 'actorgraph list actors $data' lists the ids and names" -- explain "$data" alpah
# An actor's unique name (any case) stands for its id.
if "$ag" explain "$data" B gamma >"$tmp/bg.txt" && "$ag" explain "$data" B C >"$tmp/bc2.txt" &&
   cmp -s "$tmp/bg.txt" "$tmp/bc2.txt"; then pass; else fail "actor by name"; fi
expect_error "three actors" 2 "actorgraph: unexpected argument 'C'" -- explain "$data" A B C
expect_error "same actor twice" 2 "actorgraph: a dyad needs two actors, got 'A' twice" -- explain "$data" A A
expect_error "same state" 2 "actorgraph: 'L' and 'A' are both 'A' at state level" -- explain "$data" L A --level state
expect_error "unknown era" 2 "actorgraph: unknown era 'eraly' (did you mean 'early'?)" -- explain "$data" A --era eraly
expect_error "unknown ties" 2 "actorgraph: unknown ties 'some' (all, positive or negative)" -- explain "$data" A --ties some
expect_error "unknown option" 2 "actorgraph: unknown option '--bogus'" -- explain "$data" A --bogus

# The default dataset: Pakistan and Russia after the Ukraine crisis.
if "$ag" explain PAK RUS --era post-ukraine --format json >"$tmp/pr.json" &&
   /usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["totals"]["relations"] == len(j["relations"]) > 0' "$tmp/pr.json"
then pass; else fail "default dataset"; fi

summary
