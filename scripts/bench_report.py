#!/usr/bin/python3
"""The job of `actorgraph report --all --format csv`, done in Python with
python-igraph or NetworkX, for benchmarks (scripts/bench).

    bench_report.py igraph|networkx DATASET OUT.csv

It reads the dataset with the cross-checks' reader (tests/lib/agdata.py:
csv module, EDTF, roll-up), slices every era, builds the dyad graph and the
relation digraph, computes the ten metrics with the library's own functions
(the calls a user of that library would make) and writes the long tidy CSV.
It is not held to 1e-9 (that is the cross-check's job); it exists so that
speed and memory can be compared on the same work.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lib"))
import agdata  # noqa: E402

# The ten metrics python-igraph and NetworkX both compute; pn (signed
# networks) has no counterpart in either library and is left out of the job.
METRICS = [m for m in agdata.METRICS if m != "pn"]


def slice_era(ds, days):
    lo, hi = days
    rels = []
    for i, (s, t, typ, (a, b), directed, w) in enumerate(ds.relations):
        if s == t or not ds.placed(i, lo, hi):  # --dates probable, the default
            continue
        rels.append((s, t, directed, float(w)))
    return rels


def graphs(rels):
    vertices = sorted({x for r in rels for x in (r[0], r[1])})
    index = {v: i for i, v in enumerate(vertices)}
    W, arcs, merged = {}, [], {}
    for s, t, directed, w in rels:
        a, b = index[s], index[t]
        key = (min(a, b), max(a, b))
        W[key] = W.get(key, 0.0) + abs(w)
        arcs.append((a, b))
        merged[(a, b)] = merged.get((a, b), 0.0) + abs(w)
        if not directed:
            arcs.append((b, a))
            merged[(b, a)] = merged.get((b, a), 0.0) + abs(w)
    return vertices, W, arcs, merged


def with_igraph(vertices, W, arcs, merged):
    import igraph as ig
    n = len(vertices)
    edges = sorted(W)
    g = ig.Graph(n=n, edges=edges)
    w = [W[e] for e in edges]
    length = [1.0 / x for x in w]
    d = ig.Graph(n=n, edges=list(merged), directed=True)
    dw = list(merged.values())
    out = {}
    out["degree"] = g.degree()
    out["strength"] = g.strength(weights=w)
    bc = g.betweenness(weights=length)
    norm = (n - 1) * (n - 2) / 2 if n > 2 else 1
    out["betweenness"] = [b / norm for b in bc]
    out["harmonic"] = g.harmonic_centrality(weights=length, normalized=True)
    out["eigenvector"] = g.eigenvector_centrality(weights=w, scale=True) if edges else [0] * n
    indeg, outdeg = [0] * n, [0] * n
    for a, b in arcs:
        outdeg[a] += 1
        indeg[b] += 1
    out["in_degree"], out["out_degree"] = indeg, outdeg
    out["pagerank"] = d.pagerank(weights=dw)
    out["hub"] = d.hub_score(weights=dw, scale=True) if dw else [0] * n
    out["authority"] = d.authority_score(weights=dw, scale=True) if dw else [0] * n
    return out


def with_networkx(vertices, W, arcs, merged):
    import networkx as nx
    n = len(vertices)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for (a, b), x in W.items():
        g.add_edge(a, b, weight=x, length=1.0 / x)
    d = nx.DiGraph()
    d.add_nodes_from(range(n))
    for (a, b), x in merged.items():
        d.add_edge(a, b, weight=x)
    out = {}
    out["degree"] = [g.degree(v) for v in range(n)]
    out["strength"] = [g.degree(v, weight="weight") for v in range(n)]
    bc = nx.betweenness_centrality(g, weight="length", normalized=True)
    out["betweenness"] = [bc[v] for v in range(n)]
    hc = nx.harmonic_centrality(g, distance="length")
    out["harmonic"] = [hc[v] / (n - 1) if n > 1 else 0 for v in range(n)]
    if g.number_of_edges():
        ev = nx.eigenvector_centrality_numpy(g, weight="weight")
        mx = max(ev.values())
        out["eigenvector"] = [ev[v] / mx for v in range(n)]
    else:
        out["eigenvector"] = [0] * n
    indeg, outdeg = [0] * n, [0] * n
    for a, b in arcs:
        outdeg[a] += 1
        indeg[b] += 1
    out["in_degree"], out["out_degree"] = indeg, outdeg
    pr = nx.pagerank(d, weight="weight")
    out["pagerank"] = [pr[v] for v in range(n)]
    if d.number_of_edges():
        hub, auth = nx.hits(d, max_iter=10000)
        mh, ma = max(hub.values()) or 1, max(auth.values()) or 1
        out["hub"] = [hub[v] / mh for v in range(n)]
        out["authority"] = [auth[v] / ma for v in range(n)]
    else:
        out["hub"] = out["authority"] = [0] * n
    return out


def main():
    lib, folder, outpath = sys.argv[1:4]
    compute = {"igraph": with_igraph, "networkx": with_networkx}[lib]
    ds = agdata.Dataset(folder)
    names = {a: v[0] for a, v in ds.actors.items()}
    with open(outpath, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["era", "level", "ties", "actor", "name", "metric", "value", "rank"])
        for era, days in ds.eras:
            rels = slice_era(ds, days)
            if not rels:
                continue
            vertices, W, arcs, merged = graphs(rels)
            values = compute(vertices, W, arcs, merged)
            ranks = {m: agdata.ranks(dict(zip(vertices, values[m]))) for m in METRICS}
            for i, v in enumerate(vertices):
                for m in METRICS:
                    w.writerow([era, "actor", "all", v, names[v], m,
                                agdata.fmt(float(values[m][i])), ranks[m][v]])


if __name__ == "__main__":
    main()
