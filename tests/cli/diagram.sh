#!/usr/bin/env bash
# CLI tests of the diagrams: what a reader would trip over (a state drawn
# twice in a comparison, a node clipped at an edge, a window's title that
# says its dates three times), one layout for several eras, where the
# legend goes, an actor's neighbourhood, and the direction of one-way ties.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
ds=graphs/new-great-game

# Russia is one lineage with the Soviet Union: one node for it, the match
# RUS (SUN), whichever of the two an era holds (the Cold War now ends the
# day before the Russian Federation's first, so RUS itself is not in it).
run compare "$ds" cold-war post-2001 --level state --diagram "$tmp/cmp.dot"
nodes=$(grep -c 'label="\?Russia' "$tmp/cmp.dot")
if [[ $rc == 0 && $nodes == 1 ]] && grep -q 'label="Russia\\n(A: SUN)"' "$tmp/cmp.dot"
then pass "compare diagram: Russia once, as the match of the Soviet Union"
else fail "compare diagram: Russia $nodes times" "$(grep Russia "$tmp/cmp.dot")"; fi

# No node reaches outside the picture, in the comparisons of every fixture
# and of the shipped dataset.
if [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import lxml' 2>/dev/null; then
    svgs=()
    for pair in "tests/data/compare-basic a b" "tests/data/compare-basic a2 b" \
        "tests/data/compare-basic a all" "$ds cold-war post-2001" "$ds crisis-1971 post-ukraine"; do
        read -r d a b <<<"$pair"
        for level in actor state; do
            f="$tmp/${d//\//_}-$a-$b-$level.svg"
            "$ag" compare "$d" "$a" "$b" --level "$level" --diagram "$f" >/dev/null 2>&1 && svgs+=("$f")
        done
    done
    if ((${#svgs[@]} == 10)) && /usr/bin/python3 tests/lib/svg_clip.py "${svgs[@]}" >"$tmp/clip"
    then pass "compare diagrams: no node clipped (10 diagrams)"
    else fail "compare diagrams clipped" "${#svgs[@]} drawn" "$(cat "$tmp/clip")"; fi
else
    echo "skip clipping check: /usr/bin/python3 with lxml is missing"
fi

# A window given by --from/--to is its own name, id and period: said once.
run report "$ds" --from 1962-10 --to 1962-10 --format table
if [[ $rc == 0 && $(head -1 "$tmp/out") == "Window 1962-10/1962-10  ·  actor level, all ties" ]]
then pass "report: a window's title"; else fail "report: a window's title" "$(head -1 "$tmp/out")"; fi
run report "$ds" --from 1962-10 --to 1962-10 --format md
if [[ $rc == 0 ]] && grep -qx "## Window 1962-10/1962-10" "$tmp/out"
then pass "report md: a window's heading"; else fail "report md: a window's heading" "$(grep '^##' "$tmp/out")"; fi

# --same-layout: the eras drawn share one layout on the union of their
# graphs: an actor in several eras has the same centre in each, and every
# picture the same frame.
run render "$ds" --era cold-war --era post-2001 --era crisis-1971 --same-layout --format svg -o "$tmp/same/"
centre() { grep -A3 "<title>$1</title>" "$2" | grep -o 'cx="[^"]*" cy="[^"]*"' | head -1; }
width() { grep -o 'viewBox="[^"]*"' "$1" | cut -d' ' -f3; }
bad=()
for a in PAK IND SUN USA; do
    c1=$(centre "$a" "$tmp/same/cold-war.svg") c2=$(centre "$a" "$tmp/same/crisis-1971.svg")
    [[ -n $c1 && $c1 == "$c2" ]] || bad+=("$a: cold-war $c1, crisis-1971 $c2")
done
for a in PAK IND USA; do
    c1=$(centre "$a" "$tmp/same/cold-war.svg") c2=$(centre "$a" "$tmp/same/post-2001.svg")
    [[ -n $c1 && $c1 == "$c2" ]] || bad+=("$a: cold-war $c1, post-2001 $c2")
done
w1=$(width "$tmp/same/cold-war.svg") w2=$(width "$tmp/same/post-2001.svg") w3=$(width "$tmp/same/crisis-1971.svg")
[[ $w1 == "$w2" && $w1 == "$w3" ]] || bad+=("widths $w1 $w2 $w3")
# Without it each era is laid out afresh: Pakistan moves.
"$ag" render "$ds" --era cold-war --era post-2001 --format svg -o "$tmp/own/" >/dev/null
[[ $(centre PAK "$tmp/own/cold-war.svg") != "$(centre PAK "$tmp/own/post-2001.svg")" ]] ||
    bad+=("Pakistan keeps its place even without --same-layout: the check proves nothing")
if [[ $rc == 0 && ${#bad[@]} == 0 ]]; then pass "--same-layout: actors keep their places, one frame"
else fail "--same-layout" "${bad[@]}" "$(cat "$tmp/err")"; fi

# --legend side: the legend is a node right of every actor; none: no legend.
run render "$ds" --era crisis-1971 --legend side -o "$tmp/side.svg"
side_w=$(grep -o 'viewBox="[^"]*"' "$tmp/side.svg" | cut -d' ' -f3)
legend_x=$(grep -A3 '<title>legend key</title>' "$tmp/side.svg" | grep -o 'points="[-0-9.]*' | head -1 | cut -d'"' -f2)
max_x=$(grep -A3 '<g id="node' "$tmp/side.svg" | grep -o 'cx="[-0-9.]*"' | cut -d'"' -f2 | sort -n | tail -1)
if [[ $rc == 0 && -n $legend_x && -n $max_x ]] && awk -v l="$legend_x" -v m="$max_x" -v w="$side_w" 'BEGIN { exit !(l > m && w < 1500) }'
then pass "--legend side: right of the diagram"; else fail "--legend side" "legend at $legend_x, nodes to $max_x, width $side_w"; fi
run render "$ds" --era crisis-1971 --legend none -o "$tmp/none.svg"
if [[ $rc == 0 ]] && ! grep -q 'Actors: shape = kind' "$tmp/none.svg" && grep -q 'East Pakistan crisis' "$tmp/none.svg"
then pass "--legend none: title, no legend"; else fail "--legend none"; fi
expect_error "--legend: bad value" 2 "actorgraph: bad --legend 'left' (top, side or none)" -- render "$ds" --legend left

# Same bytes twice with a shared layout and a legend beside.
bad=()
for ext in svg png pdf; do
    for i in 1 2; do
        "$ag" render "$ds" --era cold-war --era post-2001 --same-layout --legend side --format "$ext" -o "$tmp/r$i/" >/dev/null 2>&1
    done
    for e in cold-war post-2001; do
        [[ -s $tmp/r1/$e.$ext ]] && cmp -s "$tmp/r1/$e.$ext" "$tmp/r2/$e.$ext" || bad+=("$e.$ext")
    done
done
if ((${#bad[@]} == 0)); then pass "--same-layout --legend side: same bytes twice"
else fail "--same-layout --legend side: bytes differ" "${bad[@]}"; fi

# --ego: the actor and its neighbours in the era's edge table (export), no
# one else; depth 0 is the actor alone; files named ERA-ACTOR.EXT.
"$ag" export "$ds" --era post-2001 --format csv -o "$tmp/edges.csv"
want=$( (echo PAK; awk -F, 'NR > 1 && $1 == "PAK" { print $2 } NR > 1 && $2 == "PAK" { print $1 }' "$tmp/edges.csv") | sort -u)
run render "$ds" --era post-2001 --ego PAK --format svg -o "$tmp/ego/"
got=$(grep -A1 'class="node"' "$tmp/ego/post-2001-PAK.svg" | sed -n 's/^<title>\(.*\)<\/title>$/\1/p' | sort -u)
if [[ $rc == 0 && -n $got && $got == "$want" ]] && grep -q "Around Pakistan: the $(wc -l <<<"$want") actors within 1 line of it" "$tmp/ego/post-2001-PAK.svg"
then pass "--ego PAK: Pakistan and its $(($(wc -l <<<"$want") - 1)) neighbours"
else fail "--ego PAK" "want: $(echo $want)" "got:  $(echo $got)"; fi
run render "$ds" --era post-2001 --ego PAK --depth 0 --format dot
if [[ $rc == 0 && $(grep -c '^	[A-Za-z_"][^-]*	\[' "$tmp/out") == 1 ]] && grep -q '^	PAK	\[' "$tmp/out"
then pass "--ego --depth 0: the actor alone"; else fail "--ego --depth 0" "$(grep -c '^	' "$tmp/out")"; fi
expect_error "--ego: unknown actor" 2 "actorgraph: unknown actor 'PAKK' (did you mean 'PAK'?)" -- render "$ds" --ego PAKK
expect_error "--ego: absent from the era" 1 "actorgraph: era 'crisis-1971': 'RUS' has no relations in this era" -- render "$ds" --era crisis-1971 --ego RUS --format dot

# Direction where it matters: in 1971 Bangladesh secedes from Pakistan and
# Kissinger visits China (one-way directed types: an arrowhead at the
# target); the Indo-Soviet treaty (undirected) has none. Each edge is
# written "tail -- head": dir=back points at the tail.
run render "$ds" --era crisis-1971 --format dot
edge_attrs() { awk -v e="$1" '$0 ~ "^\t" e "\t" { on = 1 } on { print } on && /\];$/ { exit }' "$tmp/out"; }
if [[ $rc == 0 ]] && edge_attrs 'PAK -- BGD' | grep -q 'dir=back' &&
    edge_attrs 'kissinger -- CHN' | grep -q 'dir=forward' &&
    ! edge_attrs 'SUN -- IND' | grep -q 'dir=' && grep -q 'one-way: its type' "$tmp/out"
then pass "direction: arrows on one-way directed ties only"
else fail "direction" "$(edge_attrs 'PAK -- BGD')" "$(edge_attrs 'kissinger -- CHN')"; fi

summary diagram
