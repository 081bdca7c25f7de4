// Layout on a 360 px phone and a 1280 px desktop (issue 17, "How it is checked"): one page of
// every page kind (PAGE_KINDS in site.mjs, checked against the sitemap) and every plan page.
// - the page itself never scrolls sideways (a wide table may scroll inside its own region);
// - no word in a table cell is broken across lines (breaking after a hyphen or slash is allowed:
//   "Caraș-/Severin" is how a printed page breaks it, "Cara/ș-/Seve/rin" is not);
// - on every plan page, the first objective's title starts within the first two screens at
//   360×740 (its heading inside a `.objective`; when that heading is folded inside a closed
//   `<details>`, the position of that disclosure's summary);
// - permalink targets (`a.self`, the "#" after a title) are at least 24×24 px (WCAG 2.5.8).
// Each failure is listed with its figure, so a failing run says by how much a page misses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, onlyLocal, pagesOfEveryKind, planPages, open } from "./site.mjs";

const VIEWPORTS = { 360: { width: 360, height: 740 }, 1280: { width: 1280, height: 900 } };
const MIN_TARGET = 24;

let server, browser;
/** For each width, [label, path, metrics] of every page visited. */
const visited = [];
const leaks = [];

/** What the page measures of itself: runs in the browser. */
function measure() {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const scrollWidth = document.documentElement.scrollWidth;

  // Words of table cells whose pieces lie on more than one line. A piece ends at white space or
  // after a hyphen, dash or slash, where a line may break without breaking the word.
  const brokenWords = [];
  for (const cell of document.querySelectorAll("td, th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("td, th") !== cell) continue; // counted in its own cell
      for (const m of node.data.matchAll(/[^\s\-‐–—/]+[-‐–—/]*/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (rects.some((r) => Math.abs(r.top - rects[0].top) > rects[0].height / 2)) {
          const lines = new Set(rects.map((r) => Math.round(r.top))).size;
          brokenWords.push(`"${m[0]}" on ${lines} lines (cell ${Math.round(cell.getBoundingClientRect().width)} px wide)`);
        }
      }
    }
  }

  // Permalink targets that are shown.
  const smallTargets = [];
  let targets = 0;
  for (const link of document.querySelectorAll("a.self")) {
    const r = link.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // not rendered (folded away)
    targets++;
    if (r.width < 24 || r.height < 24) smallTargets.push(`${Math.round(r.width * 10) / 10}×${Math.round(r.height * 10) / 10}`);
  }

  // The first objective's title, where it starts on the page.
  let firstObjective = null;
  const heading = document.querySelector("main .objective :is(h2, h3, h4, h5, h6)");
  if (heading) {
    let shown = heading;
    const closed = heading.closest("details:not([open])");
    if (heading.getClientRects().length === 0 && closed) shown = closed.querySelector("summary") || closed;
    firstObjective = {
      y: Math.round(shown.getBoundingClientRect().top + window.scrollY),
      text: heading.textContent.trim().replace(/\s+/g, " ").slice(0, 60),
    };
  }

  return {
    viewport,
    scrollWidth,
    height: document.documentElement.scrollHeight,
    brokenWords,
    targets,
    smallTargets,
    firstObjective,
  };
}

before(async () => {
  server = await serve();
  browser = await launch();
  const kinds = await pagesOfEveryKind();
  const known = new Set(kinds.map(([, path]) => path));
  const plans = (await planPages()).filter((path) => !known.has(path)).map((path) => ["Plan", path]);
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ viewport });
    for (const [label, path] of [...kinds, ...plans]) {
      const page = await context.newPage();
      await onlyLocal(page, leaks);
      await open(page, server.url + path);
      visited.push({ width: Number(width), label, path, metrics: await page.evaluate(measure) });
      await page.close();
    }
    await context.close();
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("no page scrolls sideways at 360 and 1280 px", () => {
  const failures = visited
    .filter(({ metrics }) => metrics.scrollWidth > metrics.viewport.width)
    .map(({ width, path, metrics }) => `${width} px ${path}: ${metrics.scrollWidth} px wide, ${metrics.scrollWidth - metrics.viewport.width} px too wide`);
  assert.deepEqual(failures, []);
});

test("no word in a table cell is broken across lines at 360 and 1280 px", () => {
  const failures = visited
    .filter(({ metrics }) => metrics.brokenWords.length > 0)
    .map(({ width, path, metrics }) => `${width} px ${path}: ${metrics.brokenWords.length} words broken, e.g. ${metrics.brokenWords.slice(0, 3).join("; ")}`);
  assert.deepEqual(failures, []);
});

test("every plan page shows its first objective's title within two screens at 360×740", () => {
  const plans = visited.filter(({ width, label }) => width === 360 && label === "Plan");
  assert.ok(plans.length >= 4, `only ${plans.length} plan pages found`);
  const limit = 2 * VIEWPORTS[360].height;
  const failures = [];
  for (const { path, metrics } of plans) {
    const screens = (y) => (y / VIEWPORTS[360].height).toFixed(1);
    console.log(`360 px ${path}: ${metrics.height} px tall (${screens(metrics.height)} screens), first objective at y=${metrics.firstObjective?.y} (${screens(metrics.firstObjective?.y)} screens)`);
    if (!metrics.firstObjective) failures.push(`${path}: no objective title (main .objective h2–h6)`);
    else if (metrics.firstObjective.y >= limit) {
      failures.push(`${path}: first objective "${metrics.firstObjective.text}" at y=${metrics.firstObjective.y} px, ${screens(metrics.firstObjective.y)} screens down (limit ${limit} px)`);
    }
  }
  assert.deepEqual(failures, []);
});

test("permalink targets are at least 24×24 px", () => {
  const failures = visited
    .filter(({ metrics }) => metrics.smallTargets.length > 0)
    .map(({ width, path, metrics }) => `${width} px ${path}: ${metrics.smallTargets.length} of ${metrics.targets} permalinks under ${MIN_TARGET}×${MIN_TARGET} px (${[...new Set(metrics.smallTargets)].slice(0, 3).join(", ")})`);
  assert.ok(visited.some(({ metrics }) => metrics.targets > 0), "no permalink (a.self) found on any page");
  assert.deepEqual(failures, []);
});

test("no request leaves the site", () => {
  assert.deepEqual(leaks, []);
});
