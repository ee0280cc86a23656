#!/usr/bin/python3
"""Cross-check of `actorgraph compare` against NetworkX and SciPy.

    /usr/bin/python3 tests/crosscheck/compare_networkx.py PATH_TO_ACTORGRAPH

An independent implementation of docs/METHODS.md, "Comparing eras". For
each pair of eras compared, it slices both eras itself (csv module, its own
EDTF parser, roll-up to state level), matches the actors by lineage with
its own code, builds the dyad graphs with NetworkX and computes degree,
strength, betweenness, harmonic, in_degree, out_degree and pagerank; then
it checks the tool's csv parts:
  - actors: every row (label, status, ids in each era), each value (to 1e-9
    relative), each rank (1 is highest; ties judged on the value printed
    with %.10g share the lowest rank), each rank shift;
  - correlations: Spearman's rho and Kendall's tau-b from scipy.stats
    (spearmanr, kendalltau: average ranks for ties) over the actors in both
    eras, on the values printed with %.10g;
  - dyads: every pair, its change (flipped, gained, lost, kept), signs and
    nets, in the tool's order;
  - summary: vertices, relations, dyads, edges, positive and negative
    dyads, density, components, transitivity, triangles, balance ratio.
Eigenvector, hub and authority are computed by the tool only (their
cross-check is report_networkx.py): their ranks, shifts and correlations
are recomputed here from the tool's printed values.

Where NetworkX is loose it is made strict: betweenness and harmonic run on
exact integer lengths (a length is 1/W with W a sum of decimal weights,
read as a fraction; all lengths are scaled by the lcm of the W's
numerators), so equal paths are equal; pagerank uses tol 1e-15.

Datasets: tests/data/compare-basic, graphs/new-great-game (skipped with a
message when absent), a dataset from tests/gen_dataset.py (when present),
and one generated here with lineages that come and go between eras. The
last line says "N passed, M failed"; the exit status is 1 on any mismatch.
"""
import csv
import io
import itertools
import math
import os
import random
import subprocess
import sys
import tempfile
import warnings
from fractions import Fraction

import networkx as nx
from scipy import stats

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from agdata import (BUILTIN_TYPES, METRICS, ROOT, Checker, Dataset, bkey, pn_centrality,  # noqa: E402
                    printed, ranks, run as run_tool, write_csv)

OURS = ["degree", "strength", "betweenness", "harmonic", "in_degree", "out_degree", "pagerank", "pn"]
CHANGES = ["flipped", "gained", "lost", "kept"]


class Era:
    """One era's slice, graphs and metrics, computed here."""

    def __init__(self, ds, era, state, ties):
        c, d = ds.period[era]
        self.rels = []  # (s, t, directed, w) after roll-up
        for i, (s, t, _, _, directed, w) in enumerate(ds.relations):
            if not ds.placed(i, c, d):
                continue
            if state:
                s, t = ds.top(s), ds.top(t)
            if s != t:
                self.rels.append((s, t, directed, w))
        self.vertices = sorted({x for r in self.rels for x in r[:2]}, key=bkey)
        self.nrels = {v: 0 for v in self.vertices}
        pos, neg = {}, {}
        for s, t, _, w in self.rels:
            self.nrels[s] += 1
            self.nrels[t] += 1
            k = tuple(sorted((s, t), key=bkey))
            pos.setdefault(k, Fraction(0))
            neg.setdefault(k, Fraction(0))
            if w > 0:
                pos[k] += w
            else:
                neg[k] -= w
        self.net = {k: pos[k] - neg[k] for k in pos}
        self.W = {k: (pos[k] if ties == "positive" else neg[k] if ties == "negative"
                      else pos[k] + neg[k]) for k in pos}
        self.nrel_dyad = {}
        for s, t, _, _ in self.rels:
            k = tuple(sorted((s, t), key=bkey))
            self.nrel_dyad[k] = self.nrel_dyad.get(k, 0) + 1
        # Lengths 1/W scaled to exact integers (S is the lcm of the W's
        # numerators): exact and fast, where fractions are exact and slow.
        S = 1
        for W in self.W.values():
            if W > 0:
                S = math.lcm(S, W.numerator)
        G = nx.Graph()
        G.add_nodes_from(self.vertices)
        for k, W in self.W.items():
            if W > 0:
                length = S / W
                assert length.denominator == 1
                G.add_edge(*k, W=W, length=int(length))
        self.G = G
        D = nx.DiGraph()
        D.add_nodes_from(self.vertices)
        indeg = {v: 0 for v in self.vertices}
        outdeg = {v: 0 for v in self.vertices}
        for s, t, directed, w in self.rels:
            x = w if ties == "positive" else -w if ties == "negative" else abs(w)
            if x <= 0:
                continue
            for u, v in ([(s, t)] if directed else [(s, t), (t, s)]):
                outdeg[u] += 1
                indeg[v] += 1
                if D.has_edge(u, v):
                    D[u][v]["weight"] += x
                else:
                    D.add_edge(u, v, weight=x)
        n = len(self.vertices)
        m = {}
        m["degree"] = {v: float(G.degree(v)) for v in self.vertices}
        m["strength"] = {v: float(sum(G[v][u]["W"] for u in G[v])) for v in self.vertices}
        if n > 2:
            bc = nx.betweenness_centrality(G, weight="length", normalized=False)
            m["betweenness"] = {v: float(bc[v]) / ((n - 1) * (n - 2) / 2) for v in self.vertices}
        else:
            m["betweenness"] = {v: 0.0 for v in self.vertices}
        hc = nx.harmonic_centrality(G, distance="length") if n > 1 else {}
        m["harmonic"] = {v: float(hc.get(v, 0)) * S / (n - 1) if n > 1 else 0.0
                         for v in self.vertices}
        m["in_degree"] = {v: float(indeg[v]) for v in self.vertices}
        m["out_degree"] = {v: float(outdeg[v]) for v in self.vertices}
        for u, v in D.edges:
            D[u][v]["weight"] = float(D[u][v]["weight"])
        m["pagerank"] = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000) \
            if n else {}
        m["pn"] = pn_centrality(self.vertices, {frozenset(k): x for k, x in self.net.items()}) \
            if n else {}
        self.m = m


