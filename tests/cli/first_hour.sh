#!/usr/bin/env bash
# tests/cli/first_hour.sh: the mistakes of a first hour with a spreadsheet,
# each with the exact message that says what to write instead: dates as
# people write them, semicolon and tab files, a types.csv of one's own, a
# misspelt header, and finding ids by listing them or by name.
#
# Usage, from the repository root (ctest does this as cli_first_hour):
#   bash tests/cli/first_hour.sh PATH-TO-ACTORGRAPH
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

clean=tests/data/clean

# A copy of the clean dataset whose relations.csv is the header and ROWS.
dataset() {
    rm -rf "$tmp/ds"
    mkdir "$tmp/ds"
    cp "$clean"/*.csv "$tmp/ds/"
    printf 'source,target,type,date,sign,weight,cite,note\n' >"$tmp/ds/relations.csv"
    printf '%s\n' "$@" >>"$tmp/ds/relations.csv"
}

# ---- dates as people write them --------------------------------------------

# date_hint NAME DATE MESSAGE: a relation dated DATE gets MESSAGE.
date_hint() {
    dataset "PAK,IND,rivalry,\"$2\",,,x,"
    expect_error "date: $1" 1 "actorgraph: $tmp/ds/relations.csv:2: bad date '$2': $3" -- check --quiet "$tmp/ds"
}
date_hint "month/day/year" "10/22/1962" \
    "write 1962-10-22 (EDTF is year-month-day; 22 is no month, so this is month/day)"
date_hint "day/month/year" "22/10/1962" \
    "write 1962-10-22 (EDTF is year-month-day; 22 is no month, so this is day/month)"
date_hint "ambiguous day and month" "03/04/1962" \
    "write 1962-03-04 if it is month/day (4 March 1962) or 1962-04-03 if it is day/month (3 April 1962): EDTF is year-month-day"
date_hint "month name" "October 1962" "write 1962-10 (EDTF is year-month, in digits)"
date_hint "day, month name" "22 October 1962" \
    "write 1962-10-22 (EDTF is year-month-day, in digits)"
date_hint "month name, day" "October 22, 1962" \
    "write 1962-10-22 (EDTF is year-month-day, in digits)"
date_hint "en dash" "1962–1963" "write 1962/1963 (an interval takes '/' between its two years)"
date_hint "hyphen" "1962-1963" "write 1962/1963 (an interval takes '/' between its two years)"
date_hint "short end" "1962/63" "write 1962/1963 (an interval takes '/' between its two years)"
date_hint "decade" "1960s" \
    "write 196X (X stands for an unspecified digit: some year of the 1960s)"
date_hint "circa" "c. 1965" "write 1965~ ('~' after a date marks it as approximate)"
date_hint "early decade" "early 1970s" \
    "write 197X (EDTF has no 'early': 197X is some year of the 1970s; say 'early 1970s' in the note)"
date_hint "year/month/day" "1962/10/22" \
    "write 1962-10-22 (EDTF is year-month-day, with '-' and two-digit month and day)"
dataset 'PAK,IND,rivalry,sometime,,,x,'
expect_error "date: no form recognised" 1 \
    "actorgraph: $tmp/ds/relations.csv:2: bad date: unexpected character 's' at position 0 in 'sometime'" -- check --quiet "$tmp/ds"
# An era's period gets the same help.
dataset 'PAK,IND,rivalry,1962,,,x,'
printf 'id,name,period\ncrisis,Crisis,October 1962\n' >"$tmp/ds/eras.csv"
expect_error "period: month name" 1 \
    "actorgraph: $tmp/ds/eras.csv:2: bad period 'October 1962': write 1962-10 (EDTF is year-month, in digits)" -- check --quiet "$tmp/ds"

# ---- a spreadsheet saved with semicolons or tabs ---------------------------

# Read as such, with one warning per file; no cascade of missing columns.
dataset 'PAK,IND,rivalry,1962,,,x,'
sed -i 's/,/;/g' "$tmp/ds/relations.csv"
run check "$tmp/ds"
expect "semicolons: one warning, read as such" 0 \
    "$tmp/ds: 10 actors, 1 relation, 3 eras, 21 types (built-in); 0 errors, 1 warning" \
    "actorgraph: $tmp/ds/relations.csv:1: warning: fields are separated by semicolons, not commas: read as such (save the sheet as comma-separated CSV to silence this)"
dataset 'PAK,IND,rivalry,1962,,,x,'
tr ',' '\t' <"$clean/actors.csv" >"$tmp/ds/actors.csv"
run check --strict "$tmp/ds"
expect "tabs: one warning, an error under --strict" 1 - \
    "actorgraph: $tmp/ds/actors.csv:1: warning: fields are separated by tabs, not commas: read as such (save the sheet as comma-separated CSV to silence this)"

# ---- a types.csv of one's own ----------------------------------------------

# One new type keeps the 21 built-in ones.
dataset 'PAK,IND,visit,1962,,,x,' 'PAK,IND,summit,1963,,,x,'
printf 'id,directed,sign,weight\nsummit,false,+,2\n' >"$tmp/ds/types.csv"
run check "$tmp/ds"
expect "types.csv extends the built-in vocabulary" 0 \
    "$tmp/ds: 10 actors, 2 relations, 3 eras, 22 types; 0 errors, 0 warnings" ""
# A '-builtin' row opts out: 'visit' is then unknown, and the error says
# where the vocabulary is listed.
printf 'id,directed,sign,weight\n-builtin,,,\nsummit,false,+,2\n' >"$tmp/ds/types.csv"
expect_error "types.csv with -builtin: unknown type" 1 \
    "actorgraph: $tmp/ds/relations.csv:2: unknown type 'visit': neither built in nor in types.csv ('actorgraph types DATASET' lists them)" \
    -- check --quiet "$tmp/ds"

# ---- a misspelt header -----------------------------------------------------

dataset 'PAK,IND,rivalry,1962,,,x,'
sed -i '1s/weight/weigth/; 1s/cite/citation/' "$tmp/ds/relations.csv"
run check "$tmp/ds"
expect "misspelt columns: one warning each, with the suggestion" 0 - \
    "actorgraph: $tmp/ds/relations.csv:1: warning: column 'weigth' is not one the format knows and is kept as an extra attribute: did you mean 'weight'?
actorgraph: $tmp/ds/relations.csv:1: warning: column 'citation' is not one the format knows and is kept as an extra attribute: did you mean 'cite'?
actorgraph: $tmp/ds/relations.csv:2: warning: relation has no cite: say where the fact comes from"

# ---- finding ids: list, and names for ids ----------------------------------

run list eras "$clean"
expect "list eras" 0 "id             name                period
-------------  ------------------  ------------------
cold-war       Cold War            1947/1991-12
post-cold-war  After the Cold War  1991-12/2001-09-10
post-2001      After 9/11          2001-09-11/.." ""
run list "$clean" actors --format csv
expect "list actors, dataset first, csv" 0 - ""
check_line() { if [[ $(sed -n "$2p" "$tmp/out") == "$3" ]]; then pass; else fail "$1" "line $2: '$(sed -n "$2p" "$tmp/out")'"; fi; }
check_line "list actors: header" 1 "id,name,kind,parent,active"
check_line "list actors: a row" 2 "PAK,Pakistan,state,,1947-08-14/.."
run types "$clean" --format csv
expect "types: the built-in vocabulary" 0 - ""
check_line "types: header" 1 "id,label,directed,sign,weight,cameo,style,from"
check_line "types: alliance" 2 "alliance,alliance,no,+,3,062,bold,built-in"
dataset 'PAK,IND,visit,1962,,,x,'
printf 'id,label,directed,sign,weight\nvisit,state visit,yes,+,2\nsummit,,no,+,1\n' >"$tmp/ds/types.csv"
run list types "$tmp/ds" --format csv
check_line "types: a built-in type overridden in place" 9 "visit,state visit,yes,+,2,,solid,types.csv:2"
check_line "types: a new type last" 23 "summit,summit,no,+,1,,solid,types.csv:3"
expect_error "list: unknown list" 2 "actorgraph: unknown list 'people' (actors, eras or types)" -- list people "$clean"
expect_error "list: nothing to list" 2 "actorgraph: what to list? actors, eras or types" -- list "$clean"

# An era or actor by its name; unknown ones say what exists.
run report "$clean" --era "after 9/11" --format csv
expect "--era by name" 0 - ""
run report "$clean" --era post-2001 --format csv
cp "$tmp/out" "$tmp/by-id.csv"
run report "$clean" --era "After 9/11" --format csv
if cmp -s "$tmp/out" "$tmp/by-id.csv"; then pass; else fail "--era by name: the same report"; fi
expect_error "unknown era: the eras listed" 2 \
    "actorgraph: unknown era 'Missile crisis' (the eras: cold-war, post-cold-war, post-2001)" \
    -- report "$clean" --era "Missile crisis"
expect_error "unknown actor: where to list them" 2 \
    "actorgraph: unknown actor 'Kennedy': 'actorgraph list actors $clean' lists the ids and names" \
    -- explain "$clean" Kennedy
run explain "$clean" pakistan india --format csv
cp "$tmp/out" "$tmp/by-name.csv"
run explain "$clean" PAK IND --format csv
if cmp -s "$tmp/out" "$tmp/by-name.csv" && [[ -s $tmp/out ]]; then pass; else fail "explain by names"; fi
dataset 'PAK,IND,rivalry,1962,,,x,'
printf 'PK2,Pakistan,state,,,,\n' >>"$tmp/ds/actors.csv"
expect_error "a name two actors share" 2 \
    "actorgraph: actor name 'pakistan' fits several actors (PAK, PK2): give an id" \
    -- explain "$tmp/ds" pakistan

summary first_hour
