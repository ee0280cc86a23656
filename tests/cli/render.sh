#!/usr/bin/env bash
# tests/cli/render.sh: 'actorgraph render' run as a user runs it: the
# golden DOT of a small fixture, one well-formed SVG (xmllint) and one PNG
# per era, byte-identical output on a second run, names with quotes,
# backslashes, <, & and accents intact in DOT and SVG, and the exact error
# line and exit status of each bad invocation.
#
# Usage, from the repository root (ctest does this as cli_render):
#   bash tests/cli/render.sh PATH-TO-ACTORGRAPH
# Prints one line per check, then "N passed, M failed"; exits 1 when any
# check failed. Set AG_UPDATE_GOLDEN=1 to rewrite the golden DOT file.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
command -v xmllint >/dev/null || { echo "render.sh: xmllint is missing (libxml2-utils)" >&2; exit 2; }

data=tests/data
small=$data/render-small
esc=$data/render-escape

# check NAME COMMAND...: passes when the command succeeds.
check() {
    local name=$1
    shift
    if "$@" >"$tmp/check.out" 2>&1; then
        pass "$name"
    else
        fail "$name" "$(head -10 "$tmp/check.out")"
    fi
}

is_png() { [[ $(head -c 8 "$1" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; }
is_pdf() { [[ $(head -c 5 "$1") == %PDF- ]]; }

# The text of the SVG node whose <title> is $2 (its label, one line).
svg_label() {
    xmllint --xpath "string(//*[local-name()='g'][@class='node'][*[local-name()='title']='$2']//*[local-name()='text'])" "$1"
}

# ---- DOT ---------------------------------------------------------------------

run render "$small" --era fifties --format dot
if [[ ${AG_UPDATE_GOLDEN:-} == 1 ]]; then
    cp "$tmp/out" "$small/expected.dot"
fi
expect "dot: the golden file, byte for byte" 0 - ""
check "dot: identical to $small/expected.dot" cmp "$tmp/out" "$small/expected.dot"

run render "$small" --era fifties --format dot --engine circo --size-by degree
expect "dot: --engine and --size-by" 0 - ""
check "dot: the engine is named in the graph" grep -q '^		layout=circo,$' "$tmp/out"
check "dot: nodes carry the size-by metric" grep -q '^	CCC	\[community=1,$' "$tmp/out"
check "dot: degree of CCC" grep -q '^		degree=4,$' "$tmp/out"

run render "$small" --era fifties --format dot --level state --ties positive --types alliance,visit
expect "dot: --level, --ties and --types" 0 - ""
check "dot: the title says how it was sliced" \
    grep -q 'state level · positive ties only · types: alliance, visit' "$tmp/out"
check "dot: no leader at state level" bash -c "! grep -q '^	lead	' '$tmp/out'"

# ---- SVG, PNG, PDF for every era ---------------------------------------------

run render "$small" --all --format svg -o "$tmp/svg"
expect "svg --all: one file per era, paths printed" 0 \
    "$tmp/svg/fifties.svg
$tmp/svg/quiet.svg" ""
for era in fifties quiet; do
    check "svg: $era.svg is well-formed XML" xmllint --noout "$tmp/svg/$era.svg"
done
check "svg: a title" grep -q '>The fifties</text>' "$tmp/svg/fifties.svg"
check "svg: a legend" grep -q '>Actors: shape = kind</text>' "$tmp/svg/fifties.svg"
check "svg: edge tooltips list the cited relations" \
    grep -q 'xlink:title="Aland (AAA) – Borduria (BBB)&#10;mixed, W 5' "$tmp/svg/fifties.svg"
check "svg: an empty era still has its title" grep -q '>A quiet time</text>' "$tmp/svg/quiet.svg"

run render "$small" --all --format svg -o "$tmp/svg2/"
expect "svg --all again" 0 - ""
for era in fifties quiet; do
    check "svg: $era.svg byte-identical on a second run" cmp "$tmp/svg/$era.svg" "$tmp/svg2/$era.svg"
done

for fmt in png pdf; do
    run render "$small" --all --format "$fmt" -o "$tmp/$fmt"
    expect "$fmt --all" 0 - ""
    run render "$small" --all --format "$fmt" -o "$tmp/${fmt}2"
    for era in fifties quiet; do
        check "$fmt: $era.$fmt is a $fmt file" "is_$fmt" "$tmp/$fmt/$era.$fmt"
        check "$fmt: $era.$fmt byte-identical on a second run" \
            cmp "$tmp/$fmt/$era.$fmt" "$tmp/${fmt}2/$era.$fmt"
    done
done

run render "$small" --era fifties -o "$tmp/one.png"
expect "-o FILE: the format from its extension" 0 "$tmp/one.png" ""
check "-o FILE: a PNG" is_png "$tmp/one.png"
check "-o FILE: nothing left behind" bash -c "[[ \$(ls '$tmp' | grep -c '^one') == 1 ]]"

# ---- escaping -----------------------------------------------------------------

run render "$esc" --era all --format dot
expect "escape: dot" 0 - -
check "escape dot: quotes" grep -qF 'label="Dr \"Q\""' "$tmp/out"
check "escape dot: backslashes doubled" grep -qF 'label="Back\\slash\\\\N"' "$tmp/out"
check "escape dot: & as an entity" grep -qF 'label="AT&amp;T R&amp;D"' "$tmp/out"
check "escape dot: < kept" grep -qF 'label="<Tag> &amp; Co"' "$tmp/out"
check "escape dot: accents kept" grep -qF 'label="Émilie Ça"' "$tmp/out"

run render "$esc" --era all --format svg -o "$tmp/esc.svg"
expect "escape: svg" 0 "$tmp/esc.svg" -
check "escape svg: well-formed XML" xmllint --noout "$tmp/esc.svg"
# Parsed by an XML reader, each label is the actor's name, exactly.
while IFS=, read -r id name; do
    got=$(svg_label "$tmp/esc.svg" "$id" 2>&1) || true
    if [[ $got == "$name" ]]; then
        pass "escape svg: $id reads '$name'"
    else
        fail "escape svg: $id reads '$name'" "got '$got'"
    fi
done <<'EOF'
Q,Dr "Q"
BS,Back\slash\\N
LT,<Tag> & Co
E,Émilie Ça
AMP,AT&T R&D
EOF
title=$(xmllint --xpath "string(//*[local-name()='text'][@font-size='26.00'])" "$tmp/esc.svg" 2>&1) || true
if [[ $title == 'Everything "quoted" & <escaped> \ é' ]]; then
    pass "escape svg: the era's name in the title"
else
    fail "escape svg: the era's name in the title" "got '$title'"
fi
tip=$(xmllint --xpath "string(//*[local-name()='g'][@id='a_node2']/*[local-name()='a']/@*[local-name()='title'])" "$tmp/esc.svg" 2>&1) || true
if [[ ${tip%%$'\n'*} == 'Back\slash\\N (BS)' ]]; then
    pass "escape svg: the name in the node's tooltip"
else
    fail "escape svg: the name in the node's tooltip" "got '$tip'"
fi

# ---- errors -------------------------------------------------------------------

usage_hint="Try 'actorgraph render --help' for more information."
run render "$small" --era nope
expect "unknown era: exit 2, the eras listed" 2 "" "actorgraph: unknown era 'nope' (the eras: fifties, quiet)"
run render "$small" --era fiftie
expect "unknown era: a suggestion" 2 "" "actorgraph: unknown era 'fiftie' (did you mean 'fifties'?)"
run render "$small" --format jpeg
expect "bad --format" 2 "" "actorgraph: unknown format 'jpeg' (dot, svg, png or pdf)
$usage_hint"
run render "$small" --engine twopi
expect "bad --engine" 2 "" "actorgraph: bad --engine 'twopi' (neato, fdp, sfdp, dot or circo)
$usage_hint"
run render "$small" --size-by betweeness
expect "bad --size-by: a suggestion" 2 "" "actorgraph: unknown metric 'betweeness' (did you mean 'betweenness'?)
$usage_hint"
run render "$small" --size-by degree,strength
expect "--size-by takes one metric" 2 "" "actorgraph: --size-by takes one metric, not 'degree,strength'
$usage_hint"
run render "$small" --types alliance,pact
expect "bad --types" 2 "" "actorgraph: unknown relation type 'pact'
$usage_hint"
run render "$small" --all --era fifties
expect "--all with --era" 2 "" "actorgraph: --all and --era exclude each other
$usage_hint"
: >"$tmp/afile"
run render "$small" --all -o "$tmp/afile"
expect "several eras into a file" 2 "" "actorgraph: '$tmp/afile' is a file; several eras need a folder
$usage_hint"
run render "$small" --era fifties -o "$tmp/no/such/dir/x.svg"
expect "unwritable output: exit 1, nothing written" 1 "" \
    "actorgraph: $tmp/no/such/dir/x.svg: cannot write: No such file or directory"
# The shipped dataset's Cold War diagram has neither Russia (whose relations
# start on 1991-12-26, the day after the era ends) nor the 1990s Afghan
# factions (dated 199X, mostly after the Cold War); --dates possible brings
# the factions back, never Russia.
ngg=graphs/new-great-game
nodes() { grep -oE '^	(RUS|SUN|afg_[a-z]+_groups)	\[' "$1" | tr -d '\t[' | sort | tr '\n' ' '; }
if "$ag" render "$ngg" --era cold-war --format dot -o "$tmp/cw.dot" >/dev/null &&
   [[ $(nodes "$tmp/cw.dot") == "SUN " ]]; then pass; else fail "cold war: no RUS, no factions"; fi
if "$ag" render "$ngg" --era cold-war --dates possible --format dot -o "$tmp/cwp.dot" >/dev/null &&
   [[ $(nodes "$tmp/cwp.dot") == "SUN afg_hazara_groups afg_pashtun_groups afg_tajik_groups afg_uzbek_groups " ]]
then pass; else fail "cold war, --dates possible: the factions, no RUS"; fi

run render "$small" --help
expect "--help" 0 - ""
check "--help: the usage line" grep -q '^usage: actorgraph render ' "$tmp/out"

summary
