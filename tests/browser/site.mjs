// Serves a built site on 127.0.0.1 only, and starts Debian's Chromium headless through
// playwright-core. The site folder comes from SITE_DIR (scripts/browser-test builds it).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname, normalize } from "node:path";
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export const siteDir = process.env.SITE_DIR;
if (!siteDir) throw new Error("SITE_DIR must name the built site (run scripts/browser-test)");

/** Starts a static server on 127.0.0.1; resolves to { url, close }. With `prefix` (e.g.
 * "/portal/") the site is served under that sub-path only, as a host that publishes it below its
 * root would; anything outside it is a 404. */
export async function serve(dir = siteDir, { prefix = "/" } = {}) {
  const server = createServer(async (req, res) => {
    const requested = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!requested.startsWith(prefix)) {
      res.writeHead(404, { "content-type": TYPES[".txt"] }).end("outside the site");
      return;
    }
    const path = normalize("/" + requested.slice(prefix.length));
    if (path.includes("..")) {
      res.writeHead(400).end();
      return;
    }
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      const body = await readFile(join(dir, "404.html")).catch(() => "");
      res.writeHead(404, { "content-type": TYPES[".html"] }).end(body);
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with the flags the project fixes. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** Fails any request that would leave 127.0.0.1: the portal makes none. */
export async function onlyLocal(page, leaks) {
  await page.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host !== "127.0.0.1") {
      leaks.push(route.request().url());
      return route.abort();
    }
    return route.continue();
  });
}

/** One page of every type the site publishes, from its sitemap: the first page of each first
 * path segment and depth, so that a new page type is covered as soon as it is published. */
export async function pagesOfEveryType(dir = siteDir) {
  const sitemap = await readFile(join(dir, "sitemap.xml"), "utf8");
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const byType = new Map();
  for (const path of paths) {
    const parts = path.split("/").filter(Boolean);
    const type = `${parts[0] || "home"}/${parts.length}`;
    if (!byType.has(type)) byType.set(type, path);
  }
  return [...byType.values()];
}

/** One page of every page kind of `src/render/pages.rs` (`PageKind`), chosen where the kind shows
 * the most of what can break on a phone: the county, institution and pair of a county with a
 * hyphenated name, a plan with goals, sections and notes, the search page with results.
 * `pagesOfEveryKind` fails when the sitemap publishes a type this table has no row for, so that a
 * new page kind cannot go unchecked. */
export const PAGE_KINDS = {
  Home: "/",
  Counties: "/judete/",
  County: "/judete/caras-severin/",
  Plans: "/planuri/",
  Plan: "/planuri/cluj-droguri-2022-2026/",
  Objective: "/planuri/bacau-plan-operational-servicii-sociale-2014-2024/copii-os-1-1/",
  PlanFilter: "/planuri/cluj-droguri-2022-2026/filtre/",
  Institutions: "/institutii/",
  Institution: "/institutii/dgaspc-caras-severin/",
  // A long listing's further page (issue 21, pagination).
  InstitutionPage2: "/institutii/ong-uri/pagina/2/",
  InstitutionTypes: "/tipuri-institutii/",
  InstitutionType: "/tipuri-institutii/dgaspc/",
  Ranking: "/institutii/clasament/planuri/",
  TypeRanking: "/tipuri-institutii/clasament/judete/",
  Themes: "/teme/",
  Theme: "/teme/persoane-varstnice/",
  CountyTheme: "/judete/cluj/teme/persoane-varstnice/",
  Documents: "/documente/",
  Document: "/documente/cluj-napoca-consultare-servicii-sociale-2023-06-16/",
  Search: "/cautare/?q=dgaspc",
  NotFound: "/nu-exista/",
  Framework: "/strategii/snd-2022-2026/",
  FrameworkObjective: "/strategii/snd-2022-2026/prevenire-universala/",
  Comparisons: "/comparatii/",
  Pair: "/comparatii/caras-severin-si-cluj/",
  Data: "/date/",
  Source: "/surse/001_8fb6bb65d040dc76/",
  Irregularities: "/nereguli/",
  IrregularitiesOfKind: "/nereguli/greseala-de-redactare/",
  Localities: "/localitati/",
  Locality: "/localitati/slobozia/",
};

/** The type of a path as `pagesOfEveryType` counts it: first segment and depth. */
function typeOf(path) {
  const parts = new URL(path, "http://x").pathname.split("/").filter(Boolean);
  return `${parts[0] || "home"}/${parts.length}`;
}

/** `PAGE_KINDS` as [kind, path] pairs, after checking that every type of page the sitemap
 * lists has a row. */
export async function pagesOfEveryKind(dir = siteDir) {
  const covered = new Set(Object.values(PAGE_KINDS).map(typeOf));
  const missing = (await pagesOfEveryType(dir)).filter((path) => !covered.has(typeOf(path)));
  if (missing.length) {
    throw new Error(`page types with no row in PAGE_KINDS (tests/browser/site.mjs): ${missing.join(" ")}`);
  }
  return Object.entries(PAGE_KINDS);
}

/** Every plan page, from the sitemap (`/planuri/<id>/`). */
export async function planPages(dir = siteDir) {
  const sitemap = await readFile(join(dir, "sitemap.xml"), "utf8");
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => new URL(m[1]).pathname)
    .filter((path) => /^\/planuri\/[^/]+\/$/.test(path));
}

/** Opens `path` and, on the search page, waits until its results are shown. */
export async function open(page, url) {
  await page.goto(url);
  if (url.includes("?q=")) {
    await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
  }
}

/** For a test file: serves the site and starts the browser before its tests, closes both after
 * them, then fails if any request left the site. Returns `{ server, browser, leaks }`, whose
 * `server` and `browser` are set once `before` has run. */
export function siteSession() {
  const session = { server: null, browser: null, leaks: [] };
  before(async () => {
    session.server = await serve();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
    assert.deepEqual(session.leaks, [], "requests left the site");
  });
  return session;
}
