// The designer's diagram edited by mouse and keyboard: a palette of step types, one port per outcome of a step dragged onto
// the step it leads to (cytoscape-edgehandles), moving, deleting, undo/redo of the definition document (cytoscape-undo-redo
// over snapshots of the document), zoom, fit and automatic layout (cytoscape-dagre).
(function () {
  "use strict";
  var E = window.DesignerEditor;
  var G = window.DesignerGraph;
  if (!E || !G) return;
  var cy = E.cy;
  var t = E.t;
  var texts = E.texts;
  function $(id) { return document.getElementById(id); }
  function fmt(s) { var args = [].slice.call(arguments, 1); return String(s).replace(/\{(\d)\}/g, function (m, i) { return args[+i]; }); }
  // For the browser tests: the diagram as Cytoscape.js sees it (rendered positions of steps and ports).
  window.designerGraph = cy;

  // ---- zoom and fit: a fitted diagram keeps step names at 12px or more on screen (font 15 × zoom 0.8) ----
  var MIN_FIT_ZOOM = 0.8;
  function fit() {
    var eles = cy.elements().not(".eh-ghost");
    if (eles.empty()) return;
    cy.fit(eles, 24);
    if (cy.zoom() < MIN_FIT_ZOOM) {
      // Too large to fit readably: the readable zoom, the diagram's top-left corner (where the route starts) in view.
      var bb = eles.boundingBox();
      cy.zoom(MIN_FIT_ZOOM);
      cy.pan({ x: 24 - bb.x1 * MIN_FIT_ZOOM, y: 24 - bb.y1 * MIN_FIT_ZOOM });
    }
  }
  function zoomBy(factor) {
    var box = cy.container().getBoundingClientRect();
    cy.zoom({ level: Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * factor)), renderedPosition: { x: box.width / 2, y: box.height / 2 } });
  }
  $("zoom-in").addEventListener("click", function () { zoomBy(1.25); });
  $("zoom-out").addEventListener("click", function () { zoomBy(0.8); });
  $("zoom-fit").addEventListener("click", fit);
  // Every layout fits the diagram; one that shrank the names below readable size gets the readable fit instead.
  cy.on("layoutstop", function () { if (cy.zoom() < MIN_FIT_ZOOM - 1e-6) fit(); });

  // ---- outcome ports: one chip per outcome under each step, labelled with the outcome's name ----
  function portName(type, outcome) {
    return texts["port." + type + "." + outcome] || texts["port." + outcome] || outcome;
  }
  /** The outcomes of a step an author wires: { slot, label, target }; the slot is the place in the step that holds the target. */
  function outcomesOf(step) {
    var out = [];
    if (!step || typeof step !== "object") return out;
    if (G.OUTCOMES[step.type]) {
      G.OUTCOMES[step.type].forEach(function (o) {
        out.push({ slot: "transitions." + o, label: portName(step.type, o), target: (step.transitions || {})[o] });
      });
    } else if (step.type === "task") {
      (step.actions || []).forEach(function (a, i) {
        out.push({ slot: "actions[" + i + "]", label: (a && (G.text(a.label) || a.name)) || "#" + (i + 1), target: a && a.target });
      });
    } else if (step.type === "wait") {
      out.push({ slot: "next", label: t("port.next"), target: step.next });
    } else if (step.type === "branch") {
      (step.conditions || []).forEach(function (c, i) {
        out.push({ slot: "conditions[" + i + "]", label: t("port.condition") + " " + (i + 1), target: c && c.target });
      });
      out.push({ slot: "default", label: t("port.default"), target: step.default });
    }
    return out;
  }

  var measure = document.createElement("canvas").getContext("2d");
  function labelWidth(label) {
    measure.font = "13px Helvetica Neue, Helvetica, sans-serif";
    return Math.ceil(measure.measureText(label).width) + 18;
  }

  var PORT_GAP = 6;
  function placePorts(node) {
    var ports = cy.nodes(".port").filter(function (p) { return p.data("owner") === node.id(); });
    if (ports.empty()) return;
    var total = 0;
    ports.forEach(function (p) { total += p.data("width") + PORT_GAP; });
    var x = node.position("x") - (total - PORT_GAP) / 2;
    var y = node.position("y") + node.height() / 2 + 20;
    ports.forEach(function (p) {
      var w = p.data("width");
      p.position({ x: x + w / 2, y: y });
      x += w + PORT_GAP;
      // The outcome's edge leaves from under its port, so the drawing says which outcome leads where.
      node.outgoers("edge").filter(function (e) { return e.data("slot") === p.data("slot"); })
        .style("source-endpoint", Math.round(p.position("x") - node.position("x")) + "px " + Math.round(y + 12 - node.position("y")) + "px");
    });
  }

  function addPorts() {
    cy.nodes(".port").remove();
    if (!E.editable) return;
    var doc = E.doc();
    (doc.steps || []).forEach(function (step) {
      if (!step || typeof step.key !== "string") return;
      var node = cy.getElementById(step.key);
      if (node.empty() || !node.data("step")) return;
      outcomesOf(step).forEach(function (o) {
        cy.add({
          group: "nodes", grabbable: false, selectable: false,
          data: { id: "port:" + step.key + ":" + o.slot, port: true, owner: step.key, slot: o.slot, label: o.label, width: labelWidth(o.label), target: o.target || "" },
          classes: "port" + (o.target ? "" : " unwired")
        });
      });
      placePorts(node);
    });
  }
  cy.on("position", "node[?step]", function (e) { placePorts(e.target); });
  E.on("redraw", addPorts);

  /** Sets one outcome's target in the document: that outcome only, whatever the step's other outcomes hold. */
  function wire(owner, slot, to) {
    var doc = E.doc();
    var step = (doc.steps || [])[E.stepIndex(owner)];
    if (!step) return;
    var m;
    if ((m = /^transitions\.(\w+)$/.exec(slot))) { step.transitions = step.transitions || {}; step.transitions[m[1]] = to; }
    else if ((m = /^actions\[(\d+)\]$/.exec(slot)) && step.actions && step.actions[+m[1]]) step.actions[+m[1]].target = to;
    else if ((m = /^conditions\[(\d+)\]$/.exec(slot)) && step.conditions && step.conditions[+m[1]]) step.conditions[+m[1]].target = to;
    else if (slot === "next") step.next = to;
    else if (slot === "default") step.default = to;
    else return;
    var label = (outcomesOf(step).filter(function (o) { return o.slot === slot; })[0] || {}).label || slot;
    E.edited();
    E.say(fmt(t("wired"), G.stepName(step), label, G.stepName(doc.steps[E.stepIndex(to)]) || to));
  }

  if (E.editable && cy.edgehandles) {
    var eh = cy.edgehandles({
      canConnect: function (source, target) { return source.data("port") === true && target.data("step") === true; },
      edgeParams: function () { return { data: {} }; },
      hoverDelay: 60, snap: true, snapThreshold: 24, snapFrequency: 20, noEdgeEventsInDraw: true, disableBrowserGestures: true
    });
    cy.on("tapstart", "node.port", function (e) {
      e.target.addClass("active");
      eh.start(e.target);
    });
    cy.on("ehstop", function () { cy.nodes(".port").removeClass("active"); });
    cy.on("ehcomplete", function (e, source, target, added) {
      var owner = source.data("owner"), slot = source.data("slot"), to = target.id();
      added.remove();
      // After the extension has finished its gesture: wiring rebuilds the diagram.
      setTimeout(function () { wire(owner, slot, to); }, 0);
    });
  }

  // ---- positions: kept in the document's layout (designer data the runtime ignores) ----
  function captureLayout(doc) {
    doc.layout = {};
    cy.nodes("[?step]").forEach(function (n) { doc.layout[n.id()] = { x: Math.round(n.position("x")), y: Math.round(n.position("y")) }; });
  }
  function applyLayout(doc) {
    var pos = doc.layout || {};
    cy.nodes("[?step]").forEach(function (n) { var p = pos[n.id()]; if (p && typeof p.x === "number") n.position({ x: p.x, y: p.y }); });
  }

  // ---- undo and redo: each change of the definition document is one "change-doc" action over two snapshots ----
  var last = E.docText();
  var restoring = false;
  var ur = cy.undoRedo ? cy.undoRedo({ undoableDrag: false, isDebug: false }) : null;
  function restore(snapshot) {
    restoring = true;
    try {
      var next = JSON.parse(snapshot);
      E.setDoc(next);
      applyLayout(next);
    } finally { restoring = false; }
    last = snapshot;
  }
  if (ur) {
    ur.action("change-doc",
      function (args) { if (!args.firstTime) restore(args.after); return args; },
      function (args) { restore(args.before); return args; });
  }
  E.on("change", function () {
    if (restoring || !ur) return;
    var now = E.docText();
    if (now === last) return;
    ur.do("change-doc", { before: last, after: now });
    last = now;
    updateButtons();
  });
  function undo() {
    if (!ur || ur.isUndoStackEmpty()) { E.say(t("nothingToUndo")); return; }
    ur.undo(); updateButtons(); E.say(t("undone"));
  }
  function redo() {
    if (!ur || ur.isRedoStackEmpty()) { E.say(t("nothingToRedo")); return; }
    ur.redo(); updateButtons(); E.say(t("redone"));
  }
  var undoButton = $("undo"), redoButton = $("redo");
  function updateButtons() {
    // aria-disabled rather than disabled: the buttons stay in the tab order and say why nothing happens.
    if (undoButton) undoButton.setAttribute("aria-disabled", ur && !ur.isUndoStackEmpty() ? "false" : "true");
    if (redoButton) redoButton.setAttribute("aria-disabled", ur && !ur.isRedoStackEmpty() ? "false" : "true");
  }
  if (undoButton) undoButton.addEventListener("click", undo);
  if (redoButton) redoButton.addEventListener("click", redo);

  // ---- palette: a new step of the type, a unique key, its name in both languages; selected after adding ----
  function kebab(type) { return type.replace(/([A-Z])/g, "-$1").toLowerCase(); }
  function addStep(type) {
    var doc = E.doc();
    doc.steps = doc.steps || [];
    var prefix = kebab(type), n = 1;
    while (E.stepIndex(prefix + "-" + n) >= 0) n++;
    var key = prefix + "-" + n;
    var step = E.defaults(type, key);
    var vi = texts["stepName." + type + ".vi"], en = texts["stepName." + type + ".en"];
    if (vi) step.title = en && en !== vi ? { vi: vi + " " + n, en: en + " " + n } : vi + " " + n;
    // Placed in the middle of what is on screen, below any step already there.
    captureLayout(doc);
    var ext = cy.extent();
    var pos = { x: Math.round((ext.x1 + ext.x2) / 2), y: Math.round(ext.y1 + (ext.y2 - ext.y1) / 3) };
    var taken = function (p) { return Object.keys(doc.layout).some(function (k) { var q = doc.layout[k]; return Math.abs(q.x - p.x) < 200 && Math.abs(q.y - p.y) < 110; }); };
    for (var tries = 0; tries < 40 && taken(pos); tries++) pos = tries % 8 === 7 ? { x: pos.x + 220, y: Math.round(ext.y1 + 60) } : { x: pos.x, y: pos.y + 120 };
    doc.layout[key] = pos;
    var firstEnd = doc.steps.findIndex(function (s) { return s && s.type === "end"; });
    doc.steps.splice(firstEnd >= 0 ? firstEnd : doc.steps.length, 0, step);
    E.edited();
    E.select(key);
    // A step placed low (the visible area full) keeps its outcome ports on screen: the view fits the route again.
    var shown = cy.extent();
    if (pos.y + 110 > shown.y2 || pos.x + 120 > shown.x2) fit();
    E.say(fmt(t("stepAdded"), G.stepName(step)));
  }
  document.querySelectorAll("[data-palette]").forEach(function (b) {
    b.addEventListener("click", function () { addStep(b.getAttribute("data-palette")); });
  });

  // ---- delete: the Delete (or Backspace) key and the button; what led to the step is left for the author to rewire ----
  function deleteSelected() {
    var key = E.selected();
    if (!key) { E.say(t("noStepSelected"), true); return; }
    captureLayout(E.doc());
    E.removeStep(key);
  }
  var deleteButton = $("delete-step");
  if (deleteButton) deleteButton.addEventListener("click", deleteSelected);

  // ---- automatic layout (dagre), kept in the document like a move ----
  function autoLayout(direction) {
    G.layout(cy, E.doc(), true, direction);
    if (E.editable) {
      captureLayout(E.doc());
      E.edited();
    } else {
      cy.nodes("[?step]").forEach(placePorts);
    }
    fit();
    E.say(t("laidOut"));
  }
  $("relayout").addEventListener("click", function () { autoLayout("TB"); });
  $("relayout-lr").addEventListener("click", function () { autoLayout("LR"); });

  // ---- keyboard: never while typing in a field ----
  document.addEventListener("keydown", function (e) {
    if (!E.editable || e.altKey) return;
    var el = e.target;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    var ctrl = e.ctrlKey || e.metaKey;
    var key = (e.key || "").toLowerCase();
    if (ctrl && key === "z" && !e.shiftKey) { e.preventDefault(); undo(); }
    else if (ctrl && (key === "y" || (key === "z" && e.shiftKey))) { e.preventDefault(); redo(); }
    else if (!ctrl && (e.key === "Delete" || e.key === "Backspace") && E.selected()) { e.preventDefault(); deleteSelected(); }
  });

  // ---- start ----
  addPorts();
  updateButtons();
  fit();
})();
