// The workflow designer: the draft as a Cytoscape.js diagram edited directly, a step panel with field validation,
// a JSON view kept in sync, server validation (every problem listed and highlighted), save, and simulation.
(function () {
  "use strict";
  var root = document.getElementById("designer");
  if (!root || !window.cytoscape || !window.DesignerGraph || !window.DesignerCatalogue) return;
  var G = window.DesignerGraph;
  var C = window.DesignerCatalogue; // the step types and the organisation the panel is built from
  var texts = JSON.parse(document.getElementById("designer-texts").textContent);
  function t(key) { return texts[key] || key; }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  function $(id) { return document.getElementById(id); }

  var definitionId = root.dataset.definitionId;
  var version = +root.dataset.version;
  var rowVersion = +root.dataset.rowVersion;
  var editable = root.dataset.editable === "true";
  var doc = JSON.parse($("designer-content").textContent);
  var dirty = false;
  var selectedKey = null;
  var working = null; // the step being edited in the panel
  var connectFrom = null;
  var problemSteps = [];

  var diagram = $("diagram");
  var jsonText = $("json-text");
  var status = $("designer-status");
  G.setOutcomeNames({ approved: t("outcome.approved"), returned: t("outcome.returned"), rejected: t("outcome.rejected"),
    passed: t("outcome.passed"), failed: t("outcome.failed"), noQuorum: t("outcome.noQuorum") });
  G.setTypeNames({ task: t("typeShort.task"), sequentialApproval: t("typeShort.sequentialApproval"), parallelApproval: t("typeShort.parallelApproval"),
    vote: t("typeShort.vote"), wait: t("typeShort.wait"), branch: t("typeShort.branch"), end: t("typeShort.end"), parallel: t("typeShort.parallel"), subRoute: t("typeShort.subRoute"),
    "result.Awarded": t("result.Awarded"), "result.Rejected": t("result.Rejected"), "result.Withdrawn": t("result.Withdrawn") });
  var cy = G.create(diagram, doc, { editable: editable });
  // designer-editing.js listens: "change" after every edit of the document, "redraw" after the diagram is rebuilt.
  var listeners = { change: [], redraw: [] };
  function emit(kind) { listeners[kind].forEach(function (f) { f(); }); }
  window.designerCy = cy;

  function say(message, isError) {
    status.textContent = message;
    status.className = isError ? "designer-status error" : "designer-status";
  }

  function docText() { return JSON.stringify(doc, null, 2); }

  function redraw(forceLayout) {
    var keys = (doc.steps || []).map(function (s) { return s && s.key; });
    var needsLayout = forceLayout || cy.nodes("[?step]").length !== keys.length ||
      keys.some(function (k) { return cy.getElementById(k).empty(); });
    var positions = {};
    cy.nodes().forEach(function (n) { positions[n.id()] = { x: n.position("x"), y: n.position("y") }; });
    cy.elements().remove();
    cy.add(G.elements(doc));
    if (needsLayout) {
      // The document's layout when it places every step (an undo, a step added where the editor placed it), else an automatic one.
      G.layout(cy, { start: doc.start, steps: doc.steps, layout: forceLayout ? null : doc.layout }, !!forceLayout);
    } else {
      cy.nodes().forEach(function (n) { if (positions[n.id()]) n.position(positions[n.id()]); });
    }
    markProblems();
    if (selectedKey && cy.getElementById(selectedKey).nonempty()) cy.getElementById(selectedKey).select();
    refreshStepPicker();
    refreshSimulationActions();
    emit("redraw");
  }

  /** Called after every edit from the diagram or the panel: JSON view, diagram, validation. */
  function changed(fromJson) {
    dirty = true;
    if (!fromJson) jsonText.value = docText();
    redraw(false);
    updatePublishState();
    scheduleValidation();
    say(t("unsaved"));
    emit("change");
  }

  function stepIndex(key) {
    return (doc.steps || []).findIndex(function (s) { return s && s.key === key; });
  }

  /** A step as the designer names it in lists: its title with its key, or its key alone while it has no title. */
  function nameOf(key) {
    var s = (doc.steps || [])[stepIndex(key)];
    var title = s ? G.text(s.title) : "";
    return title ? title + " (" + key + ")" : String(key);
  }

  /** A step as people read it (simulation results): its title, else its key. */
  function titleOf(key) {
    var s = (doc.steps || [])[stepIndex(key)];
    return (s && G.text(s.title)) || String(key == null ? "—" : key);
  }

  // ---- step picker (keyboard access to every step) ----
  var picker = $("step-picker");
  function refreshStepPicker() {
    var current = picker.value;
    picker.innerHTML = '<option value="">' + esc(t("chooseStep")) + "</option>" + (doc.steps || []).map(function (s) {
      var mark = problemSteps.indexOf(s.key) >= 0 ? " ⚠" : "";
      return '<option value="' + esc(s.key) + '">' + esc(nameOf(s.key) + " – " + s.type + mark) + "</option>";
    }).join("");
    picker.value = selectedKey || current || "";
  }
  picker.addEventListener("change", function () { select(picker.value || null); });

  // ---- selection and the side panel ----
  var panel = $("step-panel");
  function select(key) {
    selectedKey = key;
    cy.nodes().unselect();
    if (key && cy.getElementById(key).nonempty()) cy.getElementById(key).select();
    picker.value = key || "";
    var i = stepIndex(key);
    working = i >= 0 ? JSON.parse(JSON.stringify(doc.steps[i])) : null;
    // The panel is built from the catalogue: until it has arrived, it says so and is drawn once it has.
    if (C.types.length > 0) renderPanel({});
    else { panel.innerHTML = '<p class="muted">' + esc(t("loadingCatalogue")) + "</p>"; C.ready.then(function () { if (working && working.key === key) renderPanel({}); }); }
  }
  C.ready.catch(function () { say(t("catalogueFailed"), true); });

  function keysOptions(current, optional) {
    var keys = (doc.steps || []).map(function (s) { return s.key; });
    var html = optional ? '<option value="">—</option>' : '<option value="">' + esc(t("chooseTarget")) + "</option>";
    if (current && keys.indexOf(current) < 0) html += '<option value="' + esc(current) + '" selected>' + esc(current + " ⚠ " + t("missingStep")) + "</option>";
    keys.forEach(function (k) { html += '<option value="' + esc(k) + '"' + (k === current ? " selected" : "") + ">" + esc(nameOf(k)) + "</option>"; });
    return html;
  }

  function field(id, label, control, errors, hint) {
    var err = errors[id];
    return '<div class="field"><label for="' + id + '">' + esc(label) + "</label>" + control.replace("<input", "<input" + (err ? ' aria-invalid="true"' : "")).replace("<select", "<select" + (err ? ' aria-invalid="true"' : "")).replace("<textarea", "<textarea" + (err ? ' aria-invalid="true"' : "")) +
      (hint ? '<span class="hint">' + esc(hint) + "</span>" : "") +
      '<span class="field-error" id="' + id + '-error" data-valmsg-for="' + id + '">' + esc(err || "") + "</span></div>";
  }
  function input(id, value, type, extra) {
    return '<input id="' + id + '" name="' + id + '" type="' + (type || "text") + '" value="' + esc(value == null ? "" : value) + '"' + (extra || "") + ' aria-describedby="' + id + '-error" />';
  }
  function selectBox(id, options, value) {
    return '<select id="' + id + '" name="' + id + '" aria-describedby="' + id + '-error">' + options.map(function (o) {
      var v = Array.isArray(o) ? o[0] : o, l = Array.isArray(o) ? o[1] : o;
      return '<option value="' + esc(v) + '"' + (String(v) === String(value == null ? "" : value) ? " selected" : "") + ">" + esc(l) + "</option>";
    }).join("") + "</select>";
  }
  function targetBox(id, value, optional) {
    return '<select id="' + id + '" name="' + id + '" aria-describedby="' + id + '-error">' + keysOptions(value, optional) + "</select>";
  }
  function durationParts(d) {
    d = d || {};
    if (d.workingDays != null) return ["workingDays", d.workingDays];
    if (d.calendarDays != null) return ["calendarDays", d.calendarDays];
    if (d.campaignDate != null) return ["campaignDate", d.campaignDate];
    return ["workingDays", ""];
  }

  // The panel is generated from the step-type catalogue (designer-catalogue.js): which properties a type has, their
  // kinds, enum values, ranges, required outcomes and meanings are the engine's, not rules written here again.
  function meaningOptions(choices) {
    return [["", t("meaning.none")]].concat(choices.map(function (m) { return [m.value, m.name]; }));
  }
  /** A display text from its Vietnamese and English fields: a string without English (as old documents have it). */
  function localized(vi, en) {
    if (!vi) return undefined;
    return en ? { vi: vi, en: en } : vi;
  }
  function vi(textValue) { return textValue == null ? "" : typeof textValue === "string" ? textValue : (textValue.vi || ""); }
  function en(textValue) { return textValue && typeof textValue === "object" ? (textValue.en || "") : ""; }

  /** A picker showing names and storing codes; a value the organisation does not have stays visible, marked. */
  function choiceBox(id, choices, value, required) {
    var options = [["", required ? t("choose") : "—"]].concat(choices);
    if (value && !choices.some(function (c) { return String(c[0]) === String(value); })) options.push([value, value + " ⚠ " + t("unknownChoice")]);
    return selectBox(id, options, value == null ? "" : value);
  }
  /** A property the catalogue offers only on a step of one meaning (a decision step's signing) is shown there only. */
  function offered(p, s) { return !p.onlyForMeaning || s.meaning === p.onlyForMeaning; }
  var SEPARATE = ["key", "meaning", "title", "description", "deadline", "reminders", "escalation"];
  /** The control of one catalogue property, by its kind. */
  function propertyField(p, s, errors) {
    var id = C.fieldId(p.path), value = C.read(s, p.path), choices = C.choices(p);
    // An enum always has a value (the parser's default when absent): no empty choice. An enum inside an optional object
    // ("signing.leader") has one: empty leaves the object out.
    if (p.kind === "enum" && p.path.indexOf(".") < 0) return field(id, p.name, selectBox(id, choices, value == null ? choices[0][0] : value), errors);
    if (choices) return field(id, p.name, choiceBox(id, choices, value, p.required), errors);
    switch (p.kind) {
      case "number":
        var step = p.max != null && p.max <= 1 ? "0.01" : "1";
        return field(id, p.name, input(id, value, "number", (p.min != null ? ' min="' + p.min + '"' : "") + (p.max != null ? ' max="' + p.max + '"' : "") + ' step="' + step + '"'), errors);
      case "boolean":
        return '<div class="field checkbox"><input type="checkbox" id="' + id + '"' + (value ? " checked" : "") + ' /> <label for="' + id + '">' + esc(p.name) + "</label></div>";
      case "stepTarget":
        return field(id, p.name, targetBox(id, value, !p.required), errors);
      case "duration":
        var w = durationParts(value);
        return '<div class="field-row">' + field(id + "-kind", p.name, selectBox(id + "-kind", [["workingDays", t("workingDays")], ["calendarDays", t("calendarDays")]], w[0]), errors) +
          field(id + "-value", t("days"), input(id + "-value", w[1], "number", ' min="1" step="1"'), errors) + "</div>";
      case "list":
        return listField(p, s, errors);
      default:
        return field(id, p.name, input(id, value, "text", ' autocomplete="off"'), errors);
    }
  }

  /** The editors of structured lists: a task's actions, a branch's conditions, a parallel step's branches. */
  function listField(p, s, errors) {
    var h = "";
    if (p.path === "actions") {
      h += '<fieldset><legend>' + esc(p.name) + "</legend>";
      (s.actions || []).forEach(function (act, i) {
        h += '<div class="row-block" data-row="' + i + '"><div class="field-row">' +
          field("sp-action-name-" + i, t("actionName"), input("sp-action-name-" + i, act.name), errors) +
          field("sp-action-label-" + i, t("actionLabel"), input("sp-action-label-" + i, vi(act.label)), errors) + "</div>" +
          '<div class="field-row">' + field("sp-action-label-en-" + i, t("actionLabelEn"), input("sp-action-label-en-" + i, en(act.label)), errors) +
          field("sp-action-meaning-" + i, t("actionMeaning"), selectBox("sp-action-meaning-" + i, meaningOptions(C.type(s.type).actionMeanings), act.meaning || ""), errors) + "</div>" +
          field("sp-action-target-" + i, t("target"), targetBox("sp-action-target-" + i, act.target, false), errors) +
          '<div class="field checkbox"><input type="checkbox" id="sp-action-rs-' + i + '"' + (act.returnsForSupplement ? " checked" : "") + ' /> <label for="sp-action-rs-' + i + '">' + esc(t("returnsForSupplement")) + "</label></div>" +
          '<button type="button" class="link danger" data-remove-action="' + i + '">' + esc(t("removeAction")) + " " + esc(G.text(act.label) || act.name || "") + "</button></div>";
      });
      return h + (errors["sp-actions"] ? '<span class="field-error">' + esc(errors["sp-actions"]) + "</span>" : "") +
        '<button type="button" data-add-action>' + esc(t("addAction")) + "</button></fieldset>";
    }
    if (p.path === "conditions") {
      h += '<fieldset><legend>' + esc(t("conditions")) + "</legend>";
      (s.conditions || []).forEach(function (c, i) {
        h += '<div class="row-block">' + field("sp-cond-when-" + i, t("condition") + " " + (i + 1), '<textarea id="sp-cond-when-' + i + '" rows="3" aria-describedby="sp-cond-when-' + i + '-error">' + esc(c.when ? JSON.stringify(c.when) : "") + "</textarea>", errors, t("conditionHint")) +
          field("sp-cond-target-" + i, t("target"), targetBox("sp-cond-target-" + i, c.target, false), errors) +
          '<button type="button" class="link danger" data-remove-condition="' + i + '">' + esc(t("removeCondition")) + " " + (i + 1) + "</button></div>";
      });
      return h + '<button type="button" data-add-condition>' + esc(t("addCondition")) + "</button></fieldset>";
    }
    if (p.path === "branches") {
      return field("sp-branches", p.name, '<textarea id="sp-branches" rows="10" aria-describedby="sp-branches-error">' + esc(JSON.stringify(s.branches || [], null, 2)) + "</textarea>", errors, t("branchesHint"));
    }
    return "";
  }

  /** Deadline, reminders and escalation of a step done by people. */
  function humanPolicy(s, errors) {
    var d = durationParts(s.deadline);
    var esc0 = s.escalation || {};
    var escKind = esc0.notifyRole ? "notifyRole" : esc0.action ? "action" : "";
    var roles = C.choices({ kind: "role" }), scopes = C.choices({ kind: "scope" });
    return '<fieldset><legend>' + esc(t("deadlineAndReminders")) + "</legend><div class=\"field-row\">" +
      field("sp-deadline-kind", t("deadline"), selectBox("sp-deadline-kind", [["workingDays", t("workingDays")], ["calendarDays", t("calendarDays")], ["campaignDate", t("campaignDate")]], d[0]), errors) +
      field("sp-deadline-value", t("deadlineValue"), input("sp-deadline-value", d[1], "text"), errors, t("deadlineHint")) + "</div>" +
      field("sp-reminders", t("reminders"), input("sp-reminders", (s.reminders || []).map(function (r) { return r.workingDaysAfter != null ? "+" + r.workingDaysAfter : r.workingDaysBefore; }).join(", ")), errors, t("remindersHint")) +
      (s.escalations ? '<p class="hint" data-testid="escalation-chain">' + esc(t("escalationChain").replace("{0}", s.escalations.length)) + "</p>" : "") +
      field("sp-escalation-kind", t("escalation"), selectBox("sp-escalation-kind", [["", t("escalation.none")], ["notifyRole", t("escalation.notify")], ["action", t("escalation.action")]], escKind), errors) +
      '<div class="field-row">' + field("sp-escalation-role", t("escalationRole"), choiceBox("sp-escalation-role", roles, esc0.notifyRole, false), errors) +
      field("sp-escalation-scope", t("escalationScope"), choiceBox("sp-escalation-scope", scopes, esc0.scope, false), errors) +
      field("sp-escalation-action", t("escalationAction"), input("sp-escalation-action", esc0.action), errors) + "</div></fieldset>";
  }

  function renderPanel(errors) {
    var s = working;
    if (!s) {
      panel.innerHTML = '<p class="muted">' + esc(t("noSelection")) + "</p>";
      return;
    }
    var type = C.type(s.type);
    if (!type) { panel.innerHTML = '<p class="muted">' + esc(t("loadingCatalogue")) + "</p>"; return; }
    var ro = editable ? "" : " disabled";
    var h = '<h2 id="panel-heading">' + esc(t("stepProperties")) + ": " + esc(s.key) + "</h2>";
    h += '<fieldset class="panel-fields"' + ro + "><legend class=\"visually-hidden\">" + esc(t("stepProperties")) + "</legend>";
    h += field("sp-key", t("key"), input("sp-key", s.key, "text", ' autocomplete="off"'), errors, t("keyHint"));
    h += field("sp-type", t("type"), selectBox("sp-type", C.types.map(function (x) { return [x.key, x.name]; }), s.type), errors, type.description);
    if (type.meanings.length > 0) h += field("sp-meaning", t("meaning"), selectBox("sp-meaning", meaningOptions(type.meanings), s.meaning || ""), errors, t("meaningHint"));
    h += '<div class="field-row">' + field("sp-title-vi", t("title"), input("sp-title-vi", vi(s.title)), errors) +
      field("sp-title-en", t("titleEn"), input("sp-title-en", en(s.title)), errors) + "</div>";
    h += '<div class="field-row">' + field("sp-description-vi", t("description"), input("sp-description-vi", vi(s.description)), errors) +
      field("sp-description-en", t("descriptionEn"), input("sp-description-en", en(s.description)), errors) + "</div>";
    type.properties.forEach(function (p) { if (SEPARATE.indexOf(p.path) < 0 && offered(p, s)) h += propertyField(p, s, errors); });
    if (type.outcomes.length > 0) {
      h += '<fieldset><legend>' + esc(t("transitions")) + "</legend>";
      type.outcomes.forEach(function (o) {
        h += field("sp-t-" + o.name, o.displayName, targetBox("sp-t-" + o.name, (s.transitions || {})[o.name], !o.required), errors);
      });
      h += "</fieldset>";
    }
    if (type.human) h += humanPolicy(s, errors);
    h += "</fieldset>";
    if (editable) {
      h += '<div class="actions"><button type="button" class="primary" data-apply>' + esc(t("apply")) + "</button>" +
        '<button type="button" data-connect>' + esc(t("connect")) + "</button>" +
        '<button type="button" class="danger" data-remove-step>' + esc(t("removeStep")) + "</button></div>";
    }
    panel.innerHTML = h;
    var firstError = panel.querySelector("[aria-invalid=true]");
    if (firstError) firstError.focus();
  }

  function val(id) { var e = $(id); return e ? e.value.trim() : ""; }
  function num(id) { var v = val(id); return v === "" ? NaN : Number(v); }

  /** The panel as a step; with strict, the field errors too. */
  function readPanel() {
    var errors = {};
    var s = JSON.parse(JSON.stringify(working));
    var typeKey = val("sp-type");
    if (typeKey !== s.type) {
      // A new type starts from that type's defaults, keeping the key.
      return { step: defaults(typeKey, val("sp-key") || s.key), errors: {}, retyped: true };
    }
    var type = C.type(typeKey);
    s.key = val("sp-key");
    delete s.meaning; delete s.title; delete s.description;
    if (val("sp-meaning")) s.meaning = val("sp-meaning");
    var title = localized(val("sp-title-vi"), val("sp-title-en"));
    if (title) s.title = title;
    var description = localized(val("sp-description-vi"), val("sp-description-en"));
    if (description) s.description = description;
    if (!val("sp-title-vi") && val("sp-title-en")) errors["sp-title-vi"] = t("err.vietnameseFirst");
    if (!val("sp-description-vi") && val("sp-description-en")) errors["sp-description-vi"] = t("err.vietnameseFirst");
    if (!s.key) errors["sp-key"] = t("err.required");
    else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.key)) errors["sp-key"] = t("err.kebab");
    else if (s.key !== selectedKey && stepIndex(s.key) >= 0) errors["sp-key"] = t("err.duplicateKey");

    function positiveInt(id) {
      var n = num(id);
      if (!(Number.isInteger(n) && n >= 1)) { errors[id] = t("err.positiveInt"); return null; }
      return n;
    }
    function required(id) { var v = val(id); if (!v) errors[id] = t("err.required"); return v; }
    /** A number within the catalogue's range: an integer from its minimum, or a share in (min, max]. */
    function number(p, id) {
      var n = num(id);
      var ok = p.max != null ? (p.minExclusive ? n > p.min : n >= p.min) && n <= p.max : Number.isInteger(n) && n >= p.min;
      if (!ok) { errors[id] = t(p.max != null ? "err.share" : "err.positiveInt"); return null; }
      return n;
    }

    type.properties.forEach(function (p) {
      if (SEPARATE.indexOf(p.path) >= 0) return;
      // A step that no longer means what the property is for (no longer the decision) drops it.
      if (!offered(p, s)) { C.write(s, p.path, undefined); return; }
      var id = C.fieldId(p.path);
      if (C.choices(p) || p.kind === "text" || p.kind === "definition") {
        var v = p.required ? required(id) : val(id);
        C.write(s, p.path, v || (p.required ? v : undefined));
      } else if (p.kind === "number") {
        C.write(s, p.path, val(id) === "" && !p.required ? undefined : number(p, id));
      } else if (p.kind === "boolean") {
        C.write(s, p.path, $(id) && $(id).checked ? true : undefined);
      } else if (p.kind === "stepTarget") {
        C.write(s, p.path, p.required ? required(id) : (val(id) || undefined));
      } else if (p.kind === "duration") {
        var d = {}; d[val(id + "-kind")] = positiveInt(id + "-value");
        C.write(s, p.path, d);
      } else if (p.kind === "list") {
        readList(p, s, errors, required);
      }
    });
    if (type.outcomes.length > 0) {
      s.transitions = {};
      type.outcomes.forEach(function (o) {
        var v = val("sp-t-" + o.name);
        if (v) s.transitions[o.name] = v;
        else if (o.required) errors["sp-t-" + o.name] = t("err.required");
      });
      // A type that must route at least one outcome, whichever (a sub-route), says so on its first.
      if (type.anyOutcome && Object.keys(s.transitions).length === 0) errors["sp-t-" + type.outcomes[0].name] = t("err.anyOutcome");
    }
    if (type.human) readHumanPolicy(s, errors, required, positiveInt);
    return { step: s, errors: errors };
  }

  function readList(p, s, errors, required) {
    if (p.path === "actions") {
      s.actions = (s.actions || []).map(function (a, i) {
        var name = required("sp-action-name-" + i);
        if (name && !/^[a-zA-Z][a-zA-Z0-9-]*$/.test(name)) errors["sp-action-name-" + i] = t("err.actionName");
        // Properties the panel does not show (outputs the action records or asks) are kept; those it shows are read back.
        var action = Object.assign({}, a, { name: name });
        delete action.label;
        delete action.meaning;
        var label = localized(val("sp-action-label-" + i), val("sp-action-label-en-" + i));
        if (label) action.label = label;
        if (!val("sp-action-label-" + i) && val("sp-action-label-en-" + i)) errors["sp-action-label-" + i] = t("err.vietnameseFirst");
        if (val("sp-action-meaning-" + i)) action.meaning = val("sp-action-meaning-" + i);
        action.target = required("sp-action-target-" + i);
        delete action.returnsForSupplement;
        if ($("sp-action-rs-" + i) && $("sp-action-rs-" + i).checked) action.returnsForSupplement = true;
        return action;
      });
      if (s.actions.length === 0) errors["sp-actions"] = t("err.noActions");
    } else if (p.path === "conditions") {
      s.conditions = (s.conditions || []).map(function (c, i) {
        var when = null;
        try {
          when = JSON.parse(val("sp-cond-when-" + i));
          if (!when || typeof when !== "object" || Array.isArray(when)) throw new Error("object");
        } catch (e) { errors["sp-cond-when-" + i] = t("err.condition"); }
        return { when: when, target: required("sp-cond-target-" + i) };
      });
    } else if (p.path === "branches") {
      try {
        var branches = JSON.parse(val("sp-branches") || "[]");
        if (!Array.isArray(branches) || branches.some(function (b) { return !b || typeof b !== "object" || Array.isArray(b); })) throw new Error("array");
        s.branches = branches;
      } catch (e) { errors["sp-branches"] = t("err.branches"); }
    }
  }

  function readHumanPolicy(s, errors, required, positiveInt) {
    var type = s.type;
    var kind = val("sp-deadline-kind");
    var before = s.deadline || {};
    s.deadline = {};
    if (kind === "campaignDate") s.deadline.campaignDate = required("sp-deadline-value");
    else s.deadline[kind] = positiveInt("sp-deadline-value");
    // The re-entry deadline and the rule for a deadline already past are kept (edited in the JSON view).
    if (before.onReentry) s.deadline.onReentry = before.onReentry;
    if (before.whenPast) s.deadline.whenPast = before.whenPast;
    var rem = val("sp-reminders");
    s.reminders = [];
    if (rem) {
      rem.split(/[,;\s]+/).filter(Boolean).forEach(function (r) {
        var after = r.charAt(0) === "+";
        var n = Number(after ? r.substring(1) : r);
        if (!(Number.isInteger(n) && n >= (after ? 1 : 0))) errors["sp-reminders"] = t("err.reminders");
        else s.reminders.push(after ? { workingDaysAfter: n } : { workingDaysBefore: n });
      });
    }
    if (s.reminders.length === 0) delete s.reminders;
    var ek = val("sp-escalation-kind");
    delete s.escalation;
    if (ek === "notifyRole") {
      s.escalation = { notifyRole: required("sp-escalation-role") };
      if (val("sp-escalation-scope")) s.escalation.scope = val("sp-escalation-scope");
    } else if (ek === "action") {
      var act = required("sp-escalation-action");
      var names = type === "vote" ? ["close"] : type === "task" ? (s.actions || []).map(function (a) { return a.name; }) : ["approve", "return", "reject"];
      if (act && names.indexOf(act) < 0) errors["sp-escalation-action"] = t("err.escalationAction") + " " + names.join(", ");
      s.escalation = { action: act };
    }
  }

  /** A new step of a type: the catalogue's starting values, and the first rows of the list editors. */
  function defaults(type, key) {
    return C.newStep(type, key, {
      actions: function () { return [{ name: "forward", target: "" }]; },
      conditions: function () { return []; },
      branches: function () {
        return [{ key: "branch-1", assignee: { role: "", scope: "" }, deadline: { workingDays: 5 } },
          { key: "branch-2", assignee: { role: "", scope: "" }, deadline: { workingDays: 5 } }];
      }
    });
  }

  function renameReferences(from, to) {
    (doc.steps || []).forEach(function (s) {
      (s.actions || []).forEach(function (a) { if (a.target === from) a.target = to; });
      if (s.transitions) Object.keys(s.transitions).forEach(function (k) { if (s.transitions[k] === from) s.transitions[k] = to; });
      if (s.next === from) s.next = to;
      (s.conditions || []).forEach(function (c) { if (c.target === from) c.target = to; });
      if (s.default === from) s.default = to;
    });
    if (doc.start === from) doc.start = to;
    if (doc.onWithdraw === from) doc.onWithdraw = to;
    if (doc.layout && doc.layout[from]) { doc.layout[to] = doc.layout[from]; delete doc.layout[from]; }
  }

  function clean(step) {
    // Empty optional targets are left out of the document rather than written as "".
    if (step.transitions) Object.keys(step.transitions).forEach(function (k) { if (!step.transitions[k]) delete step.transitions[k]; });
    return step;
  }

  function apply() {
    var read = readPanel();
    if (read.retyped) { working = read.step; renderPanel({}); return; }
    if (Object.keys(read.errors).length > 0) {
      renderPanel(read.errors);
      say(t("fixFields"), true);
      return false;
    }
    var i = stepIndex(selectedKey);
    var step = clean(read.step);
    if (step.key !== selectedKey) renameReferences(selectedKey, step.key);
    doc.steps[i] = step;
    selectedKey = step.key;
    working = JSON.parse(JSON.stringify(step));
    changed(false);
    renderPanel({});
    return true;
  }

  panel.addEventListener("change", function (e) {
    if (e.target.id === "sp-type") { var r = readPanel(); working = r.step; renderPanel({}); }
  });
  panel.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b) return;
    if (b.hasAttribute("data-apply")) { apply(); return; }
    if (b.hasAttribute("data-remove-step")) { removeStep(selectedKey); return; }
    if (b.hasAttribute("data-connect")) { connectFrom = selectedKey; say(t("connectHint").replace("{0}", selectedKey)); return; }
    var keep = readPanel().step;
    if (b.hasAttribute("data-add-action")) keep.actions = (keep.actions || []).concat([{ name: "", target: "" }]);
    else if (b.hasAttribute("data-remove-action")) keep.actions.splice(+b.getAttribute("data-remove-action"), 1);
    else if (b.hasAttribute("data-add-condition")) keep.conditions = (keep.conditions || []).concat([{ when: { fact: "kind", op: "eq", value: "collective" }, target: "" }]);
    else if (b.hasAttribute("data-remove-condition")) keep.conditions.splice(+b.getAttribute("data-remove-condition"), 1);
    else return;
    working = keep;
    renderPanel({});
  });

  function removeStep(key) {
    var i = stepIndex(key);
    if (i < 0) return;
    doc.steps.splice(i, 1);
    if (doc.layout) delete doc.layout[key];
    selectedKey = null; working = null;
    renderPanel({});
    changed(false);
    say(t("stepRemoved").replace("{0}", key));
  }

  /** Connect mode: the next step tapped becomes the target of the source's first free outgoing slot. */
  function connect(from, to) {
    var s = doc.steps[stepIndex(from)];
    if (!s) return;
    switch (s.type) {
      case "task": {
        var free = (s.actions || []).find(function (a) { return !a.target; });
        if (free) free.target = to; else s.actions = (s.actions || []).concat([{ name: "next" + ((s.actions || []).length + 1), target: to }]);
        break;
      }
      case "sequentialApproval": case "parallelApproval": case "vote": case "parallel": case "subRoute": {
        s.transitions = s.transitions || {};
        var slot = G.OUTCOMES[s.type].find(function (o) { return !s.transitions[o]; });
        // Every outcome is wired: none is overwritten; the author drags the outcome's port (or edits it in the panel).
        if (!slot) { say(t("noFreeOutcome").replace("{0}", from), true); return; }
        s.transitions[slot] = to;
        break;
      }
      case "wait":
        if (s.next && s.next !== to) { say(t("noFreeOutcome").replace("{0}", from), true); return; }
        s.next = to; break;
      case "branch":
        if (!s.default) s.default = to; else s.conditions = (s.conditions || []).concat([{ when: { fact: "kind", op: "eq", value: "collective" }, target: to }]);
        break;
      default: say(t("endHasNoExit"), true); return;
    }
    if (from === selectedKey) working = JSON.parse(JSON.stringify(s));
    changed(false);
    renderPanel({});
    say(t("connected").replace("{0}", from).replace("{1}", to));
  }

  cy.on("tap", "node", function (e) {
    var n = e.target;
    if (!n.data("step")) return;
    if (connectFrom && editable) { var from = connectFrom; connectFrom = null; connect(from, n.id()); return; }
    select(n.id());
  });
  cy.on("dragfree", "node", function () {
    if (!editable) return;
    doc.layout = {};
    cy.nodes("[?step]").forEach(function (n) { doc.layout[n.id()] = { x: Math.round(n.position("x")), y: Math.round(n.position("y")) }; });
    dirty = true;
    jsonText.value = docText();
    updatePublishState();
    say(t("unsaved"));
    emit("change");
  });

  // ---- toolbar ----
  var addButton = $("add-step");
  if (addButton) addButton.addEventListener("click", function () {
    var type = $("new-step-type").value;
    var n = 1;
    while (stepIndex("new-step-" + n) >= 0) n++;
    var key = "new-step-" + n;
    doc.steps = doc.steps || [];
    doc.steps.splice(Math.max(0, doc.steps.findIndex(function (s) { return s.type === "end"; })) || doc.steps.length, 0, defaults(type, key));
    changed(false);
    select(key);
    var k = $("sp-key"); if (k) { k.focus(); k.select(); }
  });
  // The automatic layout buttons are designer-editing.js's (dagre, recorded in the document's layout).

  // ---- JSON view ----
  jsonText.value = docText();
  var jsonTimer = null;
  jsonText.addEventListener("input", function () {
    clearTimeout(jsonTimer);
    jsonTimer = setTimeout(function () {
      try {
        var parsed = JSON.parse(jsonText.value);
        $("json-error").textContent = "";
        jsonText.removeAttribute("aria-invalid");
        doc = parsed;
        if (selectedKey && stepIndex(selectedKey) < 0) { selectedKey = null; }
        working = selectedKey ? JSON.parse(JSON.stringify(doc.steps[stepIndex(selectedKey)])) : null;
        renderPanel({});
        changed(true);
      } catch (err) {
        $("json-error").textContent = t("jsonMalformed") + " " + err.message;
        jsonText.setAttribute("aria-invalid", "true");
      }
    }, 300);
  });

  // ---- server validation ----
  var validateTimer = null, validationRun = 0;
  function scheduleValidation() { clearTimeout(validateTimer); validateTimer = setTimeout(validate, 350); }
  function validate() {
    var run = ++validationRun;
    var list = $("problems");
    return fetch("/api/definitions/validate", {
      method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" }, credentials: "same-origin",
      body: JSON.stringify({ content: docText() })
    }).then(function (r) { return r.json(); }).then(function (problems) {
      if (run !== validationRun) return;
      problemSteps = [];
      list.innerHTML = "";
      problems.forEach(function (p) {
        var key = G.stepOfPath(doc, p.path);
        if (key && problemSteps.indexOf(key) < 0) problemSteps.push(key);
        var li = document.createElement("li");
        // In words: the step by its name, then the sentence; the JSON path stays on the item for those editing JSON.
        li.innerHTML = (key ? esc(t("problemAtStep").replace("{0}", titleOf(key))) + " " : "") + esc(p.message) +
          (key ? ' <button type="button" class="link" data-show-step="' + esc(key) + '">' + esc(t("showStep")) + " " + esc(titleOf(key)) + "</button>" : "");
        li.setAttribute("data-step", key || "");
        li.setAttribute("data-path", p.path || "");
        if (p.path) li.title = p.path;
        list.appendChild(li);
      });
      $("problem-count").textContent = problems.length === 0 ? t("valid") : t("problemCount").replace("{0}", problems.length);
      root.dataset.valid = problems.length === 0 ? "true" : "false";
      markProblems();
      refreshStepPicker();
      updatePublishState();
    });
  }
  function markProblems() {
    cy.nodes().removeClass("problem");
    problemSteps.forEach(function (k) { cy.getElementById(k).addClass("problem"); });
    diagram.setAttribute("data-problem-steps", problemSteps.join(" "));
  }
  $("problems").addEventListener("click", function (e) {
    var b = e.target.closest("[data-show-step]");
    if (b) { select(b.getAttribute("data-show-step")); panel.querySelector("input,select") && panel.querySelector("input,select").focus(); }
  });

  // ---- save ----
  function problemText(body) {
    if (!body) return "";
    var parts = [body.detail || body.title || ""];
    if (body.errors) Object.keys(body.errors).forEach(function (k) { parts.push(k + ": " + [].concat(body.errors[k]).join(" ")); });
    return parts.filter(Boolean).join(" ");
  }
  var saveButton = $("save-draft");
  if (saveButton) saveButton.addEventListener("click", function () {
    saveButton.disabled = true;
    var content = docText();
    fetch("/api/definitions/" + encodeURIComponent(definitionId) + "/versions/" + version, {
      method: "PUT", headers: { "Content-Type": "application/json", "Accept": "application/json" }, credentials: "same-origin",
      body: JSON.stringify({ content: content, rowVersion: rowVersion })
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
    }).then(function (res) {
      if (!res.ok) {
        var conflict = res.status === 409;
        say((conflict ? t("saveConflict") : t("saveRefused")) + " " + problemText(res.body), true);
        root.dataset.conflict = conflict ? "true" : "false";
        return;
      }
      return fetch("/api/definitions/" + encodeURIComponent(definitionId) + "/versions/" + version, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); }).then(function (view) {
          rowVersion = view.rowVersion;
          dirty = false;
          updatePublishState();
          say(t("saved").replace("{0}", res.body.problemCount));
        });
    }).catch(function (err) { say(t("saveRefused") + " " + err.message, true); })
      .finally(function () { saveButton.disabled = false; });
  });

  // ---- publishing waits for a saved, valid draft ----
  function updatePublishState() {
    var publish = $("publish-button");
    if (!publish) return;
    var blocked = dirty || root.dataset.valid !== "true";
    publish.disabled = blocked;
    $("publish-hint").textContent = dirty ? t("saveBeforePublishing") : root.dataset.valid !== "true" ? t("fixBeforePublishing") : "";
  }
  window.addEventListener("beforeunload", function (e) { if (dirty) { e.preventDefault(); e.returnValue = ""; } });

  // ---- simulation ----
  var simKind = $("sim-action-kind");
  // Action names of the definitions sub-route steps call (their latest published version), so a scenario can act on them.
  var calleeActions = {};
  function loadCalleeActions() {
    var ids = (doc.steps || []).filter(function (s) { return s && s.type === "subRoute" && s.definition && !calleeActions[s.definition]; })
      .map(function (s) { return s.definition; });
    if (ids.length === 0 || !simKind) return;
    ids.forEach(function (id) { calleeActions[id] = []; });
    fetch("/api/definitions/", { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; }).then(function (all) {
        return Promise.all(all.filter(function (d) { return ids.indexOf(d.definitionId) >= 0 && d.publishedVersion; }).map(function (d) {
          return fetch("/api/definitions/" + encodeURIComponent(d.definitionId) + "/versions/" + d.publishedVersion, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.json() : null; }).then(function (view) {
              var callee = view && view.content ? JSON.parse(view.content) : null;
              calleeActions[d.definitionId] = [];
              ((callee && callee.steps) || []).forEach(function (s) { (s.actions || []).forEach(function (a) { if (a.name) calleeActions[d.definitionId].push(a.name); }); });
            });
        }));
      }).then(refreshSimulationActions).catch(function () { });
  }
  function refreshSimulationActions() {
    if (!simKind) return;
    var current = simKind.value;
    var names = [];
    var labels = {};
    var named = [];
    (doc.steps || []).forEach(function (s) {
      (s.actions || []).forEach(function (a) { named.push(a.name); if (a.name && a.label) labels[a.name] = G.text(a.label); });
      if (s && s.type === "subRoute") named = named.concat(calleeActions[s.definition] || []);
    });
    named.forEach(function (n) { if (n && names.indexOf(n) < 0 && ["approve", "return", "reject"].indexOf(n) < 0) names.push(n); });
    loadCalleeActions();
    var fixed = [["approve", t("sim.approve")], ["return", t("sim.return")], ["reject", t("sim.reject")], ["vote", t("sim.vote")], ["closeVote", t("sim.closeVote")],
      ["letDeadlinePass", t("sim.letDeadlinePass")], ["waitElapses", t("sim.waitElapses")], ["withdraw", t("sim.withdraw")]];
    simKind.innerHTML = fixed.concat(names.map(function (n) { return [n, t("sim.named") + " " + (labels[n] ? labels[n] + " (" + n + ")" : n)]; })).map(function (o) {
      return '<option value="' + esc(o[0]) + '">' + esc(o[1]) + "</option>";
    }).join("");
    if (current && simKind.querySelector('option[value="' + current + '"]')) simKind.value = current;
  }
  var simActions = [];
  function renderSimActions() {
    var ol = $("sim-actions");
    ol.innerHTML = simActions.map(function (a, i) {
      var text = a.action + (a.step ? " @ " + a.step : "") + (a.votes ? " (" + t("sim.yes") + " " + a.votes.yes + ", " + t("sim.no") + " " + a.votes.no + ", " + t("sim.abstain") + " " + a.votes.abstain + ", " + t("sim.recuse") + " " + a.votes.recuse + ")" : "") +
        (a.comment ? " – " + a.comment : "");
      return "<li>" + esc(text) + ' <button type="button" class="link danger" data-remove-sim="' + i + '">' + esc(t("remove")) + " " + (i + 1) + "</button></li>";
    }).join("");
  }
  if (simKind) {
    refreshSimulationActions();
    simKind.addEventListener("change", function () { $("sim-votes").hidden = simKind.value !== "vote"; });
    $("sim-add-action").addEventListener("click", function () {
      var a = { action: simKind.value };
      if (a.action === "vote") {
        a.votes = {};
        ["yes", "no", "abstain", "recuse"].forEach(function (k) { a.votes[k] = Math.max(0, parseInt($("sim-" + k).value || "0", 10) || 0); });
      }
      var comment = $("sim-comment").value.trim();
      if (comment) a.comment = comment;
      var onStep = $("sim-step") ? $("sim-step").value.trim() : "";
      if (onStep) a.step = onStep;
      simActions.push(a);
      renderSimActions();
    });
    $("sim-actions").addEventListener("click", function (e) {
      var b = e.target.closest("[data-remove-sim]");
      if (b) { simActions.splice(+b.getAttribute("data-remove-sim"), 1); renderSimActions(); }
    });
    $("sim-clear").addEventListener("click", function () { simActions = []; renderSimActions(); });
    $("sim-run").addEventListener("click", function () { runSimulation(scenario(), +$("sim-version").value); });
    $("sim-save").addEventListener("click", saveScenario);
    $("saved-scenarios").addEventListener("click", function (e) {
      var b = e.target.closest("button[data-scenario]");
      if (!b) return;
      var saved = JSON.parse(b.closest("li").querySelector("script").textContent);
      if (b.getAttribute("data-scenario") === "load") loadScenario(saved);
      else runSimulation(saved, +$("sim-version").value);
    });
  }

  function scenario() {
    var facts = { kind: $("sim-kind").value, awardForm: $("sim-award").value.trim() };
    if ($("sim-campaign-type").value) facts.campaignType = $("sim-campaign-type").value;
    if ($("sim-dossier-close").value) facts.dossierClose = $("sim-dossier-close").value;
    var start = $("sim-start").value;
    var s = { name: $("sim-name").value.trim() || "scenario", facts: facts, actions: simActions.slice() };
    if (start) s.start = (start.length === 16 ? start + ":00" : start) + "+07:00";
    return s;
  }
  function loadScenario(s) {
    var f = s.facts || {};
    // Without a kind, the first the draft applies to as edited now (the page's default is the saved draft's).
    var applies = (doc.appliesTo && doc.appliesTo.nomineeKinds) || [];
    $("sim-kind").value = f.kind || applies[0] || $("sim-kind").getAttribute("data-default") || "collective";
    $("sim-award").value = f.awardForm || "";
    $("sim-campaign-type").value = f.campaignType || "";
    $("sim-dossier-close").value = f.dossierClose || "";
    if (s.start) $("sim-start").value = String(s.start).substring(0, 16);
    $("sim-name").value = s.name || "";
    simActions = (s.actions || []).slice();
    renderSimActions();
  }

  function runSimulation(s, onVersion) {
    var out = $("sim-result");
    out.innerHTML = "<p>" + esc(t("sim.running")) + "</p>";
    if (dirty && onVersion === version) out.innerHTML += '<p class="muted">' + esc(t("sim.savedOnly")) + "</p>";
    fetch("/api/definitions/" + encodeURIComponent(definitionId) + "/versions/" + onVersion + "/simulate", {
      method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" }, credentials: "same-origin", body: JSON.stringify(s)
    }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (res) {
      if (!res.ok) { out.innerHTML = '<p class="field-error" role="alert">' + esc(t("sim.refused") + " " + problemText(res.body)) + "</p>"; return; }
      renderSimulation(res.body, onVersion);
    }).catch(function (err) { out.innerHTML = '<p class="field-error" role="alert">' + esc(err.message) + "</p>"; });
  }

  /** The assignee as the server names it (a member's name, a role and its unit), never an id. */
  function who(r, task) {
    return (r.assignees && r.assignees[task.taskId]) || "—";
  }

  function renderSimulation(r, onVersion) {
    var out = $("sim-result");
    var h = "<h3>" + esc(t("sim.resultFor").replace("{0}", onVersion)) + "</h3>";
    var resultText = r.result ? t("sim.completed") + " " + r.result : r.stoppedAt ? t("sim.stoppedAt") + " " + titleOf(r.stoppedAt) : "—";
    h += '<p data-testid="sim-outcome"><strong>' + esc(resultText) + "</strong></p>";
    if (r.refusal) {
      h += '<p class="field-error" role="alert">' + esc(t("sim.refusal") + " " + (r.refusal.actionIndex != null ? "#" + (r.refusal.actionIndex + 1) + " " : "") +
        (r.refusal.stepKey ? titleOf(r.refusal.stepKey) + " – " : "") + r.refusal.reason) + "</p>";
    }
    h += "<h4>" + esc(t("sim.path")) + '</h4><ol data-testid="sim-path">' + r.path.map(function (p) {
      return '<li data-step="' + esc(p.stepKey) + '"><strong>' + esc(titleOf(p.stepKey)) + "</strong> – " + esc(G.formatVn(p.enteredAt)) + (p.round > 1 ? " (" + esc(t("sim.round")) + " " + p.round + ")" : "") +
        (p.waitUntil ? " → " + esc(t("sim.waitUntil")) + " " + esc(G.formatVn(p.waitUntil)) : "") + "</li>";
    }).join("") + "</ol>";
    h += "<h4>" + esc(t("sim.tasks")) + '</h4><div class="table-wrap"><table data-testid="sim-tasks"><thead><tr>' +
      ["sim.step", "sim.assignee", "sim.opened", "sim.due", "sim.reminders", "sim.escalation", "sim.outcomeCol"].map(function (k) { return '<th scope="col">' + esc(t(k)) + "</th>"; }).join("") +
      "</tr></thead><tbody>" + r.tasks.map(function (task) {
        return "<tr" + (task.overdue ? ' class="overdue"' : "") + "><td>" + esc(titleOf(task.stepKey)) + "</td><td>" + esc(who(r, task)) + "</td><td>" + esc(G.formatVn(task.openedAt)) +
          "</td><td>" + esc(G.formatVn(task.dueAt)) + "</td><td>" + esc((task.reminders || []).map(G.formatVn).join("; ") || "—") + "</td><td>" +
          esc(escalationText(r, task)) + "</td><td>" +
          esc(((r.outcomes && r.outcomes[task.taskId]) || task.outcome || "—") + (task.closedAt ? " " + G.formatVn(task.closedAt) : "") + (task.overdue ? " (" + t("sim.overdue") + ")" : "")) + "</td></tr>";
      }).join("") + "</tbody></table></div>";
    out.innerHTML = h;
    cy.nodes().removeClass("path");
    if (onVersion === version) r.path.forEach(function (p) { cy.getElementById(p.stepKey).addClass("path"); });
  }

  /** The task's escalation: each level's instant (a chain), or the single escalation as the server words it, with its time. */
  function escalationText(r, task) {
    if (task.escalationTimes && task.escalationTimes.length) {
      return task.escalationTimes.map(function (e) {
        var done = (task.escalated || []).some(function (x) { return x.level === e.level; });
        return (e.level + 1) + ": " + G.formatVn(e.at) + (done ? " ✓" : "");
      }).join("; ");
    }
    if (!task.escalation) return "—";
    var words = (r.escalations && r.escalations[task.taskId]) || "—";
    return words + (task.escalateAt ? " (" + G.formatVn(task.escalateAt) + ")" : "");
  }

  function saveScenario() {
    var s = scenario();
    var name = $("sim-name").value.trim();
    var msg = $("sim-name-error");
    if (!name) { msg.textContent = t("err.required"); $("sim-name").setAttribute("aria-invalid", "true"); $("sim-name").focus(); return; }
    msg.textContent = ""; $("sim-name").removeAttribute("aria-invalid");
    fetch("/api/definitions/" + encodeURIComponent(definitionId) + "/scenarios", {
      method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" }, credentials: "same-origin",
      body: JSON.stringify({ name: name, scenario: s })
    }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (res) {
      if (!res.ok) { msg.textContent = problemText(res.body); return; }
      var li = document.createElement("li");
      li.innerHTML = "<strong>" + esc(name) + '</strong> <button type="button" data-scenario="load">' + esc(t("sim.load")) + " " + esc(name) + '</button> <button type="button" data-scenario="run">' +
        esc(t("sim.rerun")) + " " + esc(name) + '</button><script type="application/json">' + JSON.stringify(s).replace(/</g, "\\u003c") + "</script>";
      $("saved-scenarios").appendChild(li);
      say(t("sim.saved").replace("{0}", name));
    });
  }

  // ---- what designer-editing.js (palette, ports, undo/redo, keyboard, zoom) works through ----
  window.DesignerEditor = {
    cy: cy, editable: editable, texts: texts, t: t,
    doc: function () { return doc; },
    docText: docText,
    /** Replaces the whole document (an undo or a redo) and shows it, keeping the selection when the step still exists. */
    setDoc: function (next) {
      doc = next;
      jsonText.value = docText();
      if (selectedKey && stepIndex(selectedKey) < 0) selectedKey = null;
      working = selectedKey ? JSON.parse(JSON.stringify(doc.steps[stepIndex(selectedKey)])) : null;
      changed(false);
      renderPanel({});
    },
    /** After an edit made on doc directly: refresh the panel's copy of the selected step, then everything else. */
    edited: function () {
      var i = stepIndex(selectedKey);
      if (i >= 0) working = JSON.parse(JSON.stringify(doc.steps[i]));
      changed(false);
      renderPanel({});
    },
    selected: function () { return selectedKey; },
    select: select, removeStep: removeStep, defaults: defaults, stepIndex: stepIndex, say: say,
    on: function (kind, f) { listeners[kind].push(f); }
  };

  // ---- start ----
  if (simKind && !$("sim-award").value && doc.appliesTo && doc.appliesTo.awardForms) $("sim-award").value = doc.appliesTo.awardForms[0] || "";
  refreshStepPicker();
  renderPanel({});
  validate();
  updatePublishState();
})();
