#!/usr/bin/env bash
# tests/cli/run.sh: 'actorgraph run', the main job: the files it writes,
# that they agree with the single commands, byte-identical reruns, nothing
# half-written. Run from the repository root as:
#   bash tests/cli/run.sh path/to/actorgraph
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

# A dataset with two main eras (a, b) and one inside a (a1).
ds=$tmp/lineage
mkdir -p "$ds"
cp tests/data/compare-basic/actors.csv tests/data/compare-basic/relations.csv "$ds/"
cat >"$ds/eras.csv" <<'CSV'
id,name,period,note
b,Era B,1990/1999,
a1,Early A,1950/1952,inside a: not a main era
a,Era A,1950/1959,
CSV

rc=0
"$ag" run "$ds" -o "$tmp/out" >"$tmp/stdout" 2>"$tmp/stderr" || rc=$?
if [[ $rc == 0 ]]; then pass; else fail "run: exit $rc"; cat "$tmp/stderr"; fi
if [[ ! -s $tmp/stdout ]]; then pass; else fail "run wrote to standard output"; fi
if [[ $(head -n 1 "$tmp/stderr") == "actorgraph: run: $ds: 7 actors, 14 relations, 3 eras, into $tmp/out/lineage/" &&
      $(tail -n 1 "$tmp/stderr") == "actorgraph: run: done: $tmp/out/lineage/index.html" ]]; then pass
else fail "progress lines"; cat "$tmp/stderr"; fi

out=$tmp/out/lineage
(cd "$out" && find . -type f | sort) >"$tmp/files"
{
    echo ./balance.csv; echo ./balance.json; echo ./balance.md
    for f in actors correlations dyads relations summary; do echo "./compare/a-vs-b-$f.csv"; done
    for f in dot json md png svg; do echo "./compare/a-vs-b.$f"; done
    for e in a a1 b; do for f in csv dot gexf graphml json md png svg; do echo "./eras/$e.$f"; done; done
    echo ./index.html; echo ./index.md; echo ./timeline.csv; echo ./timeline.md
} | sort >"$tmp/want"
if diff -u "$tmp/want" "$tmp/files"; then pass; else fail "the files written"; fi

# The files say what the single commands say.
same() {
    local name=$1 file=$2
    shift 2
    if "$ag" "$@" >"$tmp/single" 2>/dev/null && cmp -s "$tmp/single" "$file"; then pass
    else fail "$name: $file differs from 'actorgraph $*'"; fi
}
same "era report csv" "$out/eras/a.csv" report "$ds" --era a --format csv
same "era report json" "$out/eras/b.json" report "$ds" --era b --format json
same "era report md" "$out/eras/a1.md" report "$ds" --era a1 --format md
same "era diagram dot" "$out/eras/a.dot" render "$ds" --era a --format dot
same "balance csv" "$out/balance.csv" balance "$ds" --format csv
same "balance md" "$out/balance.md" balance "$ds" --format md
same "compare dyads" "$out/compare/a-vs-b-dyads.csv" compare "$ds" a b --format csv --table dyads
same "compare md" "$out/compare/a-vs-b.md" compare "$ds" a b --format md
same "era graph gexf" "$out/eras/b.gexf" export "$ds" --era b --format gexf
same "era graph graphml" "$out/eras/a1.graphml" export "$ds" --era a1 --format graphml
same "timeline csv" "$out/timeline.csv" timeline "$ds" --metric all --format csv
same "timeline md" "$out/timeline.md" timeline "$ds" --metric degree,betweenness,pagerank --format md
if "$ag" compare "$ds" a b --table summary --diagram "$tmp/d.dot" >/dev/null &&
   cmp -s "$tmp/d.dot" "$out/compare/a-vs-b.dot"; then pass; else fail "compare diagram"; fi

# index.md ties them together.
for want in '# lineage' \
            'Era A (1950/1959) → Era B (1990/1999): the first and the last of the main eras (those with relations whose period does not lie inside another era'"'"'s), by date.' \
            '![Era A → Era B](compare/a-vs-b.png)' \
            '- Matched by lineage: OLD (Old State) in a is NEW (New State) in b.' \
            '- Dyads: 2 flipped, 2 gained, 2 lost, 2 kept.' \
            '- Flipped: NEW (OLD)–P, net − → +.' \
            '![Era A](eras/a.png)'; do
    if grep -qxF -- "$want" "$out/index.md"; then pass; else fail "index.md: missing '$want'"; fi
done
for f in $(grep -o '](\([^)]*\))' "$out/index.md" | sed 's/^](//; s/)$//'); do
    [[ -f $out/$f ]] || fail "index.md links to a missing file: $f"
done
pass
# index.html: its links lead to files that are there, and it names them all.
links=$(grep -o 'href="[^"#][^"]*"' "$out/index.html" | sed 's/^href="//; s/"$//' | sort -u)
n=0
for f in $links; do
    n=$((n + 1))
    [[ -f $out/$f ]] || fail "index.html links to a missing file: $f"
done
if ((n >= 20)); then pass; else fail "index.html links to only $n files"; fi

