// Plan pages fold their overview, their contents and each objective's activities in <details>. An address that points inside a
// folded part (a citation such as …/#a-1-1-1) opens it and scrolls to the target; printing
// opens every folded part, so that the whole plan prints on one page, and closes them again
// afterwards. Without this script the browser's own fragment search and the objective pages
// keep every activity reachable.
(function () {
  "use strict";
  function reveal() {
    var id = location.hash.slice(1);
    if (!id) return;
    try { id = decodeURIComponent(id); } catch (e) { return; }
    var target = document.getElementById(id);
    if (!target) return;
    var opened = false;
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      if (!d.open) { d.open = true; opened = true; }
    }
    if (opened) target.scrollIntoView();
  }
  // On a wide screen the overview and the contents have room: open what the page folds for
  // phones (marked data-open-wide).
  if (window.matchMedia("(min-width: 48rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (d) { d.open = true; });
  }
  reveal();
  window.addEventListener("hashchange", reveal);
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      openedForPrint.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
})();
