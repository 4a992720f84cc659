// GOV.UK error summary: move focus to the summary on load; a link in it focuses its field
// (and scrolls the field's label into view, so the question is read with it).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-focus]");
    if (!link) return;
    var input = document.getElementById(link.getAttribute("data-focus"));
    if (!input) return;
    event.preventDefault();
    var label = document.querySelector("label[for='" + input.id + "']");
    (label || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
