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

test("the locality filter keeps only the activities that name the locality, and is kept in the URL", async () => {
  await openSearch();
  const options = await page.$$eval("#filtru-localitate option", (os) => os.map((o) => o.value));
  assert.ok(options.includes("Slobozia (Ialomița)") && options.includes("Movila (Ialomița)"), `${options}`);
  const all = await search("centru");
  const slobozia = await search("centru", { localitate: "Slobozia (Ialomița)" });
  assert.ok(slobozia.length > 0, "no Slobozia results for centru");
  assert.ok(slobozia.length < all.length, "the filter must leave out other results");
  // The activities tagged with Slobozia (content/plans/ialomita-…yaml, localities: [slobozia]).
  const tagged = ["os-i-1-m1", "os-i-2-m1", "os-i-2-m4", "os-ii-5-m3", "os-ii-5-m7"];
  for (const r of slobozia) {
    const anchor = r.href.split("#")[1];
    assert.ok(r.href.includes("/planuri/ialomita-plan-actiune-servicii-sociale-2024/") && tagged.includes(anchor), `${r.href} does not name Slobozia`);
  }
  assert.match(page.url(), /localitate=Slobozia/);
  const movila = await search("cămin", { localitate: "Movila (Ialomița)" });
  assert.deepEqual(movila.map((r) => r.href.split("#")[1]), ["os-ii-3-m2"]);
  await page.selectOption("#filtru-localitate", "");
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

/** The links of the results shown, in order. */
function shownHrefs() {
  return page.$$eval("#rezultate li h2 a", (as) => as.map((a) => a.getAttribute("href")));
}

/** Waits until the status announces the results of `query` and the list has stopped changing. */
async function settled(query) {
  await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(`„${q}”`), query, {
    timeout: 20000,
  });
  await page.waitForFunction(() => !document.getElementById("rezultate").hasAttribute("aria-busy"), null, { timeout: 20000 });
  // A search overtaken by a later one must show nothing at all, even when it ends later.
  await page.waitForTimeout(1000);
}

function assertDistinct(hrefs, what) {
  assert.ok(hrefs.length > 0, `${what}: no results`);
  assert.equal(new Set(hrefs).size, hrefs.length, `${what}: ${hrefs.length} results shown, ${new Set(hrefs).size} distinct`);
}

test("two searches in a row show every result once", async () => {
  await openSearch();
  await page.fill("#q", "copii");
  // Submitted twice before the first search ends, then once more with the button.
  await page.press("#q", "Enter");
  await page.press("#q", "Enter");
  await page.click("#search-form button");
  await settled("copii");
  assertDistinct(await shownHrefs(), "copii submitted three times");
  // Typed, submitted, typed on and submitted again before the first ends.
  await page.fill("#q", "DGA");
  await page.press("#q", "Enter");
  await page.fill("#q", "DGASPC");
  await page.press("#q", "Enter");
  await settled("DGASPC");
  const hrefs = await shownHrefs();
  assertDistinct(hrefs, "DGA then DGASPC");
  assert.equal(hrefs.length, 30, "the first page of DGASPC's results");
});

test("a filter changed while a search runs shows only the filtered results, once", async () => {
  await openSearch();
  await page.fill("#q", "copii");
  await page.press("#q", "Enter");
  await page.selectOption("#filtru-judet", "Bacău");
  await settled("copii");
  const metas = await page.$$eval("#rezultate li .meta", (ps) => ps.map((p) => p.textContent));
  assertDistinct(await shownHrefs(), "copii in Bacău");
  for (const meta of metas) assert.match(meta, /Bacău/, "a result from another county is shown");
  assert.match(page.url(), /q=copii&judet=Bac%C4%83u/);
});

test("Back and Forward return to the earlier search, once each", async () => {
  await openSearch();
  await search("DGASPC");
  await search("copii");
  assert.match(page.url(), /\?q=copii$/);
  await page.goBack();
  await settled("DGASPC");
  assert.match(page.url(), /\?q=DGASPC$/);
  assert.equal(await page.inputValue("#q"), "DGASPC");
  assertDistinct(await shownHrefs(), "DGASPC after Back");
  await page.goForward();
  await settled("copii");
  assert.equal(await page.inputValue("#q"), "copii");
  assertDistinct(await shownHrefs(), "copii after Forward");
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
  await page.selectOption("#filtru-judet", "");
  const dgaspc = await search("DGASPC");
  for (const r of dgaspc) assert.doesNotMatch(r.text, /DGASPC\. DGASPC\./, `${r.href}: repeated aliases`);
});

test("a phrase of the minutes lands on its passage, not at the top of the page", async () => {
  await openSearch();
  const results = await search("ambulanță socială");
  const passage = results.find((r) => r.href.includes("/documente/") && r.href.includes("#"));
  assert.ok(passage, `no result in the minutes' text: ${results.map((r) => r.href).join(", ")}`);
  assert.match(passage.meta, /^Document · .+ · Cluj$/, `where line „${passage.meta}”`);
  await page.click(`#rezultate a[href="${passage.href}"]`);
  await page.waitForURL((url) => url.hash.length > 1);
  const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
  const target = page.locator(`[id="${id}"]`);
  assert.ok(await target.isVisible(), `#${id} is not on the page`);
  const text = await target.evaluate((el) => {
    let all = el.textContent;
    for (let next = el.nextElementSibling; next && next.tagName === "UL"; next = next.nextElementSibling) all += next.textContent;
    return all;
  });
  assert.match(text, /ambulanț/i, `#${id} does not hold the words found`);
  const top = await target.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 200, `#${id} is not at the top of the screen (${top}px)`);
});

