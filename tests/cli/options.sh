#!/usr/bin/env bash
# tests/cli/options.sh: the rules every subcommand shares (src/cli/options.c):
# the output format from --format, else -o's extension in any case, else a
# table on a terminal and CSV otherwise; an extension a command can't write
# and a --format that disagrees with -o are usage errors; -o - is standard
# output; --from/--to wherever --era goes; --dates wherever slicing is;
# one parse loop. Run from the repository root as:
# bash tests/cli/options.sh path/to/actorgraph
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
ds=graphs/new-great-game
small=tests/data/render-small

# ---- one rule for output formats ----

# An extension the command can't write: a usage error naming the ones it
# can, and nothing written.
expect_error "render -o x.jpg" 2 \
    "actorgraph: -o $tmp/x.jpg: unknown extension '.jpg' (render writes .dot, .gv, .svg, .png or .pdf)" \
    -- render "$small" -o "$tmp/x.jpg"
expect_error "export -o x.net" 2 \
    "actorgraph: -o $tmp/x.net: unknown extension '.net' (export writes .graphml, .gexf, .json, .cyjs or .csv)" \
    -- export "$ds" -o "$tmp/x.net"
expect_error "report -o r.xlsx" 2 \
    "actorgraph: -o $tmp/r.xlsx: unknown extension '.xlsx' (report writes .txt, .csv, .json, .md or .html)" \
    -- report "$ds" -o "$tmp/r.xlsx"
expect_error "balance -o b.docx" 2 \
    "actorgraph: -o $tmp/b.docx: unknown extension '.docx' (balance writes .txt, .csv, .json, .md or .html)" \
    -- balance "$ds" -o "$tmp/b.docx"
if [[ ! -e $tmp/x.jpg && ! -e $tmp/x.net && ! -e $tmp/r.xlsx && ! -e $tmp/b.docx ]]; then pass
else fail "a file was written for an unknown extension"; fi
if [[ $(sed -n 2p "$tmp/err") == "Try 'actorgraph balance --help' for more information." ]]; then pass
else fail "unknown extension: the hint to --help"; fi

# The extension in any case: .CSV is csv, .TXT the table, .GEXF gexf.
"$ag" report "$ds" --era cold-war --metric degree --format csv >"$tmp/want.csv"
run report "$ds" --era cold-war --metric degree -o "$tmp/R.CSV"
expect "-o R.CSV is csv" 0 "" ""
compare "R.CSV" "@$tmp/want.csv" "$tmp/R.CSV"
"$ag" report "$ds" --era cold-war --metric degree --format table >"$tmp/want.txt"
run report "$ds" --era cold-war --metric degree -o "$tmp/r.TXT"
expect "-o r.TXT is the table" 0 "" ""
if cmp -s "$tmp/want.txt" "$tmp/r.TXT"; then pass; else fail "-o r.TXT differs from --format table"; fi
run export "$ds" --era cold-war -o "$tmp/g.GEXF"
if [[ $rc == 0 ]] && grep -q '<gexf' "$tmp/g.GEXF"; then pass "-o g.GEXF is gexf"
else fail "-o g.GEXF is gexf"; fi
run render "$small" --era fifties -o "$tmp/d.GV"
if [[ $rc == 0 ]] && grep -q '^graph' "$tmp/d.GV"; then pass "-o d.GV is dot"
else fail "-o d.GV is dot" "$(cat "$tmp/err")"; fi

# --format and an -o extension that disagree: a usage error, nothing written.
expect_error "--format csv -o x.json" 2 "actorgraph: --format csv and -o $tmp/x.json disagree" \
    -- report "$ds" --format csv -o "$tmp/x.json"
expect_error "--format png -o x.svg" 2 "actorgraph: --format png and -o $tmp/x.svg disagree" \
    -- render "$small" --era fifties --format png -o "$tmp/x.svg"
if [[ ! -e $tmp/x.json && ! -e $tmp/x.svg ]]; then pass; else fail "disagreement: a file was written"; fi
# ... and that agree, or an extension that names no format, with --format.
run report "$ds" --era cold-war --metric degree --format csv -o "$tmp/agree.csv"
if [[ $rc == 0 ]] && cmp -s "$tmp/want.csv" "$tmp/agree.csv"; then pass; else fail "--format csv -o x.csv"; fi
run report "$ds" --era cold-war --metric degree --format csv -o "$tmp/data.dat"
if [[ $rc == 0 ]] && cmp -s "$tmp/want.csv" "$tmp/data.dat"; then pass; else fail "--format csv -o x.dat"; fi
expect_error "unknown --format" 2 "actorgraph: unknown format 'xml' (table, csv, json, md or html)" \
    -- compare "$ds" cold-war post-2001 --format xml

