#!/usr/bin/env bash
# CLI tests of the charts: timeline --plot, compare --plot and trajectory
# (--plot) on the shipped dataset. SVG parses (xmllint) and names its lines,
# PNG has the documented size, PDF carries no date, every format gives the
# same bytes twice; trajectory's figures equal report's for the same era.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
ds=graphs/new-great-game

# The description cairo's SVG lacks (its text is glyph outlines).
svg_desc() {
    xmllint --xpath 'string(/*[local-name()="svg"]/*[local-name()="desc"])' "$1" 2>/dev/null
}

if command -v xmllint >/dev/null; then
    run timeline "$ds" --actors PAK,SUN,IND,USA --from 1947 --to 2015 --format csv \
        -o "$tmp/tl.csv" --plot "$tmp/tl.svg"
    if [[ $rc == 0 ]] && xmllint --noout "$tmp/tl.svg" 2>"$tmp/xerr"; then
        desc=$(svg_desc "$tmp/tl.svg")
        want='Lines: Pakistan (PAK); Russia (SUN/RUS, Soviet Union → Russia); India (IND); United States (USA).'
        if [[ $desc == *"$want" ]]; then pass "timeline --plot svg: parses, names its four lines"
        else fail "timeline --plot svg lines" "$desc"; fi
    else
        fail "timeline --plot svg" "$(cat "$tmp/err" "$tmp/xerr")"
    fi

    run compare "$ds" cold-war post-2001 --plot "$tmp/slope.svg"
    desc=$(svg_desc "$tmp/slope.svg")
    if [[ $rc == 0 && $desc == *"Soviet Union → Russia 2 → 2"* && $desc == *"Pakistan 1 → 1"* ]]
    then pass "compare --plot svg: ranks of both eras, lineage joined"
    else fail "compare --plot svg" "$desc" "$(cat "$tmp/err")"; fi
else
    echo "skip svg checks: xmllint is missing"
fi

# PNG: 900 x 540 points at 2 pixels per point.
run timeline "$ds" --actors PAK,SUN --plot "$tmp/tl.png" -o /dev/null
if [[ $rc == 0 && $(file -b "$tmp/tl.png") == "PNG image data, 1800 x 1080,"* ]]
then pass "timeline --plot png: 1800 x 1080"
else fail "timeline --plot png" "$(file -b "$tmp/tl.png")" "$(cat "$tmp/err")"; fi

# PDF: no creation date, so the bytes depend on the input only.
run trajectory "$ds" PAK SUN --plot "$tmp/tr.pdf" -o /dev/null
if [[ $rc == 0 && $(head -c 5 "$tmp/tr.pdf") == %PDF- ]] && ! grep -aq CreationDate "$tmp/tr.pdf"
then pass "trajectory --plot pdf: no creation date"
else fail "trajectory --plot pdf" "$(cat "$tmp/err")"; fi

# Same bytes twice, in every format and for every chart.
bad=()
for ext in svg png pdf; do
    for i in 1 2; do
        "$ag" timeline "$ds" --actors PAK,SUN --plot "$tmp/t$i.$ext" -o /dev/null 2>/dev/null
        "$ag" compare "$ds" cold-war post-2001 --plot "$tmp/c$i.$ext" >/dev/null 2>&1
        "$ag" trajectory "$ds" PAK SUN --plot "$tmp/r$i.$ext" -o /dev/null 2>/dev/null
    done
    for k in t c r; do
        [[ -s $tmp/${k}1.$ext ]] && cmp -s "$tmp/${k}1.$ext" "$tmp/${k}2.$ext" || bad+=("$k.$ext")
    done
done
if ((${#bad[@]} == 0)); then pass "same bytes twice (3 charts x svg, png, pdf)"
else fail "same bytes twice" "${bad[@]}"; fi

# trajectory's value and rank are report's, era by era; SUN's lineage is
# the Soviet Union in the Cold War and Russia after 9/11.
run trajectory "$ds" PAK SUN --era cold-war --era post-2001 --format csv
cp "$tmp/out" "$tmp/tr.csv"
bad=()
for era in cold-war post-2001; do
    "$ag" report "$ds" --era "$era" --metric betweenness --format csv >"$tmp/rep.csv"
    for lineage in PAK SUN; do
        # trajectory: lineage,era,start,end,level,ties,actor,name,metric,value,rank,of
        row=$(awk -F, -v l="$lineage" -v e="$era" '$1 == l && $2 == e { print $7 "," $10 "," $11 }' "$tmp/tr.csv")
        # report: era,level,ties,actor,name,metric,value,rank
        want=$(awk -F, -v a="${row%%,*}" '$4 == a { print $4 "," $7 "," $8 }' "$tmp/rep.csv")
        [[ -n $row && $row == "$want" ]] || bad+=("$lineage $era: '$row', report '$want'")
    done
done
if [[ $rc == 0 && ${#bad[@]} == 0 && $(awk -F, '$1 == "SUN" { print $7 }' "$tmp/tr.csv" | paste -sd,) == SUN,RUS ]]
then pass "trajectory equals report, lineage followed"
else fail "trajectory vs report" "${bad[@]}" "$(cat "$tmp/tr.csv")"; fi

# --dates reaches trajectory's slicing as report's: PAK's Cold War
# betweenness under --dates possible is report's under the same rule (and
# not the default's).
run trajectory "$ds" PAK --era cold-war --dates possible --format csv
got=$(awk -F, '$2 == "cold-war" { print $10 "," $11 "," $12 }' "$tmp/out")
want=$("$ag" report "$ds" --era cold-war --dates possible --metric betweenness --format csv |
    awk -F, '$4 == "PAK" { print $7 "," $8 }')
n=$("$ag" report "$ds" --era cold-war --dates possible --format json | grep -o '"vertices": *[0-9]*' | head -1 | grep -o '[0-9]*$')
if [[ $rc == 0 && -n $want && $got == "$want,$n" && $got != 0.7426470588,1,18 ]]
then pass "trajectory --dates possible equals report's"
else fail "trajectory --dates" "got '$got', report '$want,$n'"; fi

run trajectory "$ds" PAK --era cold-war --format table
if [[ $rc == 0 && $(sed -n 5p "$tmp/out") == "cold-war  0.7426 (1/18)" ]]
then pass "trajectory table"; else fail "trajectory table" "$(cat "$tmp/out")"; fi

expect_error "--plot: unknown extension" 2 \
    "actorgraph: --plot 'x.gif': use a .svg, .png or .pdf file" -- timeline "$ds" --plot x.gif
expect_error "compare --plot: unknown extension" 2 \
    "actorgraph: --plot 'x': use a .svg, .png or .pdf file" -- compare "$ds" cold-war post-2001 --plot x
expect_error "trajectory: no actor" 2 \
    "actorgraph: which actor? give one or more ids: ACTOR..." -- trajectory "$ds"
expect_error "trajectory: unknown actor" 2 \
    "actorgraph: unknown actor 'PAKK' (did you mean 'PAK'?)" -- trajectory "$ds" PAKK
expect_error "trajectory: unknown metric" 2 \
    "actorgraph: unknown metric 'foo'" -- trajectory "$ds" PAK --metric foo
run timeline "$ds" --plot "$tmp/no/such/dir/t.svg" -o /dev/null
if [[ $rc == 1 && ! -e $tmp/no ]] && grep -q "t.svg" "$tmp/err"
then pass "--plot into a missing folder: exit 1, names the file"
else fail "--plot into a missing folder" "rc $rc" "$(cat "$tmp/err")"; fi

summary chart