def match(ds, A, B):
    """Rows {label: (actor_a, actor_b, status)}, independently of the tool:
    principals of a lineage (most relations; then later in the lineage, then
    id) when they differ and one is gone from the other era; then the same
    actor; then one left per lineage on each side."""
    rows = []
    used_a, used_b = set(), set()

    def groups(E):
        g = {}
        for v in E.vertices:
            g.setdefault(ds.lineage(v)[0], []).append(v)
        for k in g:
            g[k].sort(key=lambda v: (-E.nrels[v], -ds.lineage(v)[1], bkey(v)))
        return g

    ga, gb = groups(A), groups(B)
    for root in sorted(set(ga) & set(gb), key=bkey):
        pa, pb = ga[root][0], gb[root][0]
        if pa != pb and (pa not in B.nrels or pb not in A.nrels):
            rows.append((pa, pb))
            used_a.add(pa)
            used_b.add(pb)
    for v in A.vertices:
        if v not in used_a and v in B.nrels and v not in used_b:
            rows.append((v, v))
            used_a.add(v)
            used_b.add(v)
    for root in sorted(set(ga) & set(gb), key=bkey):
        la = [v for v in ga[root] if v not in used_a]
        lb = [v for v in gb[root] if v not in used_b]
        if len(la) == 1 and len(lb) == 1:
            rows.append((la[0], lb[0]))
            used_a.add(la[0])
            used_b.add(lb[0])
    rows += [(v, None) for v in A.vertices if v not in used_a]
    rows += [(None, v) for v in B.vertices if v not in used_b]
    out = {}
    for a, b in rows:
        if a is None:
            out[b] = (None, b, "entering")
        elif b is None:
            out[a] = (a, None, "leaving")
        elif a == b:
            out[a] = (a, b, "same")
        else:
            out["%s (%s)" % (b, a)] = (a, b, "lineage")
    return out


def signed(x):
    return 1 if x > 0 else -1 if x < 0 else 0


def balance(E):
    G = nx.Graph()
    for k, x in E.net.items():
        if x != 0:
            G.add_edge(*k, s=signed(x))
    tri = bal = 0
    for c in nx.enumerate_all_cliques(G):
        if len(c) == 3:
            tri += 1
            a, b, d = c
            bal += G[a][b]["s"] * G[a][d]["s"] * G[b][d]["s"] > 0
        elif len(c) > 3:
            break
    return tri, (bal / tri if tri else None)


# ---- checking ----

def run(tool, *args):
    """The rows of the tool's csv output."""
    return list(csv.DictReader(io.StringIO(run_tool(tool, *args))))