# A second run gives the same bytes, and nothing temporary is left.
cp -r "$out" "$tmp/first"
"$ag" run "$ds" -o "$tmp/out" --quiet 2>"$tmp/stderr2"
if diff -r "$tmp/first" "$out" >/dev/null; then pass; else fail "second run differs"; fi
if [[ ! -s $tmp/stderr2 ]]; then pass; else fail "--quiet printed progress"; fi
if [[ -z $(find "$tmp/out" -name '*.tmp.*') ]]; then pass; else fail "temporary files left"; fi

# Fewer than two main eras: no comparison, said so.
"$ag" run tests/data/balance-basic -o "$tmp/out" -q
if grep -q "no comparison" "$tmp/out/balance-basic/index.md" && [[ ! -e $tmp/out/balance-basic/compare ]]
then pass; else fail "no comparison"; fi

# The options of the job: a dataset about 1959-63 with one membership
# open-ended since 1948. The timeline starts with the earliest relation
# bounded at both ends (1959), not 1948; --compare picks the pair; --ties
# reaches every era's report.
cuba=$tmp/cuba
mkdir -p "$cuba"
cat >"$cuba/actors.csv" <<'CSV'
id,name,kind,parent,continues,active,note
USA,United States,state,,,,
CUB,Cuba,state,,,,
SUN,Soviet Union,state,,,,
OAS,Organization of American States,organisation,,,,
CSV
cat >"$cuba/relations.csv" <<'CSV'
source,target,type,date,sign,weight,cite,note
USA,OAS,membership,1948/..,,,charter,
CUB,SUN,agreement,1960-02,,,fn 1,
USA,CUB,sanction,1960-10,,,fn 2,
USA,CUB,intervention,1961-04,,,fn 3,
SUN,CUB,arms-sale,1962-09,,,fn 4,
USA,SUN,threat,1962-10-22,,,fn 5,
USA,SUN,agreement,1963-06,,,fn 6,
CSV
cat >"$cuba/eras.csv" <<'CSV'
id,name,period,note
before,Before the crisis,1959/1962-09,
crisis,Missile crisis,1962-10-14/1962-10-28,
after,After the crisis,1962-10-29/1963-12-31,
CSV
rc=0
"$ag" run "$cuba" -o "$tmp/out" -q --compare before crisis --ties negative --window 1y --step 1y \
    2>"$tmp/err" || rc=$?
if [[ $rc == 0 ]]; then pass; else fail "run with options: exit $rc" "$(cat "$tmp/err")"; fi
if [[ $(sed -n 2p "$tmp/out/cuba/timeline.csv" | cut -d, -f1) == 1960-02-01/1961-01-31 ]]; then pass
else fail "the timeline starts with the first bounded relation" "$(sed -n 2p "$tmp/out/cuba/timeline.csv")"; fi
if [[ -s $tmp/out/cuba/compare/before-vs-crisis.md ]] &&
   grep -qxF 'Before the crisis (1959/1962-09) → Missile crisis (1962-10-14/1962-10-28), the pair chosen for this run.' \
       "$tmp/out/cuba/index.md"; then pass
else fail "--compare before crisis"; fi
if grep -qF 'Actor level, negative ties, all relation types;' "$tmp/out/cuba/index.md" &&
   grep -qF 'Every metric in 1-year windows a year apart' "$tmp/out/cuba/index.md"; then pass
else fail "index.md names the options"; fi
"$ag" report "$cuba" --era crisis --ties negative --format csv >"$tmp/crisis.csv"
if cmp -s "$tmp/crisis.csv" "$tmp/out/cuba/eras/crisis.csv"; then pass
else fail "--ties negative reaches the eras' reports"; fi
rc=0
"$ag" run "$cuba" -o "$tmp/out" -q --compare before nope 2>"$tmp/err" || rc=$?
if [[ $rc == 2 && $(head -n 1 "$tmp/err") == "actorgraph: unknown era 'nope'" ]]; then pass
else fail "--compare: unknown era" "$(cat "$tmp/err")"; fi

# Errors.
touch "$tmp/file"
rc=0
"$ag" run "$ds" -o "$tmp/file" -q 2>"$tmp/err" || rc=$?
if [[ $rc == 1 && $(head -n 1 "$tmp/err") == "actorgraph: $tmp/file/lineage/eras: cannot create folder: Not a directory" ]]; then pass
else fail "output under a file: exit $rc, '$(head -n 1 "$tmp/err")'"; fi
rc=0
"$ag" run "$ds" --bogus 2>"$tmp/err" || rc=$?
if [[ $rc == 2 && $(head -n 1 "$tmp/err") == "actorgraph: unknown option '--bogus'" ]]; then pass
else fail "unknown option"; fi

# The default dataset, as scripts/run does it.
if "$ag" run -o "$tmp/ngg" -q && [[ -s $tmp/ngg/new-great-game/compare/cold-war-vs-post-2001.png ]] &&
   grep -qxF -- '- Flipped: PAK–RUS (SUN), net − → +.' "$tmp/ngg/new-great-game/index.md"; then pass
else fail "default dataset"; fi

summary
