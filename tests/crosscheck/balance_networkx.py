#!/usr/bin/python3
"""Cross-check of `actorgraph balance` against NetworkX.

    /usr/bin/python3 tests/crosscheck/balance_networkx.py PATH_TO_ACTORGRAPH

An independent implementation of docs/METHODS.md, "Structural balance": it
reads the CSV files with the csv module, parses EDTF itself, slices every
era, rolls actors up to their state when asked, sums each dyad's net with
exact fractions, builds the net-signed graph with NetworkX and counts its
triangles by sign pattern. It compares, per era, the tool's csv row
(triangles, balanced, unbalanced, ppp, pmm, ppm, mmm, ratio; no row for an
era without relations) and the triangles named by `--format json
--triangles all` (actors, pattern, sides' signs and nets).

Datasets: the hand-made fixtures tests/data/balance-basic and
tests/data/compare-basic, graphs/new-great-game (skipped with a message
when absent), a dataset from tests/gen_dataset.py (when present) and one
generated here; both levels, all types and one type subset. The last line
says "N passed, M failed"; the exit status is 1 on any mismatch.
"""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from agdata import BUILTIN_TYPES, ROOT, Checker, Dataset, run, write_csv  # noqa: E402

PATTERNS = ["+++", "+--", "++-", "---"]


def nets(ds, period, state, types=None):
    """{(u, v): net} over the era's slice, u < v in byte order."""
    c, d = period
    net = {}
    for i, (s, t, typ, _, _, w) in enumerate(ds.relations):
        if types is not None and typ not in types:
            continue
        if not ds.placed(i, c, d):
            continue
        if state:
            s, t = ds.top(s), ds.top(t)
        if s == t:
            continue
        key = (s, t) if s.encode() < t.encode() else (t, s)
        net[key] = net.get(key, Fraction(0)) + w
    return net


def triangles(net):
    """Every triangle of the net-signed graph: {(a, b, c): (pattern,
    [(side, sign, net)...])} with a < b < c in byte order."""
    G = nx.Graph()
    for (u, v), x in net.items():
        if x != 0:
            G.add_edge(u, v, sign=1 if x > 0 else -1, net=x)
    out = {}
    for clique in nx.enumerate_all_cliques(G):
        if len(clique) < 3:
            continue
        if len(clique) > 3:
            break
        a, b, c = sorted(clique, key=str.encode)
        sides = [(a, b), (a, c), (b, c)]
        signs = [G[u][v]["sign"] for u, v in sides]
        neg = signs.count(-1)
        pattern = {0: "+++", 1: "++-", 2: "+--", 3: "---"}[neg]
        out[(a, b, c)] = (pattern, [(s, g, G[s[0]][s[1]]["net"]) for s, g in zip(sides, signs)])
    return out


# ---- the tool ----

def close(x, y):
    return abs(x - y) <= 1e-9 * max(1.0, abs(y))