def num(s):
    return None if s == "" else float(s)


def close(x, y, rel=1e-9, abs_=1e-12):
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= max(rel * max(abs(x), abs(y)), abs_)


def correlations(x, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(x) < 2:
            return None, None
        rho = stats.spearmanr(x, y).statistic
        tau = stats.kendalltau(x, y).statistic  # tau-b by default
    return (None if math.isnan(rho) else float(rho)), (None if math.isnan(tau) else float(tau))


def compare_pair(tool, folder, ds, cache, ea, eb, state, ties, ck, show=False):
    level = "state" if state else "actor"
    args = ["compare", folder, ea, eb, "--level", level, "--ties", ties, "--format", "csv"]
    name = "%s %s/%s %s %s" % (ds.name, ea, eb, level, ties)
    for e in (ea, eb):
        if (e, state, ties) not in cache:
            cache[(e, state, ties)] = Era(ds, e, state, ties)
    A, B = cache[(ea, state, ties)], cache[(eb, state, ties)]
    rows = match(ds, A, B)
    problems = []

    # Actors: rows, values, ranks, shifts.
    got = run(tool, *args, "--table", "actors")
    by = {}
    for r in got:
        by.setdefault(r["actor"], {})[r["metric"]] = r
    if set(by) != set(rows):
        problems.append("rows: extra %s, missing %s" % (sorted(set(by) - set(rows))[:4],
                                                       sorted(set(rows) - set(by))[:4]))
    labels = sorted(rows, key=bkey)
    if [r["actor"] for r in got if r["metric"] == "degree"] != labels:
        problems.append("rows are not in label order")
    tool_val = {(e, m): {} for e in "ab" for m in METRICS}
    for lab in set(by) & set(rows):
        a, b, status = rows[lab]
        for m, r in by[lab].items():
            if (r["status"], r["actor_a"], r["actor_b"]) != (status, a or "", b or ""):
                problems.append("%s: status %s %s %s, expected %s %s %s" % (
                    lab, r["status"], r["actor_a"], r["actor_b"], status, a, b))
                break
            if a:
                tool_val[("a", m)][a] = num(r["value_a"])
            if b:
                tool_val[("b", m)][b] = num(r["value_b"])
    for m in METRICS:
        # Values computed here, or (eigenvector, hub, authority) the tool's.
        va = A.m[m] if m in OURS else tool_val[("a", m)]
        vb = B.m[m] if m in OURS else tool_val[("b", m)]
        if m not in OURS and (len(va) != len(A.vertices) or len(vb) != len(B.vertices)):
            problems.append("%s: values missing" % m)
            continue
        ra, rb = ranks(va), ranks(vb)
        xs, ys = [], []
        for lab in labels:
            a, b, _ = rows[lab]
            r = by.get(lab, {}).get(m)
            if r is None:
                problems.append("%s %s: no row" % (lab, m))
                continue
            want = (va[a] if a else None, ra[a] if a else None,
                    vb[b] if b else None, rb[b] if b else None,
                    ra[a] - rb[b] if a and b else None)
            have = (num(r["value_a"]), num(r["rank_a"]), num(r["value_b"]), num(r["rank_b"]),
                    num(r["shift"]))
            for k, what in enumerate(("value_a", "rank_a", "value_b", "rank_b", "shift")):
                ok = close(have[k], want[k]) if k in (0, 2) else have[k] == want[k]
                if not ok:
                    problems.append("%s %s %s: tool %s, here %s" % (lab, m, what, have[k], want[k]))
            if a and b:
                xs.append(printed(va[a]))
                ys.append(printed(vb[b]))
        rho, tau = correlations(xs, ys)
        cache.setdefault("corr", {})[(name, m)] = (len(xs), rho, tau)

    # Correlations.
    for r in run(tool, *args, "--table", "correlations"):
        if (name, r["metric"]) not in cache.get("corr", {}):
            problems.append("%s: correlations not computed here" % r["metric"])
            continue
        n, rho, tau = cache["corr"][(name, r["metric"])]
        if int(r["actors"]) != n or not close(num(r["spearman"]), rho) or \
                not close(num(r["kendall"]), tau):
            problems.append("%s: tool n=%s rho=%s tau=%s, scipy n=%d rho=%s tau=%s" % (
                r["metric"], r["actors"], r["spearman"], r["kendall"], n, rho, tau))
        if show and r["metric"] in ("degree", "betweenness", "pagerank"):
            ck.report.append("%s %-11s n=%2d rho tool %-14s scipy %-22r tau tool %-14s scipy %r" % (
                name, r["metric"], n, r["spearman"], rho, r["kendall"], tau))

    # Dyads.
    row_of_a = {v[0]: lab for lab, v in rows.items() if v[0]}
    row_of_b = {v[1]: lab for lab, v in rows.items() if v[1]}
    index = {lab: i for i, lab in enumerate(labels)}
    want = {}
    for E, row_of, side in ((A, row_of_a, "a"), (B, row_of_b, "b")):
        for k, W in E.W.items():
            if W <= 0:
                continue
            pair = tuple(sorted((row_of[k[0]], row_of[k[1]]), key=lambda x: index[x]))
            want.setdefault(pair, {})[side] = (signed(E.net[k]), E.net[k], W, E.nrel_dyad[k])
    expected = []
    for pair, d in want.items():
        if "a" in d and "b" in d:
            change = "kept" if d["a"][0] == d["b"][0] else "flipped"
        else:
            change = "gained" if "b" in d else "lost"
        expected.append((CHANGES.index(change), index[pair[0]], index[pair[1]], pair, change, d))
    expected.sort()
    got = run(tool, *args, "--table", "dyads")
    if len(got) != len(expected):
        problems.append("dyads: tool %d, here %d" % (len(got), len(expected)))
    sign_text = {1: "+", -1: "-", 0: "0"}
    for r, (_, _, _, pair, change, d) in zip(got, expected):
        have = (r["actor1"], r["actor2"], r["change"], r["sign_a"], r["sign_b"], r["relations_a"],
                r["relations_b"])
        exp = (pair[0], pair[1], change, sign_text[d["a"][0]] if "a" in d else "",
               sign_text[d["b"][0]] if "b" in d else "", str(d["a"][3] if "a" in d else 0),
               str(d["b"][3] if "b" in d else 0))
        if have != exp:
            problems.append("dyad %s, expected %s" % (have, exp))
            continue
        for side in "ab":
            if side in d and not (close(num(r["net_" + side]), float(d[side][1])) and
                                  close(num(r["W_" + side]), float(d[side][2]))):
                problems.append("dyad %s %s: net/W %s/%s" % (pair, side, r["net_" + side], r["W_" + side]))

    # Summary figures.
    got = {r["figure"]: r for r in run(tool, *args, "--table", "summary")}
    for side, E in (("a", A), ("b", B)):
        n = len(E.vertices)
        edges = E.G.number_of_edges()
        tri, ratio = balance(E)
        triads = sum(d * (d - 1) / 2 for _, d in E.G.degree())
        figures = {
            "vertices": n, "relations": len(E.rels), "dyads": len(E.net), "edges": edges,
            "positive_dyads": sum(1 for x in E.net.values() if x > 0),
            "negative_dyads": sum(1 for x in E.net.values() if x < 0),
            "density": edges / (n * (n - 1) / 2) if n >= 2 else 0.0,
            "components": nx.number_connected_components(E.G) if n else 0,
            "transitivity": nx.transitivity(E.G) if triads else None,
            "triangles": tri, "balance_ratio": ratio,
        }
        for f, v in figures.items():
            if f not in got or not close(num(got[f]["value_" + side]), None if v is None else float(v)):
                problems.append("summary %s %s: tool %s, here %s" % (
                    f, side, got.get(f, {}).get("value_" + side), v))
    ck.check(name, problems)


def generate_lineages(folder, seed):
    """Lineages that come and go: X0 -> X1 -> X2 and Y0 -> Y1, whose
    members are the main actor of one era and a minor one of the next, plus
    states present throughout, leaders, and decimal weights."""
    rng = random.Random(seed)
    plain = ["P%02d" % i for i in range(16)]
    lineage = [("X0", ""), ("X1", "X0"), ("X2", "X1"), ("Y0", ""), ("Y1", "Y0")]
    leaders = [("l%d" % i, rng.choice(plain + ["X1", "Y0"])) for i in range(5)]
    write_csv(folder, "actors.csv",
              [[p, "State " + p, "state", "", "", "", ""] for p in plain] +
              [[a, "State " + a, "state", "", c, "", ""] for a, c in lineage] +
              [[l, "Leader " + l, "leader", p, "", "", ""] for l, p in leaders])
    eras = [("e1", "1950/1959"), ("e2", "1960/1969"), ("e3", "1970/1979"),
            ("e12", "1955/1964"), ("all", "1950/1979")]
    write_csv(folder, "eras.csv", [[e, e, p, ""] for e, p in eras])
    # The main actor of each lineage per decade, and a minor one.
    main = {1950: ("X0", "Y0"), 1960: ("X1", "Y0"), 1970: ("X2", "Y1")}
    minor = {1950: ("X1",), 1960: ("X2", "Y1"), 1970: ("X1",)}
    types = list(BUILTIN_TYPES)
    rows = []
    for decade in (1950, 1960, 1970):
        pool = plain + [l for l, _ in leaders] + list(main[decade]) * 4 + list(minor[decade])
        for _ in range(110):
            s, t = rng.sample(pool, 2)
            if s == t:
                continue
            y = decade + rng.randint(0, 9)
            date = str(y) if rng.random() < 0.7 else "%d-%02d" % (y, rng.randint(1, 12))
            rows.append([s, t, rng.choice(types), date, rng.choice(["", "", "", "-", "+"]),
                         rng.choice(["", "", "0.5", "1.5", "2.5"]), "g%d" % len(rows), ""])
    write_csv(folder, "relations.csv", rows)


def check_dataset(tool, folder, ck, pairs=None, states=(False, True), ties=("all",), show=None):
    ds = Dataset(folder)
    eras = ds.era_order
    cache = {}
    if pairs is None:
        pairs = list(itertools.permutations(eras, 2))
    for state in states:
        for t in ties:
            for ea, eb in pairs:
                compare_pair(tool, folder, ds, cache, ea, eb, state, t, ck,
                             show=show is not None and (ea, eb, state, t) in show)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: compare_networkx.py PATH_TO_ACTORGRAPH")
    tool = os.path.abspath(sys.argv[1])
    os.chdir(ROOT)
    # A sanitized build is many times slower: it is checked on a fixed
    # sample of the era pairs (every kind of pair still appears); the plain
    # build checks them all.
    sanitized = "sanitizers on" in subprocess.run([tool, "--version"], capture_output=True,
                                                  text=True).stdout
    def sample(pairs):
        return pairs[::6] + pairs[-1:] if sanitized else pairs
    ck = Checker(shown=12)
    check_dataset(tool, "tests/data/compare-basic", ck)
    check_dataset(tool, "tests/data/compare-basic", ck, pairs=[("a", "b"), ("b", "a2")],
                  ties=("positive", "negative"))
    if os.path.isdir("graphs/new-great-game"):
        ngg = "graphs/new-great-game"
        eras = Dataset(ngg).era_order
        pairs = sample(list(itertools.combinations(eras, 2)))
        if ("cold-war", "post-2001") not in pairs:
            pairs.append(("cold-war", "post-2001"))
        check_dataset(tool, ngg, ck, pairs=pairs + [("post-2001", "cold-war")],
                      show={("cold-war", "post-2001", False, "all"),
                            ("cold-war", "post-2001", True, "all")})
        check_dataset(tool, ngg, ck, pairs=[("cold-war", "post-2001"), ("post-2001", "cold-war")],
                      ties=("positive", "negative"))
    else:
        print("skip: graphs/new-great-game is absent")
    with tempfile.TemporaryDirectory() as tmp:
        own = os.path.join(tmp, "lineages")
        generate_lineages(own, 11)
        check_dataset(tool, own, ck,
                      pairs=sample(list(itertools.permutations(Dataset(own).era_order, 2))))
        check_dataset(tool, own, ck, pairs=[("e1", "e2"), ("e3", "e12")], ties=("positive",))
        gen = os.path.join(ROOT, "tests", "gen_dataset.py")
        if os.path.exists(gen):
            out = os.path.join(tmp, "generated")
            subprocess.run(["/usr/bin/python3", gen, out, "--seed", "5", "--relations", "1200"],
                           check=True)
            ds = Dataset(out)
            pairs = list(zip(ds.era_order, ds.era_order[1:])) + [(ds.era_order[-1], ds.era_order[0])]
            check_dataset(tool, out, ck, pairs=sample(pairs))
        else:
            print("skip: tests/gen_dataset.py is absent")
    for line in ck.report:
        print(line)
    sys.exit(ck.summary())


if __name__ == "__main__":
    main()
