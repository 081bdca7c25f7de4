// Comparisons of chosen counties. Without JavaScript every comparison page shows all counties
// and the pre-rendered pair pages compare two; this script adds two things:
// - on /comparatii/, a form to choose two or more counties: two lead to their pair page, more to
//   /comparatii/?judete=a,b,c;
// - on every page whose columns are marked `data-county`, `?judete=a,b,c` keeps only those
//   counties' columns, says so in a visible notice with a link back to all counties, and carries
//   the choice on to the linked comparison pages (`data-keep-counties`), so the view can be cited.
(function () {
  "use strict";

  function chosenInUrl() {
    var value = new URLSearchParams(window.location.search).get("judete");
    return value ? value.split(",").filter(Boolean) : [];
  }

  function withCounties(href, counties) {
    var url = new URL(href, window.location.href);
    url.searchParams.set("judete", counties.join(","));
    return url.pathname + url.search.replace(/%2C/g, ",") + url.hash;
  }

  // Hides every column of a county not in `keep`: marked blocks, and table columns by the index
  // of their marked header cell.
  function hideOthers(keep) {
    document.querySelectorAll("[data-county]").forEach(function (el) {
      if (el.tagName !== "TH") el.hidden = keep.indexOf(el.getAttribute("data-county")) < 0;
    });
    document.querySelectorAll("table").forEach(function (table) {
      var header = table.tHead && table.tHead.rows[0];
      if (!header) return;
      var hidden = [];
      Array.prototype.forEach.call(header.cells, function (cell, i) {
        var county = cell.getAttribute("data-county");
        if (county && keep.indexOf(county) < 0) hidden.push(i);
      });
      Array.prototype.forEach.call(table.rows, function (row) {
        hidden.forEach(function (i) { if (row.cells[i]) row.cells[i].hidden = true; });
      });
    });
  }

  function showNotice(keep, names) {
    var main = document.querySelector("main");
    var h1 = main && main.querySelector("h1");
    if (!h1) return;
    var note = document.createElement("p");
    note.className = "filter-note";
    note.setAttribute("role", "status");
    note.textContent = "Sunt afișate doar județele alese: " + keep.map(function (s) { return names[s]; }).join(", ") + ". ";
    var all = document.createElement("a");
    all.href = window.location.pathname;
    all.textContent = "Arată toate județele";
    note.appendChild(all);
    h1.insertAdjacentElement("afterend", note);
  }

  function filterColumns() {
    var names = {};
    document.querySelectorAll("[data-county]").forEach(function (el) {
      // The county's name is its link (or the cell's text in a table header).
      var name = (el.querySelector("a") || el).textContent.trim();
      names[el.getAttribute("data-county")] = names[el.getAttribute("data-county")] || name;
    });
    var keep = chosenInUrl().filter(function (s) { return s in names; });
    if (keep.length === 0) return;
    hideOthers(keep);
    showNotice(keep, names);
    document.querySelectorAll("a[data-keep-counties]").forEach(function (a) {
      a.setAttribute("href", withCounties(a.getAttribute("href"), keep));
    });
  }

  function pickForm() {
    var form = document.getElementById("pick");
    if (!form) return;
    var boxes = form.querySelectorAll("input[name=judete]");
    var order = Array.prototype.map.call(boxes, function (b) { return b.value; });
    var inUrl = chosenInUrl();
    boxes.forEach(function (b) { b.checked = inUrl.indexOf(b.value) >= 0; });
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = order.filter(function (slug, i) { return boxes[i].checked; });
      if (chosen.length < 2) {
        document.getElementById("pick-status").textContent = "Alegeți cel puțin două județe.";
        return;
      }
      // The addresses come from the page (src/urls.rs): the comparisons' index, and the pair
      // page's with `{a}` and `{b}` for the two slugs.
      var base = form.getAttribute("data-base");
      var pair = form.getAttribute("data-pair");
      window.location.href = chosen.length === 2 ? pair.replace("{a}", chosen[0]).replace("{b}", chosen[1]) : withCounties(base, chosen);
    });
  }

  pickForm();
  filterColumns();
})();
