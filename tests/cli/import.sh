#!/usr/bin/env bash
# CLI tests of 'actorgraph import gdelt': the real binary on a small GDELT
# fixture with planted faults, and its usage errors.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"
fixture=tests/data/gdelt-small

expect_eq() { # what expected actual
    if [ "$2" == "$3" ]; then pass; else fail "$1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -20; fi
}

before=$(sha256sum "$fixture"/*.tsv)
"$ag" import gdelt "$fixture" -o "$tmp/ds" >"$tmp/out" 2>"$tmp/err"
expect_eq "import exits 0" 0 $?
expect_eq "import prints nothing on stdout" "" "$(cat "$tmp/out")"
expect_eq "import warnings and summary" \
"actorgraph: $fixture/201108.export.tsv:11: warning: skipped: 57 fields, a GDELT 1.0 event has 58
actorgraph: $fixture/201108.export.tsv:12: warning: skipped: impossible SQLDATE '20110231'
actorgraph: $fixture/201108.export.tsv:13: warning: invalid UTF-8 at byte 48 of the line: save the file as UTF-8
import: 14 records read, 9 relations written to $tmp/ds; skipped 1 with one actor, 1 self-relations, 3 malformed; 9 actors, 2 eras" \
    "$(cat "$tmp/err")"
expect_eq "input untouched" "$before" "$(sha256sum "$fixture"/*.tsv)"

# Named by their commonest name (BUS: BANK twice, COMPANIES twice: byte
# order breaks the tie); actors of skipped events (ITAGOV with itself, the
# one-actor event's CORPORATION) are left out.
expect_eq "actors: states, agencies with their state as parent, groups" \
"id,name,kind,parent,continues,active,note
BLR,BELARUS,state,,,,
BUS,BANK,group,,,,
COP,POLICEMAN,group,,,,
CRI,COSTA RICA,state,,,,
GOV,PRESIDENT,group,,,,
MED,WEBSITE,group,,,,
RUS,RUSSIA,state,,,,
USA,UNITED STATES,state,,,,
USAGOV,OBAMA,agency,USA,,," "$(cat "$tmp/ds/actors.csv")"
expect_eq "relations: one per two-actor event, typed by CAMEO root" \
"source,target,type,date,sign,weight,cite,note,event_id,event_code,goldstein,mentions
BLR,RUS,statement,2011-08-01,,,GDELT event 71796306,,71796306,014,0,2
BLR,RUS,statement,2011-08-01,,,GDELT event 71796308,,71796308,014,0,1
BUS,MED,investigate,2011-08-01,,,GDELT event 71798853,,71798853,090,-2,2
BUS,MED,investigate,2011-08-01,,,GDELT event 71798855,,71798855,090,-2,2
BUS,USA,statement,2011-08-01,,,GDELT event 71799137,,71799137,010,0,2
GOV,BUS,appeal,2011-08-01,,,GDELT event 71818186,,71818186,020,3,5
GOV,COP,disapprove,2011-08-01,,,GDELT event 71818501,,71818501,112,-2,5
GOV,CRI,consult,2011-08-01,,,GDELT event 71818536,,71818536,042,1.9,1
USAGOV,USA,intent-to-cooperate,2011-08-01,,,GDELT event 71870373,,71870373,030,4,3" "$(cat "$tmp/ds/relations.csv")"
expect_eq "eras: one per month and all" \
"id,name,period,note
2011-08,August 2011,2011-08,month of events
all,All events,2011-08/2011-08,every month imported" "$(cat "$tmp/ds/eras.csv")"
expect_eq "types: twenty CAMEO roots" 21 "$(wc -l <"$tmp/ds/types.csv")"
expect_eq "types: quad classes" "investigate,investigate,true,+,2,09,dotted" \
    "$(grep '^investigate,' "$tmp/ds/types.csv")"

"$ag" check "$tmp/ds" >"$tmp/out" 2>&1
expect_eq "the imported dataset loads (duplicates are warnings)" 0 $?
expect_eq "check summary" "$tmp/ds: 9 actors, 9 relations, 2 eras, 41 types; 0 errors, 2 warnings" \
    "$(tail -1 "$tmp/out")"

cp -r "$tmp/ds" "$tmp/ds1"
"$ag" import gdelt "$fixture/201108.export.tsv" -o "$tmp/ds" 2>/dev/null
expect_eq "a file argument works as the folder did, byte for byte" "" \
    "$(diff -r "$tmp/ds" "$tmp/ds1" | grep -v README)"
expect_eq "no temporary files left" "" "$(ls -a "$tmp/ds" | grep tmp)"

"$ag" import gdelt "$fixture" >/dev/null 2>"$tmp/err"
expect_eq "missing -o is a usage error" 2 $?
expect_eq "missing -o message" "actorgraph: name the dataset folder to write with -o DIR" \
    "$(head -1 "$tmp/err")"
"$ag" import acled x -o "$tmp/x" >/dev/null 2>"$tmp/err"
expect_eq "unknown format exit" 2 $?
expect_eq "unknown format message" "actorgraph: unknown format 'acled' (supported: gdelt, gdelt2, icews, phoenix)" \
    "$(head -1 "$tmp/err")"
"$ag" import gdelt "$tmp/nope.tsv" -o "$tmp/y" >/dev/null 2>"$tmp/err"
expect_eq "missing input exit" 1 $?
expect_eq "missing input message" "actorgraph: $tmp/nope.tsv: cannot open: No such file or directory" \
    "$(cat "$tmp/err")"
expect_eq "nothing written for a failed import" "" "$(ls "$tmp/y" 2>/dev/null)"
"$ag" import --help >"$tmp/out"
expect_eq "help exit" 0 $?
grep -q 'usage: actorgraph import gdelt' "$tmp/out"
expect_eq "help text" 0 $?

summary import
