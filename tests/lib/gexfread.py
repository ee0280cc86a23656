"""GEXF readers for the tests.

read_gexf(path): NetworkX's reader. NetworkX reads GEXF 1.3 from 3.0 on;
Debian's 2.8 knows only the 1.1draft and 1.2draft namespaces, though the
elements it reads are the same in 1.3, so on 2.x the 1.3 namespace is added
to its table of versions before reading.

graphology_read(path): what graphology's GEXF parser (graphology-gexf,
src/gexf/common/parser.js and helpers.js, as behind sigma.js and Gephi
Lite) makes of a file, following its rules rather than the GEXF
specification:
  - of several <attributes> blocks of one class, only the last one counts
    (getElementsByTagName, the model replaced per block);
  - an attribute is known by its title when its id is numeric, else by its
    id;
  - an <attvalue> whose `for` is not in that model is an error (JavaScript
    reads .title of undefined);
  - values are cast by the declared type: integer, long, float and double
    become numbers (JavaScript's unary +, so "" is 0 and text is NaN),
    boolean is value == "true", liststring splits on '|', anything else
    (including GEXF 1.2's invalid "int") stays a string;
  - an element's label and weight XML attributes come first, attvalues
    after them (a later attvalue of the same title wins).
Returns (graph_type, nodes {id: attrs}, edges [(source, target, attrs)]).
"""
import math
import xml.etree.ElementTree as ET

import networkx as nx


def read_gexf(path):
    gexf = nx.readwrite.gexf.GEXF
    if "1.3" not in gexf.versions:
        d = dict(gexf.versions["1.2draft"])
        d.update({"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
                  "VERSION": "1.3"})
        gexf.versions["1.3"] = d
    return nx.read_gexf(path)


class GraphologyError(Exception):
    pass


def _number(text):
    try:
        return float(text) if text.strip() else 0.0
    except ValueError:
        return math.nan


def _cast(typ, value):
    if typ == "boolean":
        return value == "true"
    if typ in ("integer", "long", "float", "double"):
        return _number(value)
    if typ == "liststring":
        return value.split("|") if value else []
    return value


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _all(elem, name):
    return [e for e in elem.iter() if _local(e.tag) == name]


def _model(block):
    model = {}
    for a in _all(block, "attribute") if block is not None else []:
        i = a.get("id") or a.get("for")
        numeric = not math.isnan(_number(i)) and i.strip() != ""
        model[i] = (a.get("title") or i if numeric else i, a.get("type") or "string")
    return model


def _collect(model, elem):
    data = {}
    if elem.get("label"):
        data["label"] = elem.get("label")
    if elem.get("weight"):
        data["weight"] = _number(elem.get("weight"))
    for v in _all(elem, "attvalue"):
        i = v.get("id") or v.get("for")
        if i not in model:
            raise GraphologyError("attvalue for=%r is not in the model of the last "
                                  "<attributes> block" % i)
        title, typ = model[i]
        data[title] = _cast(typ, v.get("value"))
    return data


def graphology_read(path):
    root = ET.parse(path).getroot()
    graph = _all(root, "graph")[0]
    node_block = edge_block = None
    for block in _all(root, "attributes"):
        if block.get("class") == "node":
            node_block = block
        elif block.get("class") == "edge":
            edge_block = block
    node_model, edge_model = _model(node_block), _model(edge_block)
    default = graph.get("defaultedgetype") or "undirected"
    nodes = {n.get("id"): _collect(node_model, n) for n in _all(root, "node")}
    edges = []
    for e in _all(root, "edge"):
        s, t = e.get("source"), e.get("target")
        if s not in nodes or t not in nodes:
            raise GraphologyError("edge %s-%s points to a missing node" % (s, t))
        edges.append((s, t, _collect(edge_model, e)))
    return default, nodes, edges