# -o - is standard output (the same bytes as no -o).
run report "$ds" --era cold-war --metric degree -o -
expect "report -o -" 0 "@$tmp/want.csv" ""
if [[ ! -e ./- ]]; then pass; else fail "-o - wrote a file named '-'"; rm -f ./-; fi
"$ag" export "$ds" --era cold-war >"$tmp/want.graphml"
run export "$ds" --era cold-war -o -
expect "export -o -" 0 "@$tmp/want.graphml" ""
"$ag" render "$small" --era fifties --format dot >"$tmp/want.dot"
run render "$small" --era fifties --format dot -o -
expect "render -o -" 0 "@$tmp/want.dot" ""
expect_error "render -o - with several eras" 2 \
    "actorgraph: -o - writes one era, not 2 (give --era ID)" -- render "$small" -o -
expect_error "render -o x.svg with several eras" 2 \
    "actorgraph: -o $tmp/x.svg names one file, but 2 eras are drawn: give a folder" \
    -- render "$small" -o "$tmp/x.svg"

# Without -o or --format: CSV into a pipe for every command with a table.
for c in "balance $ds --era cold-war" "explain $ds PAK --era cold-war" \
         "compare $ds cold-war post-2001" "report $ds --era cold-war" \
         "timeline $ds --from 1990 --to 2000"; do
    run $c
    if [[ $rc == 0 ]] && head -n 1 "$tmp/out" | grep -q '^[a-z_]*,[a-z_,]*$'; then pass
    else fail "${c%% *}: CSV into a pipe" "$(head -n 2 "$tmp/out")"; fi
done
# -o without an extension: CSV too (a file is not a terminal).
run balance "$ds" --era cold-war -o "$tmp/plain"
if [[ $rc == 0 ]] && head -n 1 "$tmp/plain" | grep -qx 'era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio,signed_dyads,frustration,frustration_exact,frustration_lower,frustration_normalised,walk_balance'
then pass; else fail "-o without an extension: csv"; fi

# ---- --from/--to wherever --era goes ----

# A window over an era's period gives the era's figures under the window's id.
from=1979-12-24 to=1989-02-15 id=1979-12-24/1989-02-15
"$ag" balance "$ds" --era afghan-war --format csv | sed "s|^afghan-war,|$id,|" >"$tmp/expected"
expect_stdout "balance --from/--to" 0 "$tmp/expected" -- balance "$ds" --from $from --to $to --format csv
"$ag" report "$ds" --era afghan-war --format csv | sed "s|^afghan-war,|$id,|" >"$tmp/expected"
expect_stdout "report --from/--to" 0 "$tmp/expected" -- report "$ds" --from $from --to $to --format csv
"$ag" explain "$ds" PAK USA --era afghan-war --format csv | sed "s|^afghan-war,|$id,|" >"$tmp/expected"
expect_stdout "explain --from/--to" 0 "$tmp/expected" -- explain "$ds" PAK USA --from $from --to $to --format csv
"$ag" export "$ds" --era afghan-war --format csv >"$tmp/expected"
expect_stdout "export --from/--to" 0 "$tmp/expected" -- export "$ds" --from $from --to $to --format csv
run render "$ds" --from $from --to $to --format dot -o "$tmp/win/"
expect "render --from/--to" 0 "$tmp/win/1979-12-24_1989-02-15.dot" ""
if grep -q '^graph' "$tmp/win/1979-12-24_1989-02-15.dot"; then pass; else fail "render --from/--to: no dot file"; fi
"$ag" compare "$ds" cold-war post-2001 --format csv | sed "s|^cold-war,post-2001,|cold-war,2001-09-11/2015-12-31,|" >"$tmp/expected"
expect_stdout "compare with a window for an era" 0 "$tmp/expected" \
    -- compare "$ds" cold-war 2001-09-11/2015-12-31 --format csv
expect_error "compare: neither era nor window" 2 "actorgraph: unknown era 'cold-wa' (did you mean 'cold-war'?)" \
    -- compare "$ds" cold-wa post-2001
