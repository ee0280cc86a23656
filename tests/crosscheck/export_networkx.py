#!/usr/bin/python3
"""Cross-check of `actorgraph export`: NetworkX reads back every format.

    /usr/bin/python3 tests/crosscheck/export_networkx.py PATH_TO_ACTORGRAPH

For graphs/new-great-game and a generated dataset (tests/gen_dataset.py),
at both levels and under all three tie layers, for the whole dataset and
every era: the GraphML (nx.read_graphml), GEXF (nx.read_gexf), node-link
JSON (nx.node_link_graph) and CSV edge table (csv module) that the tool
writes must hold exactly the vertices and dyads of an independent slicing
(tests/lib/agdata.py: the endpoints of the era's relations, W per pair
summed under the ties, pos, neg, net and relation counts), each edge's
first and last day, and node metrics equal to `report --format csv`'s.
The last line says "N passed, M failed"; the exit status is 1 on any
mismatch.
"""
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from agdata import METRICS, ROOT, Checker, Dataset, run  # noqa: E402


def expected(ds, days, level, ties):
    """{actor}, {(u, v): (W, pos, neg, n, first, last)} with u < v."""
    lo, hi = days
    nodes, dyads = set(), {}
    for i, (s, t, typ, (a, b), directed, w) in enumerate(ds.relations):
        if not ds.placed(i, lo, hi):
            continue
        if level == "state":
            s, t = ds.top(s), ds.top(t)
        if s == t:
            continue
        nodes |= {s, t}
        key = (min(s, t, key=lambda x: x.encode()), max(s, t, key=lambda x: x.encode()))
        W, pos, neg, n, first, last = dyads.get(key, (Fraction(0), Fraction(0), Fraction(0),
                                                      0, a, b))
        if w > 0:
            pos += w
        else:
            neg += -w
        chosen = w if ties == "positive" and w > 0 else -w if ties == "negative" and w < 0 \
            else abs(w) if ties == "all" else 0
        dyads[key] = (W + chosen, pos, neg, n + 1, min(first, a), max(last, b))
    return nodes, {k: v for k, v in dyads.items() if v[0] > 0}


def day(ordinal):
    if ordinal in (float("-inf"), float("inf")):
        return ""
    return datetime.date.fromordinal(int(ordinal)).isoformat()


def close(x, y):
    return abs(float(x) - float(y)) <= 1e-9 * max(1.0, abs(float(y)))


def compare_graph(G, nodes, dyads, metrics, what):
    problems = []
    if set(G.nodes) != nodes:
        problems.append("%s nodes: extra %s, missing %s" % (
            what, sorted(set(G.nodes) - nodes)[:5], sorted(nodes - set(G.nodes))[:5]))
    got = {tuple(sorted((u, v), key=lambda x: x.encode())): d for u, v, d in G.edges(data=True)}
    if set(got) != set(dyads):
        problems.append("%s edges: extra %s, missing %s" % (
            what, sorted(set(got) - set(dyads))[:5], sorted(set(dyads) - set(got))[:5]))
    for key in set(got) & set(dyads):
        W, pos, neg, n, first, last = dyads[key]
        d = got[key]
        want = {"weight": W, "pos": pos, "neg": neg, "net": pos - neg}
        for k, v in want.items():
            if not close(d.get(k, 0), v):
                problems.append("%s %s %s: %s, expected %s" % (what, key, k, d.get(k), float(v)))
        if int(d.get("relations")) != n:
            problems.append("%s %s relations: %s, expected %d" % (what, key, d.get("relations"), n))
        if str(d.get("start", "")) != day(first) or str(d.get("end", "")) != day(last):
            problems.append("%s %s span %s/%s, expected %s/%s" % (
                what, key, d.get("start", ""), d.get("end", ""), day(first), day(last)))
    for v, row in metrics.items():
        for m, value in row.items():
            if v in G.nodes and not close(G.nodes[v].get(m, "nan"), value):
                problems.append("%s node %s %s: %s, expected %s" % (
                    what, v, m, G.nodes[v].get(m), value))
    return problems


def read_csv_edges(text):
    G = nx.Graph()
    for r in csv.DictReader(io.StringIO(text)):
        if r["Type"] != "Undirected":
            raise ValueError("Type %r" % r["Type"])
        G.add_edge(r["Source"], r["Target"], weight=r["Weight"], pos=r["pos"], neg=r["neg"],
                   net=r["net"], relations=r["relations"], start=r["start"], end=r["end"])
    return G


def check(tool, folder, ds, ck):
    slices = [("(all)", (float("-inf"), float("inf")))] + ds.eras
    with tempfile.TemporaryDirectory() as tmp:
        for level in ("actor", "state"):
            for ties in ("all", "positive", "negative"):
                for era, days in slices:
                    args = [folder, "--level", level, "--ties", ties]
                    if era != "(all)":
                        args += ["--era", era]
                    what = "%s %s %s %s" % (ds.name, era, level, ties)
                    nodes, dyads = expected(ds, days, level, ties)
                    metrics = {}
                    if era != "(all)" and nodes:
                        rep = run(tool, "report", folder, "--era", era, "--level", level,
                                  "--ties", ties, "--format", "csv")
                        for r in csv.DictReader(io.StringIO(rep)):
                            metrics.setdefault(r["actor"], {})[r["metric"]] = float(r["value"])
                    problems = []
                    try:
                        for fmt in ("graphml", "gexf", "json", "csv"):
                            path = os.path.join(tmp, "g." + fmt)
                            run(tool, "export", *args, "-o", path)
                            if fmt == "graphml":
                                G = nx.read_graphml(path)
                            elif fmt == "gexf":
                                G = nx.read_gexf(path)
                                # GEXF keeps spans as the edges' start/end.
                            elif fmt == "json":
                                with open(path, encoding="utf-8") as f:
                                    G = nx.node_link_graph(json.load(f))
                            else:
                                with open(path, encoding="utf-8") as f:
                                    G = read_csv_edges(f.read())
                                G.add_nodes_from(nodes)  # an edge table has no isolated nodes
                            problems += compare_graph(G, nodes, dyads,
                                                      metrics if fmt != "csv" else {},
                                                      "%s %s" % (fmt, what))
                            if fmt in ("graphml", "gexf"):
                                p = subprocess.run(["xmllint", "--noout", path],
                                                   capture_output=True, text=True)
                                if p.returncode:
                                    problems.append("%s not well-formed: %s" % (fmt, p.stderr))
                    except Exception as e:  # a format NetworkX can't read is a failure
                        problems.append("%s: %s" % (what, e))
                    ck.check(what, problems)


def main():
    tool = os.path.abspath(sys.argv[1])
    ck = Checker()
    shipped = os.path.join(ROOT, "graphs", "new-great-game")
    check(tool, shipped, Dataset(shipped), ck)
    with tempfile.TemporaryDirectory() as tmp:
        gen = os.path.join(tmp, "generated")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "gen_dataset.py"), gen,
                        "--relations", "600", "--states", "40"], check=True)
        check(tool, gen, Dataset(gen), ck)
    return ck.summary()


if __name__ == "__main__":
    sys.exit(main())
