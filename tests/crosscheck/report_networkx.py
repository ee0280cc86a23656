#!/usr/bin/python3
"""Cross-check of `actorgraph report --format csv` against NetworkX.

    /usr/bin/python3 tests/crosscheck/report_networkx.py PATH_TO_ACTORGRAPH

An independent implementation of docs/METHODS.md: it reads the CSV files
with the csv module, parses EDTF itself, slices, rolls up, builds the graphs
with NetworkX and computes every metric, then compares value and rank of
every (era, actor, metric) with the tool's output: values to 1e-9 relative
(1e-12 absolute near 0), ranks exactly. Runs on graphs/new-great-game (when
it exists) and on a dataset from tests/gen_dataset.py, at both levels and
under all three tie layers, every era. The last line says "N passed, M
failed"; the exit status is 1 on any mismatch.

Where NetworkX's defaults are loose, this script is strict:
- betweenness: NetworkX compares path lengths exactly, so lengths 1/W are
  scaled to exact integers (W is a sum of decimal weights, read as exact
  fractions): equal paths are equal, as igraph's tolerance makes them;
- eigenvector and HITS: dense eigen-decomposition per component (numpy),
  not nx.eigenvector_centrality / nx.hits with their 1e-6 / 1e-8 defaults;
- pagerank: nx.pagerank with tol 1e-15.
"""
import csv
import io
import math
import os
import subprocess
import sys
import tempfile
import time
from fractions import Fraction

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from agdata import METRICS, ROOT, Dataset, pn_centrality, ranks  # noqa: E402

REL_TOL, ABS_TOL = 1e-9, 1e-12
TIE = 1e-9


# ---- graphs and metrics ----

def leading_combination(blocks):
    """blocks: list of (eigenvalue, unit non-negative vector as {v: x}).
    The limit of power iteration from all ones: blocks whose eigenvalue is
    within TIE of the largest contribute (sum u) * u."""
    out = {}
    top = max([lam for lam, _ in blocks], default=0.0)
    if top <= 0:
        return out
    for lam, u in blocks:
        if lam >= top * (1 - TIE):
            s = sum(u.values())
            for v, x in u.items():
                out[v] = out.get(v, 0.0) + s * x
    return out


def unit_positive(vec):
    vec = np.asarray(vec, dtype=float)
    if vec.sum() < 0:
        vec = -vec
    vec = np.where(vec < 0, 0.0, vec)
    return vec / np.linalg.norm(vec)


def scaled(values, vertices):
    mx = max([values.get(v, 0.0) for v in vertices], default=0.0)
    return {v: (values.get(v, 0.0) / mx if mx > 0 else 0.0) for v in vertices}


def eigenvector(G, W):
    blocks = []
    for comp in nx.connected_components(G):
        comp = sorted(comp)
        if len(comp) < 2:
            continue
        idx = {v: i for i, v in enumerate(comp)}
        A = np.zeros((len(comp), len(comp)))
        for u in comp:
            for v in G[u]:
                A[idx[u], idx[v]] = W[frozenset((u, v))]
        vals, vecs = np.linalg.eigh(A)
        u = unit_positive(vecs[:, -1])
        blocks.append((vals[-1], dict(zip(comp, u))))
    return leading_combination(blocks)


def hits(arcs, vertices):
    """arcs: {(s, t): merged weight}. Hub and authority per component of
    the bipartite double cover, through the SVD of its block of A."""
    B = nx.Graph()
    for (s, t), w in arcs.items():
        B.add_edge(("out", s), ("in", t), weight=w)
    blocks_h, blocks_a = [], []
    for comp in nx.connected_components(B):
        srcs = sorted(v for k, v in comp if k == "out")
        tgts = sorted(v for k, v in comp if k == "in")
        si = {v: i for i, v in enumerate(srcs)}
        ti = {v: i for i, v in enumerate(tgts)}
        A = np.zeros((len(srcs), len(tgts)))
        for (s, t), w in arcs.items():
            if s in si and t in ti:
                A[si[s], ti[t]] = w
        U, S, Vt = np.linalg.svd(A)
        u = unit_positive(U[:, 0])
        v = unit_positive(Vt[0, :])
        blocks_h.append((S[0] ** 2, dict(zip(srcs, u)), dict(zip(tgts, v))))
    hub = leading_combination([(lam, u) for lam, u, _ in blocks_h])
    # Authority = A^T hub: within tied blocks sigma is the same, so it is
    # the sum over them of (sum of u_c) * v_c.
    top = max([lam for lam, _, _ in blocks_h], default=0.0)
    auth = {}
    for lam, u, v in blocks_h:
        if top > 0 and lam >= top * (1 - TIE):
            s = sum(u.values())
            for t, x in v.items():
                auth[t] = auth.get(t, 0.0) + s * x
    return scaled(hub, vertices), scaled(auth, vertices)


