#!/usr/bin/env bash
# CLI tests of 'actorgraph import icews|phoenix|gdelt2' and of what every
# format shares: fixtures written to the published layouts (tests/data/
# icews-small, phoenix-small, gdelt2-small) with awkward rows (one actor,
# an actor and itself, impossible dates, bad codes, wrong field counts, a
# quote in unquoted text, non-ASCII names); aggregation, --min-events, the
# CAMEO mapping as a file, standard input, a failed import. Every import
# must pass `check` and run through `report`.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

# imports and checks: NAME FORMAT DIR ARGS...; the dataset in $tmp/NAME.
imported() {
    local name=$1 fmt=$2 dir=$3
    shift 3
    run import "$fmt" "$dir" -o "$tmp/$name" "$@"
    if [[ $rc != 0 ]]; then fail "$name: import" "$(cat "$tmp/err")"; return; fi
    run check "$tmp/$name"
    if [[ $rc == 0 ]]; then pass "$name: check"; else fail "$name: check" "$(cat "$tmp/out" "$tmp/err")"; fi
    run report "$tmp/$name" --all
    if [[ $rc == 0 ]] && grep -q ',degree,' "$tmp/out"; then pass "$name: report"
    else fail "$name: report" "$(head -5 "$tmp/err")"; fi
}

# ---- ICEWS ----
icews=tests/data/icews-small
run import icews "$icews" -o "$tmp/ic"
expect "icews: warnings and summary" 0 "" "actorgraph: $icews/events.2015.sample.tab:10: warning: skipped: bad Event Date '2015-02-30' (expected YYYY-MM-DD)
actorgraph: $icews/events.2015.sample.tab:11: warning: skipped: bad CAMEO Code '4x' (expected 010 to 204)
actorgraph: $icews/events.2015.sample.tab:12: warning: skipped: bad Intensity '12.5' (expected -10 to 10)
actorgraph: $icews/events.2015.sample.tab:14: warning: skipped: 4 fields, an ICEWS event has 20
import: 13 records read, 7 relations written to $tmp/ic; skipped 1 with one actor, 1 self-relations, 4 malformed; 10 actors, 3 eras"
compare_file() { # NAME WANT FILE
    if [[ $(cat "$3") == "$2" ]]; then pass "$1"; else fail "$1" "$(diff <(printf '%s\n' "$2") "$3" | head -20)"; fi
}
compare_file "icews: actors by name, country as parent of government" \
"id,name,kind,parent,continues,active,note
C_te_d_Ivoire,Côte d'Ivoire,state,,,,
China,China,state,,,,
Citizen_Pakistan,Citizen (Pakistan),group,,,,
Government_India,Government (India),agency,India,,,
Government_Pakistan,Government (Pakistan),agency,Pakistan,,,
India,India,state,,,,
Nawaz_Sharif,Nawaz Sharif,agency,Pakistan,,,
Pakistan,Pakistan,state,,,,
Police_Pakistan,Police (Pakistan),agency,Pakistan,,,
United_Nations,United Nations,organisation,,,," "$tmp/ic/actors.csv"
compare_file "icews: one relation per event, typed by CAMEO code" \
'source,target,type,date,sign,weight,cite,note,event_id,event_code,intensity,story_id
Pakistan,India,statement,2015-03-01,,,"Dawn, story 1000",Make statement,1001,010,0.0,1000
Government_Pakistan,Government_India,intent-to-cooperate,2015-03-01,,,"Dawn, story 1000",Express intent to cooperate,1002,030,4.0,1000
Police_Pakistan,Citizen_Pakistan,coerce,2015-03-02,,,"The News, story 1001","Arrest, detain, or charge with legal action",1003,173,-5.0,1001
Nawaz_Sharif,China,consult,2015-03-15,,,"Dawn, story 1000",Consult,1004,040,1.0,1000
Nawaz_Sharif,China,consult,2015-03-20,,,"Dawn, story 1000",Consult,1005,042,1.9,1000
C_te_d_Ivoire,United_Nations,diplomatic-cooperation,2015-04-02,,,"Dawn, story 1000",Praise or endorse,1006,051,3.4,1000
India,Pakistan,reject,2015-04-05,,,ICEWS event 1012,"Say ""no""",1012,120,-4.0,1002' "$tmp/ic/relations.csv"
imported icews-checked icews "$icews" -q

