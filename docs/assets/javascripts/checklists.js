// Onboarding checklists (docs/start/): each ticked step is remembered in this browser's
// localStorage, so progress survives a reload, in the hosted handbook and from file:// alike.
// Nothing is sent anywhere. A list opts in with <div class="hb-checklist" data-checklist="NAME">;
// a step is named by its bold title, so reordering steps keeps their ticks.
"use strict";

(function () {
  function storage() {
    try {
      const probe = "hb-checklist-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch {
      return null; // storage disabled (privacy settings): the boxes still tick, but are not remembered
    }
  }

  const store = storage();

  function handbookName() {
    const meta = document.querySelector('meta[name="hb-handbook"]');
    return meta ? meta.content : "handbook";
  }

  // The progress line in the page's language: overrides/main.html writes it from handbook/words.py.
  function word(name, fallback) {
    const meta = document.querySelector(`meta[name="${name}"]`);
    return meta ? meta.content : fallback;
  }

  function progress(list, boxes) {
    let status = list.querySelector(".hb-checklist__progress");
    if (status === null) {
      status = document.createElement("p");
      status.className = "hb-checklist__progress";
      status.setAttribute("aria-live", "polite");
      list.append(status);
    }
    const done = boxes.filter((box) => box.checked).length;
    const said = word("hb-steps-done", "{done} of {total} steps done");
    const line = said.replace("{done}", String(done)).replace("{total}", String(boxes.length));
    status.textContent = line + (store === null ? word("hb-steps-not-remembered", "") : "");
  }

  function setUp() {
    for (const list of document.querySelectorAll(".hb-checklist[data-checklist]")) {
      const boxes = [...list.querySelectorAll("li.task-list-item > .task-list-control > input[type=checkbox]")];
      for (const box of boxes) {
        const item = box.closest("li");
        const title = item.querySelector("strong");
        const step = (title ? title.textContent : item.textContent).trim();
        const key = `${handbookName()}:checklist:${list.dataset.checklist}:${step}`;
        box.disabled = false;
        box.setAttribute("aria-label", step);
        box.checked = store !== null && store.getItem(key) === "done";
        box.addEventListener("change", () => {
          if (store !== null) {
            if (box.checked) store.setItem(key, "done");
            else store.removeItem(key);
          }
          progress(list, boxes);
        });
      }
      progress(list, boxes);
    }
  }

  // With instant navigation Material swaps pages without reloading scripts and announces each
  // new page on document$; without it (file://, offline bundle) this runs once per page load.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(setUp);
  else setUp();
})();
