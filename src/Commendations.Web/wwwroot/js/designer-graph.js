// Workflow definitions as Cytoscape.js diagrams: shared by the designer, the diff and the migration pages.
(function () {
  "use strict";

  var HUMAN = ["task", "sequentialApproval", "parallelApproval", "vote"];
  var LANG = (document.documentElement.getAttribute("lang") || "vi").slice(0, 2);
  var outcomeNames = {};

  /** A display text of a definition (a string, or { vi, en }) in the page's language; "" when there is none. */
  function text(t) {
    if (t == null) return "";
    if (typeof t === "string") return t;
    return (LANG === "en" && t.en) ? t.en : (t.vi || t.en || "");
  }

  /** How the designer shows a step: its title, else its key (the author's handle until a title is written). */
  function stepName(step) { return step ? text(step.title) || String(step.key) : ""; }

  /** The designer's names of approval and vote outcomes (else the outcome's own name). */
  function setOutcomeNames(names) { outcomeNames = names || {}; }
  /** The page's names of the step types (short, in the page's language), shown discreetly under a step's name. */
  var typeNames = {};
  function setTypeNames(names) { typeNames = names || {}; }
  /** The outcomes each step type routes under "transitions", from the engine's catalogue (the page's #step-outcomes). */
  var OUTCOMES = (function () {
    var data = document.getElementById("step-outcomes");
    return data ? JSON.parse(data.textContent) : {};
  })();

  /** Every outgoing connection of a step: { slot, label, target }. */
  function outgoing(step) {
    var out = [];
    if (!step || typeof step !== "object") return out;
    switch (step.type) {
      case "task":
        (step.actions || []).forEach(function (a, i) {
          if (a && a.target) out.push({ slot: "actions[" + i + "]", label: text(a.label) || a.name || "?", target: a.target });
        });
        break;
      case "sequentialApproval":
      case "parallelApproval":
      case "vote":
      case "parallel":
      case "subRoute":
        (OUTCOMES[step.type] || []).forEach(function (o) {
          if (step.transitions && step.transitions[o]) out.push({ slot: "transitions." + o, label: outcomeNames[o] || o, target: step.transitions[o] });
        });
        break;
      case "wait":
        if (step.next) out.push({ slot: "next", label: "", target: step.next });
        break;
      case "branch":
        (step.conditions || []).forEach(function (c, i) {
          if (c && c.target) out.push({ slot: "conditions[" + i + "]", label: "#" + (i + 1), target: c.target });
        });
        if (step.default) out.push({ slot: "default", label: "default", target: step.default });
        break;
    }
    return out;
  }

  function typeLabel(type) {
    if (typeNames[type]) return typeNames[type];
    return {
      task: "task", sequentialApproval: "sequential approval", parallelApproval: "parallel approval",
      vote: "vote", wait: "wait", branch: "branch", end: "end", parallel: "parallel", subRoute: "sub-route"
    }[type] || String(type);
  }

  /** A third line for the new constructs: the branches of a parallel step, the definition a sub-route calls. */
  function detail(step) {
    if (step.type === "parallel") return "\n[" + (step.branches || []).map(function (b) { return b && b.key; }).join(" | ") + "]";
    if (step.type === "subRoute") return "\n→ " + (step.definition || "?") + (step.version ? " v" + step.version : "");
    return "";
  }

  /** Cytoscape elements of a definition; targets that name no step become "missing" nodes. Plain: step names only (readers, not authors). */
  function elements(doc, plain) {
    var steps = (doc && Array.isArray(doc.steps)) ? doc.steps : [];
    var keys = {};
    var els = [];
    steps.forEach(function (s, i) {
      if (!s || typeof s.key !== "string" || keys[s.key]) return;
      keys[s.key] = true;
      // An end step's result in the reader's words (never the enum's English name); nothing where no name is given.
      var result = s.type === "end" && typeNames["result." + s.result];
      var extra = result ? ": " + result : "";
      els.push({
        group: "nodes",
        data: { id: s.key, step: true, index: i, type: s.type, label: plain ? stepName(s) : stepName(s) + "\n‹" + typeLabel(s.type) + extra + "›" + detail(s) },
        classes: [s.type, s.key === doc.start ? "start" : "", s.type === "end" ? "result-" + String(s.result).toLowerCase() : ""].join(" ")
      });
    });
    steps.forEach(function (s) {
      if (!s || typeof s.key !== "string") return;
      outgoing(s).forEach(function (o, j) {
        var target = String(o.target);
        if (!keys[target]) {
          var missing = "missing:" + target;
          if (!els.some(function (e) { return e.data.id === missing; }))
            els.push({ group: "nodes", data: { id: missing, step: false, label: "⚠ " + target }, classes: "missing" });
          target = missing;
        }
        els.push({ group: "edges", data: { id: s.key + "->" + o.slot + "#" + j, source: s.key, target: target, label: o.label, slot: o.slot } });
      });
    });
    return els;
  }

  var style = [
    { selector: "node", style: {
      "label": "data(label)", "text-wrap": "wrap", "text-max-width": 170, "text-overflow-wrap": "whitespace", "text-valign": "center",
      "text-halign": "center", "font-size": 15, "line-height": 1.15, "width": 184, "height": 70, "shape": "round-rectangle", "background-color": "#eef2f7", "border-width": 2,
      "border-color": "#4a5568", "color": "#1a202c" } },
    { selector: "node.sequentialApproval, node.parallelApproval", style: { "background-color": "#e6f0fb", "shape": "rectangle" } },
    { selector: "node.vote", style: { "shape": "hexagon", "background-color": "#e6f0fb" } },
    { selector: "node.parallel", style: { "shape": "rectangle", "background-color": "#e3f4f4", "border-style": "double", "border-width": 4, "height": 84 } },
    { selector: "node.subRoute", style: { "shape": "round-rectangle", "background-color": "#f4eee3", "border-style": "dashed", "height": 84 } },
    { selector: "node.wait", style: { "shape": "barrel", "background-color": "#f7f3e3" } },
    { selector: "node.branch", style: { "shape": "diamond", "width": 200, "height": 96, "text-max-width": 120, "background-color": "#f3eefb" } },
    { selector: "node.end", style: { "shape": "ellipse", "width": 170, "text-max-width": 140, "background-color": "#f0f0f0" } },
    { selector: "node.result-awarded", style: { "background-color": "#e3f4e8" } },
    { selector: "node.result-rejected", style: { "background-color": "#fbe9e9" } },
    { selector: "node.start", style: { "border-width": 4, "border-color": "#1d4ed8" } },
    { selector: "node.missing", style: { "shape": "tag", "background-color": "#fff5f5", "border-color": "#b91c1c", "border-style": "dashed", "color": "#b91c1c" } },
    { selector: "node.problem", style: { "border-color": "#b91c1c", "border-width": 5, "border-style": "double" } },
    { selector: "node.path", style: { "background-color": "#fff3c4" } },
    { selector: "node.added", style: { "background-color": "#c6f6d5", "border-color": "#2f855a", "border-width": 4 } },
    { selector: "node.removed", style: { "background-color": "#fed7d7", "border-color": "#c53030", "border-width": 4, "border-style": "dashed" } },
    { selector: "node.changed", style: { "background-color": "#fefcbf", "border-color": "#b7791f", "border-width": 4 } },
    { selector: "node.passed", style: { "background-color": "#e2e8f0", "border-color": "#4a5568" } },
    { selector: "node.current", style: { "background-color": "#fff3c4", "border-color": "#b45309", "border-width": 5 } },
    { selector: "node:selected", style: { "overlay-color": "#1d4ed8", "overlay-opacity": 0.2, "overlay-padding": 6 } },
    { selector: "edge", style: {
      "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 2, "line-color": "#718096",
      "target-arrow-color": "#718096", "label": "data(label)", "font-size": 13, "text-wrap": "wrap", "text-max-width": 150, "text-background-color": "#fff",
      "text-background-opacity": 1, "text-background-padding": 2, "color": "#2d3748" } },
    // The designer's outcome ports: one chip per outcome of a step, dragged onto a step to wire that outcome.
    { selector: "node.port", style: {
      "shape": "round-rectangle", "width": "data(width)", "height": 24, "font-size": 13, "text-wrap": "none", "text-max-width": 400,
      "background-color": "#1d4ed8", "color": "#fff", "border-width": 1, "border-color": "#1e3a8a", "label": "data(label)" } },
    { selector: "node.port.unwired", style: { "background-color": "#fff", "color": "#1e3a8a", "border-style": "dashed", "border-width": 2 } },
    { selector: "node.port.active", style: { "background-color": "#b45309", "border-color": "#78350f", "color": "#fff" } },
    { selector: ".eh-ghost-edge, edge.eh-preview", style: { "line-color": "#b45309", "target-arrow-color": "#b45309", "target-arrow-shape": "triangle", "line-style": "dashed", "width": 3, "label": "" } },
    { selector: ".eh-ghost-node", style: { "opacity": 0, "width": 1, "height": 1, "label": "" } },
    { selector: "node.eh-target", style: { "border-color": "#b45309", "border-width": 5 } },
    { selector: "edge.changed", style: { "line-color": "#b7791f", "target-arrow-color": "#b7791f", "width": 3 } }
  ];

  /** Positions from the document's layout when it places every step, else an automatic top-down layout. */
  function layout(cy, doc, force, direction) {
    var pos = (doc && doc.layout) || {};
    var laid = cy.elements().not(".port").not(".eh-ghost");
    var steps = cy.nodes("[?step]");
    var placed = steps.length > 0 && steps.every(function (n) { return pos[n.id()] && typeof pos[n.id()].x === "number"; })
      && cy.nodes(".missing").length === 0;
    if (!force && placed) {
      laid.layout({ name: "preset", positions: function (n) { return pos[n.id()]; }, fit: true, padding: 24 }).run();
    } else if (window.cytoscape("layout", "dagre")) {
      // The designer loads cytoscape-dagre: ranks top to bottom (or left to right), room below each step for its outcome ports.
      laid.layout({ name: "dagre", rankDir: direction || "TB", nodeSep: 90, rankSep: 90, edgeSep: 20, fit: true, padding: 24 }).run();
    } else {
      var roots = doc && doc.start && cy.getElementById(doc.start).nonempty() ? cy.getElementById(doc.start) : undefined;
      laid.layout({ name: "breadthfirst", directed: true, roots: roots, spacingFactor: 1.05, fit: true, padding: 24, avoidOverlap: true }).run();
    }
  }

  function create(container, doc, options) {
    options = options || {};
    var cy = window.cytoscape({
      container: container, elements: elements(doc, options.plain), style: style,
      wheelSensitivity: 0.3, minZoom: 0.3, maxZoom: 2.5,
      autoungrabify: !options.editable, boxSelectionEnabled: false
    });
    layout(cy, doc, false);
    return cy;
  }

  /** The step a validation path names: "$.steps[2].transitions.approved" → doc.steps[2].key. */
  function stepOfPath(doc, path) {
    var m = /^\$\.steps\[(\d+)\]/.exec(path || "");
    if (!m || !doc || !Array.isArray(doc.steps)) return null;
    var step = doc.steps[+m[1]];
    return step && typeof step.key === "string" ? step.key : null;
  }

  /** dd/MM/yyyy HH:mm in Vietnam's time (UTC+07:00). */
  function formatVn(iso) {
    if (!iso) return "—";
    var d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
    function p(n) { return (n < 10 ? "0" : "") + n; }
    return p(d.getUTCDate()) + "/" + p(d.getUTCMonth() + 1) + "/" + d.getUTCFullYear() + " " + p(d.getUTCHours()) + ":" + p(d.getUTCMinutes());
  }

  window.DesignerGraph = { HUMAN: HUMAN, OUTCOMES: OUTCOMES, outgoing: outgoing, elements: elements, style: style, layout: layout, create: create, stepOfPath: stepOfPath, formatVn: formatVn,
    text: text, stepName: stepName, setOutcomeNames: setOutcomeNames, setTypeNames: setTypeNames };
})();