def measure(ds, era_days, level, ties, types=None):
    """{actor: {metric: value}} for one era, or {} when it has no relation."""
    lo, hi = era_days
    rels = []
    for i, (s, t, typ, _, directed, w) in enumerate(ds.relations):
        if types is not None and typ not in types:
            continue
        if not ds.placed(i, lo, hi):
            continue
        if level == "state":
            s, t = ds.top(s), ds.top(t)
        if s == t:
            continue
        rels.append((s, t, directed, w))
    vertices = sorted({x for r in rels for x in (r[0], r[1])})
    if not vertices:
        return {}
    n = len(vertices)

    def chosen(w):
        if ties == "positive":
            return w if w > 0 else 0
        if ties == "negative":
            return -w if w < 0 else 0
        return abs(w)

    W = {}
    for s, t, directed, w in rels:
        key = frozenset((s, t))
        W[key] = W.get(key, Fraction(0)) + chosen(w)
    G = nx.Graph()
    G.add_nodes_from(vertices)
    for key, x in W.items():
        if x > 0:
            u, v = sorted(key)
            G.add_edge(u, v, weight=float(x))
    # Exact integer path lengths: L / W scaled by the lcm of denominators.
    L = 1
    for key, x in W.items():
        if x > 0:
            L = L * (1 / x).denominator // math.gcd(L, (1 / x).denominator)
    for u, v in G.edges():
        G[u][v]["ilen"] = int((1 / W[frozenset((u, v))]) * L)

    arcs_multi = []
    for s, t, directed, w in rels:
        c = chosen(w)
        if c <= 0:
            continue
        arcs_multi.append((s, t, c))
        if not directed:
            arcs_multi.append((t, s, c))
    merged = {}
    for s, t, c in arcs_multi:
        merged[(s, t)] = merged.get((s, t), Fraction(0)) + c
    D = nx.DiGraph()
    D.add_nodes_from(vertices)
    for (s, t), c in merged.items():
        D.add_edge(s, t, weight=float(c))

    res = {v: {} for v in vertices}
    for v in vertices:
        res[v]["degree"] = float(G.degree(v))
        res[v]["strength"] = float(sum(W[frozenset((v, u))] for u in G[v]))
        res[v]["in_degree"] = float(sum(1 for a in arcs_multi if a[1] == v))
        res[v]["out_degree"] = float(sum(1 for a in arcs_multi if a[0] == v))
    bc = nx.betweenness_centrality(G, weight="ilen", normalized=True)
    for v in vertices:
        res[v]["betweenness"] = bc[v] if n > 2 else 0.0
    for v in vertices:
        d = nx.single_source_dijkstra_path_length(G, v, weight="ilen")
        h = sum(Fraction(L, x) for u, x in d.items() if u != v)
        res[v]["harmonic"] = float(h) / (n - 1)
    ev = scaled(eigenvector(G, {k: float(x) for k, x in W.items()}), vertices)
    pr = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    hub, auth = hits({k: float(c) for k, c in merged.items()}, vertices)
    for v in vertices:
        res[v]["eigenvector"] = ev[v]
        res[v]["pagerank"] = pr[v]
        res[v]["hub"] = hub[v]
        res[v]["authority"] = auth[v]
    nets = {}
    for s, t, directed, w in rels:
        nets[frozenset((s, t))] = nets.get(frozenset((s, t)), Fraction(0)) + w
    pn = pn_centrality(vertices, nets)
    for v in vertices:
        res[v]["pn"] = pn[v]
    for v in vertices:
        for m in METRICS:
            if abs(res[v][m]) < 1e-10:
                res[v][m] = 0.0
    return res


# ---- comparing ----

class Tally:
    def __init__(self):
        self.passed = self.failed = self.values = 0
        self.max_rel = 0.0
        self.max_abs_small = 0.0
        self.worst = ""
        self.shown = 0

    def fail(self, msg):
        self.failed += 1
        if self.shown < 30:
            print("MISMATCH " + msg)
            self.shown += 1


def close(a, b):
    d = abs(a - b)
    return d <= ABS_TOL or d <= REL_TOL * max(abs(a), abs(b))


