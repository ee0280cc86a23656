#!/usr/bin/python3
"""Cross-check of `actorgraph export`: NetworkX reads back every format.

    /usr/bin/python3 tests/crosscheck/export_networkx.py PATH_TO_ACTORGRAPH

For graphs/new-great-game and a generated dataset (tests/gen_dataset.py),
at both levels and under all three tie layers, for the whole dataset and
every era: the GraphML (nx.read_graphml), GEXF (nx.read_gexf), node-link
JSON (nx.node_link_graph), Cytoscape.js JSON and Gephi CSV tables (csv
module) that the tool writes must hold exactly the vertices and dyads of an
independent slicing (tests/lib/agdata.py: the endpoints of the era's
relations, W per pair summed under the ties, pos, neg, net and relation
counts), each edge's periods of activity (the union of its relations'
dates clipped to the window and the actors' lifetimes) with their first
and last day, the GEXF weight over time, and node metrics equal to
`report --format csv`'s. Every GraphML and GEXF file is validated against
the official schemas (tests/schemas, xmllint), read by python-igraph
(GraphML: vertex names are the ids, numbers are numbers) and by a reader
with graphology's rules (GEXF: tests/lib/gexfread.py, numbers are
numbers). The relation export (--edges relations) must hold one directed
edge per relation with a weight under the ties, and give back report's
in_degree and out_degree.
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

import math

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from agdata import METRICS, ROOT, Checker, Dataset, interval, read_csv, run  # noqa: E402
from gexfread import GraphologyError, graphology_read, read_gexf  # noqa: E402

try:
    import igraph
except ImportError:  # python3-igraph is in scripts/deps; without it, less is checked
    igraph = None

SCHEMAS = os.path.join(ROOT, "tests", "schemas")
os.environ["XML_CATALOG_FILES"] = os.path.join(SCHEMAS, "catalog.xml")


def validate(path, fmt):
    xsd = os.path.join(SCHEMAS, "gexf-1.3/gexf.xsd" if fmt == "gexf" else
                       "graphml-1.0/graphml.xsd")
    p = subprocess.run(["xmllint", "--nonet", "--noout", "--schema", xsd, path],
                       capture_output=True, text=True)
    return [] if p.returncode == 0 else ["%s fails its schema: %s" % (fmt, p.stderr[-500:])]


def lifetimes(folder):
    """{actor: (first, last)} from actors.csv's active column."""
    out = {}
    for r in read_csv(os.path.join(folder, "actors.csv")):
        if r.get("active", "").strip():
            out[r["id"].strip()] = interval(r["active"])
    return out


def clip(span, *limits):
    lo, hi = span
    for a, b in limits:
        lo, hi = max(lo, a), min(hi, b)
    return lo, hi


def merge(spans):
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def periods_text(spans):
    return ";".join("%s/%s" % (day(a) or "..", day(b) or "..") for a, b in spans)


def steps(items):
    """[(first, last, weight)]: the summed weight of (first, last, w) items
    between consecutive changes, where it is > 0, equal neighbours joined."""
    changes = {}
    for a, b, w in items:
        changes[a] = changes.get(a, 0) + w
        changes[b + 1] = changes.get(b + 1, 0) - w
    days, out, w = sorted(changes), [], 0
    for i, d in enumerate(days[:-1]):
        w += changes[d]
        if w > 0:
            if out and out[-1][1] + 1 == d and out[-1][2] == w:
                out[-1] = (out[-1][0], days[i + 1] - 1, w)
            else:
                out.append((d, days[i + 1] - 1, w))
    return out


def chosen_weight(w, ties):
    return w if ties == "positive" and w > 0 else -w if ties == "negative" and w < 0 \
        else abs(w) if ties == "all" else 0