# Sign and weight from the intensity, aggregated by month (hand-computed:
# Nawaz Sharif consults China twice in March 2015, 1.0 + 1.9 = 2.9; an
# intensity of 0 keeps the type's +1).
run import icews "$icews" --weight intensity --aggregate month -o "$tmp/icm" -q
compare_file "icews: --weight intensity --aggregate month" \
'source,target,type,date,sign,weight,cite,note,events
Government_Pakistan,Government_India,intent-to-cooperate,2015-03,+,4,"Dawn, story 1000",1 event,1
Nawaz_Sharif,China,consult,2015-03,+,2.9,"Dawn, story 1000",2 events,2
Pakistan,India,statement,2015-03,+,1,"Dawn, story 1000",1 event,1
Police_Pakistan,Citizen_Pakistan,coerce,2015-03,-,5,"The News, story 1001",1 event,1
C_te_d_Ivoire,United_Nations,diplomatic-cooperation,2015-04,+,3.4,"Dawn, story 1000",1 event,1
India,Pakistan,reject,2015-04,-,4,ICEWS event 1012,1 event,1' "$tmp/icm/relations.csv"
imported icews-aggregated icews "$icews" --weight intensity --aggregate month -q
imported icews-min2 icews "$icews" --aggregate era --eras year --min-events 2 -q
if [[ $(tail -n +2 "$tmp/icews-min2/relations.csv") == 'Nawaz_Sharif,China,consult,2015,+,2,"Dawn, story 1000",2 events,2' ]] &&
   grep -q '^2015,2015,2015,year of events$' "$tmp/icews-min2/eras.csv"
then pass "icews: --min-events 2 keeps the one aggregate of two events, yearly eras"
else fail "icews: --min-events 2" "$(cat "$tmp/icews-min2/relations.csv")"; fi

# ---- Phoenix ----
phoenix=tests/data/phoenix-small
run import phoenix "$phoenix" -o "$tmp/ph"
expect "phoenix: warnings and summary" 0 "" "actorgraph: $phoenix/events.full.20150301.txt:7: warning: skipped: bad Date '2015031' (expected YYYYMMDD)
actorgraph: $phoenix/events.full.20150301.txt:8: warning: skipped: bad EventRootCode '99' (expected 01 to 20)
actorgraph: $phoenix/events.full.20150301.txt:9: warning: skipped: actor code 'PAK GOV' is not a valid id
actorgraph: $phoenix/events.full.20150301.txt:10: warning: skipped: 3 fields, a Phoenix event has 26
import: 10 records read, 4 relations written to $tmp/ph; skipped 1 with one actor, 1 self-relations, 4 malformed; 7 actors, 2 eras"
compare_file "phoenix: relations, first URL as cite" \
'source,target,type,date,sign,weight,cite,note,event_id,event_code,goldstein
PAK,IND,statement,2015-03-01,,,http://a.example/1,,p1,010,0.0
PAKGOV,USA,intent-to-cooperate,2015-03-01,,,http://a.example/2,,p2,0311,5.2
PAKMIL,AFG,fight,2015-03-02,,,Phoenix event p3,,p3,190,-10.0
IGOUNO,PAK,consult,2015-03-02,,,http://a.example/4,,p4,043,2.8' "$tmp/ph/relations.csv"
if grep -qx 'PAKMIL,PAKMIL,agency,PAK,,,' "$tmp/ph/actors.csv" && grep -qx 'IGOUNO,IGOUNO,organisation,,,,' "$tmp/ph/actors.csv"
then pass "phoenix: agencies under their state, IGOs"; else fail "phoenix: actors" "$(cat "$tmp/ph/actors.csv")"; fi
imported phoenix-checked phoenix "$phoenix" -q

# ---- GDELT 2.0 ----
gdelt2=tests/data/gdelt2-small
run import gdelt2 "$gdelt2" -o "$tmp/g2"
expect "gdelt2: warnings and summary" 0 "" "actorgraph: $gdelt2/20150218231500.export.CSV:5: warning: skipped: bad EventRootCode '21' (expected 01 to 20)
actorgraph: $gdelt2/20150218231500.export.CSV:6: warning: skipped: 58 fields, a GDELT 2.0 event has 61
import: 6 records read, 3 relations written to $tmp/g2; skipped 1 with one actor, 0 self-relations, 2 malformed; 5 actors, 2 eras"
compare_file "gdelt2: relations, SOURCEURL in column 61" \
'source,target,type,date,sign,weight,cite,note,event_id,event_code,goldstein,mentions
PAK,IND,intent-to-cooperate,2015-02-18,,,http://news.example/pak-ind,,410412347,0311,5.2,4
PAKGOV,AFG,fight,2015-02-18,,,http://news.example/pak-afg,,410412348,190,-10,2
USA,PAK,consult,2015-02-18,,,GDELT event 410412349,,410412349,043,2.8,6' "$tmp/g2/relations.csv"
imported gdelt2-checked gdelt2 "$gdelt2" -q --aggregate day

