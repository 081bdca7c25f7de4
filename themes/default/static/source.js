// Source pages: a range of lines in the address (#L32-L34, as a note's "rândurile 32–34"
// links it) highlights every line of the range and scrolls to its first. One line (#L51) needs
// no script: CSS :target highlights it. Without this script a range cited by a note still lands
// on its first line (the page gives the range's id to an element of that line); any other
// range lands at the top of the page, every line still numbered.
(function () {
  "use strict";
  function highlight() {
    document.querySelectorAll(".source-lines .in-range").forEach(function (li) {
      li.classList.remove("in-range");
    });
    var match = /^#L(\d+)-L(\d+)$/.exec(location.hash);
    if (!match) return;
    var from = Number(match[1]), to = Number(match[2]);
    var first = null;
    for (var n = from; n <= to; n++) {
      var line = document.getElementById("L" + n);
      if (!line) continue;
      line.classList.add("in-range");
      if (!first) first = line;
    }
    if (first) first.scrollIntoView();
  }
  highlight();
  window.addEventListener("hashchange", highlight);
})();
