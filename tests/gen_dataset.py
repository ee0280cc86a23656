#!/usr/bin/python3
"""Writes a random but reproducible actorgraph dataset folder.

    gen_dataset.py OUT_DIR [--seed N] [--relations N] [--states N]

The same seed gives byte-identical files. The dataset exercises what the
format allows: states, leaders and agencies with parents (chains of two),
organisations and groups without, a `continues` lineage, every EDTF form the
loader accepts (years, months, days, intervals, open and unknown ends,
unspecified digits, qualifiers), sign and weight overrides with decimal
weights, undirected and directed types from a types.csv, self-relations
(direct, and made by roll-up to state level), names that need CSV quoting,
overlapping eras with month-precision boundaries, and an era without
relations. Actors are picked with skewed probabilities so that some are
hubs, as in real data.

Used by tests/crosscheck/report_networkx.py and by benchmarks.
"""
import argparse
import calendar
import csv
import itertools
import os
import random

# id, directed, sign, weight: the built-in vocabulary, plus two types with
# decimal weights.
TYPES = [
    ("alliance", False, "+", "3"), ("treaty", False, "+", "2"),
    ("agreement", False, "+", "1"), ("cooperation", False, "+", "1"),
    ("rivalry", False, "-", "2"), ("war", False, "-", "3"),
    ("incident", False, "-", "1"), ("trade", False, "+", "0.5"),
    ("visit", True, "+", "1"), ("invitation", True, "+", "1"),
    ("mediation", True, "+", "1"), ("support", True, "+", "1"),
    ("assurance", True, "+", "1"), ("membership", True, "+", "1"),
    ("military-aid", True, "+", "2"), ("arms-sale", True, "+", "2"),
    ("veto", True, "-", "2"), ("threat", True, "-", "2"),
    ("intervention", True, "-", "3"), ("accusation", True, "-", "1"),
    ("sanction", True, "-", "2"), ("cancellation", True, "-", "1"),
    ("protest", True, "-", "1.5"),
]

ERAS = [
    ("cold-war", "Cold War", "1947/1991-12"),
    ("post-cold-war", "After the Cold War", "1991-12/2001-09-10"),
    ("post-2001", "After 9/11", "2001-09-11/.."),
    ("western-alignment", "Western alliances", "1954-01-01/1962-12-31"),
    ("afghan-war", "Soviet war in Afghanistan", "1979-12/1989-02"),
    ("long-ago", "Before 1902: open starts and 19XX only", "1837/1901"),
    ("early", "Up to 1950", "../1950"),
]


def day_text(rng, year):
    """A date inside year, at a random precision."""
    r = rng.random()
    if r < 0.45:
        return "%04d" % year
    month = rng.randint(1, 12)
    if r < 0.75:
        return "%04d-%02d" % (year, month)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    return "%04d-%02d-%02d" % (year, month, day)


def date_text(rng):
    """An EDTF date or interval between 1940 and 2020."""
    r = rng.random()
    y = rng.randint(1940, 2020)
    if r < 0.45:
        text = day_text(rng, y)
    elif r < 0.80:
        y2 = min(2020, y + rng.randint(0, 15))
        a, b = day_text(rng, y), day_text(rng, y2)
        # The end must not finish before the start begins: same year with
        # finer dates may cross, so fall back to whole years then.
        if y2 == y and a > b:
            a, b = "%04d" % y, "%04d" % y
        text = a + "/" + b
    elif r < 0.86:
        text = day_text(rng, y) + "/.."
    elif r < 0.90:
        text = "../" + day_text(rng, y)
    elif r < 0.92:
        text = day_text(rng, y) + "/"
    elif r < 0.97:
        text = "%03dX" % (rng.randint(194, 201))
    else:
        text = "19XX"
    if rng.random() < 0.08 and "/" not in text:
        text += rng.choice("?~%")
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--relations", type=int, default=3000)
    ap.add_argument("--states", type=int, default=90)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    # Actors: states, leaders (parent a state), agencies (parent a state or
    # a leader: chains of two), organisations and groups.
    actors = []  # (id, name, kind, parent, continues)
    states = ["S%03d" % i for i in range(args.states)]
    odd_names = ['Korea, Republic of', 'The "Northern" Union', "T\u00fcrkiye",
                 "C\u00f4te d'Ivoire", "Line\nbreak land"]
    for i, s in enumerate(states):
        name = odd_names[i] if i < len(odd_names) else "State %d" % i
        cont = states[i - 1] if i == 7 else ""
        actors.append((s, name, "state", "", cont))
    leaders = []
    for i in range(args.states // 2):
        lid = "l%03d" % i
        leaders.append(lid)
        actors.append((lid, "Leader %d" % i, "leader", rng.choice(states[:30]), ""))
    for i in range(10):
        parent = rng.choice(leaders[:5]) if i < 3 else rng.choice(states[:20])
        actors.append(("ag%02d" % i, "Agency %d" % i, "agency", parent, ""))
    for i in range(8):
        actors.append(("ORG%d" % i, "Organisation %d" % i, "organisation", "", ""))
    for i in range(8):
        actors.append(("grp.%d" % i, "Group %d" % i, "group", "", ""))
    ids = [a[0] for a in actors]
    # Skewed choice: weight 1/(rank+3), so the first actors are hubs.
    popularity = [1.0 / (k + 3) for k in range(len(ids))]
    rng.shuffle(popularity)
    # Cumulative weights and parents computed once: the same draws as
    # rng.choices(ids, popularity) and the same lookups, in linear time.
    cum = list(itertools.accumulate(popularity))
    parent_of = dict((a[0], a[3]) for a in actors)

    with open(os.path.join(args.out, "actors.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "kind", "parent", "continues", "active", "note"])
        for a in actors:
            w.writerow([a[0], a[1], a[2], a[3], a[4], "", ""])

    with open(os.path.join(args.out, "types.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "label", "directed", "sign", "weight", "cameo", "style"])
        for t in TYPES:
            w.writerow([t[0], t[0], "true" if t[1] else "false", t[2], t[3], "",
                        "solid"])

    with open(os.path.join(args.out, "eras.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "period", "note"])
        for e in ERAS:
            w.writerow([e[0], e[1], e[2], ""])

    with open(os.path.join(args.out, "relations.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "type", "date", "sign", "weight", "cite",
                    "note"])
        for i in range(args.relations):
            s = rng.choices(ids, cum_weights=cum)[0]
            r = rng.random()
            if r < 0.01:
                t = s  # a self-relation: dropped
            elif r < 0.03:
                t = parent_of.get(s) or \
                    rng.choices(ids, cum_weights=cum)[0]  # own state: roll-up loop
            else:
                t = s
                while t == s:
                    t = rng.choices(ids, cum_weights=cum)[0]
            typ = rng.choice(TYPES)[0]
            sign = rng.choice("+-") if rng.random() < 0.1 else ""
            weight = rng.choice(["0.5", "1", "1.5", "2", "2.5", "4"]) \
                if rng.random() < 0.2 else ""
            w.writerow([s, t, typ, date_text(rng), sign, weight,
                        "gen %d" % i, "note, \"quoted\"" if i % 97 == 0 else ""])


if __name__ == "__main__":
    main()
