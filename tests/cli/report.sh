#!/usr/bin/env bash
# tests/cli/report.sh: 'actorgraph report' on tests/data/metrics and
# tests/data/slicing (values worked out by hand in tests/test_metrics.c).
# Run from the repository root as: bash tests/cli/report.sh path/to/actorgraph
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
data=tests/data/metrics

# A leader rolled up to his state; the name at state level is the state's.
# PN (beta 1/4; IND-PAK -2, PAK-SUN +1): x_IND = 1 - x_PAK/2,
# x_SUN = 1 + x_PAK/4, x_PAK = 1 + (x_SUN - 2 x_IND)/4: 12/11, 5/11, 14/11.
cat >"$tmp/rollup.csv" <<'CSV'
era,level,ties,actor,name,metric,value,rank
rollup,state,all,IND,India,degree,1,2
rollup,state,all,IND,India,strength,3,2
rollup,state,all,IND,India,betweenness,0,2
rollup,state,all,IND,India,harmonic,1.875,2
rollup,state,all,IND,India,eigenvector,0.9486832981,2
rollup,state,all,IND,India,in_degree,1,1
rollup,state,all,IND,India,out_degree,1,2
rollup,state,all,IND,India,pagerank,0.3774128493,2
rollup,state,all,IND,India,hub,0,2
rollup,state,all,IND,India,authority,1,1
rollup,state,all,IND,India,pn,0.4545454545,3
rollup,state,all,PAK,Pakistan,degree,2,1
rollup,state,all,PAK,Pakistan,strength,4,1
rollup,state,all,PAK,Pakistan,betweenness,1,1
rollup,state,all,PAK,Pakistan,harmonic,2,1
rollup,state,all,PAK,Pakistan,eigenvector,1,1
rollup,state,all,PAK,Pakistan,in_degree,1,1
rollup,state,all,PAK,Pakistan,out_degree,2,1
rollup,state,all,PAK,Pakistan,pagerank,0.4263900893,1
rollup,state,all,PAK,Pakistan,hub,1,1
rollup,state,all,PAK,Pakistan,authority,0,3
rollup,state,all,PAK,Pakistan,pn,1.090909091,2
rollup,state,all,SUN,Soviet Union,degree,1,2
rollup,state,all,SUN,Soviet Union,strength,1,3
rollup,state,all,SUN,Soviet Union,betweenness,0,2
rollup,state,all,SUN,Soviet Union,harmonic,0.875,3
rollup,state,all,SUN,Soviet Union,eigenvector,0.316227766,3
rollup,state,all,SUN,Soviet Union,in_degree,1,1
rollup,state,all,SUN,Soviet Union,out_degree,0,3
rollup,state,all,SUN,Soviet Union,pagerank,0.1961970614,3
rollup,state,all,SUN,Soviet Union,hub,0,2
rollup,state,all,SUN,Soviet Union,authority,0.3333333333,2
rollup,state,all,SUN,Soviet Union,pn,1.272727273,1
CSV
expect_stdout "csv, state level" 0 "$tmp/rollup.csv" -- report "$data" --era rollup --level state --format csv

# --era in the order given; --metric in any order lists in the fixed order;
# --top keeps ties (star: the three leaves tie for second).
cat >"$tmp/top.csv" <<'CSV'
era,level,ties,actor,name,metric,value,rank
star,actor,all,L1,Leaf one,degree,1,2
star,actor,all,L1,Leaf one,strength,1,2
star,actor,all,L2,Leaf two,degree,1,2
star,actor,all,L2,Leaf two,strength,1,2
star,actor,all,L3,Leaf three,degree,1,2
star,actor,all,L3,Leaf three,strength,1,2
star,actor,all,S,Star centre,degree,3,1
star,actor,all,S,Star centre,strength,3,1
path,actor,all,B,Beta,degree,2,1
path,actor,all,B,Beta,strength,2,1
path,actor,all,C,Gamma,degree,2,1
path,actor,all,C,Gamma,strength,2,1
CSV
expect_stdout "csv, --era twice, --top 2" 0 "$tmp/top.csv" -- report "$data" --era star --era path \
    --metric strength,degree --top 2 --format csv