def expected(ds, days, level, ties, life):
    """{actor}, {(u, v): (W, pos, neg, n, periods, steps)} with u < v, and the
    relations [(s, t, type, directed, chosen)] with a weight under the ties.
    periods: the merged days of the relations with a weight, clipped to the
    window and both lifetimes (to the window alone when that leaves none);
    steps: the weight over time on those days."""
    lo, hi = days
    nodes, dyads, rels, spans = set(), {}, [], {}
    for i, (s, t, typ, (a, b), directed, w) in enumerate(ds.relations):
        if not ds.placed(i, lo, hi):
            continue
        if level == "state":
            s, t = ds.top(s), ds.top(t)
        if s == t:
            continue
        nodes |= {s, t}
        key = (min(s, t, key=lambda x: x.encode()), max(s, t, key=lambda x: x.encode()))
        W, pos, neg, n = dyads.get(key, (Fraction(0), Fraction(0), Fraction(0), 0))
        if w > 0:
            pos += w
        else:
            neg += -w
        chosen = chosen_weight(w, ties)
        dyads[key] = (W + chosen, pos, neg, n + 1)
        if chosen > 0:
            rels.append((s, t, typ, directed, chosen))
            spans.setdefault(key, []).append(((a, b), chosen))

    def lifetime(v):
        a, b = life.get(v, (-math.inf, math.inf))
        return (a, b) if a <= hi and lo <= b else (lo, hi)

    out = {}
    for key, (W, pos, neg, n) in dyads.items():
        if W <= 0:
            continue
        per = []
        for limits in ([(lo, hi), lifetime(key[0]), lifetime(key[1])], [(lo, hi)]):
            items = [(clip(sp, *limits), w) for sp, w in spans[key]]
            items = [((a, b), w) for (a, b), w in items if a <= b]
            if items:
                break
        per = merge([sp for sp, _ in items])
        out[key] = (W, pos, neg, n, per, steps([(a, b, w) for (a, b), w in items]))
    return nodes, out, rels


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
        W, pos, neg, n, per, _ = dyads[key]
        first, last = per[0][0], per[-1][1]
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
        if "periods" in d and d["periods"] != periods_text(per):
            problems.append("%s %s periods %s, expected %s" % (
                what, key, d["periods"], periods_text(per)))
    for v, row in metrics.items():
        for m, value in row.items():
            if v in G.nodes and not close(G.nodes[v].get(m, "nan"), value):
                problems.append("%s node %s %s: %s, expected %s" % (
                    what, v, m, G.nodes[v].get(m), value))
    return problems


def read_csv_edges(text, nodes_text):
    """Gephi's two tables; the Interval column must say the periods."""
    G = nx.Graph()
    for r in csv.DictReader(io.StringIO(nodes_text)):
        G.add_node(r["Id"], label=r["Label"])
    for r in csv.DictReader(io.StringIO(text)):
        if r["Type"] != "Undirected":
            raise ValueError("Type %r" % r["Type"])
        gephi = ""
        if r["periods"] and r["periods"] != "../..":
            gephi = "<%s>" % "; ".join("[%s, %s]" % tuple(p.split("/"))
                                       for p in r["periods"].split(";"))
            gephi = gephi.replace("[.., ", "[-Infinity, ").replace(", ..]", ", Infinity]")
        if r["Interval"] != gephi:
            raise ValueError("Interval %r for periods %r" % (r["Interval"], r["periods"]))
        G.add_edge(r["Source"], r["Target"], weight=r["Weight"], pos=r["pos"], neg=r["neg"],
                   net=r["net"], relations=r["relations"], start=r["start"], end=r["end"],
                   periods=r["periods"])
    return G


def read_cyjs(path):
    with open(path, encoding="utf-8") as f:
        el = json.load(f)["elements"]
    G = nx.Graph()
    for n in el["nodes"]:
        G.add_node(n["data"]["id"], **n["data"])
    for e in el["edges"]:
        d = e["data"]
        if d["source"] not in G or d["target"] not in G:
            raise ValueError("cyjs edge %s to a missing node" % d["id"])
        G.add_edge(d["source"], d["target"], **d)
    return G


