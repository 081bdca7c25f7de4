// axe-core in headless Chromium on one page of every page kind (PAGE_KINDS in site.mjs, checked
// against the sitemap so that a new kind cannot go unchecked), at phone and desktop width:
// zero violations. The search page is checked with results shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { serve, launch, onlyLocal, pagesOfEveryKind, open } from "./site.mjs";

const VIEWPORTS = { 360: { width: 360, height: 740 }, 1280: { width: 1280, height: 900 } };

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("every page kind passes axe-core with zero violations at 360 and 1280 px", async () => {
  const kinds = await pagesOfEveryKind();
  assert.ok(kinds.length >= 21, `only ${kinds.length} page kinds found`);
  const failures = [];
  const leaks = [];
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    for (const [kind, path] of kinds) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await onlyLocal(page, leaks);
      await open(page, server.url + path);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
      for (const v of result.violations) {
        failures.push(`${width} px ${kind} ${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.length} nodes, e.g. ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      }
      await context.close();
    }
  }
  console.log(`axe-core checked ${kinds.length} page kinds at ${Object.keys(VIEWPORTS).join(" and ")} px`);
  assert.deepEqual(failures, []);
  assert.deepEqual(leaks, []);
});
