"""An actorgraph dataset read independently of the tool, for the
cross-checks (tests/crosscheck/*.py) and the benchmarks
(scripts/bench_report.py).

It reads the CSV files with the csv module and parses the EDTF subset of
docs/METHODS.md itself; it also holds the helpers the cross-checks share:
the tool's printed values and ranks, running the tool, and counting checks.

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    "..", "lib"))
    import agdata
"""
import csv
import datetime
import math
import os
import subprocess
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
METRICS = ["degree", "strength", "betweenness", "harmonic", "eigenvector",
           "in_degree", "out_degree", "pagerank", "hub", "authority", "pn"]


def pn_centrality(vertices, nets):
    """PN centrality (Everett and Borgatti 2014) of vertices from
    {frozenset((u, v)): net}: (I - A/(2n - 2)) PN = 1 with A = P - 2N over
    the dyads whose net is not 0 (|net| < 1e-10 is 0), solved with numpy.
    One vertex: 1; two enemies alone (singular): 1/2 each."""
    import numpy as np
    n = len(vertices)
    if n == 1:
        return {vertices[0]: 1.0}
    idx = {v: i for i, v in enumerate(vertices)}
    A = np.zeros((n, n))
    for key, x in nets.items():
        if abs(float(x)) < 1e-10:
            continue
        u, v = sorted(key)
        A[idx[u], idx[v]] = A[idx[v], idx[u]] = 1.0 if x > 0 else -2.0
    if n == 2 and A[0, 1] < 0:
        return {v: 0.5 for v in vertices}
    x = np.linalg.solve(np.eye(n) - A / (2 * n - 2), np.ones(n))
    return {v: float(x[idx[v]]) for v in vertices}

BUILTIN_TYPES = {  # id: (directed, sign, weight)
    "alliance": (False, 1, "3"), "treaty": (False, 1, "2"),
    "agreement": (False, 1, "1"), "cooperation": (False, 1, "1"),
    "rivalry": (False, -1, "2"), "war": (False, -1, "3"),
    "incident": (False, -1, "1"), "visit": (True, 1, "1"),
    "invitation": (True, 1, "1"), "mediation": (True, 1, "1"),
    "support": (True, 1, "1"), "assurance": (True, 1, "1"),
    "membership": (True, 1, "1"), "military-aid": (True, 1, "2"),
    "arms-sale": (True, 1, "2"), "veto": (True, -1, "2"),
    "threat": (True, -1, "2"), "intervention": (True, -1, "3"),
    "accusation": (True, -1, "1"), "sanction": (True, -1, "2"),
    "cancellation": (True, -1, "1"),
}


# ---- reading a dataset (independent of the tool) ----

def read_csv(path):
    """The rows of a CSV file as dicts keyed by the lower-cased header;
    blank rows skipped, short rows padded with ""."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head = [h.strip().lower() for h in rows[0]]
    out = []
    for r in rows[1:]:
        if not any(c.strip() for c in r):
            continue
        out.append(dict(zip(head, r + [""] * (len(head) - len(r)))))
    return out


def point(text):
    """(first, last) ordinal day of one EDTF date, None for an open or
    unknown end."""
    t = text.strip().rstrip("?~%")
    if t in ("", ".."):
        return None
    parts = t.split("-")
    if "X" in parts[0]:
        lo, hi = int(parts[0].replace("X", "0")), int(parts[0].replace("X", "9"))
        return datetime.date(lo, 1, 1).toordinal(), datetime.date(hi, 12, 31).toordinal()
    y = int(parts[0])
    if len(parts) == 1:
        return datetime.date(y, 1, 1).toordinal(), datetime.date(y, 12, 31).toordinal()
    m = int(parts[1])
    if len(parts) == 2:
        nxt = datetime.date(y + (m == 12), m % 12 + 1, 1).toordinal()
        return datetime.date(y, m, 1).toordinal(), nxt - 1
    d = datetime.date(y, m, int(parts[2])).toordinal()
    return d, d


def interval(text):
    """(first, last) ordinal day of an EDTF date or interval; an open end
    is -inf or +inf."""
    t = text.strip()
    if "/" in t:
        a, b = t.split("/", 1)
        pa, pb = point(a), point(b)
        return (pa[0] if pa else -math.inf, pb[1] if pb else math.inf)
    return point(t)


def bkey(s):
    """Byte order, the tool's order of ids."""
    return s.encode()