def check_gexf_time(path, dyads, what):
    """The weight over time: attvalues for="weight", or W throughout."""
    import xml.etree.ElementTree as ET
    ns = "{http://gexf.net/1.3}"
    problems = []
    for e in ET.parse(path).getroot().iter(ns + "edge"):
        key = tuple(sorted((e.get("source"), e.get("target")), key=lambda x: x.encode()))
        if key not in dyads:
            continue
        W, _, _, _, per, st = dyads[key]
        got = [(a.get("start", ""), a.get("end", ""), float(a.get("value")))
               for a in e.iter(ns + "attvalue") if a.get("for") == "weight"]
        want = [(day(a), day(b), float(w)) for a, b, w in st]
        if not got and len(st) == 1 and st[0][2] == W:
            continue  # constant: the edge's weight says it
        if got != want:
            problems.append("%s %s weight over time %s, expected %s" % (what, key, got, want))
        spells = [(s.get("start", ""), s.get("end", "")) for s in e.iter(ns + "spell")]
        if spells and spells != [(day(a), day(b)) for a, b in per]:
            problems.append("%s %s spells %s, expected %s" % (what, key, spells, per))
    return problems


def check_consumers(path, fmt, nodes, what):
    """python-igraph (GraphML) or graphology's rules (GEXF)."""
    problems = []
    if fmt == "graphml" and igraph is not None:
        g = igraph.Graph.Read_GraphML(path)
        if set(g.vs["name"]) != nodes:
            problems.append("%s igraph names are not the ids" % what)
        for attr in ("betweenness", "pos"):
            seq = g.vs if attr == "betweenness" else g.es
            if attr in seq.attributes() and len(seq) and \
                    not all(isinstance(x, float) for x in seq[attr]):
                problems.append("%s igraph %s not numbers" % (what, attr))
    if fmt == "gexf":
        try:
            _, gnodes, gedges = graphology_read(path)
        except GraphologyError as e:
            return problems + ["%s graphology: %s" % (what, e)]
        for _, _, d in gedges:
            for k in ("weight", "pos", "neg", "net", "relations"):
                if k in d and not isinstance(d[k], float) or \
                        isinstance(d.get(k), float) and math.isnan(d[k]):
                    problems.append("%s graphology %s = %r, not a number" % (what, k, d[k]))
                    break
        for d in gnodes.values():
            for k in METRICS + ["community"]:
                if k in d and not isinstance(d[k], float):
                    problems.append("%s graphology node %s = %r" % (what, k, d[k]))
    return problems


def check_relations(tool, args, tmp, rels, metrics, what):
    """--edges relations: one directed edge per relation with a weight; the
    arcs (two for an undirected type) give report's in and out degree."""
    path = os.path.join(tmp, "r.graphml")
    run(tool, "export", *args, "--edges", "relations", "-o", path)
    problems = validate(path, "graphml")
    G = nx.read_graphml(path)
    if not G.is_directed():
        return problems + ["%s relations: not directed" % what]
    got = sorted((u, v, d["type"]) for u, v, d in G.edges(data=True))
    want = sorted((s, t, typ) for s, t, typ, _, _ in rels)
    if got != want:
        problems.append("%s relations: %d edges, expected %d" % (what, len(got), len(want)))
    deg_in, deg_out = {}, {}
    for u, v, d in G.edges(data=True):
        arcs = [(u, v)] if d["directed"] else [(u, v), (v, u)]
        for a, b in arcs:
            deg_out[a] = deg_out.get(a, 0) + 1
            deg_in[b] = deg_in.get(b, 0) + 1
    for v, row in metrics.items():
        if "in_degree" in row and (deg_in.get(v, 0) != row["in_degree"] or
                                   deg_out.get(v, 0) != row["out_degree"]):
            problems.append("%s %s in/out %s/%s, expected %s/%s" % (
                what, v, deg_in.get(v, 0), deg_out.get(v, 0), row["in_degree"],
                row["out_degree"]))
    return problems


