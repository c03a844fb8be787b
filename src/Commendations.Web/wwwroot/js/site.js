// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // The nomination form shows the fields of the chosen kind of nominee.
  function syncKind(form) {
    var checked = form.querySelector("input[data-kind-switch]:checked");
    if (!checked) return;
    form.querySelectorAll("fieldset[data-kinds]").forEach(function (fs) {
      fs.hidden = fs.getAttribute("data-kinds").split(" ").indexOf(checked.value) < 0;
    });
  }
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("input[data-kind-switch]")) syncKind(e.target.form);
  });

  // Print button on the decision page.
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-print]")) window.print();
  });

  // Upload progress (htmx reports XHR progress on the form).
  document.addEventListener("htmx:xhr:progress", function (e) {
    var form = e.target.closest && e.target.closest("form.upload");
    if (!form || !e.detail.lengthComputable) return;
    var bar = form.querySelector(".upload-progress");
    if (!bar) return;
    bar.hidden = false;
    bar.value = Math.round((e.detail.loaded / e.detail.total) * 100);
  });
})();