# Ties layers: under positive ties the rivalry's two actors stay vertices.
cat >"$tmp/edgeless.csv" <<'CSV'
era,level,ties,actor,name,metric,value,rank
negative-only,actor,positive,A,Alpha,eigenvector,0,1
negative-only,actor,positive,A,Alpha,pagerank,0.5,1
negative-only,actor,positive,B,Beta,eigenvector,0,1
negative-only,actor,positive,B,Beta,pagerank,0.5,1
CSV
expect_stdout "csv, positive ties, edgeless" 0 "$tmp/edgeless.csv" -- report "$data" --era negative-only \
    --ties positive --metric eigenvector,pagerank --format csv

# An ad-hoc window, and an era without relations (header only).
cat >"$tmp/window.csv" <<'CSV'
era,level,ties,actor,name,metric,value,rank
1960-06/1960-06,actor,all,A,Alpha,degree,2,1
1960-06/1960-06,actor,all,B,Beta,degree,1,2
1960-06/1960-06,actor,all,C,Gamma,degree,1,2
CSV
expect_stdout "csv, --from/--to" 0 "$tmp/window.csv" -- report tests/data/slicing --from 1960-06 \
    --to 1960-06 --metric degree --format csv
printf 'era,level,ties,actor,name,metric,value,rank\n' >"$tmp/header.csv"
expect_stdout "csv, era without relations" 0 "$tmp/header.csv" -- report tests/data/slicing --era empty \
    --format csv

# --types: only the threats of e3 (LA -> B, D -> B).
cat >"$tmp/types.csv" <<'CSV'
era,level,ties,actor,name,metric,value,rank
e3,state,all,A,Alpha,in_degree,0,2
e3,state,all,B,Beta,in_degree,2,1
e3,state,all,D,Delta,in_degree,0,2
CSV
expect_stdout "csv, --types, state level" 0 "$tmp/types.csv" -- report tests/data/slicing --era e3 \
    --types threat --level state --metric in_degree --format csv

# The table page: title, summary, communities, the top actors, the legend.
"$ag" report "$data" --era rollup --level state --format table >"$tmp/page" 2>&1
for want in 'Leader and state (rollup)  1904  ·  state level, all ties' \
            '  3 actors, 2 relations, 2 dyads (1 positive, 1 negative)' \
            '  graph of all ties: 2 edges, density 0.6667, 1 component, transitivity 0' \
            '  IND India · PAK Pakistan · SUN Soviet Union'; do
    if grep -qxF -- "$want" "$tmp/page"; then pass; else fail "table: missing line '$want'"; cat "$tmp/page"; fi
done
if grep -q '^  PAK *2  PAK *4  PAK *1  PAK *2  PAK *1' "$tmp/page"; then pass
else fail "table: first row of the top actors"; cat "$tmp/page"; fi

# md: headings and pipe tables with names.
"$ag" report "$data" --era rollup --level state --format md >"$tmp/md" 2>&1
if grep -qxF '## Leader and state (`rollup`, 1904)' "$tmp/md" &&
   grep -qxF '| Pakistan | 2 | Pakistan | 4 | Pakistan | 1 | Pakistan | 2 | Pakistan | 1 |' "$tmp/md"
then pass; else fail "md"; cat "$tmp/md"; fi

# JSON: an object per era with summary, communities and actors.
if "$ag" report "$data" --era triangle --era negative-only --format json >"$tmp/r.json" &&
   /usr/bin/python3 - "$tmp/r.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["dataset"] == "metrics" and j["level"] == "actor" and j["ties"] == "all", j
assert [e["id"] for e in j["eras"]] == ["triangle", "negative-only"]
t = j["eras"][0]
s = t["summary"]
assert (s["vertices"], s["dyads"], s["positive_dyads"], s["negative_dyads"]) == (3, 3, 2, 1), s
assert s["density"] == 1 and s["transitivity"] == 1 and s["communities"] == 2, s
# A-C is -2: B's allies A and C can't share its bloc (B, then A, first).
assert t["communities"] == [["A", "B"], ["C"]], t["communities"]
a = {x["actor"]: x for x in t["actors"]}
assert a["A"]["name"] == "Alpha" and a["A"]["strength"] == 3 and a["A"]["strength_rank"] == 1
assert abs(a["B"]["eigenvector"] - (3 ** 0.5 - 1)) < 1e-9 and a["B"]["eigenvector_rank"] == 3
PY
then pass; else fail "json"; fi

