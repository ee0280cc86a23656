#!/usr/bin/python3
"""Cross-check of the signed measures of `actorgraph balance` against
independent code written here (docs/METHODS.md, "Signed measures").

    /usr/bin/python3 tests/crosscheck/signed_scipy.py PATH_TO_ACTORGRAPH

Per era and level it slices the CSV files itself (balance_networkx.nets:
exact fractions), builds the net-signed graph and compares with the
tool's `--format csv --blocks K` row and `--format json` object:
- frustration: brute force over all 2^(n-1) colourings (numpy) when the
  signed graph has at most 18 vertices, else an integer program solved by
  scipy.optimize.milp (HiGHS): x_v in {0, 1}, f_e >= |x_u - x_v| for a
  positive edge, f_e >= 1 - |x_u - x_v| for a negative one, minimise the
  sum of f_e; when HiGHS's 20 s (2 s under sanitizers) run out (the
  random 40-actor era, the "hard" era of signed-small), the
  tool's value must lie within HiGHS's proven bounds. Also: the tool's sides frustrate exactly the dyads it lists,
  as many as its index, and the normalised form is 1 - F/(m/2);
- walk balance: trace(scipy.linalg.expm(A)) / trace(expm(|A|));
- blocks: the error recomputed from the tool's blocks, and for at most 9
  signed vertices the least error over all K^n partitions (brute force).
PN centrality is checked against numpy.linalg.solve by report_networkx.py.

Datasets: tests/data/balance-basic, signed-small, signed-cuba,
graphs/new-great-game (when present) and balance_networkx.py's generated
one; both levels. The last line says "N passed, M failed"; the exit status
is 1 on any mismatch.
"""
import csv
import itertools
import json
import os
import sys
import tempfile

import numpy as np
from scipy.linalg import expm
from scipy.optimize import Bounds, LinearConstraint, milp

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, HERE)
from agdata import ROOT, Checker, Dataset, run  # noqa: E402
from balance_networkx import generate, nets  # noqa: E402

K_BLOCKS = 2
# HiGHS's time limit per integer program. Under sanitizers (`--version`)
# the tool is what is being checked for memory errors, so HiGHS gets
# less time: its bounds still bracket the tool's value, only wider.
MILP_SECONDS = {"plain": 20, "sanitized": 2}
# Bounds already found, by signed edge list: the state level of a
# dataset without leaders or agencies is its actor level again.
_bounds = {}


def signed_edges(net):
    """[(u, v, sign)] of the dyads whose net is not 0 (|net| < 1e-10 is 0)."""
    return [(u, v, 1 if x > 0 else -1) for (u, v), x in sorted(net.items())
            if abs(float(x)) >= 1e-10]


def frustrated_by(edges, side):
    return [(u, v) for u, v, s in edges if (side[u] != side[v]) == (s > 0)]


def frustration(edges, seconds):
    """(lower, upper) bounds on the least number of frustrated edges over
    all 2-colourings; equal when proven."""
    key = tuple(edges)
    if key not in _bounds:
        _bounds[key] = _frustration(edges, seconds)
    return _bounds[key]


def _frustration(edges, seconds):
    verts = sorted({x for u, v, _ in edges for x in (u, v)})
    n = len(verts)
    if n == 0:
        return 0, 0
    if n <= 18:
        # Every colouring with the first actor on side 0, all at once.
        idx = {v: i for i, v in enumerate(verts)}
        codes = np.arange(1 << (n - 1), dtype=np.int64) << 1
        count = np.zeros(codes.size, dtype=np.int32)
        for u, v, s in edges:
            differ = ((codes >> idx[u]) ^ (codes >> idx[v])) & 1
            count += differ if s > 0 else 1 - differ
        best = int(count.min())
        return best, best
    idx = {v: i for i, v in enumerate(verts)}
    m = len(edges)
    # Variables: x_0..x_{n-1}, f_0..f_{m-1}.
    c = np.concatenate([np.zeros(n), np.ones(m)])
    rows, lo = [], []
    for e, (u, v, s) in enumerate(edges):
        for a, b in ((1, -1), (-1, 1)) if s > 0 else ((1, 1), (-1, -1)):
            row = np.zeros(n + m)
            row[idx[u]] += a
            row[idx[v]] += b
            row[n + e] = -1
            rows.append(row)
            # positive: x_u - x_v - f <= 0; negative: x_u + x_v - f <= 1,
            # -x_u - x_v - f <= -1.
            lo.append(0 if s > 0 else (1 if a > 0 else -1))
    cons = LinearConstraint(np.array(rows), -np.inf, np.array(lo, dtype=float))
    # Dense random graphs are hard for an integer program: after the time
    # limit HiGHS's bounds still bracket the tool's value.
    res = milp(c, constraints=cons, integrality=np.ones(n + m), bounds=Bounds(0, 1),
               options={"time_limit": seconds})
    assert res.x is not None, res.message
    upper = int(round(res.fun))
    if res.status == 0:
        return upper, upper
    return int(np.ceil(res.mip_dual_bound - 1e-6)), upper


def walk_balance(edges):
    verts = sorted({x for u, v, _ in edges for x in (u, v)})
    if not verts:
        return None
    idx = {v: i for i, v in enumerate(verts)}
    A = np.zeros((len(verts), len(verts)))
    for u, v, s in edges:
        A[idx[u], idx[v]] = A[idx[v], idx[u]] = s
    return float(np.trace(expm(A)) / np.trace(expm(np.abs(A))))


