// Plan pages fold their overview, their contents and each objective's activities in <details>.
// An address that points inside a folded part (a citation such as …/#a-1-1-1) opens it and
// scrolls to the target; printing opens every folded part, so that the whole plan prints on
// one page, and closes them again afterwards. The filter links lead to pre-built pages; here a
// click on one filters the activity cards in place instead. Without this script the browser's
// own fragment search, the objective pages and the filter pages keep every activity reachable.
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
  filters();

  // "1 activitate", "5 activități", "20 de activități": as the `numar` template filter says it.
  function activities(n) {
    if (n === 1) return "1 activitate";
    if (n >= 20 && (n % 100 === 0 || n % 100 >= 20)) return n + " de activități";
    return n + " activități";
  }

  function filters() {
    var panel = document.querySelector(".plan-filters");
    var body = document.getElementById("obiective");
    if (!panel || !body) return;
    var box = document.querySelector(".filter-status");
    var count = box.querySelector(".filter-count");
    var reset = box.querySelector(".filter-reset");
    var openedByFilter = [];

    function closeOpened() {
      openedByFilter.forEach(function (d) { d.open = false; });
      openedByFilter = [];
    }
    // Shows the activities whose anchors are in `wanted` (all of them when it is null), the
    // objectives, goals and sections that hold one, and opens the folded objectives shown.
    function show(wanted) {
      closeOpened();
      body.querySelectorAll("article.activity").forEach(function (a) {
        a.hidden = wanted !== null && !wanted.has(a.id);
      });
      body.querySelectorAll("section.objective").forEach(function (o) {
        var any = o.querySelector("article.activity:not([hidden])") !== null;
        o.hidden = wanted !== null && !any;
        var folded = o.querySelector("details.activities");
        if (wanted !== null && any && folded && !folded.open) {
          folded.open = true;
          openedByFilter.push(folded);
        }
      });
      body.querySelectorAll("section.goal, section.group").forEach(function (s) {
        s.hidden = wanted !== null && s.querySelector("section.objective:not([hidden])") === null;
      });
    }
    function choose(link) {
      var wanted = new Set(link.getAttribute("data-anchors").split(" "));
      show(wanted);
      panel.querySelectorAll("a[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
      link.setAttribute("aria-current", "true");
      var label = link.firstChild ? link.firstChild.textContent.trim() : "";
      count.textContent = activities(wanted.size) + " — " + link.getAttribute("data-filter") + ": " + label;
      reset.hidden = false;
      panel.open = false;
      box.focus();
      box.scrollIntoView();
    }
    panel.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-anchors]");
      // A click meant for a new tab or window goes to the pre-built page.
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      choose(link);
    });
    reset.addEventListener("click", function () {
      show(null);
      panel.querySelectorAll("a[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
      count.textContent = "Toate activitățile sunt afișate.";
      reset.hidden = true;
      panel.querySelector("summary").focus();
    });
  }
})();
