// Issue 17, point 1, in the browser at 360×740: every plan page shows its first objective within
// two screens; the filters work in place with JavaScript (and lead to pre-built pages without
// it); a keyboard reaches the first activity in a few Tabs; printing shows every activity, with
// JavaScript and without. Usage: SITE_DIR=/path/to/site node --test plan.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { onlyLocal, planPages, siteSession } from "./site.mjs";

const PHONE = { width: 360, height: 740 };
const CLUJ = "/planuri/cluj-droguri-2022-2026/";
const site = siteSession();

async function open(path, { javaScript = true } = {}) {
  const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await onlyLocal(page, site.leaks);
  await page.goto(site.server.url + path);
  return { context, page };
}

test("the first objective's title is within 2 screens on every plan page at 360 px", async () => {
  const plans = await planPages();
  assert.ok(plans.length >= 4, `plan pages: ${plans}`);
  for (const path of plans) {
    const { context, page } = await open(path);
    const y = await page.evaluate(() => {
      const heading = document.querySelector("main .objective :is(h2, h3, h4, h5, h6)");
      return heading ? heading.getBoundingClientRect().top + window.scrollY : null;
    });
    assert.ok(y !== null && y < 2 * PHONE.height, `${path}: first objective at y=${y}`);
    await context.close();
  }
});

test("choosing a filter value shows only its activities, in place, and the reset shows all again", async () => {
  const { context, page } = await open(CLUJ);
  const shown = () => page.$$eval("#obiective article.activity", (all) => all.filter((a) => a.checkVisibility()).map((a) => a.id));
  assert.deepEqual(await shown(), [], "activities are folded at first");
  await page.click(".plan-filters > summary");
  const link = page.locator(".plan-filters ul.filter-values a").first();
  const wanted = (await link.getAttribute("data-anchors")).split(" ");
  await link.click();
  assert.equal(new URL(page.url()).pathname, CLUJ, "filtered in place, not on the pre-built page");
  assert.deepEqual((await shown()).sort(), [...wanted].sort());
  const status = await page.textContent(".filter-count");
  assert.match(status, new RegExp(`^${wanted.length} (de )?activit`), status);
  assert.equal(await page.evaluate(() => document.activeElement.className), "filter-status", "focus on the result");
  assert.equal(await link.getAttribute("aria-current"), "true");
  await page.click(".filter-reset");
  assert.deepEqual(await shown(), [], "the reset folds again what the filter opened");
  assert.equal(await page.locator("#obiective [hidden]").count(), 0, "nothing left hidden");
  await context.close();
});

test("without JavaScript a filter value leads to its list on the plan's filter page", async () => {
  const { context, page } = await open(CLUJ, { javaScript: false });
  await page.click(".plan-filters > summary");
  const link = page.locator(".plan-filters ul.filter-values a").first();
  const wanted = (await link.getAttribute("data-anchors")).split(" ");
  await link.click();
  await page.waitForURL(/\/filtre\/#/);
  const fragment = new URL(page.url()).hash;
  const listed = await page.$$eval(`section${fragment} li > a`, (all) => all.map((a) => new URL(a.href).hash.slice(1)));
  assert.deepEqual(listed.sort(), [...wanted].sort());
  // Each leads to its objective's page, where the activity is shown.
  await page.click(`section${fragment} li > a`);
  const id = new URL(page.url()).hash.slice(1);
  assert.ok(await page.locator(`article.activity[id="${id}"]`).isVisible(), id);
  await context.close();
});

test("a keyboard reaches the first activity in a few Tabs", async () => {
  const { context, page } = await open(CLUJ);
  // The reader tabs on, and presses Enter on the skip links and on the first folded activities.
  let tabs = 0;
  let reached = false;
  while (tabs < 60 && !reached) {
    await page.keyboard.press("Tab");
    tabs += 1;
    const here = await page.evaluate(() => {
      const e = document.activeElement;
      const first = document.querySelector("#obiective article.activity");
      return {
        inFirst: first !== null && first.contains(e),
        skip: e.tagName === "A" && /^Sari /.test(e.textContent),
        firstFold: e.tagName === "SUMMARY" && e.parentElement === first?.closest("details") && !e.parentElement.open,
      };
    });
    reached = here.inFirst;
    if (here.skip || here.firstFold) await page.keyboard.press("Enter");
  }
  console.log(`Tabs to the first activity of ${CLUJ}: ${tabs}`);
  assert.ok(reached && tabs <= 15, `${tabs} Tabs`);
  await context.close();
});

test("the skip link and the way back to the contents move the keyboard's place", async () => {
  const { context, page } = await open(CLUJ);
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e.tagName, text: e.textContent.trim().slice(0, 40), inBody: document.getElementById("obiective").contains(e), inContents: document.getElementById("cuprins").contains(e) };
  });
  await page.focus(".skip-contents a");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.ok((await focused()).inBody, `after the skip link: ${JSON.stringify(await focused())}`);
  await page.focus(".goal .back-to-top a");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const back = await focused();
  assert.ok(back.inContents && back.tag === "SUMMARY", `after "Înapoi la cuprins": ${JSON.stringify(back)}`);
  await context.close();
});

for (const javaScript of [true, false]) {
  test(`printing shows every activity (JavaScript ${javaScript ? "on" : "off"})`, async () => {
    for (const path of await planPages()) {
      const { context, page } = await open(path, { javaScript });
      await page.emulateMedia({ media: "print" });
      if (javaScript) await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      const hidden = await page.$$eval("#obiective article.activity", (all) =>
        all.filter((a) => !a.checkVisibility() || a.getBoundingClientRect().height === 0).map((a) => a.id));
      assert.deepEqual(hidden, [], `${path}: activities not printed`);
      // innerText is empty for text that is not rendered.
      const last = await page.$$eval("#obiective article.activity .text", (all) => all.at(-1).innerText);
      assert.ok(last.length > 0, `${path}: the last activity's text`);
      await context.close();
    }
  });
}
