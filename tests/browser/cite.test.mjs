// Issue 18, point 5, in the browser at 360×740: every page ends in a "Citați această pagină"
// block; cite.js adds a "Copiază" button per format that copies the citation with "[data
// accesării]" replaced by today's date on the reader's clock, and says "Copiat" in a live region.
// Where the clipboard API refuses, the text is put in a selected textarea instead. Without
// JavaScript the citation is plain text and no button shows.
// Usage: SITE_DIR=/path/to/site node --test cite.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { onlyLocal, siteSession } from "./site.mjs";

const PHONE = { width: 360, height: 740 };
const DOCUMENT = "/documente/cluj-napoca-consultare-servicii-sociale-2023-06-16/";
const OBJECTIVE = "/planuri/caras-severin-droguri-2022-2026/os-1-1/";
const site = siteSession();

async function open(path, { javaScript = true, clipboard = true, refuse = false } = {}) {
  const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: javaScript });
  if (clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.url });
  const page = await context.newPage();
  if (refuse) {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error("refused"));
    });
  }
  await onlyLocal(page, site.leaks);
  await page.goto(site.server.url + path);
  return { context, page };
}

/** Today on the page's clock, as the text (29.09.2022) and BibTeX (2022-09-29) print it. */
function today(page) {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return { ro: `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`, iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` };
  });
}

test("the copy button puts the text, dated today, on the clipboard and says Copiat", async () => {
  const { context, page } = await open(DOCUMENT);
  const block = page.locator("section.cite");
  await block.getByRole("button", { name: "Copiază textul" }).click();
  await assert.doesNotReject(block.locator("[role=status]").filter({ hasText: "Copiat" }).waitFor({ timeout: 3000 }));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const { ro } = await today(page);
  assert.ok(copied.endsWith(`, accesat la ${ro}.`), copied);
  assert.ok(copied.includes(DOCUMENT), copied);
  assert.ok(!copied.includes("[data accesării]"), copied);
  // The page itself keeps the placeholder: only the copy is dated.
  assert.ok((await block.locator(".cite-text").textContent()).includes("[data accesării]"));
  await context.close();
});

test("an activity's BibTeX is copied with an ISO urldate and its anchor", async () => {
  const { context, page } = await open(OBJECTIVE);
  const first = page.locator(".cite-activity").first();
  await first.locator(":scope > summary").click();
  await first.locator("details.cite-format", { hasText: "BibTeX" }).locator(":scope > summary").click();
  await first.getByRole("button", { name: "Copiază BibTeX" }).click();
  await first.locator("[role=status]").filter({ hasText: "Copiat" }).waitFor({ timeout: 3000 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const { iso } = await today(page);
  assert.ok(copied.includes(`urldate = {${iso}}`), copied);
  assert.match(copied, /url = \{http:\/\/[^}]+\/os-1-1\/#a-1-1-1\}/);
  await context.close();
});

test("where the clipboard refuses, the dated text waits selected in a textarea", async () => {
  const { context, page } = await open(DOCUMENT, { clipboard: false, refuse: true });
  const block = page.locator("section.cite");
  await block.getByRole("button", { name: "Copiază textul" }).click();
  const area = block.locator("textarea.cite-fallback");
  await area.waitFor({ timeout: 3000 });
  const { ro } = await today(page);
  assert.ok((await area.inputValue()).endsWith(`, accesat la ${ro}.`));
  assert.equal(await page.evaluate(() => document.activeElement.className), "cite-fallback");
  assert.match(await block.locator("[role=status]").textContent(), /Ctrl\+C/);
  await context.close();
});

test("without JavaScript the citation is text on the page and no button shows", async () => {
  const { context, page } = await open(DOCUMENT, { javaScript: false, clipboard: false });
  const block = page.locator("section.cite");
  assert.ok(await block.locator(".cite-text").isVisible());
  assert.equal(await block.locator("button").count(), 0);
  const box = await block.boundingBox();
  assert.ok(box.width <= PHONE.width, `block ${box.width}px wide`);
  await context.close();
});
