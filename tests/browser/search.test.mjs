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

test("two searches in a row show every result once", async () => {
  await openSearch();
  await page.fill("#q", "copii");
  // Submitted twice before the first search ends, then once more with the button.
  await page.press("#q", "Enter");
  await page.press("#q", "Enter");
  await page.click("#search-form button[type=submit]");
  await page.waitForFunction(() => /„copii”/.test(document.getElementById("search-status").textContent), null, { timeout: 20000 });
  await page.waitForTimeout(1500);
  const hrefs = await page.$$eval("#rezultate li h2 a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.length > 0, "no results for copii");
  assert.equal(new Set(hrefs).size, hrefs.length, `${hrefs.length} results shown, ${new Set(hrefs).size} distinct`);
});

test("a result's title is its own text, with its number, plan and county below", async () => {
  await openSearch();
  const results = await search("copii", { judet: "Ialomița" });
  const measures = results.filter((r) => r.href.includes("/planuri/") && r.href.includes("#"));
  assert.ok(measures.length > 0, "no Ialomița measure found");
  for (const r of measures) {
    assert.notEqual(r.title.trim(), "Măsură", "a measure titled by its label only");
    assert.ok(r.title.length > 15, `title „${r.title}” does not say what was found`);
    assert.match(r.meta, /^Măsură.* · .+ · Ialomița$/, `where line „${r.meta}”`);
  }
  const dgaspc = await search("DGASPC");
  for (const r of dgaspc) assert.doesNotMatch(r.text, /DGASPC\. DGASPC\./, `${r.href}: repeated aliases`);
});

test("more results are shown past the first 30, each once", async () => {
  await openSearch();
  const first = await search("DGASPC");
  assert.equal(first.length, 30);
  assert.ok(await page.isVisible("#mai-multe"), "no „more results” button");
  await page.click("#mai-multe");
  await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 30, null, { timeout: 20000 });
  const hrefs = await page.$$eval("#rezultate li h2 a", (as) => as.map((a) => a.getAttribute("href")));
  assert.equal(hrefs.length, 60);
  assert.equal(new Set(hrefs).size, 60, "a result is shown twice");
  assert.match(await page.textContent("#search-status"), /primele 60/);
  const focused = await page.evaluate(() => document.activeElement.getAttribute("href"));
  assert.equal(focused, hrefs[30], "focus moves to the first new result");
});

test("„reducerea riscurilor” finds the harm-reduction objectives", async () => {
  await openSearch();
  const results = await search("reducerea riscurilor");
  const hrefs = results.map((r) => r.href);
  for (const objective of ["os-2-1", "os-2-2", "os-2-3"]) {
    assert.ok(
      hrefs.some((h) => h.endsWith(`/planuri/caras-severin-droguri-2022-2026/${objective}/`)),
      `Caraș-Severin ${objective} not found: ${hrefs}`,
    );
  }
  for (const query of ["prevenire", "persoane vârstnice"]) {
    const found = await search(query);
    assert.ok(found.some((r) => r.meta.startsWith("Obiectiv")), `${query}: no objective found`);
  }
});

test("word forms without diacritics find what the written forms find", async () => {
  await openSearch();
  for (const [plain, written] of [
    ["scoala", "școli"],
    ["scoli", "școli"],
    ["copiii strazii", "copiii străzii"],
    ["copiii strazii", "copiilor străzii"],
  ]) {
    const expected = (await search(written)).map((r) => r.href);
    const got = new Set((await search(plain)).map((r) => r.href));
    assert.ok(expected.length > 0, `${written}: no results`);
    for (const href of expected) assert.ok(got.has(href), `${plain} does not find ${href}, which ${written} finds`);
  }
});

test("the page does not move as the results arrive (CLS)", async () => {
  for (const [width, height] of [[360, 740], [1280, 900]]) {
    const measured = await browser.newPage({ viewport: { width, height } });
    await onlyLocal(measured, leaks);
    await measured.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await measured.goto(`${server.url}/cautare/?q=DGASPC`);
    await measured.waitForFunction(() => /„DGASPC”/.test(document.getElementById("search-status").textContent), null, { timeout: 20000 });
    await measured.waitForTimeout(500);
    const cls = await measured.evaluate(() => window.__cls);
    console.log(`search page layout shift at ${width} px: ${cls.toFixed(4)}`);
    await measured.close();
    assert.ok(cls < 0.05, `layout shift ${cls} at ${width} px`);
  }
});

test("no request leaves the site", () => {
  assert.deepEqual(leaks, []);
});