def check_dataset(tool, folder, ck, types=None):
    ds = Dataset(folder)
    for state in (False, True):
        level = "state" if state else "actor"
        args = ["balance", folder, "--level", level]
        if types:
            args += ["--types", ",".join(sorted(types))]
        rows = list(csv.DictReader(run(tool, *args, "--format", "csv").splitlines()))
        named = json.loads(run(tool, *args, "--format", "json", "--triangles", "all",
                                "--max-triangles", "0"))
        got = {r["era"]: r for r in rows}
        got_named = {e["era"]: e for e in named["eras"]}
        for era, period in ds.eras:
            name = "%s %s %s%s" % (ds.name, era, level, " types " + ",".join(sorted(types)) if types else "")
            net = nets(ds, period, state, types)
            problems = []
            if not net:
                if era in got:
                    problems.append("era without relations has a row")
                ck.check(name, problems)
                continue
            if era not in got:
                ck.check(name, ["no row"])
                continue
            tri = triangles(net)
            count = {p: 0 for p in PATTERNS}
            for pattern, _ in tri.values():
                count[pattern] += 1
            balanced = count["+++"] + count["+--"]
            row = got[era]
            want = {"triangles": len(tri), "balanced": balanced,
                    "unbalanced": len(tri) - balanced, "ppp": count["+++"],
                    "pmm": count["+--"], "ppm": count["++-"], "mmm": count["---"]}
            for k, v in want.items():
                if int(row[k]) != v:
                    problems.append("%s: tool %s, networkx %d" % (k, row[k], v))
            if tri:
                if not row["ratio"] or not close(float(row["ratio"]), balanced / len(tri)):
                    problems.append("ratio: tool %r, networkx %.10g" % (row["ratio"], balanced / len(tri)))
            elif row["ratio"] != "":
                problems.append("ratio %r without triangles" % row["ratio"])
            if row["level"] != level:
                problems.append("level %r" % row["level"])
            # The named triangles, sides and nets.
            listed = {}
            for t in got_named[era]["named_triangles"]:
                sides = [((s["actor1"], s["actor2"]), 1 if s["sign"] == "+" else -1, s["net"])
                         for s in t["sides"]]
                listed[tuple(t["actors"])] = (t["pattern"], sides)
            if set(listed) != set(tri):
                problems.append("triangles named: extra %s, missing %s" % (
                    sorted(set(listed) - set(tri))[:3], sorted(set(tri) - set(listed))[:3]))
            for k in set(listed) & set(tri):
                if listed[k][0] != tri[k][0]:
                    problems.append("%s: pattern %s, networkx %s" % (k, listed[k][0], tri[k][0]))
                for (s1, g1, n1), (s2, g2, n2) in zip(listed[k][1], tri[k][1]):
                    if s1 != s2 or g1 != g2 or not close(n1, float(n2)):
                        problems.append("%s side %s: %s %s, networkx %s %s %s" % (k, s1, g1, n1, s2, g2, n2))
            ck.check(name, problems)


def generate(folder, seed):
    """A small dataset of our own: states with leaders, nets that cancel to
    exactly 0 with decimal weights, overlapping eras, an empty era."""
    rng = random.Random(seed)
    states = ["S%02d" % i for i in range(14)]
    leaders = [("L%02d" % i, rng.choice(states)) for i in range(6)]
    write_csv(folder, "actors.csv",
              [[s, "State " + s, "state", "", "", "", ""] for s in states] +
              [[l, "Leader " + l, "leader", p, "", "", ""] for l, p in leaders])
    write_csv(folder, "eras.csv",
              [["fifties", "1950s", "1950/1959", ""], ["sixties", "1960s", "1960-01/1969-12", ""],
               ["long", "1955 on", "1955-06/..", ""], ["void", "no relations", "1800/1820", ""]])
    ids = states + [l for l, _ in leaders]
    types = list(BUILTIN_TYPES)
    rows = []
    for i in range(260):
        s, t = rng.sample(ids, 2)
        y = rng.randint(1950, 1975)
        date = str(y) if rng.random() < 0.6 else "%d-%02d/%d" % (y, rng.randint(1, 12), y + rng.randint(0, 4))
        sign = rng.choice(["", "", "", "+", "-"])
        weight = rng.choice(["", "", "0.1", "0.2", "0.3", "1.5"])
        rows.append([s, t, rng.choice(types), date, sign, weight, "g%d" % i, ""])
    write_csv(folder, "relations.csv", rows)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: balance_networkx.py PATH_TO_ACTORGRAPH")
    tool = os.path.abspath(sys.argv[1])
    os.chdir(ROOT)
    ck = Checker()
    check_dataset(tool, "tests/data/balance-basic", ck)
    check_dataset(tool, "tests/data/balance-basic", ck, types={"alliance", "war", "rivalry"})
    check_dataset(tool, "tests/data/compare-basic", ck)
    if os.path.isdir("graphs/new-great-game"):
        check_dataset(tool, "graphs/new-great-game", ck)
        ds = Dataset("graphs/new-great-game")
        check_dataset(tool, "graphs/new-great-game", ck,
                      types={t for t in ds.types if t not in ("visit", "support")})
    else:
        print("skip: graphs/new-great-game is absent")
    with tempfile.TemporaryDirectory() as tmp:
        own = os.path.join(tmp, "own")
        generate(own, 7)
        check_dataset(tool, own, ck)
        gen = os.path.join(ROOT, "tests", "gen_dataset.py")
        if os.path.exists(gen):
            out = os.path.join(tmp, "generated")
            subprocess.run(["/usr/bin/python3", gen, out, "--seed", "3", "--relations", "1500"],
                           check=True)
            check_dataset(tool, out, ck)
        else:
            print("skip: tests/gen_dataset.py is absent")
    sys.exit(ck.summary())


if __name__ == "__main__":
    main()
