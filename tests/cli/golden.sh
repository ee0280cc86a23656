#!/usr/bin/env bash
# tests/cli/golden.sh: the main job's whole output tree on the shipped
# dataset is the golden copy kept in tests/golden/: the same files, the
# text ones byte for byte (a diff on failure), every file (PNG included)
# by SHA-256. A change made on purpose is recorded with
#   AG_GOLDEN_UPDATE=1 bash tests/cli/golden.sh build/actorgraph
# and listed in the commit message.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

gold=tests/golden/new-great-game
sums=tests/golden/new-great-game.sha256
run run graphs/new-great-game -o "$tmp/tree"
if [[ $rc == 0 ]]; then pass "run exits 0"; else fail "run: exit $rc" "$(cat "$tmp/err")"; summary golden; exit; fi
out=$tmp/tree/new-great-game

if [[ ${AG_GOLDEN_UPDATE:-} == 1 ]]; then
    rm -rf "$gold"
    mkdir -p "$gold"
    (cd "$out" && find . -type f ! -name '*.png' -print0 | xargs -0 cp --parents -t "$OLDPWD/$gold")
    (cd "$out" && find . -type f | LC_ALL=C sort | xargs sha256sum) >"$sums"
    echo "golden copy updated: $gold, $sums"
    summary golden
    exit
fi

(cd "$out" && find . -type f | LC_ALL=C sort) >"$tmp/files"
awk '{print $2}' "$sums" >"$tmp/want"
if diff -u "$tmp/want" "$tmp/files" >"$tmp/d"; then pass "the same files"
else fail "the files written differ from the golden list" "$(cat "$tmp/d")"; fi

bad=0
while IFS= read -r f; do
    [[ $f == *.png ]] && continue
    if ! diff -u "$gold/$f" "$out/$f" >"$tmp/d" 2>&1; then
        fail "$f differs from the golden copy" "$(head -n 40 "$tmp/d")"
        bad=1
    fi
done <"$tmp/want"
((bad == 0)) && pass "every text file byte for byte"

if (cd "$out" && sha256sum --quiet -c "$OLDPWD/$sums") >"$tmp/d" 2>&1; then pass "every file by SHA-256"
else fail "checksums differ" "$(cat "$tmp/d")"; fi
summary golden
