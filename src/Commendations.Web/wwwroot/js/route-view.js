// The nomination's route page: its definition drawn, the steps passed greyed and the current one highlighted.
(function () {
  "use strict";
  var doc = document.getElementById("route-definition"), box = document.getElementById("route-diagram");
  if (!doc || !box || !window.cytoscape || !window.DesignerGraph) return;
  var G = window.DesignerGraph;
  var facts = JSON.parse(document.getElementById("route-facts").textContent);
  G.setOutcomeNames(facts.outcomeNames);
  var cy = G.create(box, JSON.parse(doc.textContent), { plain: true });
  facts.passed.forEach(function (key) { cy.getElementById(key).addClass("passed"); });
  if (facts.current) cy.getElementById(facts.current).removeClass("passed").addClass("current");
  // What the diagram shows, for assistive technology and tests: the current step's name.
  box.setAttribute("data-current", facts.current ? G.stepName(JSON.parse(doc.textContent).steps.find(function (s) { return s.key === facts.current; })) : "");
})();
