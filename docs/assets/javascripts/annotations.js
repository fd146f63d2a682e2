// Material 9.8.1 draws each code annotation's number with CSS, so its link has no accessible name
// (axe-core: link-name, serious). Name each one after the note it opens.
"use strict";

(function () {
  function nameAnnotations() {
    for (const link of document.querySelectorAll("a.md-annotation__index:not([aria-label])")) {
      const number = link.querySelector("[data-md-annotation-id]");
      link.setAttribute("aria-label", `Code annotation ${number ? number.dataset.mdAnnotationId : ""}`.trim());
    }
  }
  if (typeof window.document$ !== "undefined") window.document$.subscribe(() => setTimeout(nameAnnotations));
  else nameAnnotations();
})();
