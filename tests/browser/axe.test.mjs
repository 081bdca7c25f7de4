// axe-core in headless Chromium on one page of every type the site has: zero violations.
// The pages are taken from the sitemap (one per first path segment and depth), so a new page
// type is checked as soon as it is published; the search page is checked with results shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve, launch, onlyLocal, siteDir } from "./site.mjs";

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function pagesOfEveryType() {
  const sitemap = await readFile(join(siteDir, "sitemap.xml"), "utf8");
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const byType = new Map();
  for (const path of paths) {
    const parts = path.split("/").filter(Boolean);
    const type = `${parts[0] || "home"}/${parts.length}`;
    if (!byType.has(type)) byType.set(type, path);
  }
  return [...byType.values(), "/cautare/?q=copii", "/nu-exista/"];
}

test("every page type passes axe-core with zero violations", async () => {
  const pages = await pagesOfEveryType();
  assert.ok(pages.length >= 15, `only ${pages.length} page types found`);
  const failures = [];
  const leaks = [];
  for (const path of pages) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await onlyLocal(page, leaks);
    await page.goto(server.url + path);
    if (path.includes("?q=")) {
      await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
    }
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    for (const v of result.violations) {
      failures.push(`${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    }
    await context.close();
  }
  console.log(`axe-core checked ${pages.length} pages: ${pages.join(" ")}`);
  assert.deepEqual(failures, []);
  assert.deepEqual(leaks, []);
});
