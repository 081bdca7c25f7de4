// Issue 18, point 1, in the browser at 360×740: a source page highlights the line its address
// names (#L51, CSS :target) and a range of lines (#L32-L34, source.js), scrolled to the range's
// first line; without JavaScript a range a note cites still lands on its first line; long lines
// wrap inside the page. Usage: SITE_DIR=/path/to/site node --test sources.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { onlyLocal, siteSession } from "./site.mjs";

const PHONE = { width: 360, height: 740 };
const IALOMITA = "/surse/004_97d9123833db1d67/";
const CARAS = "/surse/001_8fb6bb65d040dc76/";
const site = siteSession();

async function open(path, { javaScript = true } = {}) {
  const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await onlyLocal(page, site.leaks);
  await page.goto(site.server.url + path);
  return { context, page };
}

/** The numbers of the lines whose background is the highlight's (not the page's). */
function highlighted(page) {
  return page.$$eval(".source-lines li", (lines) => {
    const plain = getComputedStyle(document.body).backgroundColor;
    return lines
      .filter((li) => getComputedStyle(li).backgroundColor !== plain && getComputedStyle(li).backgroundColor !== "rgba(0, 0, 0, 0)")
      .map((li) => Number(li.id.slice(1)));
  });
}

/** Whether line `n` is within the viewport. */
function inView(page, n) {
  return page.$eval(`#L${n}`, (li) => {
    const r = li.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

test("#L32-L34 highlights three lines and scrolls to the first", async () => {
  const { context, page } = await open(`${IALOMITA}#L32-L34`);
  assert.deepEqual(await highlighted(page), [32, 33, 34]);
  assert.ok(await inView(page, 32), "line 32 is on screen");
  await context.close();
});

test("#L51 highlights its line without JavaScript", async () => {
  const { context, page } = await open(`${IALOMITA}#L51`, { javaScript: false });
  assert.deepEqual(await highlighted(page), [51]);
  assert.ok(await inView(page, 51), "line 51 is on screen");
  await context.close();
});

test("without JavaScript, a range a note cites lands on its first line", async () => {
  const { context, page } = await open(`${CARAS}#L164-L173`, { javaScript: false });
  assert.deepEqual(await highlighted(page), [164]);
  assert.ok(await inView(page, 164), "line 164 is on screen");
  await context.close();
});

test("long lines wrap: no sideways scroll at 360 px", async () => {
  for (const path of [CARAS, "/surse/002_37d2d2bacd39b006/"]) {
    const { context, page } = await open(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `${path}: the page is ${width} px wide`);
    await context.close();
  }
});