LAYERS = [(level, ties) for level in ("actor", "state") for ties in ("all", "positive", "negative")]


def sanitized(tool):
    """Whether the tool was built with sanitizers (its --version says)."""
    return "sanitizers on" in run(tool, "--version")


def check(tool, folder, ds, ck, sample=False):
    """Every slice (the whole dataset and each era) under every level and
    tie layer; with sample, each slice under one of them in turn (the whole
    dataset at actor level, all ties), so that every slice, level, layer
    and format is still written and read, in a sixth of the runs."""
    slices = [("(all)", (float("-inf"), float("inf")))] + ds.eras
    life = lifetimes(folder)
    with tempfile.TemporaryDirectory() as tmp:
        for i, (level, ties) in enumerate(LAYERS):
            for k, (era, days) in enumerate(slices):
                if sample and k % len(LAYERS) != i:
                    continue
                args = [folder, "--level", level, "--ties", ties]
                if era != "(all)":
                    args += ["--era", era]
                what = "%s %s %s %s" % (ds.name, era, level, ties)
                nodes, dyads, rels = expected(ds, days, level, ties, life)
                metrics = {}
                if era != "(all)" and nodes:
                    rep = run(tool, "report", folder, "--era", era, "--level", level,
                              "--ties", ties, "--format", "csv")
                    for r in csv.DictReader(io.StringIO(rep)):
                        metrics.setdefault(r["actor"], {})[r["metric"]] = float(r["value"])
                problems = []
                try:
                    # The formats that share the node-link code, the
                    # consumers and the relation export are checked
                    # under all ties (the whole dataset: every tie).
                    full = ties == "all" or era == "(all)"
                    for fmt in ("graphml", "gexf", "json", "csv") + (("cyjs",) if full else ()):
                        path = os.path.join(tmp, "g." + fmt)
                        run(tool, "export", *args, "-o", path)
                        if fmt == "graphml":
                            G = nx.read_graphml(path)
                        elif fmt == "gexf":
                            G = read_gexf(path)
                            problems += check_gexf_time(path, dyads, what)
                        elif fmt == "json":
                            with open(path, encoding="utf-8") as f:
                                G = nx.node_link_graph(json.load(f))
                        elif fmt == "cyjs":
                            G = read_cyjs(path)
                        else:
                            with open(path, encoding="utf-8") as f, \
                                    open(os.path.join(tmp, "g-nodes.csv"),
                                         encoding="utf-8") as fn:
                                G = read_csv_edges(f.read(), fn.read())
                        problems += compare_graph(G, nodes, dyads,
                                                  metrics if fmt != "csv" else {},
                                                  "%s %s" % (fmt, what))
                        if fmt in ("graphml", "gexf"):
                            problems += validate(path, fmt)
                        if fmt in ("graphml", "gexf") and full:
                            problems += check_consumers(path, fmt, nodes,
                                                        "%s %s" % (fmt, what))
                    if full:
                        problems += check_relations(tool, args, tmp, rels, metrics, what)
                except Exception as e:  # a format NetworkX can't read is a failure
                    problems.append("%s: %s" % (what, e))
                ck.check(what, problems)


def main():
    tool = os.path.abspath(sys.argv[1])
    ck = Checker()
    # A sanitized build runs each program several times slower: it writes
    # and reads a sample of the slices (check's sample), which still goes
    # through every writer; the plain build checks them all.
    sample = sanitized(tool)
    shipped = os.path.join(ROOT, "graphs", "new-great-game")
    check(tool, shipped, Dataset(shipped), ck, sample)
    with tempfile.TemporaryDirectory() as tmp:
        gen = os.path.join(tmp, "generated")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "gen_dataset.py"), gen,
                        "--relations", "600", "--states", "40"], check=True)
        check(tool, gen, Dataset(gen), ck, sample)
    return ck.summary()


if __name__ == "__main__":
    sys.exit(main())