class Dataset:
    """A dataset folder:
    - name: the folder's name;
    - actors {id: (name, parent)}, parent {id: parent}, continues {id: id};
    - types {id: (directed, sign, weight text)}: types.csv or the built-in;
    - eras [(id, (first, last))] in file order, period {id: (first, last)},
      era_order [id];
    - relations [(source, target, type, (first, last), directed, w)], w the
      signed weight as an exact Fraction; is_interval [bool] per relation
      (written A/B), for placed()."""

    def __init__(self, folder):
        self.name = os.path.basename(os.path.normpath(folder))
        self.actors, self.parent, self.continues = {}, {}, {}
        for r in read_csv(os.path.join(folder, "actors.csv")):
            a = r["id"].strip()
            self.parent[a] = r.get("parent", "").strip()
            self.continues[a] = r.get("continues", "").strip()
            self.actors[a] = (r["name"], self.parent[a])
        tpath = os.path.join(folder, "types.csv")
        # types.csv extends and overrides the built-in vocabulary; a
        # '-builtin' row keeps its own types only.
        self.types = dict(BUILTIN_TYPES)
        if os.path.exists(tpath):
            rows = read_csv(tpath)
            if any(r["id"].strip() == "-builtin" for r in rows):
                self.types = {}
            for r in rows:
                if r["id"].strip() == "-builtin":
                    continue
                self.types[r["id"].strip()] = (
                    r["directed"].strip().lower() in ("true", "yes", "1"),
                    1 if r["sign"].strip() == "+" else -1, r["weight"].strip())
        self.eras = [(r["id"].strip(), interval(r["period"]))
                     for r in read_csv(os.path.join(folder, "eras.csv"))]
        self.period = dict(self.eras)
        self.era_order = [e for e, _ in self.eras]
        self.relations, self.is_interval = [], []
        for r in read_csv(os.path.join(folder, "relations.csv")):
            typ = r["type"].strip()
            directed, sign, weight = self.types[typ]
            if r.get("sign", "").strip():
                sign = 1 if r["sign"].strip() == "+" else -1
            if r.get("weight", "").strip():
                weight = r["weight"].strip()
            self.relations.append((r["source"].strip(), r["target"].strip(), typ,
                                   interval(r["date"]), directed, sign * Fraction(weight)))
            self.is_interval.append("/" in r["date"])

    def placed(self, i, lo, hi, rule="probable"):
        """Whether relation i is in the window lo..hi (METHODS, "Dates in
        eras"): an interval when it overlaps; a single date, one unknown day
        of its range, when any (possible), half or more (probable) or all
        (certain) of its days are in the window."""
        a, b = self.relations[i][3]
        if not (a <= hi and lo <= b):
            return False
        if self.is_interval[i] or rule == "possible":
            return True
        inside, days = min(b, hi) - max(a, lo) + 1, b - a + 1
        return inside == days if rule == "certain" else 2 * inside >= days

    def top(self, a):
        """The state an actor rolls up to (its topmost parent)."""
        for _ in range(len(self.parent) + 1):
            if not self.parent.get(a):
                break
            a = self.parent[a]
        return a

    def lineage(self, a):
        """(root, depth) of an actor's `continues` chain."""
        d = 0
        for _ in range(len(self.continues) + 1):
            if not self.continues.get(a):
                break
            a = self.continues[a]
            d += 1
        return a, d


# ---- writing a dataset (the cross-checks generate their own) ----

HEADERS = {
    "actors.csv": ["id", "name", "kind", "parent", "continues", "active", "note"],
    "eras.csv": ["id", "name", "period", "note"],
    "relations.csv": ["source", "target", "type", "date", "sign", "weight", "cite", "note"],
}


def write_csv(folder, name, rows):
    """Writes folder/name (actors.csv, eras.csv or relations.csv): its
    header, then the rows."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADERS[name])
        w.writerows(rows)


# ---- values as the tool prints them ----

def fmt(x):
    """A value as the tool prints it: %.10g, 0 below 1e-10."""
    s = "%.10g" % (0.0 if abs(x) < 1e-10 else x)
    return "0" if s == "-0" else s


def printed(x):
    """The value as the tool prints it, back as a number (None for None
    or NaN)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(fmt(x))


def ranks(values):
    """{actor: rank}: 1 the highest; equal printed values share the lowest
    rank."""
    order = sorted(values, key=lambda a: -values[a])
    out, prev, first = {}, None, 0
    for k, a in enumerate(order):
        p = fmt(values[a])
        if p != prev:
            first = k
        out[a] = first + 1
        prev = p
    return out


# ---- running the tool and counting checks ----

def run(tool, *args):
    """The tool's standard output; RuntimeError on a non-zero exit."""
    p = subprocess.run([tool, *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.strip()))
    return p.stdout


class Checker:
    """Counts named checks, each passed or failed with its problems (the
    first `shown` of them printed)."""

    def __init__(self, shown=10):
        self.passed = self.failed = 0
        self.shown = shown
        self.report = []

    def check(self, name, problems):
        if problems:
            self.failed += 1
            print("FAIL %s" % name)
            for p in problems[:self.shown]:
                print("     %s" % p)
        else:
            self.passed += 1

    def summary(self):
        """The last line, "N passed, M failed"; the exit status."""
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0
