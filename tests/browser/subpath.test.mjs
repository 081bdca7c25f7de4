// The portal served under a sub-path, as `base_url = https://example.ro/portal/` publishes it
// (issue 15, item 15: every search result linked to /portal/portal/…). scripts/browser-test
// builds the bundled site with that base URL into SUBPATH_SITE_DIR.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, onlyLocal } from "./site.mjs";

const dir = process.env.SUBPATH_SITE_DIR;
let server, browser, page;
const leaks = [];

before(async () => {
  if (!dir) throw new Error("SUBPATH_SITE_DIR must name the site built for /portal/ (run scripts/browser-test)");
  server = await serve(dir, { prefix: "/portal/" });
  browser = await launch();
  page = await browser.newPage();
  await onlyLocal(page, leaks);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("search results under a sub-path link to pages that exist, with the base path once", async () => {
  await page.goto(`${server.url}/portal/cautare/?q=scoala`);
  await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
  const hrefs = await page.$$eval("#rezultate li h2 a", (links) => links.map((a) => a.getAttribute("href")));
  for (const href of hrefs) {
    assert.ok(href.startsWith("/portal/") && !href.startsWith("/portal/portal/"), `result link ${href}`);
    // Every result, from the first shard and from the merged ones, leads to a page.
    const response = await page.request.get(server.url + href);
    assert.equal(response.status(), 200, `the result ${href} answered ${response.status()}`);
  }
  const [response] = await Promise.all([page.waitForNavigation(), page.click("#rezultate li h2 a")]);
  assert.equal(response.status(), 200, `the first result, ${hrefs[0]}, answered ${response.status()}`);
  assert.equal(new URL(page.url()).pathname, hrefs[0].split("#")[0]);
  assert.notEqual(await page.title(), "", "the result page has a title");
});

test("no request leaves the site under a sub-path", () => {
  assert.deepEqual(leaks, []);
});
