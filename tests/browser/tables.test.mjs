// Tables that hold (issue 17): at every width from a small phone to a wide desktop, no page is
// wider than the window (a wide table scrolls inside its own region instead), and no table cell
// breaks a word across lines ("Cara / ș- / Seve / rin"). A word is a run of letters and digits,
// so a line break after the hyphen of "Caraș-Severin" is allowed and one inside "Caraș" is not.
// Every table lies in its own scrollable region a keyboard can reach (`.table-wrap`, role="region",
// a name, tabindex="0"), so a table wider than a phone scrolls there and not the page.
// Also: the permalink "#" of an activity is a target of at least 24×24 px (WCAG 2.5.8).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as site from "./site.mjs";
import { serve, launch, onlyLocal, pagesOfEveryType, siteDir } from "./site.mjs";

const WIDTHS = [320, 360, 768, 1280, 1920];

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every page of the sitemap whose HTML holds a table, besides one page of every type. */
async function pagesToCheck() {
  const sitemap = await readFile(join(siteDir, "sitemap.xml"), "utf8");
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const withTables = [];
  for (const path of paths) {
    const html = await readFile(join(siteDir, path, "index.html"), "utf8").catch(() => "");
    if (html.includes("<table")) withTables.push(path);
  }
  // PAGE_KINDS (one named page of every kind) where site.mjs has it; the sitemap's one page of
  // every type in any case.
  const named = Object.values(site.PAGE_KINDS ?? {});
  const all = new Set([
    ...named,
    ...(await pagesOfEveryType()),
    ...withTables,
    "/cautare/?q=copii",
    "/comparatii/?judete=bacau,cluj,ialomita",
  ]);
  return [...all];
}

/** In the page: the words of table cells that lie on more than one line, as "cell text: word". */
function splitWords() {
  const found = [];
  const words = /[\p{L}\p{N}\p{M}]+/gu;
  for (const cell of document.querySelectorAll("td, th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(words)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) found.push(`${cell.textContent.trim().slice(0, 40)}: ${m[0]}`);
      }
    }
  }
  return found;
}

/** In the page: the tables not inside a named, focusable region, and the regions the table overflows
 * without the region scrolling. */
function tablesOutsideRegions() {
  const found = [];
  for (const table of document.querySelectorAll("main table")) {
    const region = table.closest(".table-wrap");
    const name = table.caption?.textContent.trim().slice(0, 40) || "table";
    if (!region) {
      found.push(`${name}: not in a .table-wrap`);
      continue;
    }
    const named = region.hasAttribute("aria-label") || region.hasAttribute("aria-labelledby");
    if (region.getAttribute("role") !== "region" || !named || region.getAttribute("tabindex") !== "0") {
      found.push(`${name}: its region lacks role="region", a name or tabindex="0"`);
    }
    if (region.scrollWidth > region.clientWidth && getComputedStyle(region).overflowX !== "auto") {
      found.push(`${name}: wider than its region, which does not scroll`);
    }
  }
  return found;
}

test("no page is wider than the window and no table cell splits a word, 320 to 1920 px", async () => {
  const pages = await pagesToCheck();
  const failures = [];
  const leaks = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await onlyLocal(page, leaks);
    for (const path of pages) {
      await page.goto(server.url + path);
      if (path.includes("?q=")) {
        await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
      }
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > width) failures.push(`${width}px ${path}: page is ${scroll}px wide`);
      for (const word of (await page.evaluate(splitWords)).slice(0, 3)) failures.push(`${width}px ${path}: split word in "${word}"`);
      for (const table of await page.evaluate(tablesOutsideRegions)) failures.push(`${width}px ${path}: ${table}`);
    }
    await context.close();
  }
  console.log(`checked ${pages.length} pages at ${WIDTHS.join(", ")} px`);
  assert.deepEqual(failures, []);
  assert.deepEqual(leaks, []);
});

test("the permalink of an activity is a target of at least 24×24 px", async () => {
  const failures = [];
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const path of ["/planuri/cluj-droguri-2022-2026/", ...(await pagesOfEveryType()).filter((p) => p.startsWith("/planuri/"))]) {
      await page.goto(server.url + path);
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll("a.self")].slice(0, 20).map((a) => {
          const r = a.getBoundingClientRect();
          return [Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10];
        }),
      );
      for (const [w, h] of sizes) if (w < 24 || h < 24) failures.push(`${width}px ${path}: ${w}×${h}`);
    }
    await context.close();
  }
  assert.deepEqual(failures.slice(0, 10), []);
});