def check(tool, dsdir, ds, level, ties, tally, types=None, label=None):
    cmd = [tool, "report", dsdir, "--all", "--level", level, "--ties", ties,
           "--format", "csv"]
    if types is not None:
        cmd += ["--types", ",".join(sorted(types))]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = list(csv.reader(io.StringIO(out, newline="")))
    if rows[0] != ["era", "level", "ties", "actor", "name", "metric", "value", "rank"]:
        tally.fail("%s: bad header %r" % (label, rows[0]))
        return
    got = {}
    for r in rows[1:]:
        if r[1] != level or r[2] != ties:
            tally.fail("%s: row with level/ties %s/%s" % (label, r[1], r[2]))
        got[(r[0], r[3], r[5])] = (r[4], float(r[6]), int(r[7]))
    # The expected rows, in the documented order.
    want_order = []
    want = {}
    for era, days in ds.eras:
        res = measure(ds, days, level, ties, types)
        for m in METRICS:
            rk = ranks({a: res[a][m] for a in res})
            for a in res:
                want[(era, a, m)] = (res[a][m], rk[a])
        for a in sorted(res, key=lambda s: s.encode()):
            for m in METRICS:
                want_order.append((era, a, m))
    got_order = [(r[0], r[3], r[5]) for r in rows[1:]]
    if got_order != want_order:
        tally.fail("%s: rows differ in set or order (%d rows, want %d)"
                   % (label, len(got_order), len(want_order)))
    for key in want_order:
        era, a, m = key
        if key not in got:
            tally.fail("%s: missing %s/%s/%s" % (label, era, a, m))
            continue
        name, val, rank = got[key]
        wval, wrank = want[key]
        tally.values += 1
        expect_name = ds.actors[a][0]
        ok = True
        if name != expect_name:
            tally.fail("%s: %s name %r, want %r" % (label, a, name, expect_name))
            ok = False
        if not close(val, wval):
            tally.fail("%s: %s %s %s = %.17g, NetworkX %.17g"
                       % (label, era, a, m, val, wval))
            ok = False
        elif max(abs(val), abs(wval)) < 1e-6:
            tally.max_abs_small = max(tally.max_abs_small, abs(val - wval))
        elif val != wval:
            rel = abs(val - wval) / max(abs(val), abs(wval))
            if rel > tally.max_rel:
                tally.max_rel, tally.worst = rel, "%s %s %s %s: %.17g vs %.17g" % (
                    label, era, a, m, val, wval)
        if rank != wrank:
            tally.fail("%s: %s %s %s rank %d, NetworkX %d (values %.17g, %.17g)"
                       % (label, era, a, m, rank, wrank, val, wval))
            ok = False
        if ok:
            tally.passed += 1


def run_dataset(tool, dsdir, label, tally, extra_types=None):
    ds = Dataset(dsdir)
    for level in ("actor", "state"):
        for ties in ("all", "positive", "negative"):
            t0 = time.time()
            before = tally.values
            check(tool, dsdir, ds, level, ties, tally, label="%s %s/%s" % (label, level, ties))
            print("%s %s/%s: %d values (%.1f s)"
                  % (label, level, ties, tally.values - before, time.time() - t0))
    if extra_types:
        before = tally.values
        check(tool, dsdir, ds, "actor", "all", tally, types=set(extra_types),
              label="%s --types" % label)
        print("%s actor/all --types %s: %d values"
              % (label, ",".join(extra_types), tally.values - before))


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().split("\n")[2].strip())
        return 2
    tool = os.path.abspath(sys.argv[1])
    tally = Tally()
    shipped = os.path.join(ROOT, "graphs", "new-great-game")
    if os.path.exists(os.path.join(shipped, "relations.csv")):
        run_dataset(tool, shipped, "new-great-game", tally)
    else:
        print("skipped graphs/new-great-game: not there yet")
    with tempfile.TemporaryDirectory() as tmp:
        gen = os.path.join(tmp, "generated")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "gen_dataset.py"), gen,
                        "--seed", "7"], check=True)
        run_dataset(tool, gen, "generated", tally,
                    extra_types=["alliance", "membership", "trade", "visit", "war"])
    # %.10g itself rounds by up to 5e-10 relative.
    print("compared %d values and ranks; max relative difference %.3g for values "
          "of 1e-6 and more (%s); max absolute difference %.3g below"
          % (tally.values, tally.max_rel, tally.worst or "none", tally.max_abs_small))
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
