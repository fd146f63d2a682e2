// Runs inside Chromium on the print page: pulls every nav page's article into one document.
// Ids get a per-chapter prefix so anchors stay unique; links to nav pages become in-document
// links (the PDF keeps them as internal links), other site files point at the hosted site.
// Each chapter keeps its "Reviewed … by …" and last-changed line; edit buttons stay online.
async ({ pages, siteUrl }) => {
  const origin = location.origin;
  const chapterOf = new Map(pages.map((p) => [new URL(p.url, location.href).pathname, p.slug]));
  const chapters = document.getElementById("hb-chapters");

  const localTarget = (url) => {
    const slug = chapterOf.get(url.pathname) ?? chapterOf.get(url.pathname.replace(/index\.html$/, ""));
    if (slug === undefined) return null;
    const anchor = decodeURIComponent(url.hash.slice(1));
    return anchor ? `#${slug}--${anchor}` : `#${slug}`;
  };

  for (const page of pages) {
    const pageUrl = new URL(page.url, location.href);
    const response = await fetch(pageUrl);
    if (!response.ok) throw new Error(`${pageUrl}: HTTP ${response.status}`);
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    const article = doc.querySelector("article.md-content__inner");
    if (article === null) throw new Error(`${pageUrl}: no article.md-content__inner`);

    article.querySelectorAll("script, .headerlink, .md-content__button, .md-source-file:not(.hb-page-facts)").forEach((el) => el.remove());
    article.querySelectorAll("details").forEach((el) => el.setAttribute("open", ""));
    article.querySelectorAll(".tabbed-set").forEach((set) => {
      const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")].map((l) => l.textContent.trim());
      set.querySelectorAll(":scope > .tabbed-content > .tabbed-block").forEach((block, i) => {
        const label = doc.createElement("p");
        label.className = "hb-print-tab";
        label.textContent = labels[i] ?? `Tab ${i + 1}`;
        block.prepend(label);
      });
    });
    article.querySelectorAll("[id]").forEach((el) => { el.id = `${page.slug}--${el.id}`; });
    article.querySelectorAll("img[src]").forEach((img) => { img.src = new URL(img.getAttribute("src"), pageUrl).href; });
    article.querySelectorAll("a[href]").forEach((a) => {
      const url = new URL(a.getAttribute("href"), pageUrl);
      if (url.origin !== origin) return; // external: kept as is
      if (url.pathname === pageUrl.pathname && url.hash) {
        a.setAttribute("href", `#${page.slug}--${decodeURIComponent(url.hash.slice(1))}`);
        return;
      }
      const target = localTarget(url);
      if (target !== null) a.setAttribute("href", target);
      else if (siteUrl) a.setAttribute("href", new URL(url.pathname.slice(1) + url.hash, siteUrl).href);
      else a.replaceWith(...a.childNodes); // a site file with nowhere to point: keep the text
    });

    const section = document.createElement("section");
    section.className = "hb-chapter";
    section.id = page.slug;
    section.append(...article.childNodes);
    chapters.append(section);
  }
  await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  await document.fonts.ready;
};