# ---- shared ----
# Standard input reads as the file does (the README says where from).
"$ag" import gdelt - -o "$tmp/stdin" -q <tests/data/gdelt-small/201108.export.tsv 2>/dev/null
"$ag" import gdelt tests/data/gdelt-small/201108.export.tsv -o "$tmp/file" -q 2>/dev/null
if diff -r -x README.md "$tmp/stdin" "$tmp/file" >/dev/null && grep -q '^- standard input$' "$tmp/stdin/README.md"
then pass "import gdelt - reads standard input"; else fail "import gdelt - reads standard input"; fi

# The built-in mapping is data/cameo-types.csv, byte for byte.
if cmp -s "$tmp/file/types.csv" data/cameo-types.csv; then pass "default mapping = data/cameo-types.csv"
else fail "default mapping = data/cameo-types.csv" "$(diff "$tmp/file/types.csv" data/cameo-types.csv)"; fi

# A mapping of one's own: the longest prefix types an event (042 is a
# visit here, the rest of 04 a consultation); unlisted codes are counted.
printf 'id,label,directed,sign,weight,cameo,style\nconsult,consult,true,+,1,04,solid\nvisit,visit,true,+,2,042 043,solid\nfight,fight,false,-,3,19 18,bold\n' >"$tmp/map.csv"
run import icews "$icews" --types "$tmp/map.csv" -o "$tmp/mapped"
if [[ $rc == 0 ]] && [[ $(cut -d, -f1-3 "$tmp/mapped/relations.csv" | tail -n +2) == 'Nawaz_Sharif,China,consult
Nawaz_Sharif,China,visit' ]] && grep -q '^import: 5 events skipped: their CAMEO code is not in the mapping$' "$tmp/err" &&
   cmp -s <(tail -n +2 "$tmp/map.csv") <(tail -n +2 "$tmp/mapped/types.csv")
then pass "--types: longest prefix, unmapped counted"; else fail "--types" "$(cat "$tmp/mapped/relations.csv" "$tmp/err")"; fi
printf 'id,label,directed,sign,weight,cameo\nbad id,x,true,+,1,01\n' >"$tmp/bad.csv"
expect_error "--types: a bad mapping names FILE:LINE" 1 "actorgraph: $tmp/bad.csv:2: type id 'bad id' is not a valid id" \
    -- import gdelt tests/data/gdelt-small -o "$tmp/nobad" --types "$tmp/bad.csv"
if [[ ! -e $tmp/nobad ]]; then pass "bad mapping: no folder"; else fail "bad mapping: no folder"; fi

# A failed import leaves no folder behind, nested ones included, and an
# existing folder in place.
expect_error "missing input" 1 "actorgraph: $tmp/nope.tsv: cannot open: No such file or directory" \
    -- import gdelt "$tmp/nope.tsv" -o "$tmp/new/a/b"
if [[ ! -e $tmp/new ]]; then pass "failed import: created folders removed"; else fail "failed import: created folders removed" "$(find "$tmp/new")"; fi
mkdir "$tmp/kept"
run import gdelt "$tmp/nope.tsv" -o "$tmp/kept"
if [[ $rc == 1 && -d $tmp/kept ]]; then pass "failed import: existing folder kept"; else fail "failed import: existing folder kept"; fi

# An import that keeps nothing fails: a dataset without relations doesn't
# load.
printf 'x\ty\n' >"$tmp/junk.tsv"
expect_error "nothing to import" 1 "actorgraph: $tmp/junk.tsv:1: warning: skipped: 2 fields, a GDELT 1.0 event has 58" \
    -- import gdelt "$tmp/junk.tsv" -o "$tmp/junk"
if [[ $(tail -1 "$tmp/err") == "actorgraph: $tmp/junk.tsv: no event between two actors to import (1 records read)" && ! -e $tmp/junk ]]
then pass "nothing to import: no folder"; else fail "nothing to import: no folder" "$(cat "$tmp/err")"; fi
expect_error "every aggregate too small" 1 "actorgraph: every aggregate has fewer than 5 events: nothing to import" \
    -- import icews "$icews" -o "$tmp/small" -q --aggregate month --min-events 5

# Usage errors.
expect_error "--min-events without --aggregate" 2 "actorgraph: --min-events counts the events of an aggregate: give --aggregate too" \
    -- import icews "$icews" -o "$tmp/u" --min-events 3
expect_error "--weight intensity is ICEWS's" 2 "actorgraph: --weight intensity is for ICEWS, whose events have one" \
    -- import gdelt tests/data/gdelt-small -o "$tmp/u" --weight intensity
expect_error "unknown --aggregate" 2 "actorgraph: unknown --aggregate 'week' (none, day, month or era)" \
    -- import gdelt tests/data/gdelt-small -o "$tmp/u" --aggregate week

summary import_events
