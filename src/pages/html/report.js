/*
 * report.js: what makes index.html explorable. The page works without it:
 * every section is plain HTML, shown one after the other. With it: an era
 * picker shows one section at a time, tables sort by any column, a click
 * on an actor (in a table or a diagram) or a tie (in a diagram) opens a
 * panel with what lies behind it, and a search box finds actors by id or
 * name and relations by their text. Its data is the JSON island
 * <script id="ag-data" type="application/json"> written by the library;
 * numbers arrive already formatted for people (one rule, in C).
 */
(function () {
  "use strict";

  /* The data island, when the page has one: without it sections and
   * sorting still work, the panel and the search don't. */
  var data = null;
  var island = document.getElementById("ag-data");
  if (island) {
    try {
      data = JSON.parse(island.textContent);
    } catch (e) {
      data = null;
    }
  }
  document.documentElement.className += " js";

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    var k;
    for (k in attrs || {}) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }

  function actorLabel(id) {
    var a = data && data.actors[id];
    return a ? a.name + " (" + id + ")" : id;
  }

  /* ---- the era picker ---- */

  var sections = Array.prototype.slice.call(document.querySelectorAll("section.view"));
  var picker = document.getElementById("picker");
  var current = null;

  /* Shows view id and hides the others; remember puts it in the address
   * (a link to the view), which only a click should do: set while the page
   * loads, the browser would scroll to it. */
  function show(id, remember) {
    var found = false;
    sections.forEach(function (s) {
      var on = s.getAttribute("data-view") === id;
      s.hidden = !on;
      found = found || on;
    });
    if (!found && sections.length) {
      return show(sections[0].getAttribute("data-view"), false);
    }
    current = id;
    Array.prototype.forEach.call(picker.querySelectorAll("button"), function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-view") === id ? "true" : "false");
    });
    if (remember && history.replaceState) history.replaceState(null, "", "#" + id);
  }

  if (picker && sections.length > 1) {
    document.getElementById("controls").hidden = false;
    sections.forEach(function (s) {
      var id = s.getAttribute("data-view");
      var b = el("button", { type: "button", "data-view": id, text: s.getAttribute("data-label") || id,
                             title: s.getAttribute("data-title") || "" });
      b.addEventListener("click", function () { show(id, true); window.scrollTo(0, 0); });
      picker.appendChild(b);
    });
    picker.hidden = false;
    show(decodeURIComponent(location.hash.replace(/^#/, "")) || sections[0].getAttribute("data-view"), false);
  }

  /* ---- sortable tables ---- */

  function cellKey(td) {
    var v = td.getAttribute("data-v");
    if (v !== null && v !== "") return { num: true, v: parseFloat(v) };
    return { num: false, v: td.textContent.trim().toLowerCase() };
  }

  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var was = th.getAttribute("aria-sort");
    /* Numbers start largest first (rank 1 at the top), text A to Z. */
    var numeric = th.getAttribute("data-type") === "number";
    var desc = was ? was === "ascending" : numeric;
    rows.sort(function (ra, rb) {
      var a = cellKey(ra.cells[col]), b = cellKey(rb.cells[col]);
      var r;
      if (a.num && b.num) r = a.v - b.v;
      else if (a.num !== b.num) r = a.num ? -1 : 1; /* empty cells last */
      else r = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
      return desc ? -r : r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", desc ? "descending" : "ascending");
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    Array.prototype.forEach.call(head.cells, function (th, col) {
      var b = el("button", { type: "button", cls: "sort", text: th.textContent,
                             title: "sort by " + th.textContent });
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () { sortTable(table, col, th); });
    });
  });

  /* ---- the panel: an actor, a tie ---- */

  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");

  function openPanel(title, nodes) {
    panelBody.textContent = "";
    panelBody.appendChild(el("h2", { id: "panel-title", text: title }));
    nodes.forEach(function (n) { panelBody.appendChild(n); });
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") panel.hidden = true;
  });

  function relationsTable(idx) {
    var t = el("table", { cls: "relations" });
    t.appendChild(el("thead", {}, [el("tr", {}, ["date", "source", "target", "type", "sign", "weight", "cite", "note"]
      .map(function (h) { return el("th", { text: h }); }))]));
    var body = el("tbody");
    idx.forEach(function (i) {
      var r = data.relations[i];
      body.appendChild(el("tr", {}, [
        el("td", { cls: "date", text: r.date }),
        actorCell(r.source), actorCell(r.target),
        el("td", { text: r.type }),
        el("td", { cls: r.sign === "+" ? "pos" : "neg", text: r.sign }),
        el("td", { cls: "num", text: r.weight }),
        el("td", { cls: "cite", text: r.cite }),
        el("td", { text: r.note })
      ]));
    });
    t.appendChild(body);
    return t;
  }

  function actorCell(id) {
    var a = el("a", { href: "#", cls: "actor", "data-actor": id, text: id, title: actorLabel(id) });
    return el("td", {}, [a]);
  }

  /* The actors of one lineage (SUN then RUS), in order. */
  function lineageOf(id) {
    var a = data.actors[id];
    var root = a ? a.lineage : id;
    return data.lineages[root] || [id];
  }

  function showActor(id) {
    var a = data.actors[id];
    if (!a) return;
    var line = lineageOf(id);
    var nodes = [];
    nodes.push(el("p", { cls: "meta", text: a.kind + (a.parent ? ", acts for " + actorLabel(a.parent) : "") +
      (line.length > 1 ? "; one lineage: " + line.map(actorLabel).join(" → ") : "") }));

    /* Rank and value per metric in every era, the lineage followed. */
    var t = el("table", { cls: "trajectory" });
    var hr = el("tr", {}, [el("th", { text: "era" }), el("th", { text: "as" })]);
    data.metrics.forEach(function (m) { hr.appendChild(el("th", { text: m.label })); });
    t.appendChild(el("thead", {}, [hr]));
    var body = el("tbody");
    data.eras.forEach(function (e) {
      var vals = data.values[e.id] || {};
      var who = null;
      line.forEach(function (x) { if (!who && vals[x]) who = x; });
      var tr = el("tr", {}, [el("th", { text: e.name, title: e.period }), el("td", { text: who || "—" })]);
      data.metrics.forEach(function (m, k) {
        var v = who ? vals[who][k] : null;
        tr.appendChild(el("td", { cls: "num", text: v ? v[0] + " (" + v[1] + ")" : "" }));
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    nodes.push(el("h3", { text: "Rank and value per era (value (rank))" }));
    nodes.push(el("div", { cls: "scroll" }, [t]));

    var idx = [];
    data.relations.forEach(function (r, i) {
      if (line.indexOf(r.source) >= 0 || line.indexOf(r.target) >= 0) idx.push(i);
    });
    nodes.push(el("h3", { text: idx.length + (idx.length === 1 ? " relation" : " relations") + ", in date order" }));
    nodes.push(el("div", { cls: "scroll" }, [relationsTable(idx)]));
    openPanel(actorLabel(id), nodes);
  }

  function showTie(era, a, b) {
    var key = a < b ? a + "\u2013" + b : b + "\u2013" + a;
    var dy = (data.dyads[era] || {})[key];
    var e = null;
    data.eras.forEach(function (x) { if (x.id === era) e = x; });
    if (!dy) return;
    var nodes = [
      el("p", { cls: "meta", text: (e ? e.name + ", " + e.period + ": " : "") + "net " + dy.net +
        ", " + dy.rels.length + (dy.rels.length === 1 ? " relation" : " relations") }),
      el("div", { cls: "scroll" }, [relationsTable(dy.rels)])
    ];
    openPanel(actorLabel(a) + " \u2013 " + actorLabel(b), nodes);
  }

  /* The era of a section: "era-cold-war" is cold-war's. */
  function eraOf(sec) {
    var v = sec.getAttribute("data-view") || "";
    return v.indexOf("era-") === 0 ? v.slice(4) : v;
  }

  document.addEventListener("click", function (ev) {
    if (!data) return;
    var t = ev.target;
    var link = t.closest ? t.closest("a.actor") : null;
    if (link) {
      ev.preventDefault();
      showActor(link.getAttribute("data-actor"));
      return;
    }
    var g = t.closest ? t.closest("svg g.node, svg g.edge") : null;
    if (!g) return;
    var sec = g.closest("section.view");
    var title = g.querySelector("title");
    if (!title || !sec) return;
    ev.preventDefault();
    var name = title.textContent;
    if (g.getAttribute("class") === "node") {
      showActor(name);
    } else {
      var ends = name.split("--");
      if (ends.length === 2) showTie(eraOf(sec), ends[0], ends[1]);
    }
  });

  /* ---- search ---- */

  var search = document.getElementById("search");
  var results = document.getElementById("search-results");

  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.textContent = "";
    if (q.length < 2) { results.hidden = true; return; }
    var n = 0;
    Object.keys(data.actors).sort().forEach(function (id) {
      var a = data.actors[id];
      if (n < 20 && (id.toLowerCase().indexOf(q) >= 0 || a.name.toLowerCase().indexOf(q) >= 0)) {
        var link = el("a", { href: "#", cls: "actor", "data-actor": id, text: actorLabel(id) });
        results.appendChild(el("li", {}, [link, " \u00b7 " + a.kind]));
        n++;
      }
    });
    var m = 0;
    data.relations.forEach(function (r) {
      var text = (r.note + " " + r.cite).toLowerCase();
      if (m < 10 && text.indexOf(q) >= 0) {
        results.appendChild(el("li", { cls: "rel" }, [
          r.date + " \u00b7 ", el("a", { href: "#", cls: "actor", "data-actor": r.source, text: r.source }),
          " \u2192 ", el("a", { href: "#", cls: "actor", "data-actor": r.target, text: r.target }),
          " " + r.type + " [" + r.cite + "] " + r.note]));
        m++;
      }
    });
    if (!n && !m) results.appendChild(el("li", { text: "nothing found" }));
    results.hidden = false;
  }

  if (search && data) {
    document.getElementById("searchbox").hidden = false;
    document.getElementById("controls").hidden = false;
    search.addEventListener("input", runSearch);
  }
})();
