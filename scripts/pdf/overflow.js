// Runs inside Chromium on the print page at the paper's content width: every code block, table
// or image wider than the text column would be cut off on paper. Returns one line per offender.
() => {
  const column = document.querySelector(".md-typeset") ?? document.body;
  const limit = column.getBoundingClientRect().right + 1;
  const offenders = [];
  for (const el of document.querySelectorAll(".md-typeset pre, .md-typeset table, .md-typeset img, .md-typeset svg")) {
    const box = el.getBoundingClientRect();
    if (box.right > limit || el.scrollWidth > el.clientWidth + 1) {
      const chapter = el.closest(".hb-chapter")?.id ?? "print page";
      offenders.push(`${chapter}: <${el.tagName.toLowerCase()}> ${Math.round(box.width)}px wide ` +
        `(${el.scrollWidth}px content) in a ${Math.round(column.clientWidth)}px column: ` +
        JSON.stringify(el.textContent.trim().slice(0, 60)));
    }
  }
  return offenders;
};
