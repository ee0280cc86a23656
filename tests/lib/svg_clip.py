#!/usr/bin/env python3
"""tests/lib/svg_clip.py SVG...: prints each node of a Graphviz SVG whose
outline reaches outside the drawing (a node clipped at an edge) and exits 1
when there is one. Not a test itself (tests/cli/diagram.sh runs it)."""
import re
import sys

from lxml import etree

NS = {"s": "http://www.w3.org/2000/svg"}


def clipped(path):
    root = etree.parse(path).getroot()
    x0, y0, w, h = (float(v) for v in root.get("viewBox").split())
    graph = root.find("s:g", NS)
    m = re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", graph.get("transform", ""))
    tx, ty = (float(m.group(1)), float(m.group(2))) if m else (0.0, 0.0)
    bad = []
    for node in root.iter("{http://www.w3.org/2000/svg}g"):
        if node.get("class") != "node":
            continue
        title = node.find("s:title", NS).text
        for el in node.iter():
            tag = etree.QName(el).localname
            if tag == "ellipse":
                cx, cy, rx, ry = (float(el.get(k)) for k in ("cx", "cy", "rx", "ry"))
                pts = [(cx - rx, cy - ry), (cx + rx, cy + ry)]
            elif tag == "polygon":
                nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get("points"))]
                pts = list(zip(nums[0::2], nums[1::2]))
            else:
                continue
            for x, y in pts:
                if not (x0 - 0.5 <= x + tx <= x0 + w + 0.5 and y0 - 0.5 <= y + ty <= y0 + h + 0.5):
                    bad.append(f"{path}: node {title} reaches ({x + tx:.1f}, {y + ty:.1f})")
                    break
    return bad


problems = [p for path in sys.argv[1:] for p in clipped(path)]
print("\n".join(problems))
sys.exit(1 if problems else 0)
