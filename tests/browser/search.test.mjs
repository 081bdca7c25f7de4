// The search page in a real headless Chromium: Pagefind runs in a Web Worker, so the test
// waits for the results the page announces, as a reader would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, onlyLocal } from "./site.mjs";

let server, browser, page;
const leaks = [];
let bytes = 0;

before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.newPage();
  await onlyLocal(page, leaks);
  page.on("response", async (response) => {
    const body = await response.body().catch(() => null);
    if (body) bytes += body.length;
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Folds a text as a reader without diacritics would type it. */
function plain(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Types a query into the search box, submits, and returns the results shown. */
async function search(query, filters = {}) {
  await page.fill("#q", query);
  for (const [id, value] of Object.entries(filters)) await page.selectOption(`#filtru-${id}`, value);
  await page.evaluate(() => { document.getElementById("search-status").textContent = ""; });
  await page.press("#q", "Enter");
  await page.waitForFunction(
    (q) => {
      const s = document.getElementById("search-status").textContent;
      return s.includes(`„${q}”`);
    },
    query,
    { timeout: 20000 },
  );
  return page.$$eval("#rezultate li", (items) =>
    items.map((li) => ({
      title: li.querySelector("h2").textContent,
      href: li.querySelector("a").getAttribute("href"),
      meta: li.querySelector(".meta").textContent,
      text: li.textContent,
    })),
  );
}

async function openSearch(query = "") {
  const url = `${server.url}/cautare/${query ? "?q=" + encodeURIComponent(query) : ""}`;
  await page.goto(url);
  await page.waitForSelector("#filtre:not([hidden])", { timeout: 20000 });
}

test("a query in the URL is searched on arrival, and the first query's bytes are reported", async () => {
  bytes = 0;
  await openSearch("scoala");
  await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
  const first = bytes;
  bytes = 0;
  await search("varstnici");
  const next = bytes;
  console.log(`bytes for the first query (page, script, WASM, index, results): ${first}`);
  console.log(`bytes for a further query (index chunks and result fragments): ${next}`);
  assert.ok(first > 0 && next > 0);
});

test("words typed without diacritics find the words with them", async () => {
  await openSearch();
  for (const [query, stem] of [
    ["scoala", "scoal"],
    ["varstnici", "varstnic"],
    ["supradoze", "supradoz"],
  ]) {
    const results = await search(query);
    assert.ok(results.length > 0, `${query}: no results`);
    assert.ok(results.some((r) => plain(r.text).includes(stem)), `${query}: no result mentions ${stem}`);
  }
});

test("county names without diacritics find the county's plans", async () => {
  await openSearch();
  for (const [query, county] of [
    ["caras", "Caraș-Severin"],
    ["ialomita", "Ialomița"],
  ]) {
    const results = await search(query);
    assert.ok(results.some((r) => r.meta.includes(county)), `${query}: no result from ${county}`);
  }
});

test("a Romanian word form finds its other forms", async () => {
  await openSearch();
  const results = await search("copiilor");
  const words = results.flatMap((r) => plain(r.text).match(/\bcopii\w*/g) || []);
  assert.ok(words.some((w) => w !== "copiilor"), `copiilor found only itself: ${[...new Set(words)]}`);
});

test("legacy cedilla letters find the comma-below spelling", async () => {
  await openSearch();
  const cedilla = await search("şcoală");
  const plainResults = await search("scoala");
  assert.ok(cedilla.length > 0, "şcoală: no results");
  assert.deepEqual(
    cedilla.map((r) => r.href),
    plainResults.map((r) => r.href),
    "şcoală and scoala must find the same",
  );
});

test("an institution abbreviation finds the institution and its activities", async () => {
  await openSearch();
  const results = await search("DGASPC");
  assert.ok(results.some((r) => r.href.includes("/institutii/dgaspc-")), "no DGASPC institution page");
  assert.ok(results.some((r) => r.href.includes("/planuri/") && r.href.includes("#")), "no activity with its anchor");
});

test("the county filter keeps only that county's results, and is kept in the URL", async () => {
  await openSearch();
  const all = await search("copii");
  const bacau = await search("copii", { judet: "Bacău" });
  assert.ok(bacau.length > 0, "no Bacău results for copii");
  assert.ok(all.some((r) => !r.meta.includes("Bacău")), "the unfiltered search must find other counties too");
  for (const r of bacau) assert.ok(r.meta.includes("Bacău"), `${r.title} is not from Bacău`);
  assert.match(page.url(), /judet=Bac%C4%83u/);
});

test("the institution menu lists the chosen county's institutions, and filters by one", async () => {
  await openSearch();
  const options = () => page.$$eval("#filtru-institutie option", (os) => os.map((o) => o.value));
  const national = await options();
  assert.ok(national.includes("Societatea civilă"), "national bodies are listed before a county is chosen");
  assert.ok(!national.includes("Direcția Generală de Asistență Socială și Protecția Copilului Bacău"));
  await page.selectOption("#filtru-judet", "Bacău");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#filtru-institutie option")].some((o) => o.value.endsWith("Copilului Bacău")),
  );
  const bacau = await options();
  assert.ok(bacau.includes("Societatea civilă"), "national bodies stay listed");
  assert.ok(!bacau.some((v) => v.endsWith(" Cluj")), "another county's institutions are not listed");
  const dgaspc = "Direcția Generală de Asistență Socială și Protecția Copilului Bacău";
  const results = await search("copii", { judet: "Bacău", institutie: dgaspc });
  assert.ok(results.length > 0, "no results for the DGASPC Bacău filter");
  for (const r of results) assert.ok(r.meta.includes("Bacău"), `${r.title} is not from Bacău`);
  assert.match(page.url(), /institutie=Direc/);
});

test("no request leaves the site", () => {
  assert.deepEqual(leaks, []);
});
