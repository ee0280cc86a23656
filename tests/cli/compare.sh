#!/usr/bin/env bash
# tests/cli/compare.sh: 'actorgraph compare' on tests/data/compare-basic/
# (hand-computed: see tests/test_compare.c) and on the default dataset. Run
# from the repository root as: bash tests/cli/compare.sh path/to/actorgraph
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
data=tests/data/compare-basic

# has NAME FILE LINE: FILE holds LINE exactly.
has() {
    if grep -qxF -- "$3" "$2"; then pass; else fail "$1: missing line '$3'"; fi
}

cat >"$tmp/actors.csv" <<'CSV'
era_a,era_b,level,ties,actor,name,status,actor_a,actor_b,metric,value_a,rank_a,value_b,rank_b,shift
a,b,actor,all,NEW (OLD),New State,lineage,OLD,NEW,degree,3,1,3,1,0
a,b,actor,all,NEW (OLD),New State,lineage,OLD,NEW,strength,7,1,7,1,0
a,b,actor,all,P,Pe,same,P,P,degree,3,1,3,1,0
a,b,actor,all,P,Pe,same,P,P,strength,7,1,6,2,-1
a,b,actor,all,Q,Qu,same,Q,Q,degree,3,1,2,4,-3
a,b,actor,all,Q,Qu,same,Q,Q,strength,6,3,5,3,0
a,b,actor,all,R,Ar,same,R,R,degree,2,4,3,1,3
a,b,actor,all,R,Ar,same,R,R,strength,3,4,5,3,1
a,b,actor,all,T,Te,entering,,T,degree,,,1,5,
a,b,actor,all,T,Te,entering,,T,strength,,,1,5,
a,b,actor,all,U,Yu,leaving,U,,degree,1,5,,,
a,b,actor,all,U,Yu,leaving,U,,strength,1,5,,,
CSV
expect_stdout "csv actors (default part)" 0 "$tmp/actors.csv" -- compare "$data" a b --metric degree,strength --format csv

cat >"$tmp/corr.csv" <<'CSV'
era_a,era_b,level,ties,metric,actors,spearman,kendall,spearman_p
a,b,actor,all,degree,4,-0.3333333333,-0.3333333333,1
a,b,actor,all,strength,4,0.8888888889,0.8,0.3333333333
CSV
expect_stdout "csv correlations" 0 "$tmp/corr.csv" -- compare "$data" a b --metric degree,strength --format csv --table correlations

cat >"$tmp/dyads.csv" <<'CSV'
era_a,era_b,level,ties,actor1,actor2,change,sign_a,sign_b,net_a,net_b,W_a,W_b,relations_a,relations_b
a,b,actor,all,NEW (OLD),P,flipped,-,+,-3,3,3,3,1,2
a,b,actor,all,Q,R,flipped,+,-,1,-2,1,2,1,1
a,b,actor,all,NEW (OLD),R,gained,,+,,1,,1,0,1
a,b,actor,all,P,T,gained,,+,,1,,1,0,1
a,b,actor,all,NEW (OLD),U,lost,+,,1,,1,,1,0
a,b,actor,all,P,Q,lost,-,,-2,,2,,1,0
a,b,actor,all,NEW (OLD),Q,kept,+,+,3,3,3,3,1,1
a,b,actor,all,P,R,kept,+,+,2,2,2,2,1,1
CSV
expect_stdout "csv dyads" 0 "$tmp/dyads.csv" -- compare "$data" a b --format csv --table dyads

