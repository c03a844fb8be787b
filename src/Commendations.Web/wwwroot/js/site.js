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

  // A button that ends something (reject, withdraw, revoke, retire) asks first; capturing runs before htmx or the submit.
  document.addEventListener("submit", function (e) {
    var button = e.submitter;
    var message = button && button.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  // Print button on the decision page.
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-print]")) window.print();
  });

  // A chosen file is checked before it is sent: the size limit and accepted types come from the page (the server's own
  // limits), so a file over the limit is refused next to its field at once instead of after a long upload.
  function checkFile(input) {
    var file = input.files && input.files[0];
    var message = "";
    if (file) {
      var extension = (file.name.lastIndexOf(".") >= 0 ? file.name.slice(file.name.lastIndexOf(".")) : "").toLowerCase();
      var accepted = (input.getAttribute("accept") || "").split(",");
      if (file.size > Number(input.getAttribute("data-max-bytes"))) {
        message = input.getAttribute("data-too-large").replace("{size}", (Math.round(file.size / 104857.6) / 10).toLocaleString("vi-VN"));
      } else if (accepted.length && accepted.indexOf(extension) < 0) {
        message = input.getAttribute("data-wrong-type");
      }
    }
    input.setCustomValidity(message);
    var error = document.getElementById(input.getAttribute("aria-describedby"));
    if (error) error.textContent = message;
    return message === "";
  }
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("input[type=file][data-max-bytes]")) checkFile(e.target);
  });
  document.addEventListener("htmx:beforeRequest", function (e) {
    var input = e.target.querySelector && e.target.querySelector("input[type=file][data-max-bytes]");
    if (input && !checkFile(input)) e.preventDefault();
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
