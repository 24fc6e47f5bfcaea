/* Pustaka Polmas: the guideline's "Saya sebagai …" filter, and keyboard access to wide tables.
   Plain script with no library, so it works from file:// and offline; without it the page shows every step. */
(function () {
  "use strict";

  function actorFilter() {
    var box = document.querySelector(".polmas-actors");
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "1");
    var steps = document.querySelectorAll(".polmas-step");
    var none = document.querySelector(".polmas-actors__none");
    box.hidden = false;
    box.addEventListener("change", function (event) {
      var chosen = event.target.value;
      var shown = 0;
      Array.prototype.forEach.call(steps, function (step) {
        var match = !chosen || (" " + step.getAttribute("data-actors") + " ").indexOf(" " + chosen + " ") >= 0;
        step.hidden = !match;
        if (match) shown += 1;
      });
      if (none) none.hidden = shown > 0;
    });
  }

  /* The theme wraps wide tables in a scrolling box; a keyboard user must be able to reach it to scroll. */
  function scrollRegions() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])");
    Array.prototype.forEach.call(boxes, function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Tabel (geser ke samping bila terpotong)");
    });
  }

  function apply() {
    actorFilter();
    scrollRegions();
  }

  // The theme builds parts of the page after load (tables, search): look again whenever the page changes.
  new MutationObserver(apply).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
  else apply();
})();
