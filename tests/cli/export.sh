#!/usr/bin/env bash
# CLI tests of 'actorgraph export': formats, names that need escaping,
# atomic -o, determinism, usage errors. The values themselves are checked
# against an independent computation in tests/crosscheck/export_networkx.py.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
esc=tests/data/render-escape

# Every format, from -o's extension, well-formed and read back by NetworkX.
for fmt in graphml gexf json cyjs csv; do
    run export "$esc" -o "$tmp/e.$fmt"
    expect "export -o e.$fmt" 0 "" ""
done
for fmt in graphml gexf; do
    if xmllint --noout "$tmp/e.$fmt" 2>"$tmp/x"; then pass "$fmt is well-formed XML"
    else fail "$fmt is well-formed XML" "$(cat "$tmp/x")"; fi
done
# Names with quotes, backslashes, <, & and accents come back intact.
if /usr/bin/python3 - "$tmp" <<'PY'
import json, sys, networkx as nx
sys.path.insert(0, "tests/lib")
from gexfread import read_gexf
t = sys.argv[1]
want = {"Q": 'Dr "Q"', "BS": "Back\\slash\\\\N", "LT": "<Tag> & Co", "E": "\u00c9milie \u00c7a",
        "AMP": "AT&T R&D"}
g = nx.read_graphml(t + "/e.graphml")
x = read_gexf(t + "/e.gexf")
j = nx.node_link_graph(json.load(open(t + "/e.json", encoding="utf-8")))
c = {n["data"]["id"]: n["data"] for n in
     json.load(open(t + "/e.cyjs", encoding="utf-8"))["elements"]["nodes"]}
ok = all(g.nodes[v]["label"] == n and g.nodes[v]["name"] == v and x.nodes[v]["label"] == n
         and j.nodes[v]["name"] == n and c[v]["name"] == n
         for v, n in want.items() if v in g.nodes)
ok = ok and set(g.nodes) == set(x.nodes) == set(j.nodes) == set(c) and len(g.nodes) >= 4
sys.exit(0 if ok else 1)
PY
then pass "escaped names round-trip (graphml, gexf, json, cyjs)"; else fail "escaped names round-trip"; fi

# The default format is GraphML on standard output; --format and an -o
# extension that disagree are a usage error.
run export "$esc"
if [[ $rc == 0 ]] && head -1 "$tmp/out" | grep -q '^<?xml' && grep -q '<graphml' "$tmp/out"
then pass "default: graphml on stdout"; else fail "default: graphml on stdout"; fi
expect_error "--format and -o disagree" 2 "actorgraph: --format csv and -o $tmp/x.graphml disagree" \
    -- export "$esc" --format csv -o "$tmp/x.graphml"
[[ ! -e $tmp/x.graphml ]] && pass || fail "--format and -o disagree: a file was written"
# the message names the format as typed, not what it maps to
expect_error "--format csv-nodes and -o disagree" 2 \
    "actorgraph: --format csv-nodes and -o $tmp/x.json disagree" \
    -- export "$esc" --format csv-nodes -o "$tmp/x.json"

# GEXF is dynamic: the shipped dataset's Soviet Union lives 1922-12-30 to
# 1991-12-26, within the Cold War era (1947-08-14/1991-12-25) from the
# era's first day.
run export --era cold-war --format gexf
if grep -q '<graph defaultedgetype="undirected" mode="dynamic" timeformat="date">' "$tmp/out" &&
   grep -A2 '<node id="SUN" label="Soviet Union">' "$tmp/out" |
       grep -q '<spell start="1947-08-14" end="1991-12-25"/>'
then pass "gexf node spell: lifetime within the era"; else fail "gexf node spell: lifetime within the era"; fi

# A tie active in 1955 and again in 1979 is two spells, its weight one per
# period (hand-computed: CENTO-PAK is a membership, +1, in 1955 and a
# withdrawal, -1, in 1979; W = 2 under all ties).
run export --format gexf
if grep -A17 '<edge id="[0-9]*" source="CENTO" target="PAK" weight="2">' "$tmp/out" >"$tmp/x" &&
   grep -q '<spell start="1955-02-24" end="1955-12-31"/>' "$tmp/x" &&
   grep -q '<spell start="1979-03-01" end="1979-03-16"/>' "$tmp/x" &&
   grep -q '<attvalue for="weight" value="1" start="1955-02-24" end="1955-12-31"/>' "$tmp/x" &&
   grep -q '<attvalue for="weight" value="1" start="1979-03-01" end="1979-03-16"/>' "$tmp/x"