test("„Mai multe rezultate” reaches every result, each once, and moves the focus to the first new one", async () => {
  await openSearch();
  const first = await search("DGASPC");
  assert.equal(first.length, 30);
  const total = Number((await page.textContent("#search-status")).match(/^(\d+)/)[1]);
  assert.ok(total > 150, `DGASPC: ${total} results`);
  let shown = 30;
  while (await page.isVisible("#mai-multe")) {
    await page.click("#mai-multe");
    const expected = Math.min(shown + 30, total);
    await page.waitForFunction((n) => document.querySelectorAll("#rezultate li").length === n, expected, { timeout: 20000 });
    const hrefs = await shownHrefs();
    const focused = await page.evaluate(() => document.activeElement.getAttribute("href"));
    assert.equal(focused, hrefs[shown], "focus moves to the first new result");
    shown = expected;
  }
  const hrefs = await shownHrefs();
  assert.equal(hrefs.length, total, "every result is reachable");
  assertDistinct(hrefs, "DGASPC, every page");
  assert.match(await page.textContent("#search-status"), new RegExp(`^${total} (de )?rezultate pentru „DGASPC”\\.$`));
});

test("„reducerea riscurilor” finds the harm-reduction objectives", async () => {
  await openSearch();
  const results = await search("reducerea riscurilor");
  const objectives = results.filter((r) => r.meta.startsWith("Obiectiv") && r.meta.endsWith("Caraș-Severin"));
  const titles = objectives.map((r) => r.title);
  for (const text of [
    "Îmbunătățirea accesului consumatorilor de droguri injectabile",
    "Prevenirea supradozelor și deceselor asociate consumului de droguri",
    "Consolidarea parteneriatului cu societatea civilă",
  ]) {
    assert.ok(titles.some((t) => t.startsWith(text)), `„${text}” not found among ${JSON.stringify(titles)}`);
  }
  for (const [query, text] of [
    ["prevenire", "Dezvoltarea intervențiilor și strategiilor contextuale și universale de prevenire"],
    ["persoane vârstnice", "Obiectiv"],
  ]) {
    const found = await search(query);
    assert.ok(found.some((r) => r.meta.startsWith("Obiectiv") && r.text.includes(text)), `${query}: no objective found`);
  }
});

