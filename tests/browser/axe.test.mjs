// axe-core in headless Chromium on one page of every type the site has: zero violations.
// The pages are taken from the sitemap (one per first path segment and depth), so a new page
// type is checked as soon as it is published; the search page is checked with results shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { serve, launch, onlyLocal, pagesOfEveryType } from "./site.mjs";

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("every page type passes axe-core with zero violations", async () => {
  const pages = [...(await pagesOfEveryType()), "/cautare/?q=copii", "/nu-exista/"];
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