# -o writes the file atomically, the format from its extension.
rc=0
"$ag" report "$data" --era rollup --level state -o "$tmp/o.csv" >"$tmp/out" 2>&1 || rc=$?
if [[ $rc == 0 && ! -s $tmp/out ]] && cmp -s "$tmp/o.csv" "$tmp/rollup.csv" &&
   [[ -z $(find "$tmp" -name 'o.csv.*') ]]; then pass; else fail "-o FILE.csv"; fi
if "$ag" report "$data" -o "$tmp/o.json" && /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/o.json"
then pass; else fail "-o FILE.json"; fi
# Not a terminal and no -o: csv.
if [[ $("$ag" report "$data" --era path | head -n 1) == "era,level,ties,actor,name,metric,value,rank" ]]
then pass; else fail "csv by default when not on a terminal"; fi
# Same input, same bytes.
if "$ag" report "$data" --format json >"$tmp/d1" && "$ag" report "$data" --format json >"$tmp/d2" &&
   cmp -s "$tmp/d1" "$tmp/d2"; then pass; else fail "deterministic"; fi
if "$ag" report --help | grep -q -- '--metric LIST'; then pass; else fail "--help"; fi

# Usage errors (exit 2) and dataset errors (exit 1).
expect_error "unknown era" 2 "actorgraph: unknown era 'rolup' (did you mean 'rollup'?)" -- report "$data" --era rolup
expect_error "unknown era, no suggestion: the eras listed" 2 "actorgraph: unknown era 'zzzzzzzz' (the eras: path, star, triangle, rollup, eigen-tie, eigen-gap, hits-tie, hits-two, negative-only)" -- report "$data" --era zzzzzzzz
expect_error "unknown metric" 2 "actorgraph: unknown metric 'pagrank' (did you mean 'pagerank'?)" -- report "$data" --metric degree,pagrank
expect_error "unknown type" 2 "actorgraph: unknown relation type 'visits' (did you mean 'visit'?)" -- report "$data" --types visits
expect_error "unknown format" 2 "actorgraph: unknown format 'xml' (table, csv, json, md or html)" -- report "$data" --format xml
expect_error "unknown level" 2 "actorgraph: unknown level 'nation' (actor or state)" -- report "$data" --level nation
expect_error "unknown ties" 2 "actorgraph: unknown ties 'some' (all, positive or negative)" -- report "$data" --ties some
expect_error "bad --top" 2 "actorgraph: bad --top '-1' (a whole number, 0 for all)" -- report "$data" --top -1
expect_error "bad --from" 2 "actorgraph: bad --from date: unexpected character 'x' at position 2 in '19x5'" -- report "$data" --from 19x5
expect_error "window backwards" 2 "actorgraph: the window ends (1950) before it starts (1960)" -- report "$data" --from 1960 --to 1950
expect_error "--all with --era" 2 "actorgraph: --all and --era exclude each other" -- report "$data" --all --era path
expect_error "--from with --era" 2 "actorgraph: --from/--to and --era/--all exclude each other" -- report "$data" --from 1901 --era path
expect_error "missing value" 2 "actorgraph: option '--era' needs a value" -- report "$data" --era
expect_error "unknown option" 2 "actorgraph: unknown option '--bogus'" -- report "$data" --bogus
expect_error "not a dataset" 2 "actorgraph: 'no-such-folder' is not a dataset folder" -- report no-such-folder
expect_error "extra argument" 2 "actorgraph: unexpected argument 'extra'" -- report "$data" extra
rc=0
"$ag" report tests/data/bad-many >"$tmp/out" 2>"$tmp/err" || rc=$?
if [[ $rc == 1 && ! -s $tmp/out ]]; then pass; else fail "invalid dataset: exit $rc"; fi
expect_error "-o into a missing folder" 1 "actorgraph: $tmp/no/such.csv: cannot write: No such file or directory" \
    -- report "$data" -o "$tmp/no/such.csv"

