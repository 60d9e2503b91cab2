// quoth: clicking a highlighted passage shows its details panel and marks every piece of that attribution.
// The page works without this file too: highlights are links to the panels, shown by CSS :target.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function show(id) {
    var details = document.getElementById("details");
    if (!details) return;
    details.querySelectorAll(".detail.active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll(".hl.active").forEach(function (el) { el.classList.remove("active"); });
    var panel = document.getElementById("att-" + id);
    if (!panel) return;
    panel.classList.add("active");
    details.classList.add("has-active");
    document.querySelectorAll(".hl[data-att]").forEach(function (el) {
      if (el.dataset.att.split(" ").indexOf(id) >= 0) el.classList.add("active");
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.hl[data-lead], a[data-show]");
    if (!link) return;
    event.preventDefault();
    var id = link.dataset.show || link.dataset.lead;
    show(id);
    if (history.replaceState) history.replaceState(null, "", "#att-" + id);
    if (window.matchMedia("(max-width: 900px)").matches) {
      document.getElementById("details").scrollIntoView({ behavior: "smooth" });
    } else if (link.closest(".index")) {
      // Chosen from the list beside the text: bring its passage into view; the details panel stays where it is.
      var passage = document.querySelector('.hl[data-lead="' + CSS.escape(id) + '"]');
      if (passage) passage.scrollIntoView({ behavior: "smooth", block: "center" });
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var match = /^#att-(.+)$/.exec(location.hash);
    if (match) show(decodeURIComponent(match[1]));
  });
})();