/** Every result of `query`, „Mai multe rezultate” pressed until none is left. */
async function searchEverything(query) {
  await search(query);
  while (await page.isVisible("#mai-multe")) {
    const before = await page.$$eval("#rezultate li", (items) => items.length);
    await page.click("#mai-multe");
    await page.waitForFunction((n) => document.querySelectorAll("#rezultate li").length > n, before, { timeout: 20000 });
  }
  return shownHrefs();
}

test("word forms without diacritics find what the written forms find", async () => {
  await openSearch();
  for (const [plain, written] of [
    ["scoala", "școli"],
    ["scoli", "școli"],
    ["scoala", "școală"],
    ["copiii strazii", "copiii străzii"],
    ["copiii strazii", "copiilor străzii"],
  ]) {
    const expected = await searchEverything(written);
    const got = new Set(await searchEverything(plain));
    assert.ok(expected.length > 0, `${written}: no results`);
    for (const href of expected) assert.ok(got.has(href), `${plain} does not find ${href}, which ${written} finds`);
  }
});

test("on a phone the first result is on the first screen; the filters open when one is chosen", async () => {
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await onlyLocal(phone, leaks);
  await phone.goto(`${server.url}/cautare/?q=copii`);
  await phone.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
  const bottom = await phone.$eval("#rezultate li h2", (h) => h.getBoundingClientRect().bottom);
  assert.ok(bottom <= 740, `the first result's title ends at ${bottom} px, below the first screen`);
  assert.equal(await phone.$eval("#filtre", (d) => d.open), false, "the filters start closed on a phone");
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), "the page scrolls sideways");
  await phone.goto(`${server.url}/cautare/?q=copii&judet=Bac%C4%83u`);
  await phone.waitForSelector("#filtre:not([hidden])", { timeout: 20000 });
  assert.equal(await phone.$eval("#filtre", (d) => d.open), true, "a chosen filter is shown");
  assert.equal(await phone.inputValue("#filtru-judet"), "Bacău");
  await phone.close();
});

/** The layout shift of `action` on a new page at `width`×`height`, without shifts that follow
 * the reader's own input by less than 500 ms (hadRecentInput), as Chromium counts CLS. */
async function layoutShift(width, height, action) {
  const measured = await browser.newPage({ viewport: { width, height } });
  await onlyLocal(measured, leaks);
  await measured.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await action(measured);
  await measured.waitForTimeout(500);
  const cls = await measured.evaluate(() => window.__cls);
  await measured.close();
  return cls;
}

async function announced(p, query) {
  await p.waitForFunction((q) => /rezultat/.test(document.getElementById("search-status").textContent) &&
    document.getElementById("search-status").textContent.includes(`„${q}”`), query, { timeout: 20000 });
}

test("the page does not move as the results arrive (CLS)", async () => {
  const shifts = [];
  for (const [width, height] of [[360, 740], [1280, 900]]) {
    const arriving = await layoutShift(width, height, async (p) => {
      await p.goto(`${server.url}/cautare/?q=copii`);
      await announced(p, "copii");
    });
    const typing = await layoutShift(width, height, async (p) => {
      await p.goto(`${server.url}/cautare/`);
      await p.waitForSelector("#filtre:not([hidden])", { timeout: 20000 });
      await p.type("#q", "copii", { delay: 50 });
      await p.press("#q", "Enter");
      await announced(p, "copii");
      // A second search replaces the first results.
      await p.fill("#q", "DGASPC");
      await p.press("#q", "Enter");
      await announced(p, "DGASPC");
    });
    console.log(`search page layout shift at ${width} px: /cautare/?q=copii ${arriving.toFixed(4)}, typing ${typing.toFixed(4)}`);
    shifts.push(arriving, typing);
  }
  // Timing decides how much a late shift counts: the bound is generous, the figures are printed.
  for (const cls of shifts) assert.ok(cls < 0.1, `layout shift ${cls}`);
});

test("no request leaves the site", () => {
  assert.deepEqual(leaks, []);
});
