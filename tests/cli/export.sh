#!/usr/bin/env bash
# CLI tests of 'actorgraph export': formats, names that need escaping,
# atomic -o, determinism, usage errors. The values themselves are checked
# against an independent computation in tests/crosscheck/export_networkx.py.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
esc=tests/data/render-escape

# Every format, from -o's extension, well-formed and read back by NetworkX.
for fmt in graphml gexf json csv; do
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
t = sys.argv[1]
want = {"Q": 'Dr "Q"', "BS": "Back\\slash\\\\N", "LT": "<Tag> & Co", "E": "\u00c9milie \u00c7a",
        "AMP": "AT&T R&D"}
g = nx.read_graphml(t + "/e.graphml")
x = nx.read_gexf(t + "/e.gexf")
j = nx.node_link_graph(json.load(open(t + "/e.json", encoding="utf-8")))
ok = all(g.nodes[v]["name"] == n and x.nodes[v]["label"] == n and j.nodes[v]["name"] == n
         for v, n in want.items() if v in g.nodes)
ok = ok and set(g.nodes) == set(x.nodes) == set(j.nodes) and len(g.nodes) >= 4
sys.exit(0 if ok else 1)
PY
then pass "escaped names round-trip (graphml, gexf, json)"; else fail "escaped names round-trip"; fi

# The default format is GraphML on standard output; --format and an -o
# extension that disagree are a usage error.
run export "$esc"
if [[ $rc == 0 ]] && head -1 "$tmp/out" | grep -q '^<?xml' && grep -q '<graphml' "$tmp/out"
then pass "default: graphml on stdout"; else fail "default: graphml on stdout"; fi
expect_error "--format and -o disagree" 2 "actorgraph: --format csv and -o $tmp/x.graphml disagree" \
    -- export "$esc" --format csv -o "$tmp/x.graphml"
[[ ! -e $tmp/x.graphml ]] && pass || fail "--format and -o disagree: a file was written"

# GEXF is dynamic: the shipped dataset's Soviet Union lives 1922-12-30 to
# 1991-12-26, and a tie spans its relations' first and last days.
run export --era cold-war --format gexf
if grep -q '<graph defaultedgetype="undirected" mode="dynamic" timeformat="date">' "$tmp/out" &&
   grep -q '<node id="SUN" label="Soviet Union" start="1922-12-30" end="1991-12-26">' "$tmp/out"
then pass "gexf time spans"; else fail "gexf time spans"; fi

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
expect_error "unknown format" 2 "actorgraph: unknown format 'dot' (graphml, gexf, json or csv)" -- export --format dot
expect_error "unknown level" 2 "actorgraph: unknown level 'nation' (actor or state)" -- export --level nation
expect_error "unknown type" 2 "actorgraph: unknown relation type 'wars' (did you mean 'war'?)" -- export --types wars
expect_error "unknown option" 2 "actorgraph: unknown option '--bogus'" -- export --bogus
expect_error "missing value" 2 "actorgraph: option '--era' needs a value" -- export --era
expect_error "not a dataset" 2 "actorgraph: 'no-such-folder' is not a dataset folder" -- export no-such-folder
run export --help
if [[ $rc == 0 ]] && grep -q '^usage: actorgraph export' "$tmp/out"; then pass "--help"; else fail "--help"; fi

summary export
