// Comparison picker: the list of pair pages works without JavaScript; this shows a form that
// goes straight to the page of the two chosen counties.
(function () {
  "use strict";
  var form = document.getElementById("pick");
  if (!form) return;
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var a = document.getElementById("pick-a").value;
    var b = document.getElementById("pick-b").value;
    if (a === b) return;
    var options = Array.prototype.map.call(document.getElementById("pick-a").options, function (o) { return o.value; });
    var pair = options.indexOf(a) < options.indexOf(b) ? a + "-si-" + b : b + "-si-" + a;
    window.location.href = form.getAttribute("data-base") + pair + "/";
  });
})();