cat >"$tmp/rels.csv" <<'CSV'
era_a,era_b,level,ties,actor1,actor2,change,era,date,source,target,type,sign,weight,w,cite,note,line
a,b,actor,all,NEW (OLD),P,flipped,a,1951,OLD,P,war,-,3,-3,c1,,2
a,b,actor,all,NEW (OLD),P,flipped,b,1991,NEW,P,agreement,+,1,1,c8,,9
a,b,actor,all,NEW (OLD),P,flipped,b,1992,NEW,P,treaty,+,2,2,c9,,10
a,b,actor,all,Q,R,flipped,a,1956,Q,R,agreement,+,1,1,c6,,7
a,b,actor,all,Q,R,flipped,b,1995,Q,R,rivalry,-,2,-2,c12,,13
a,b,actor,all,NEW (OLD),R,gained,b,1997,NEW,R,cooperation,+,1,1,c14,,15
a,b,actor,all,P,T,gained,b,1996,T,P,cooperation,+,1,1,c13,,14
a,b,actor,all,NEW (OLD),U,lost,a,1955,U,OLD,cooperation,+,1,1,c5,,6
a,b,actor,all,P,Q,lost,a,1953,P,Q,rivalry,-,2,-2,c3,,4
a,b,actor,all,NEW (OLD),Q,kept,a,1952,OLD,Q,alliance,+,3,3,c2,,3
a,b,actor,all,NEW (OLD),Q,kept,b,1993,NEW,Q,alliance,+,3,3,c10,,11
a,b,actor,all,P,R,kept,a,1954,P,R,treaty,+,2,2,c4,,5
a,b,actor,all,P,R,kept,b,1994,P,R,treaty,+,2,2,c11,,12
CSV
expect_stdout "csv relations" 0 "$tmp/rels.csv" -- compare "$data" a b --format csv --table relations

# Summary figures that do not depend on community detection.
"$ag" compare "$data" a b --format csv --table summary >"$tmp/summary.csv" 2>&1
for want in a,b,actor,all,vertices,5,5,0 a,b,actor,all,relations,6,7,1 a,b,actor,all,dyads,6,6,0 \
            a,b,actor,all,density,0.6,0.6,0 a,b,actor,all,triangles,2,2,0 \
            a,b,actor,all,balance_ratio,0.5,0.5,0 a,b,actor,all,negative_dyads,2,1,-1; do
    has "csv summary" "$tmp/summary.csv" "$want"
done

# State level and positive ties pass through; the header says so.
"$ag" compare "$data" a2 b --metric degree --format md >"$tmp/a2.md" 2>&1
has "md lineage" "$tmp/a2.md" "Matched by lineage: OLD (Old State) in A with NEW (New State) in B."
has "md unmatched of a lineage" "$tmp/a2.md" "Of those lineages, also (not matched): NEW in A."
has "md leaving" "$tmp/a2.md" "Leaving (only in A): NEW and U."
has "md dyads line" "$tmp/a2.md" "Dyads: 2 flipped, 2 gained, 3 lost, 2 kept."
has "md dyad heading" "$tmp/a2.md" "### NEW (OLD)–P: flipped (- → +)"
has "md relation row" "$tmp/a2.md" "| b | 1992 | NEW | P | treaty | + | 2 | 2 | c9 |  | 10 |"
has "md metric row" "$tmp/a2.md" "| Q | Qu | same | 3 | 1 | 2 | 4 | -3 |"
"$ag" compare "$data" a b --ties positive --format csv --table dyads >"$tmp/pos.csv"
has "positive ties: a conflictual dyad drops out" "$tmp/pos.csv" "a,b,actor,positive,Q,R,lost,+,,1,,1,,1,0"

# JSON: everything, the dyads with their relations.
if "$ag" compare "$data" a b --format json >"$tmp/c.json" &&
   /usr/bin/python3 - "$tmp/c.json" <<'PY'
import json, math, sys
j = json.load(open(sys.argv[1]))
assert j["era_a"]["id"] == "a" and j["era_b"]["period"] == "1990/1999"
assert j["dyad_changes"] == {"flipped": 2, "gained": 2, "lost": 2, "kept": 2}
rows = {a["actor"]: a for a in j["actors"]}
assert rows["NEW (OLD)"]["status"] == "lineage" and rows["NEW (OLD)"]["actor_a"] == "OLD"
assert rows["T"]["actor_a"] is None and rows["T"]["metrics"]["degree"]["rank_a"] is None
assert rows["Q"]["metrics"]["degree"] == {"value_a": 3, "rank_a": 1, "value_b": 2, "rank_b": 4, "shift": -3}
c = {x["metric"]: x for x in j["correlations"]}
assert abs(c["degree"]["spearman"] + 1 / 3) < 1e-9 and c["degree"]["actors"] == 4
d = j["dyads"][0]
assert (d["actor1"], d["actor2"], d["change"]) == ("NEW (OLD)", "P", "flipped")
assert [r["line"] for r in d["relations_a"]] == [2] and [r["line"] for r in d["relations_b"]] == [9, 10]
s = {x["figure"]: x for x in j["summary"]}
assert s["vertices"]["value_a"] == 5 and s["balance_ratio"]["difference"] == 0
PY
then pass; else fail "json"; fi

