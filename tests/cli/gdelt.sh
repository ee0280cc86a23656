#!/usr/bin/env bash
# Real data at scale: the 100,164 GDELT events about Georgia (../shared/data/
# gdelt-georgia, beside the repository on the project's machines and in CI)
# imported, checked, measured and exported end to end. Skipped, and said so,
# where the data is not there.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
data=../shared/data/gdelt-georgia
if [[ ! -d $data ]]; then
    echo "skipped: $data is not there"
    exit 77
fi
ds=$tmp/gdelt

run import gdelt "$data" -o "$ds" --quiet
expect "import" 0 "" "import: 100164 records read, 52349 relations written to $ds; skipped 47579 with one actor, 236 self-relations, 0 malformed; 1423 actors, 23 eras"

# Duplicate events are warnings; the data loads.
run check "$ds" --quiet
expect "check" 0 ""
if [[ $(grep -c 'warning: duplicate relation' "$tmp/err") == 10872 && $(grep -vc 'warning: duplicate relation' "$tmp/err") == 0 ]]
then pass "check: only duplicate-event warnings"; else fail "check warnings"; fi

# A month at state level: the United States has the most partners.
run report "$ds" --era 2012-02 --level state --metric degree --format csv
if [[ $rc == 0 ]] && [[ $(sort -t, -k8,8n "$tmp/out" | awk -F, '$8 == 1 {print $4 "," $7}') == "USA,125" ]]
then pass "report 2012-02: USA first by degree"; else fail "report 2012-02" "$(head -3 "$tmp/out")"; fi

# GraphML of a month, read back by NetworkX with the report's node count.
run export "$ds" --era 2012-02 --level state --no-metrics --format graphml -o "$tmp/m.graphml"
nodes=$(/usr/bin/python3 -c 'import networkx as nx, sys; print(nx.read_graphml(sys.argv[1]).number_of_nodes())' "$tmp/m.graphml" 2>&1)
want=$("$ag" report "$ds" --era 2012-02 --level state --metric degree --format csv | tail -n +2 | wc -l)
if [[ $rc == 0 && $nodes == "$want" ]]; then pass "export 2012-02: $nodes nodes"; else fail "export 2012-02" "$nodes vs $want"; fi

# Balance of every month names at most 25 triangles each.
run balance "$ds" --format json -o "$tmp/b.json"
if [[ $rc == 0 ]] && /usr/bin/python3 -c '
import json, sys
eras = json.load(open(sys.argv[1]))["eras"]
sys.exit(not (len(eras) == 23 and all(len(e["named_triangles"]) <= 25 for e in eras)
              and any(e["triangles_not_named"] > 0 for e in eras)))' "$tmp/b.json"
then pass "balance: 23 eras, named triangles capped"; else fail "balance"; fi

summary gdelt