then pass "gexf: one spell per period, weight over time"; else fail "gexf: one spell per period, weight over time"; fi
# Spans are clipped to the actors' lifetimes: Bangladesh exists from
# 1971-03-26, its secession relation with Pakistan is dated 1971.
if grep -A3 'source="BGD" target="PAK"' "$tmp/out" | grep -q '<spell start="1971-03-26" end="1971-12-31"/>'
then pass "gexf: spans clipped to lifetimes"; else fail "gexf: spans clipped to lifetimes"; fi
# What the schema catches: GEXF has no attribute type "int".
sed 's/type="integer"/type="int"/' "$tmp/out" >"$tmp/bad.gexf"
if XML_CATALOG_FILES=tests/schemas/catalog.xml xmllint --nonet --noout \
        --schema tests/schemas/gexf-1.3/gexf.xsd "$tmp/bad.gexf" 2>/dev/null
then fail "schema rejects type int"; else pass "schema rejects type int"; fi

# Gephi's tables: the node table keeps the isolated actors (post-2001 with
# positive ties: 25 vertices, 19 of them on an edge).
run export --era post-2001 --ties positive -o "$tmp/t.csv"
n_nodes=$(($(wc -l <"$tmp/t-nodes.csv") - 1))
n_ends=$(tail -n +2 "$tmp/t.csv" | cut -d, -f1,2 | tr , '\n' | sort -u | wc -l)
if [[ $rc == 0 && $n_nodes == 25 && $n_ends == 19 ]] &&
   head -1 "$tmp/t-nodes.csv" | grep -q '^Id,Label,Interval,kind,state,community,'
then pass "csv: node table with isolated actors"; else fail "csv: node table with isolated actors" "$n_nodes nodes, $n_ends on edges"; fi

# Communities as in report's summary (post-2001: 5 blocs of two or more and 6
# actors on their own, 11 in all).
run export --era post-2001 --format cyjs
if [[ $(/usr/bin/python3 -c 'import json,sys; print(len({n["data"]["community"] for n in json.load(open(sys.argv[1]))["elements"]["nodes"]}))' "$tmp/out") == 11 ]]
then pass "communities"; else fail "communities"; fi

# --edges relations: directed, one edge per relation with its type, date,
# cite and note (post-2001: 62 relations, all with a weight).
run export --era post-2001 --edges relations --format json
if /usr/bin/python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ok = d["directed"] and d["multigraph"] and len(d["links"]) == 62
ok = ok and all({"type", "date", "cite", "note", "sign", "directed"} <= set(l) for l in d["links"])
sys.exit(0 if ok else 1)
PY
then pass "--edges relations"; else fail "--edges relations"; fi

# --no-metrics leaves them out; metrics are there by default.
run export --era post-2001 --format json --no-metrics
if [[ $rc == 0 ]] && ! grep -q '"betweenness"' "$tmp/out"; then pass "--no-metrics"; else fail "--no-metrics"; fi
run export --era post-2001 --format json
if grep -q '"betweenness"' "$tmp/out"; then pass "metrics by default"; else fail "metrics by default"; fi

# The same input gives the same bytes.
"$ag" export --format gexf >"$tmp/d1" && "$ag" export --format gexf >"$tmp/d2"
if cmp -s "$tmp/d1" "$tmp/d2"; then pass "deterministic"; else fail "deterministic"; fi

# A failed export leaves no file, and an existing one untouched.
echo keep >"$tmp/keep.graphml"
expect_error "unknown era" 2 "actorgraph: unknown era 'post2001' (did you mean 'post-2001'?)" \
    -- export --era post2001 -o "$tmp/keep.graphml"
if [[ $(cat "$tmp/keep.graphml") == keep ]] && [[ -z $(ls "$tmp" | grep '\.tmp\.') ]]
then pass "nothing written on error"; else fail "nothing written on error"; fi
expect_error "-o into a missing folder" 1 "actorgraph: $tmp/no/g.graphml: cannot write: No such file or directory" \
    -- export -o "$tmp/no/g.graphml"

# Usage errors.
expect_error "unknown format" 2 "actorgraph: unknown format 'dot' (graphml, gexf, json, cyjs, csv or csv-nodes)" -- export --format dot
expect_error "unknown --edges" 2 "actorgraph: unknown --edges 'arcs' (dyads or relations)" -- export --edges arcs
expect_error "unknown level" 2 "actorgraph: unknown level 'nation' (actor or state)" -- export --level nation
expect_error "unknown type" 2 "actorgraph: unknown relation type 'wars' (did you mean 'war'?)" -- export --types wars
expect_error "unknown option" 2 "actorgraph: unknown option '--bogus'" -- export --bogus
expect_error "missing value" 2 "actorgraph: option '--era' needs a value" -- export --era
expect_error "not a dataset" 2 "actorgraph: 'no-such-folder' is not a dataset folder" -- export no-such-folder
run export --help
if [[ $rc == 0 ]] && grep -q '^usage: actorgraph export' "$tmp/out"; then pass "--help"; else fail "--help"; fi

summary export
