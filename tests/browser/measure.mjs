// Figures for issue 17's closing note, printed rather than asserted (the assertions are in
// layout.test.mjs): at 360×740, every plan page's height and where its first objective's title
// starts; and the search page's layout shift while a search runs, at 360×740 and 1280×900.
// Usage (after building a site): SITE_DIR=/dev/shm/site node tests/browser/measure.mjs
//
// Layout shift is summed from PerformanceObserver 'layout-shift' entries recorded from the first
// paint until the results have been shown for a second. "CLS" leaves out the shifts within
// 500 ms of the reader's input (the hadRecentInput rule of Cumulative Layout Shift), "all"
// counts every shift: results appearing right after Enter are a shift the reader sees too.
import { serve, launch, onlyLocal, planPages } from "./site.mjs";

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const server = await serve();
const browser = await launch();
const leaks = [];

console.log("Plan pages at 360×740 (height; y of the first objective's title):");
for (const path of await planPages()) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await onlyLocal(page, leaks);
  await page.goto(server.url + path);
  const m = await page.evaluate(() => {
    const heading = document.querySelector("main .objective :is(h2, h3, h4, h5, h6)");
    let shown = heading;
    const closed = heading?.closest("details:not([open])");
    if (heading && heading.getClientRects().length === 0 && closed) shown = closed.querySelector("summary") || closed;
    return {
      height: document.documentElement.scrollHeight,
      y: shown ? Math.round(shown.getBoundingClientRect().top + window.scrollY) : null,
    };
  });
  const screens = (px) => (px / PHONE.height).toFixed(1);
  console.log(`  ${path}: ${m.height} px (${screens(m.height)} screens); first objective at y=${m.y} px (${screens(m.y)} screens)`);
  await context.close();
}

/** Records layout shifts from the start of every page of the context. */
async function recordShifts(context) {
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, input: entry.hadRecentInput });
    }).observe({ type: "layout-shift", buffered: true });
  });
}

async function shifts(page) {
  await page.waitForTimeout(1000);
  const list = await page.evaluate(() => window.__shifts);
  const sum = (l) => l.reduce((s, e) => s + e.value, 0).toFixed(3);
  return `CLS ${sum(list.filter((e) => !e.input))}, all ${sum(list)} (${list.length} shifts)`;
}

async function submit(page, query) {
  await page.evaluate(() => { document.getElementById("search-status").textContent = ""; });
  await page.fill("#q", query);
  await page.press("#q", "Enter");
  await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(`„${q}”`), query, { timeout: 20000 });
}

console.log("Search page layout shift:");
for (const [label, viewport] of [["360×740", PHONE], ["1280×900", DESKTOP]]) {
  for (const query of ["dgaspc", "copii"]) {
    const context = await browser.newContext({ viewport });
    await recordShifts(context);
    const page = await context.newPage();
    await onlyLocal(page, leaks);
    await page.goto(`${server.url}/cautare/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(`„${q}”`), query, { timeout: 20000 });
    console.log(`  ${label} opening /cautare/?q=${query}: ${await shifts(page)}`);
    await context.close();
  }
  const context = await browser.newContext({ viewport });
  await recordShifts(context);
  const page = await context.newPage();
  await onlyLocal(page, leaks);
  await page.goto(`${server.url}/cautare/`);
  await page.waitForSelector("#filtre:not([hidden])", { timeout: 20000 });
  await submit(page, "copii");
  await submit(page, "dgaspc");
  console.log(`  ${label} typing "copii", Enter, then "dgaspc", Enter: ${await shifts(page)}`);
  await context.close();
}

await browser.close();
await server.close();
if (leaks.length) throw new Error(`requests left the site: ${leaks.join(" ")}`);
