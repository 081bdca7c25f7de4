// The "Copiază" buttons of citation blocks ([data-cite]). Without this script the citations are
// plain selectable text ending in "[data accesării]"; with it, each format gets a button that copies
// it with that placeholder replaced by today's date on the reader's clock (the build never reads
// one), and says "Copiat" in the block's live region. Where the clipboard API is refused (an
// insecure origin, a headless browser), the text is put in a selected textarea to copy by hand.
(function () {
  "use strict";
  var PLACEHOLDER = "[data accesării]";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // BibTeX wants ISO dates (urldate); the Romanian text prints day.month.year.
  function today(format) {
    var d = new Date();
    var y = d.getFullYear(), m = pad(d.getMonth() + 1), day = pad(d.getDate());
    return format === "bibtex" ? y + "-" + m + "-" + day : day + "." + m + "." + y;
  }

  function dated(el) {
    var format = el.getAttribute("data-cite-format");
    return el.textContent.split(PLACEHOLDER).join(today(format));
  }

  function fallback(button, text) {
    var area = document.createElement("textarea");
    area.className = "cite-fallback";
    area.readOnly = true;
    area.value = text;
    area.setAttribute("aria-label", "Citarea, de copiat");
    button.insertAdjacentElement("afterend", area);
    area.select();
  }

  function copy(button, el, status) {
    var text = dated(el);
    var done = function () { status.textContent = "Copiat"; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () {
        fallback(button, text);
        status.textContent = "Selectat: apăsați Ctrl+C pentru a copia";
      });
    } else {
      fallback(button, text);
      status.textContent = "Selectat: apăsați Ctrl+C pentru a copia";
    }
  }

  var names = { text: "textul", csl: "CSL-JSON", bibtex: "BibTeX" };
  var formats = document.querySelectorAll("[data-cite-format]");
  Array.prototype.forEach.call(formats, function (el) {
    var block = el.parentNode.closest(".cite-activity, [data-cite]");
    var status = block && block.querySelector(".cite-status");
    if (!status) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy";
    button.textContent = "Copiază " + names[el.getAttribute("data-cite-format")];
    button.addEventListener("click", function () { copy(button, el, status); });
    el.insertAdjacentElement("afterend", button);
  });
})();
