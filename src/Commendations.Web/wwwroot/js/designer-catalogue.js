// What the designer's step panel is built from, fetched once: the engine's step-type catalogue (properties, kinds,
// enum values, ranges, outcomes, meanings — the rules the validator applies) and the organisation's pickers
// (committees, roles, scopes, users, award forms by name). The panel holds no per-type rule of its own.
(function () {
  "use strict";
  function get(url) {
    return fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }

  var C = { types: [], organisation: { committees: [], roles: [], scopes: [], users: [], awardForms: [] } };
  C.ready = Promise.all([get("/api/definitions/step-types"), get("/api/definitions/organisation")])
    .then(function (answers) { C.types = answers[0]; C.organisation = answers[1]; return C; });

  /** The catalogue entry of a step type, or null. */
  C.type = function (key) { return C.types.find(function (t) { return t.key === key; }) || null; };

  /** [value, name] pairs a picker of this kind offers; the stored value is the code, the name is what people read. */
  C.choices = function (property) {
    var o = C.organisation;
    switch (property.kind) {
      case "enum": return (property.values || []).map(function (v) { return [v.value, v.name]; });
      case "committee": return o.committees.map(function (c) { return [c.code, c.name]; });
      case "role": return o.roles.map(function (r) { return [r.value, r.name]; });
      case "scope": return o.scopes.map(function (s) { return [s.value, s.name]; });
      case "awardForm": return o.awardForms.map(function (f) { return [f.value, f.name]; });
      case "user": return o.users.map(function (u) { return [u.id, u.unit ? u.fullName + " – " + u.unit : u.fullName]; });
      default: return null;
    }
  };

  /** A value at a dotted JSON path ("assignee.role") of an object. */
  C.read = function (obj, path) {
    return path.split(".").reduce(function (o, part) { return o == null ? undefined : o[part]; }, obj);
  };
  C.write = function (obj, path, value) {
    var parts = path.split("."), o = obj, chain = [obj];
    if (value === undefined) {
      for (var j = 0; j < parts.length - 1 && o; j++) chain.push(o = o[parts[j]]);
      if (!o || typeof o !== "object") return;
      delete o[parts[parts.length - 1]];
      // An optional object left empty (a decision step's "signing" without its choices) is left out, not written as {}.
      for (var k = chain.length - 1; k > 0 && Object.keys(chain[k]).length === 0; k--) delete chain[k - 1][parts[k - 1]];
      return;
    }
    for (var i = 0; i < parts.length - 1; i++) o = o[parts[i]] = o[parts[i]] && typeof o[parts[i]] === "object" ? o[parts[i]] : {};
    o[parts[parts.length - 1]] = value;
  };

  /**
   * The panel field id of a property: "sp-" and the last segment of its path ("assignee.role" → "sp-role"); a deeper
   * path keeps every segment ("signing.seal.role" → "sp-signing-seal-role"), so it cannot collide with the assignee's.
   */
  C.fieldId = function (path) {
    var parts = path.split(".");
    return "sp-" + (parts.length > 2 ? parts.join("-") : parts.pop()).toLowerCase();
  };

  /**
   * A new step of a type: every required property with its starting value (the catalogue's default number, an enum's
   * first value, an empty pick), required outcomes unwired, and the given starting rows of list editors.
   */
  C.newStep = function (typeKey, key, lists) {
    var type = C.type(typeKey) || C.type("end");
    var step = { type: type.key, key: key };
    type.properties.forEach(function (p) {
      if (p.path === "key" || p.kind === "meaning" || p.kind === "localizedText") return;
      if (p.kind === "enum") { C.write(step, p.path, p.values[0].value); return; }
      if (p.kind === "number") { if (p.default != null) C.write(step, p.path, p.default); else if (p.required) C.write(step, p.path, p.min); return; }
      if (!p.required) return;
      if (p.kind === "duration") C.write(step, p.path, { workingDays: 5 });
      else if (p.kind === "list") { if (lists && lists[p.path]) C.write(step, p.path, lists[p.path]()); }
      else if (p.kind !== "boolean") C.write(step, p.path, "");
    });
    if (type.outcomes.length > 0) {
      step.transitions = {};
      type.outcomes.forEach(function (o, i) { if (o.required || (type.anyOutcome && i === 0)) step.transitions[o.name] = ""; });
    }
    return step;
  };

  window.DesignerCatalogue = C;
})();
