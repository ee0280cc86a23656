#!/usr/bin/env bash
# Bad input never crashes: 300 seeded mutations of a clean dataset (bytes
# flipped, inserted and deleted, lines duplicated, dropped and cut, quotes,
# NULs, invalid UTF-8, CRs, huge fields) go through 'check' and 'report'.
# Each run must exit 0, 1 or 2 — never a signal or a sanitizer report (the
# suite's second pass runs this under ASan and UBSan) — and every line it
# prints on stderr must be an 'actorgraph: ' message. The seed is fixed, so
# a failure is reproducible: the failing case is kept and named.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh" "$@"

/usr/bin/python3 - "$tmp" <<'PY'
import os, random, shutil, sys
tmp = sys.argv[1]
src = "tests/data/clean"
rng = random.Random(20141120)
files = sorted(f for f in os.listdir(src) if f.endswith(".csv"))
originals = {f: open(os.path.join(src, f), "rb").read() for f in files}

def mutate(data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(10)
        pos = rng.randrange(len(data) + 1)
        if op == 0 and data:
            data[min(pos, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[pos:pos] = bytes([rng.choice(b'",\n\r\x00\xff\xc3\xa9 -+./X~?%')])
        elif op == 2:
            del data[pos:pos + rng.randint(1, 20)]
        elif op == 3:
            lines = data.split(b"\n")
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
        elif op == 4:
            lines = data.split(b"\n")
            del lines[rng.randrange(len(lines))]
            data = bytearray(b"\n".join(lines))
        elif op == 5:
            data = data[:pos]
        elif op == 6:
            data[pos:pos] = b'"'
        elif op == 7:
            data[pos:pos] = b"A" * rng.choice([70000, 200])
        elif op == 8:
            data[pos:pos] = b"\xef\xbb\xbf" if rng.random() < .5 else b"\xed\xa0\x80"
        else:
            data = data.replace(b"\n", b"\r\n") if rng.random() < .5 else data.replace(b",", b";", 1)
    return bytes(data)

for case in range(300):
    d = os.path.join(tmp, "case%03d" % case)
    os.makedirs(d)
    victims = rng.sample(files, rng.randint(1, len(files)))
    for f in files:
        data = mutate(originals[f]) if f in victims else originals[f]
        if rng.random() < 0.02:
            data = b""
        open(os.path.join(d, f), "wb").write(data)
PY

bad=0
for d in "$tmp"/case*; do
    for cmd in check "report --format csv"; do
        # shellcheck disable=SC2086
        "$ag" $cmd "$d" >/dev/null 2>"$tmp/err"
        rc=$?
        if ((rc > 2)) || grep -qv '^actorgraph: ' "$tmp/err"; then
            bad=$((bad + 1))
            fail "$cmd ${d##*/}: exit $rc" "$(head -5 "$tmp/err")"
            cp -r "$d" "${TMPDIR:-/tmp}/actorgraph-fuzz-${d##*/}"
            echo "     case kept in ${TMPDIR:-/tmp}/actorgraph-fuzz-${d##*/}"
        fi
    done
done
if ((bad == 0)); then pass "600 runs on mutated datasets: no crash, every message an actorgraph: line"; fi
summary fuzz
