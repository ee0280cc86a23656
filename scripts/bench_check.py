#!/usr/bin/python3
"""Helpers of scripts/bench: are two report CSVs the same numbers, how close
is a sampled report to the exact one, and the plot of time against size.

    bench_check.py same A.csv B.csv [TOL]
        Prints the worst relative difference per metric of B against A
        (rows matched on era, actor, metric); exits 1 when rows differ or
        a difference exceeds TOL (default 1e-6).
    bench_check.py rho EXACT.csv SAMPLED.csv [METRIC]
        Prints the lowest Spearman's rho, over eras, between the exact and
        the sampled values of METRIC (default betweenness), and the era.
    bench_check.py plot RESULTS.tsv OUT.png
        Wall time against relations, one line per tool, log-log.
"""
import csv
import sys


def load(path):
    rows = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows[(r["era"], r["actor"], r["metric"])] = float(r["value"])
    return rows


def same(a_path, b_path, tol=1e-6):
    a, b = load(a_path), load(b_path)
    if a.keys() != b.keys():
        print("rows differ: %d against %d, %d in common"
              % (len(a), len(b), len(a.keys() & b.keys())))
        return 1
    worst = {}
    for k, x in a.items():
        y = b[k]
        d = abs(x - y)
        # Values below 1e-10 are printed as 0 (METHODS, rule 13).
        rel = 0.0 if d <= 1e-10 else d / max(abs(x), abs(y))
        if rel > worst.get(k[2], (0.0, None))[0]:
            worst[k[2]] = (rel, k)
    bad = [m for m, (rel, _) in worst.items() if rel > tol]
    print("%d rows; worst relative difference: %s" % (
        len(a), ", ".join("%s %.1e" % (m, worst[m][0]) for m in sorted(worst)) or "none"))
    return 1 if bad else 0


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2.0 + 1
        i = j + 1
    return r


def spearman(x, y):
    rx, ry = ranks(x), ranks(y)
    n = len(x)
    mx, my = sum(rx) / n, sum(ry) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    return sxy / (sxx * syy) ** 0.5 if sxx > 0 and syy > 0 else 1.0


def rho(exact_path, sampled_path, metric="betweenness"):
    a, b = load(exact_path), load(sampled_path)
    eras = {}
    for (era, actor, m), x in a.items():
        if m == metric:
            eras.setdefault(era, []).append((x, b[(era, actor, m)]))
    low = min((spearman([p[0] for p in v], [p[1] for p in v]), era)
              for era, v in eras.items() if len(v) > 2)
    print("%.4f %s" % low)
    return 0


def plot(results, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    series = {}
    with open(results, encoding="utf-8") as f:
        for line in f:
            tool, rel, secs = line.split("\t")[:3]
            if secs.strip() not in ("", "nan"):
                series.setdefault(tool, []).append((int(rel), float(secs)))
    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=120)
    for tool, pts in series.items():
        pts.sort()
        label = tool if len(pts) > 1 else "%s (run at %dk only)" % (tool, pts[0][0] // 1000)
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=label)
        for x, y in pts:
            ax.annotate(("%.3g s" if y < 1000 else "%.0f s") % y, (x, y),
                        textcoords="offset points", xytext=(6, -12), fontsize=8)
    xs = [p[0] for pts in series.values() for p in pts]
    ys = [p[1] for pts in series.values() for p in pts]
    if xs:
        ax.set_xlim(min(xs) / 1.3, max(xs) * 1.8)
        ax.set_ylim(min(ys) / 2.5, max(ys) * 2)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("relations (tests/gen_dataset.py datasets)")
    ax.set_ylabel("wall time, seconds")
    ax.set_title("report --all --level actor --ties all --format csv")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out)
    return 0


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "same":
        return same(args[0], args[1], float(args[2]) if len(args) > 2 else 1e-6)
    if cmd == "rho":
        return rho(*args)
    if cmd == "plot":
        return plot(*args)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
