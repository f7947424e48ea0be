/*
 * Actor network page: turns the JSON block into vis-network DataSets and wires the controls.
 *
 * Article text is untrusted. It only ever enters the document through textContent
 * (tooltips are DOM elements, which vis-network shows as they are); this script never
 * assigns HTML strings. `network`, `nodes` and `edges` are globals, as on pyvis pages.
 */
"use strict";

var kgData = JSON.parse(document.getElementById("kg-data").textContent);
var kgTooltipStatements = 5;
var kgTooltipChars = 280;
var kgNodeById = new Map(kgData.nodes.map(function (n) { return [n.id, n]; }));
var kgEdgeById = new Map(kgData.edges.map(function (e) { return [e.id, e]; }));
var kgStancePolarity = new Map(kgData.stances.map(function (s) { return [s.name, s.polarity]; }));
var kgLinked = new Set();
kgData.edges.forEach(function (e) { kgLinked.add(e.from); kgLinked.add(e.to); });

var nodes = new vis.DataSet(kgData.nodes.map(kgNodeItem));
var edges = new vis.DataSet(kgData.edges.map(kgEdgeItem));
var network = new vis.Network(
  document.getElementById("kg-network"),
  { nodes: nodes, edges: edges },
  kgData.options
);
// Marks for timing the page (benchmarks/page.py reads them): the first drawing, and ready.
network.once("afterDrawing", function () { performance.mark("kg-drawn"); });
kgStart();

/* -- DOM helpers ---------------------------------------------------------------- */