def block_error(edges, block, alpha=0.5):
    neg_in = sum(1 for u, v, s in edges if s < 0 and block[u] == block[v])
    pos_out = sum(1 for u, v, s in edges if s > 0 and block[u] != block[v])
    return alpha * neg_in + (1 - alpha) * pos_out, neg_in, pos_out


def least_block_error(edges, k):
    verts = sorted({x for u, v, _ in edges for x in (u, v)})
    best = None
    for labels in itertools.product(range(k), repeat=len(verts)):
        e = block_error(edges, dict(zip(verts, labels)))[0]
        best = e if best is None else min(best, e)
    return best


def close(x, y):
    return abs(x - y) <= 1e-9 * max(1.0, abs(y))


def check_dataset(tool, folder, ck, seconds):
    ds = Dataset(folder)
    for level in ("actor", "state"):
        # A generous time limit: the tool must prove every value here.
        args = ["balance", folder, "--level", level, "--blocks", str(K_BLOCKS),
                "--time-limit", "120"]
        rows = {r["era"]: r for r in csv.DictReader(run(tool, *args, "--format", "csv").splitlines())}
        js = {e["era"]: e for e in json.loads(run(tool, *args, "--format", "json",
                                                     "--triangles", "none"))["eras"]}
        for era, period in ds.eras:
            net = nets(ds, period, level == "state")
            if not net:
                continue
            name = "%s %s %s" % (ds.name, era, level)
            problems = []
            row, obj = rows.get(era), js.get(era)
            if row is None or obj is None:
                ck.check(name, ["no row"])
                continue
            edges = signed_edges(net)
            m = len(edges)
            lower, upper = frustration(edges, seconds)
            if int(row["signed_dyads"]) != m:
                problems.append("signed_dyads: tool %s, here %d" % (row["signed_dyads"], m))
            if row["frustration_exact"] != "true":
                problems.append("not exact")
            f = int(row["frustration"])
            if not lower <= f <= upper or int(row["frustration_lower"]) != f:
                problems.append("frustration: tool %s (lower %s), here %d to %d"
                                % (row["frustration"], row["frustration_lower"], lower, upper))
            if m and not close(float(row["frustration_normalised"]), 1 - f / (m / 2)):
                problems.append("normalised: tool %s, here %.10g"
                                % (row["frustration_normalised"], 1 - f / (m / 2)))
            # The sides attain the index and frustrate the dyads listed.
            sides = obj["signed"]["sides"]
            side = {a: 0 for a in sides[0]}
            side.update({a: 1 for a in sides[1]})
            verts = {x for u, v, _ in edges for x in (u, v)}
            if set(side) != verts:
                problems.append("sides cover %d actors, signed graph %d" % (len(side), len(verts)))
            else:
                mine = sorted(frustrated_by(edges, side), key=lambda p: (p[0].encode(), p[1].encode()))
                listed = [(d["actor1"], d["actor2"]) for d in obj["signed"]["frustrated"]]
                if sorted(listed) != sorted(mine) or len(mine) != int(row["frustration"]):
                    problems.append("frustrated dyads: tool %s, by its sides %s" % (listed[:4], mine[:4]))
            wb = walk_balance(edges)
            if wb is None:
                if row["walk_balance"] != "":
                    problems.append("walk balance %r without signed dyads" % row["walk_balance"])
            elif not close(float(row["walk_balance"]), wb):
                problems.append("walk balance: tool %s, expm %.10g" % (row["walk_balance"], wb))
            # Blocks.
            b = obj["signed"]["blocks"]
            block = {a: i for i, ids in enumerate(b["blocks"]) for a in ids}
            if set(block) != verts:
                problems.append("blocks cover %d actors, signed graph %d" % (len(block), len(verts)))
            else:
                e, ni, po = block_error(edges, block)
                if not close(float(row["block_error"]), e) or (ni, po) != (b["neg_inside"], b["pos_between"]):
                    problems.append("block error: tool %s (%s, %s), recomputed %g (%d, %d)"
                                    % (row["block_error"], b["neg_inside"], b["pos_between"], e, ni, po))
                if len(verts) <= 9:
                    best = least_block_error(edges, K_BLOCKS)
                    if not close(float(row["block_error"]), best):
                        problems.append("block error %s, least over all partitions %g"
                                        % (row["block_error"], best))
            ck.check(name, problems)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: signed_scipy.py PATH_TO_ACTORGRAPH")
    tool = os.path.abspath(sys.argv[1])
    os.chdir(ROOT)
    ck = Checker()
    sanitized = "sanitizers on" in run(tool, "--version")
    seconds = MILP_SECONDS["sanitized" if sanitized else "plain"]
    for folder in ("tests/data/balance-basic", "tests/data/signed-small", "tests/data/signed-cuba"):
        check_dataset(tool, folder, ck, seconds)
    if os.path.isdir("graphs/new-great-game"):
        check_dataset(tool, "graphs/new-great-game", ck, seconds)
    else:
        print("skip: graphs/new-great-game is absent")
    with tempfile.TemporaryDirectory() as tmp:
        own = os.path.join(tmp, "own")
        generate(own, 7)
        check_dataset(tool, own, ck, seconds)
    sys.exit(ck.summary())


if __name__ == "__main__":
    main()
