// The language switcher in the header links each language to the page being read
// (overrides/partials/alternate.html). Instant navigation swaps the page but not the header, so after
// each swap the links are taken from the new page's <meta name="hb-alternate-LANG"> (relative URLs).
"use strict";

(function () {
  function follow() {
    for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
      const meta = document.querySelector(`meta[name="hb-alternate-${link.hreflang}"]`);
      if (meta !== null) link.href = new URL(meta.content, window.location.href).href;
    }
  }

  if (typeof window.document$ !== "undefined") window.document$.subscribe(follow);
  else follow();
})();
