// Material 9.8.1's "share this search" button copies the link as it was one keystroke earlier: on
// each query it sets data-clipboard-text to the old href, then updates href. Before the copy
// handler (a bubbling listener on the document) reads it, put the current link in. Remove this
// file once Material copies the current href itself (tests/outputs/test_reader_features.py).
"use strict";

document.addEventListener(
  "click",
  (event) => {
    const share = event.target instanceof Element ? event.target.closest("[data-md-component=search-share]") : null;
    if (share !== null) share.setAttribute("data-clipboard-text", share.href);
  },
  true,
);