# The diagram: DOT before layout, every change drawn, a legend; SVG and PNG.
if "$ag" compare "$data" a b --table summary --diagram "$tmp/d.dot" >/dev/null &&
   grep -q 'change=flipped' "$tmp/d.dot" && grep -q 'change=gained' "$tmp/d.dot" &&
   grep -q 'change=lost' "$tmp/d.dot" && grep -q 'change=kept' "$tmp/d.dot" &&
   grep -q '"NEW (OLD)"' "$tmp/d.dot" && grep -q 'gained: only in B' "$tmp/d.dot" &&
   ! grep -q 'pos=' "$tmp/d.dot" && [[ $(grep -c -- ' -- ' "$tmp/d.dot") == 8 ]]; then pass
else fail "diagram dot"; fi
if "$ag" compare "$data" a b --table summary --diagram "$tmp/d.svg" >/dev/null &&
   "$ag" compare "$data" a b --table summary --diagram "$tmp/d2.svg" >/dev/null &&
   head -c 5 "$tmp/d.svg" | grep -q '<?xml' && cmp -s "$tmp/d.svg" "$tmp/d2.svg"; then pass
else fail "diagram svg, deterministic"; fi
if "$ag" compare "$data" a b --table summary --diagram "$tmp/d.png" >/dev/null &&
   [[ $(head -c 4 "$tmp/d.png" | tail -c 3) == PNG ]]; then pass; else fail "diagram png"; fi
expect_error "diagram format" 2 "actorgraph: cannot tell the diagram's format from '$tmp/d.pdf' (.dot, .svg or .png)" \
    -- compare "$data" a b --diagram "$tmp/d.pdf"
if [[ ! -e $tmp/d.pdf ]]; then pass; else fail "diagram: wrote a file on error"; fi

# -o writes the file atomically.
if "$ag" compare "$data" a b --format csv --table dyads -o "$tmp/o.csv" && cmp -s "$tmp/o.csv" "$tmp/dyads.csv"
then pass; else fail "-o FILE"; fi

# Usage errors.
expect_error "one era" 2 "actorgraph: which eras? give two: ERA_A ERA_B" -- compare "$data" a
expect_error "three eras" 2 "actorgraph: unexpected argument 'a2'" -- compare "$data" a b a2
expect_error "unknown era" 2 "actorgraph: unknown era 'aa2' (did you mean 'a2'?)" -- compare "$data" a aa2
expect_error "unknown part" 2 "actorgraph: unknown part 'nodes' (summary, correlations, actors, dyads or relations)" \
    -- compare "$data" a b --table nodes
expect_error "unknown metric" 2 "actorgraph: unknown metric 'degre' (did you mean 'degree'?)" -- compare "$data" a b --metric degre
expect_error "unknown ties" 2 "actorgraph: unknown ties 'mixed' (all, positive or negative)" -- compare "$data" a b --ties mixed
expect_error "unknown option" 2 "actorgraph: unknown option '--bogus'" -- compare "$data" a b --bogus

# The default dataset: SUN and RUS matched, Pakistan-Russia flipped to
# cooperative (the chapter's question), and the same bytes twice.
if "$ag" compare cold-war post-2001 --format csv --table dyads >"$tmp/ngg.csv"; then
    if grep -qF 'cold-war,post-2001,actor,all,PAK,RUS (SUN),flipped,-,+' "$tmp/ngg.csv"; then pass
    else fail "default dataset: PAK–RUS (SUN) not flipped from - to +"; fi
else fail "default dataset"; fi
if "$ag" compare cold-war post-2001 --format json >"$tmp/n1" && "$ag" compare cold-war post-2001 --format json >"$tmp/n2" &&
   cmp -s "$tmp/n1" "$tmp/n2"; then pass; else fail "default dataset, deterministic"; fi

summary