# A dataset without eras: report, render and balance say what to do.
noera=$tmp/noera
mkdir -p "$noera"
cp tests/data/clean/actors.csv tests/data/clean/relations.csv "$noera/"
echo "id,name,period,note" >"$noera/eras.csv"
expect_error "report without eras" 1 "actorgraph: $noera: no eras to work on: add rows to eras.csv (id,name,period), or give a window with --from/--to" -- report "$noera" --format csv
expect_error "render without eras" 1 "actorgraph: $noera: no eras to work on: add rows to eras.csv (id,name,period), or give a window with --from/--to" -- render "$noera" -o "$tmp"
expect_error "balance without eras" 1 "actorgraph: $noera: no eras to work on: add rows to eras.csv (id,name,period), or give a window with --from/--to" -- balance "$noera"
run report "$noera" --from 1960 --to 1970 --format csv
if [[ $rc == 0 ]] && grep -q '^1960/1970,actor,all,' "$tmp/out"; then pass "a window needs no era"; else fail "a window needs no era"; fi

# -o to a device writes to it (renaming over it would replace the device
# with a file); -o through a link replaces the link's target, not the link.
if [[ -c /dev/full ]]; then
    expect_error "-o /dev/full" 1 "actorgraph: /dev/full: write error: No space left on device" -- report "$data" -o /dev/full --format csv
    if [[ -c /dev/full ]]; then pass "/dev/full is still a device"; else fail "/dev/full was replaced by a file"; fi
fi
run report "$data" -o /dev/stdout --format csv
if [[ $rc == 0 ]] && head -1 "$tmp/out" | grep -qx 'era,level,ties,actor,name,metric,value,rank'
then pass "-o /dev/stdout"; else fail "-o /dev/stdout"; fi
ln -s target.csv "$tmp/link.csv"
run report "$data" -o "$tmp/link.csv" --format csv
if [[ $rc == 0 && -L $tmp/link.csv && -f $tmp/target.csv ]] && head -1 "$tmp/target.csv" | grep -q '^era,'
then pass "-o through a link"; else fail "-o through a link"; fi

expect_error "-o with an empty name" 2 "actorgraph: -o needs a file name" -- report "$data" -o ""

# --threads: the same bytes whatever the number of threads (a generated
# dataset of some 480 actors, so that chunks hold several sources).
gen=graphs/new-great-game
if python3 tests/gen_dataset.py "$tmp/gen" --relations 3000 --states 300 >/dev/null 2>&1; then
    gen=$tmp/gen
fi
run report "$gen" --all --format csv --threads 1 -o "$tmp/t1.csv"
for k in 2 3; do
    run report "$gen" --all --format csv --threads $k -o "$tmp/t$k.csv"
    if [[ $rc == 0 ]] && cmp -s "$tmp/t1.csv" "$tmp/t$k.csv"; then pass "--threads 1 and $k: same bytes"
    else fail "--threads 1 and $k: same bytes"; fi
done
# --sample: estimates, the same for any number of threads, and said so.
run report "$gen" --all --format json --sample 50 --threads 1 -o "$tmp/s1.json"
expect "--sample 50 --threads 1" 0 "" "actorgraph: report: note: betweenness and harmonic are estimates from 50 sources per era (exact where there are no more actors than that)"
run report "$gen" --all --format json --sample 50 --threads 2 -o "$tmp/s2.json"
if [[ $rc == 0 ]] && cmp -s "$tmp/s1.json" "$tmp/s2.json" && grep -q '"estimated_from_sources": 50' "$tmp/s1.json"
then pass "--sample 50: same bytes with 2 threads, marked as estimates"
else fail "--sample 50: same bytes with 2 threads, marked as estimates"; fi
run report "$gen" --all --format json --sample 50 --quiet -o "$tmp/s3.json"
expect "--sample --quiet: no note" 0 "" ""
expect_error "--threads 0" 2 "actorgraph: bad --threads '0' (a whole number from 1 to 1024)" -- report "$data" --threads 0
expect_error "--sample -1" 2 "actorgraph: bad --sample '-1' (a whole number, 0 for exact)" -- report "$data" --sample -1

summary