function kgEl(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function kgClip(text, limit) {
  text = String(text || "");
  return text.length > limit ? text.slice(0, limit - 1).trimEnd() + "\u2026" : text;
}

function kgTone(polarity) {
  return polarity < 0 ? "hostile" : polarity > 0 ? "friendly" : "neutral";
}

function kgPlural(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}

function kgFacts(pairs) {
  var list = kgEl("dl", "kg-facts");
  pairs.forEach(function (pair) {
    if (pair[1] === "" || pair[1] === null || pair[1] === undefined) return;
    list.appendChild(kgEl("dt", "", pair[0]));
    list.appendChild(kgEl("dd", "", pair[1]));
  });
  return list;
}

/* -- items and tooltips ---------------------------------------------------------- */

function kgNodeItem(n) {
  var item = {
    id: n.id, label: n.label, shape: n.shape, size: n.size, color: n.typeColour,
    title: kgNodeTooltip(n)
  };
  if (kgData.positioned) { item.x = n.x; item.y = n.y; }
  return item;
}

function kgEdgeItem(e) {
  return {
    id: e.id, from: e.from, to: e.to, width: e.width, color: e.color, title: kgEdgeTooltip(e)
  };
}

function kgNodeFacts(n) {
  return kgFacts([
    ["Type", n.type],
    ["Role", n.role],
    ["Affiliation", n.affiliation],
    ["Coalition", n.coalition],
    ["Statements", n.made + " made \u00b7 " + n.received + " received"]
  ]);
}

function kgNodeTooltip(n) {
  var box = kgEl("div", "kg-tip");
  box.appendChild(kgEl("div", "kg-tip-title", n.name));
  box.appendChild(kgNodeFacts(n));
  return box;
}

function kgEdgeHeading(e) {
  var speaker = kgNodeById.get(e.from), target = kgNodeById.get(e.to);
  return (speaker ? speaker.name : e.from) + " \u2192 " + (target ? target.name : e.to);
}

function kgEdgeSummary(e) {
  return kgPlural(e.weight, "statement") + " \u00b7 " + kgTone(e.polarity) +
    " (polarity " + e.polarity + ")" + (e.stances ? " \u00b7 " + e.stances : "");
}

function kgStatementBlock(s, limit) {
  var block = kgEl("div", "kg-statement kg-" + kgTone(kgStancePolarity.get(s.stance) || 0));
  if (s.quote) {
    block.appendChild(kgEl("div", "kg-quote", "\u201c" + kgClip(s.quote, limit) + "\u201d"));
  } else if (s.evidence) {
    block.appendChild(kgEl("div", "kg-evidence", kgClip(s.evidence, limit)));
  }
  var where = [s.stance || "stance unknown"];
  if (s.cue) where.push("cue \u201c" + s.cue + "\u201d");
  if (s.kind) where.push(s.kind);
  where.push((s.doc || "unknown article") + ", chars " + s.start + "\u2013" + s.end);
  block.appendChild(kgEl("div", "kg-where", where.join(" \u00b7 ")));
  return block;
}

function kgEdgeTooltip(e) {
  var box = kgEl("div", "kg-tip");
  box.appendChild(kgEl("div", "kg-tip-title", kgEdgeHeading(e)));
  box.appendChild(kgEl("div", "kg-tip-summary", kgEdgeSummary(e)));
  e.statements.slice(0, kgTooltipStatements).forEach(function (s) {
    box.appendChild(kgStatementBlock(s, kgTooltipChars));
  });
  var more = e.statements.length - kgTooltipStatements;
  if (more > 0) {
    box.appendChild(kgEl("div", "kg-more", "\u2026and " + more + " more: click the link to read them all."));
  }
  return box;
}

/* -- details panel ---------------------------------------------------------------- */

function kgDetails(content) {
  var panel = document.getElementById("kg-details");
  var body = document.getElementById("kg-details-body");
  body.replaceChildren.apply(body, content);
  panel.hidden = content.length === 0;
}

function kgShowEdge(id) {
  var e = kgEdgeById.get(id);
  if (!e) return;
  var content = [kgEl("div", "kg-tip-title", kgEdgeHeading(e)), kgEl("div", "kg-tip-summary", kgEdgeSummary(e))];
  e.statements.forEach(function (s) { content.push(kgStatementBlock(s, Infinity)); });
  kgDetails(content);
}

function kgShowNode(id) {
  var n = kgNodeById.get(id);
  if (!n) return;
  var content = [kgEl("div", "kg-tip-title", n.name), kgNodeFacts(n)];
  [["Said about", "from", "to"], ["Spoken about by", "to", "from"]].forEach(function (way) {
    var links = kgData.edges.filter(function (e) { return e[way[1]] === id; })
      .sort(function (a, b) { return b.weight - a.weight; });
    if (!links.length) return;
    content.push(kgEl("h3", "", way[0]));
    var list = kgEl("ul");
    links.forEach(function (e) {
      var other = kgNodeById.get(e[way[2]]);
      list.appendChild(kgEl("li", "", (other ? other.name : e[way[2]]) + ": " +
        kgPlural(e.weight, "statement") + ", " + kgTone(e.polarity) + (e.stances ? " (" + e.stances + ")" : "")));
    });
    content.push(list);
  });
  kgDetails(content);
}

/* -- filters ------------------------------------------------------------------------ */

function kgEdgeWidth(count) {
  // Same formula as kg.render._edge_width.
  var low = kgData.edgeWidth[0], high = kgData.edgeWidth[1];
  if (kgData.maxWeight <= 1) return low;
  return low + (high - low) * Math.sqrt(Math.min(1, Math.max(count - 1, 0) / (kgData.maxWeight - 1)));
}

function kgEdgeColour(polarity) {
  var colour = kgData.polarityColour[kgTone(polarity)];
  return { color: colour, highlight: colour, hover: colour, opacity: 0.85 };
}

function kgCheckedStances() {
  var checked = new Set();
  document.querySelectorAll("#kg-stance-list input").forEach(function (box) {
    if (box.checked) checked.add(box.value);
  });
  return checked;
}

function kgApplyFilters() {
  var checked = kgCheckedStances();
  var minWeight = Math.max(1, parseInt(document.getElementById("kg-min-weight").value, 10) || 1);
  var actor = document.getElementById("kg-actor").value;
  var shown = new Set();
  var shownEdges = 0, shownStatements = 0;
  var edgeUpdates = kgData.edges.map(function (e) {
    var total = 0, count = 0, polarity = 0;
    Object.keys(e.stanceCounts).forEach(function (stance) {
      var n = e.stanceCounts[stance];
      total += n;
      if (checked.has(stance)) {
        count += n;
        polarity += n * (kgStancePolarity.get(stance) || 0);
      }
    });
    if (count === total) { count = e.weight; polarity = e.polarity; }
    var show = count > 0 && count >= minWeight && (!actor || e.from === actor || e.to === actor);
    if (show) {
      shown.add(e.from);
      shown.add(e.to);
      shownEdges += 1;
      shownStatements += count;
    }
    return { id: e.id, hidden: !show, width: kgEdgeWidth(count), color: kgEdgeColour(polarity) };
  });
  var shownNodes = 0;
  var nodeUpdates = kgData.nodes.map(function (n) {
    var show = shown.has(n.id) || n.id === actor || (!actor && !kgLinked.has(n.id));
    if (show) shownNodes += 1;
    return { id: n.id, hidden: !show };
  });
  edges.update(edgeUpdates);
  nodes.update(nodeUpdates);
  document.getElementById("kg-status").textContent = kgData.nodes.length === 0 ? "" :
    kgPlural(shownNodes, "actor") + " \u00b7 " + kgPlural(shownEdges, "link") + " \u00b7 " +
    kgPlural(shownStatements, "statement") + " shown";
}

/* -- colour and legend -------------------------------------------------------------- */

function kgSwatch(colour, shape) {
  var swatch = kgEl("span", "kg-swatch kg-" + (shape || "dot"));
  swatch.style.background = colour;
  return swatch;
}

function kgColourBy(mode) {
  var byCoalition = mode === "coalition" && kgData.legend.coalition.length > 0;
  nodes.update(kgData.nodes.map(function (n) {
    return { id: n.id, color: byCoalition ? n.coalitionColour : n.typeColour };
  }));
  var legend = document.getElementById("kg-node-legend");
  var rows = [];
  if (byCoalition) {
    kgData.legend.coalition.forEach(function (c) {
      var row = kgEl("li");
      row.append(kgSwatch(c.colour, "dot"), kgEl("span", "", c.name));
      rows.push(row);
    });
  }
  kgData.legend.type.forEach(function (t) {
    var row = kgEl("li");
    row.append(kgSwatch(byCoalition ? "#ffffff" : t.colour, t.shape), kgEl("span", "", t.name));
    rows.push(row);
  });
  legend.replaceChildren.apply(legend, rows);
}

/* -- search ---------------------------------------------------------------------------- */

function kgFind() {
  var input = document.getElementById("kg-search");
  var note = document.getElementById("kg-search-note");
  var query = input.value.trim().toLowerCase();
  note.textContent = "";
  if (!query) return;
  var hit = kgData.nodes.find(function (n) { return n.name.toLowerCase() === query; }) ||
    kgData.nodes.find(function (n) { return n.name.toLowerCase().indexOf(query) >= 0; });
  if (!hit) {
    note.textContent = "No actor matches \u201c" + input.value.trim() + "\u201d.";
    return;
  }
  if (nodes.get(hit.id).hidden) {
    note.textContent = hit.name + " is hidden by the filters.";
    return;
  }
  network.selectNodes([hit.id]);
  network.focus(hit.id, { scale: 1.3, animation: { duration: 500, easingFunction: "easeInOutQuad" } });
  kgShowNode(hit.id);
}

/* -- start ----------------------------------------------------------------------------- */

function kgReady() {
  document.getElementById("kg-progress").hidden = true;
  document.body.setAttribute("data-ready", "true");
  performance.mark("kg-ready");
}

function kgBuildControls() {
  var names = document.getElementById("kg-actor-names");
  var select = document.getElementById("kg-actor");
  kgData.nodes.slice().sort(function (a, b) {
    return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }).forEach(function (n) {
    var option = kgEl("option");
    option.value = n.name;
    names.appendChild(option);
    select.appendChild(new Option(n.name + " (" + (n.made + n.received) + ")", n.id));
  });

  var list = document.getElementById("kg-stance-list");
  var totals = new Map();
  kgData.edges.forEach(function (e) {
    Object.keys(e.stanceCounts).forEach(function (s) { totals.set(s, (totals.get(s) || 0) + e.stanceCounts[s]); });
  });
  kgData.stances.forEach(function (s) {
    var label = kgEl("label");
    var box = kgEl("input");
    box.type = "checkbox";
    box.value = s.name;
    box.checked = true;
    var dot = kgEl("span", "kg-dot-small");
    dot.style.background = kgData.polarityColour[kgTone(s.polarity)];
    label.append(box, dot, kgEl("span", "", s.name), kgEl("span", "kg-count", totals.get(s.name) || 0));
    list.appendChild(label);
  });
  if (!kgData.stances.length) list.appendChild(kgEl("p", "kg-note", "No stances."));

  var colourBy = document.getElementById("kg-colour-by");
  if (!kgData.legend.coalition.length) {
    colourBy.querySelector('option[value="coalition"]').disabled = true;
    colourBy.title = "No actor has a coalition.";
  }
}

function kgSetAllStances(on) {
  document.querySelectorAll("#kg-stance-list input").forEach(function (box) { box.checked = on; });
  kgApplyFilters();
}

function kgStart() {
  kgBuildControls();
  kgColourBy("type");
  kgApplyFilters();

  document.getElementById("kg-stance-list").addEventListener("change", kgApplyFilters);
  document.getElementById("kg-stances-all").addEventListener("click", function () { kgSetAllStances(true); });
  document.getElementById("kg-stances-none").addEventListener("click", function () { kgSetAllStances(false); });
  document.getElementById("kg-min-weight").addEventListener("input", kgApplyFilters);
  document.getElementById("kg-actor").addEventListener("change", function (event) {
    kgApplyFilters();
    var id = event.target.value;
    if (id) {
      network.selectNodes([id]);
      network.fit({ nodes: nodes.getIds({ filter: function (n) { return !n.hidden; } }), animation: true });
      kgShowNode(id);
    } else {
      network.unselectAll();
      kgDetails([]);
    }
  });
  document.getElementById("kg-colour-by").addEventListener("change", function (event) {
    kgColourBy(event.target.value);
  });
  var search = document.getElementById("kg-search");
  search.addEventListener("change", kgFind);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") kgFind(); });
  document.getElementById("kg-details-close").addEventListener("click", function () { kgDetails([]); });
  document.getElementById("kg-reset").addEventListener("click", function () {
    var weight = document.getElementById("kg-min-weight");
    weight.value = weight.getAttribute("data-initial");
    document.getElementById("kg-actor").value = "";
    document.getElementById("kg-search").value = "";
    document.getElementById("kg-search-note").textContent = "";
    document.querySelectorAll("#kg-stance-list input").forEach(function (box) { box.checked = true; });
    kgApplyFilters();
    network.unselectAll();
    kgDetails([]);
    network.fit({ animation: true });
  });

  network.on("click", function (params) {
    if (params.nodes.length) kgShowNode(params.nodes[0]);
    else if (params.edges.length) kgShowEdge(params.edges[0]);
    else kgDetails([]);
  });

  if (kgData.nodes.length === 0 || !kgData.options.physics.enabled) {
    kgReady();
    return;
  }
  var progress = document.getElementById("kg-progress");
  progress.textContent = "Laying out the network\u2026";
  progress.hidden = false;
  network.on("stabilizationProgress", function (params) {
    progress.textContent = "Laying out the network\u2026 " + Math.round(100 * params.iterations / params.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    // Stabilise once, then stop: a still picture is easier to read than a moving one.
    network.setOptions({ physics: false });
    kgReady();
  });
}