# Open ends, and the id of an open window.
run balance "$ds" --from 2014 --format csv
if [[ $rc == 0 ]] && sed -n 2p "$tmp/out" | grep -q '^2014/\.\.,actor,'; then pass
else fail "balance --from alone" "$(cat "$tmp/out" "$tmp/err")"; fi
run explain "$ds" PAK --to 1950 --format csv
if [[ $rc == 0 ]] && sed -n 2p "$tmp/out" | grep -q '^\.\./1950,actor,'; then pass
else fail "explain --to alone" "$(cat "$tmp/out" "$tmp/err")"; fi
# The window's rules, the same for every command.
for c in report render balance explain export; do
    extra=; [[ $c == explain ]] && extra=PAK
    expect_error "$c: --from with --era" 2 "actorgraph: --from/--to and --era/--all exclude each other" \
        -- $c "$ds" $extra --from 1990 --era cold-war
    expect_error "$c: a window that ends before it starts" 2 \
        "actorgraph: the window ends (1980) before it starts (1990)" -- $c "$ds" $extra --from 1990 --to 1980
    expect_error "$c: a bad date" 2 \
        "actorgraph: bad --from date: month 13 out of range in '1990-13'" -- $c "$ds" $extra --from 1990-13
done
expect_error "explain: one era" 2 "actorgraph: --era given twice: explain takes one era" \
    -- explain "$ds" PAK --era cold-war --era post-2001

# ---- the parse loop ----

run report "$ds" --era=cold-war --metric=degree --format=csv
expect "--name=value" 0 "@$tmp/want.csv" ""
run report "$ds" --era cold-war --metr degree --form csv
expect "a unique prefix" 0 "@$tmp/want.csv" ""
run report "$ds" -- --era
expect "-- ends the options" 2 "" "actorgraph: unexpected argument '--era'
Try 'actorgraph report --help' for more information."
expect_error "an ambiguous prefix" 2 "actorgraph: ambiguous option '--t'" -- report "$ds" --t 3
expect_error "unknown long option" 2 "actorgraph: unknown option '--bogus'" -- balance "$ds" --bogus
expect_error "unknown short option" 2 "actorgraph: unknown option '-x'" -- export "$ds" -x
expect_error "a flag with a value" 2 "actorgraph: option '--all' takes no value" -- render "$ds" --all=yes
expect_error "a missing value" 2 "actorgraph: option '-o' needs a value" -- report "$ds" -o
expect_error "run --compare needs two" 2 \
    "actorgraph: option '--compare' needs two values: --compare ERA_A ERA_B" -- run "$ds" --compare cold-war

# One --help layout: every command's help ends with the exit status, and
# those with a --format say the rule.
for c in balance check compare explain export import render report run timeline; do
    run $c --help
    if [[ $rc == 0 && ! -s $tmp/err ]] && grep -q "^usage: actorgraph $c " "$tmp/out" &&
       grep -q '^  -h, --help        show this help$' "$tmp/out" &&
       [[ $(tail -n 1 "$tmp/out") == "Exit status: 0 success, 1 invalid data or failure, 2 usage error." ]]
    then pass; else fail "$c --help: layout" "$(cat "$tmp/out" "$tmp/err" | head -5)"; fi
done
for c in balance compare explain export render report timeline; do
    run $c --help
    if grep -q '^Output format: --format, else the extension of -o' "$tmp/out"; then pass
    else fail "$c --help: the format rule"; fi
done

# ---- --dates, shared by every command that slices ----

# One rule word, checked in one place; an unknown one is a usage error for
# each command, and a --help that lists it.
for args in "report $ds" "render $small" "compare $ds cold-war post-2001" "balance $ds" \
            "explain $ds PAK" "export $ds" "timeline $ds" "run $ds"; do
    read -r -a argv <<<"$args"
    expect_error "${argv[0]} --dates sure" 2 \
        "actorgraph: unknown dates rule 'sure' (probable, possible or certain)" \
        -- "${argv[@]}" --dates=sure
    run "${argv[0]}" --help
    if grep -q '^  --dates RULE' "$tmp/out"; then pass; else fail "${argv[0]} --help: --dates"; fi
done
# The rule changes the slice: 199X (the Pashtun factions) reaches the Cold
# War under 'possible' only.
run export "$ds" --era cold-war --format csv
n_probable=$(grep -c afg_pashtun_groups "$tmp/out")
run export "$ds" --era cold-war --dates possible --format csv
n_possible=$(grep -c afg_pashtun_groups "$tmp/out")
if [[ $n_probable == 0 && $n_possible -gt 0 ]]; then pass
else fail "export --dates possible: $n_probable, $n_possible rows with the factions"; fi

summary options
