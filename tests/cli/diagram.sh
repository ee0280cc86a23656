#!/usr/bin/env bash
# CLI tests of what a reader of the diagrams would trip over: a state drawn
# twice in a comparison, a node clipped at an edge, a window's title that
# says its dates three times.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
ds=graphs/new-great-game

# The Cold War ends on 1991-12-26, the day Russia's relations begin: at
# state level RUS is in both eras beside the lineage match RUS (SUN). One
# node for Russia, holding the lines of both.
run compare "$ds" cold-war post-2001 --level state --diagram "$tmp/cmp.dot"
nodes=$(grep -c 'label="\?Russia' "$tmp/cmp.dot")
if [[ $rc == 0 && $nodes == 1 ]] && grep -q 'label="Russia\\n(A: SUN, RUS)"' "$tmp/cmp.dot" &&
    grep -q '^	PAK -- "RUS (SUN)"	\[change=lost' "$tmp/cmp.dot"
then pass "compare diagram: Russia once, with RUS's lines of era A"
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

summary diagram
