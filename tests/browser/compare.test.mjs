// Choosing counties to compare, in a real headless Chromium: the form on /comparatii/ and the
// `?judete=` filter that keeps only the chosen counties' columns and says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, onlyLocal } from "./site.mjs";

let server, browser, page;
const leaks = [];

before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.newPage();
  await onlyLocal(page, leaks);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The county columns a reader can see on the page. */
async function visibleColumns() {
  return page.$$eval("section.county-column", (sections) =>
    sections.filter((s) => !s.hidden).map((s) => s.getAttribute("data-county")),
  );
}

/** The county header cells a reader can see in the page's first matrix. */
async function visibleMatrixCounties() {
  return page.$$eval("table.matrix thead th[data-county]", (cells) =>
    cells.filter((c) => c.offsetParent !== null).map((c) => c.getAttribute("data-county")),
  );
}

test("without a choice every county is shown, with one the others are hidden and the notice says so", async () => {
  const path = "/strategii/snd-2022-2026/intarzierea-debutului/";
  await page.goto(server.url + path);
  assert.deepEqual((await visibleColumns()).sort(), ["caras-severin", "cluj"]);
  assert.equal(await page.$(".filter-note"), null, "no notice when nothing is chosen");
  await page.goto(server.url + path + "?judete=cluj");
  assert.deepEqual(await visibleColumns(), ["cluj"]);
  const note = await page.textContent(".filter-note");
  assert.match(note, /doar județele alese: Cluj\./);
  assert.equal(await page.getAttribute(".filter-note a", "href"), path, "a link back to every county");
  const back = await page.getAttribute("a[data-keep-counties]", "href");
  assert.equal(back, "/strategii/snd-2022-2026/?judete=cluj", "the choice is carried to the matrix");
});

test("the matrix hides the columns of the counties not chosen, in every row", async () => {
  await page.goto(server.url + "/strategii/snd-2022-2026/?judete=caras-severin");
  assert.deepEqual(await visibleMatrixCounties(), ["caras-severin"]);
  const widths = await page.$$eval("table.matrix tr:not(.goal-row)", (rows) =>
    rows.map((r) => [...r.cells].filter((c) => c.offsetParent !== null).length),
  );
  assert.ok(widths.every((n) => n === 3), `every row keeps Nr., the objective and one county: ${widths}`);
});

test("the form compares two counties on their pair page and more on a citable filtered page", async () => {
  await page.goto(server.url + "/comparatii/");
  assert.equal(await page.isVisible("#pick"), true, "the form is shown when JavaScript runs");
  await page.check("input[value=cluj]");
  await page.click("#pick button");
  assert.equal(await page.textContent("#pick-status"), "Alegeți cel puțin două județe.");
  await page.check("input[value=bacau]");
  await Promise.all([page.waitForURL("**/comparatii/bacau-si-cluj/"), page.click("#pick button")]);
  assert.match(await page.textContent("h1"), /Bacău și Cluj/);

  await page.goto(server.url + "/comparatii/");
  for (const county of ["bacau", "cluj", "ialomita"]) await page.check(`input[value=${county}]`);
  await Promise.all([page.waitForURL("**/comparatii/?judete=*"), page.click("#pick button")]);
  assert.equal(new URL(page.url()).search, "?judete=bacau,cluj,ialomita");
  assert.deepEqual(await visibleMatrixCounties(), ["bacau", "cluj", "ialomita"]);
  const checked = await page.$$eval("input[name=judete]:checked", (boxes) => boxes.map((b) => b.value));
  assert.deepEqual(checked, ["bacau", "cluj", "ialomita"], "the form shows the choice of the link");
  assert.deepEqual(leaks, []);
});
