// The diff page: both versions drawn side by side, steps added (green), removed (red) and changed (yellow).
(function () {
  "use strict";
  var before = document.getElementById("diff-before"), after = document.getElementById("diff-after");
  if (!before || !after || !window.cytoscape || !window.DesignerGraph) return;
  var G = window.DesignerGraph;
  var changes = JSON.parse(document.getElementById("diff-changes").textContent);
  var left = G.create(document.getElementById("diagram-before"), JSON.parse(before.textContent), {});
  var right = G.create(document.getElementById("diagram-after"), JSON.parse(after.textContent), {});
  window.diffCy = { before: left, after: right };
  var marked = { before: {}, after: {} };
  changes.forEach(function (c) {
    if (!c.stepKey) return;
    if (c.kind === "StepAdded") { right.getElementById(c.stepKey).addClass("added"); marked.after[c.stepKey] = "added"; }
    else if (c.kind === "StepRemoved") { left.getElementById(c.stepKey).addClass("removed"); marked.before[c.stepKey] = "removed"; }
    else if (c.kind === "StepRenamed") {
      // The same step under its old key on the left and its new key on the right.
      left.getElementById(c.before).addClass("changed"); right.getElementById(c.stepKey).addClass("changed");
      marked.before[c.before] = "renamed"; marked.after[c.stepKey] = "renamed";
    }
    else if (c.kind === "StepChanged" || c.kind === "TransitionChanged") {
      left.getElementById(c.stepKey).addClass("changed"); right.getElementById(c.stepKey).addClass("changed");
      marked.before[c.stepKey] = marked.before[c.stepKey] || "changed"; marked.after[c.stepKey] = marked.after[c.stepKey] || "changed";
    }
  });
  function describe(side) {
    return Object.keys(marked[side]).map(function (k) { return k + ":" + marked[side][k]; }).join(" ");
  }
  document.getElementById("diagram-before").setAttribute("data-marked", describe("before"));
  document.getElementById("diagram-after").setAttribute("data-marked", describe("after"));
})();
