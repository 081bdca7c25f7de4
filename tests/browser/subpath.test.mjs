// The portal served under a sub-path, as `planportal build --base-url https://example.ro/portal/`
// publishes it (issue 19: a staging copy without editing config.toml; issue 15, item 15: every
// search result linked to /portal/portal/…). scripts/browser-test builds the bundled site that
// way into SUBPATH_SITE_DIR; the server answers nothing outside /portal/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, onlyLocal, PAGE_KINDS } from "./site.mjs";

const dir = process.env.SUBPATH_SITE_DIR;
const PREFIX = "/portal";
let server, browser, page;
const leaks = [];
// Every request a page made that did not answer 2xx, as "page: url status".
const failed = [];

before(async () => {
  if (!dir) throw new Error("SUBPATH_SITE_DIR must name the site built for /portal/ (run scripts/browser-test)");
  server = await serve(dir, { prefix: `${PREFIX}/` });
  browser = await launch();
  page = await browser.newPage();
  await onlyLocal(page, leaks);
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    // The not-found page answers 404 by design; everything it loads must not.
    if (response.status() >= 400 && path !== `${PREFIX}${PAGE_KINDS.NotFound}`) {
      failed.push(`${page.url()}: ${path} ${response.status()}`);
    }
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every link, download and resource a page names once its scripts have run, as written. */
function targetsOf(page) {
  return page.$$eval("[href], [src], [data-src]", (elements) =>
    elements.flatMap((e) => ["href", "src", "data-src"].map((a) => e.getAttribute(a)).filter(Boolean)),
  );
}

test("every link and download of a page of every kind resolves under /portal/", async () => {
  const checked = new Map();
  const broken = [];
  for (const [kind, path] of Object.entries(PAGE_KINDS)) {
    const response = await page.goto(server.url + PREFIX + path);
    const expected = kind === "NotFound" ? 404 : 200;
    assert.equal(response.status(), expected, `${kind} ${PREFIX}${path} answered ${response.status()}`);
    if (path.includes("?q=")) {
      await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
    }
    for (const target of await targetsOf(page)) {
      if (/^(mailto:|tel:|data:|#)/.test(target)) continue;
      const url = new URL(target, page.url());
      if (url.hostname !== "127.0.0.1") {
        // An absolute link to the published address (canonical, feed) names the sub-path too.
        if (url.hostname === "example.ro" && !url.pathname.startsWith(`${PREFIX}/`)) broken.push(`${kind}: ${target}`);
        continue;
      }
      if (!url.pathname.startsWith(`${PREFIX}/`) || url.pathname.startsWith(`${PREFIX}${PREFIX}/`)) {
        broken.push(`${kind}: ${target} (not under ${PREFIX}/ once)`);
        continue;
      }
      const key = url.origin + url.pathname;
      if (!checked.has(key)) checked.set(key, (await page.request.get(key)).status());
      if (checked.get(key) !== 200) broken.push(`${kind}: ${target} answered ${checked.get(key)}`);
    }
  }
  assert.deepEqual(broken, [], `${broken.length} links do not resolve under ${PREFIX}/`);
  assert.ok(checked.size > 100, `only ${checked.size} distinct targets were checked`);
  const downloads = [...checked.keys()].filter((k) => /\.(csv|json|xlsx|zip|xml|txt)$/.test(k));
  assert.ok(downloads.length >= 5, `the downloads were checked too: ${downloads.join(" ")}`);
  assert.deepEqual(failed, [], "requests the pages made that failed");
});

test("search results under a sub-path link to pages that exist, with the base path once", async () => {
  await page.goto(`${server.url}${PREFIX}/cautare/?q=scoala`);
  await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
  const hrefs = await page.$$eval("#rezultate li h2 a", (links) => links.map((a) => a.getAttribute("href")));
  for (const href of hrefs) {
    assert.ok(href.startsWith(`${PREFIX}/`) && !href.startsWith(`${PREFIX}${PREFIX}/`), `result link ${href}`);
    // Every result, from the first shard and from the merged ones, leads to a page.
    const response = await page.request.get(server.url + href);
    assert.equal(response.status(), 200, `the result ${href} answered ${response.status()}`);
  }
  const [response] = await Promise.all([page.waitForNavigation(), page.click("#rezultate li h2 a")]);
  assert.equal(response.status(), 200, `the first result, ${hrefs[0]}, answered ${response.status()}`);
  assert.equal(new URL(page.url()).pathname, hrefs[0].split("#")[0]);
  assert.notEqual(await page.title(), "", "the result page has a title");
});

/** The shard folders (`1/`, `2/`…) a search of `query` loaded, in a fresh page. */
async function shardsLoaded(query) {
  const fresh = await browser.newPage();
  const folders = new Set();
  fresh.on("request", (request) => {
    const match = new URL(request.url()).pathname.match(/\/pagefind\/(\d+\/)/);
    if (match) folders.add(match[1]);
  });
  await fresh.goto(`${server.url}${PREFIX}/cautare/?${query}`);
  await fresh.waitForFunction(() => /rezultat/.test(document.getElementById("search-status").textContent), null, { timeout: 20000 });
  await fresh.close();
  return [...folders].sort();
}

// Issue 21: the index is sharded by county (this site in shards of 100 records); a search
// filtered by county loads the shards holding that county, and no other.
test("a search filtered by county loads only that county's shards; one without, all of them", async () => {
  const shards = await (await page.request.get(`${server.url}${PREFIX}/pagefind/shards.json`)).json();
  assert.ok(shards.length >= 3, `only ${shards.length} merged shards`);
  const cluj = shards.filter((s) => s.counties.includes("Cluj")).map((s) => s.path).sort();
  assert.ok(cluj.length > 0 && cluj.length < shards.length, `Cluj's shards: ${cluj}`);
  assert.deepEqual(await shardsLoaded("q=plan&judet=Cluj"), cluj);
  assert.deepEqual(await shardsLoaded("q=plan"), shards.map((s) => s.path).sort());
});

test("no request leaves the site under a sub-path", () => {
  assert.deepEqual(leaks, []);
});
