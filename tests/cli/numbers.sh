#!/usr/bin/env bash
# tests/cli/numbers.sh: one rule for numbers on every page for people
# (docs/METHODS.md, "Output"): at most 4 significant digits (values of 1000
# and more with one decimal), in terminal tables, Markdown and HTML, for
# every command that writes pages and for the main job's md and html
# files; CSV and JSON keep full precision.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

ds=graphs/new-great-game
pages=$tmp/pages
mkdir -p "$pages"
for fmt in table md html; do
    ext=$fmt
    [[ $fmt == table ]] && ext=txt
    "$ag" report "$ds" --all --format "$fmt" >"$pages/report.$ext" 2>/dev/null
    "$ag" compare "$ds" cold-war post-2001 --format "$fmt" >"$pages/compare.$ext" 2>/dev/null
    "$ag" balance "$ds" --all --format "$fmt" >"$pages/balance.$ext" 2>/dev/null
    "$ag" explain "$ds" PAK RUS --era post-ukraine --format "$fmt" >"$pages/explain.$ext" 2>/dev/null
    "$ag" timeline "$ds" --actors PAK,IND,USA --metric betweenness --format "$fmt" \
        >"$pages/timeline.$ext" 2>/dev/null
done
"$ag" run "$ds" -o "$tmp/run" -q
cp "$tmp/run/new-great-game/index.md" "$pages/index.md"
cp "$tmp/run/new-great-game/index.html" "$pages/index.html"
cp "$tmp/run/new-great-game/eras/post-2001.md" "$pages/era.md"
cp "$tmp/run/new-great-game/balance.md" "$pages/run-balance.md"
cp "$tmp/run/new-great-game/compare/cold-war-vs-post-2001.md" "$pages/run-compare.md"
cp "$tmp/run/new-great-game/timeline.md" "$pages/run-timeline.md"

out=$(/usr/bin/python3 - "$pages" <<'PY'
import os, re, sys
d = sys.argv[1]
bad = []
for name in sorted(os.listdir(d)):
    text = open(os.path.join(d, name), encoding="utf-8").read()
    if not text.strip():
        bad.append(f"{name}: empty")
        continue
    # Diagrams, the script, its data and the style sheet carry coordinates
    # and code, not numbers for people.
    text = re.sub(r"(?s)<(svg|script|style)\b.*?</\1>", "", text)
    for m in re.finditer(r"(?<![\w.])-?(\d+)\.(\d+)(?![\w.])", text):
        whole, frac = m.group(1), m.group(2)
        digits = (whole + frac).lstrip("0")
        if int(whole) >= 1000 and len(frac) == 1:
            continue
        if len(digits) > 4:
            bad.append(f"{name}: {m.group(0)}")
print("\n".join(bad[:20]))
print(f"{len(bad)} numbers break the rule", file=sys.stderr)
PY
)
if [[ -z $out ]]; then pass "every page for people shows at most 4 significant digits"
else fail "numbers with more than 4 significant digits" "$out"; fi

# Machines keep full precision.
"$ag" balance "$ds" --all --format csv >"$tmp/b.csv"
if grep -q '0.6428571429' "$tmp/b.csv"; then pass "CSV keeps %.10g"; else fail "CSV lost precision"; fi
"$ag" compare "$ds" cold-war post-2001 --format json >"$tmp/c.json"
if grep -q '0.6377481392' "$tmp/c.json"; then pass "JSON keeps %.10g"; else fail "JSON lost precision"; fi
summary numbers
