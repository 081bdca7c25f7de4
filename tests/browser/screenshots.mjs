// Screenshots of one page of every type at phone and desktop width, for docs/screenshots/:
// what a reader sees, refreshed by scripts/screenshots whenever the design changes.
// The first screen of each page only (not the whole length), so the pictures stay small.
import { mkdir } from "node:fs/promises";
import { serve, launch, onlyLocal, pagesOfEveryKind, open } from "./site.mjs";

const out = process.argv[2];
if (!out) throw new Error("usage: node screenshots.mjs OUTPUT_DIR");
const WIDTHS = { telefon: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };

const server = await serve();
const browser = await launch();
await mkdir(out, { recursive: true });
// One page of every page kind (PAGE_KINDS in site.mjs, checked against the sitemap), and pages
// that show what readers come for: a county with publications, a drug plan, a national objective
// one county left out, a theme of two counties, three chosen counties, a search.
const pages = [...new Set([
  ...(await pagesOfEveryKind()).map(([, path]) => path),
  "/judete/cluj/",
  "/planuri/cluj-droguri-2022-2026/",
  "/strategii/snd-2022-2026/prevenirea-supradozelor/",
  "/teme/persoane-varstnice/",
  "/tipuri-institutii/dsp/",
  "/comparatii/?judete=bacau,cluj,ialomita",
  "/cautare/?q=varstnici",
  "/nu-exista/",
])];
const leaks = [];
// shoot(NAME, PATH, prepare): the page at both widths as NAME-<width>.png, after `prepare(page)`
// (opening or scrolling to what the picture is of) when given.
async function shoot(name, path, prepare) {
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await onlyLocal(page, leaks);
    await open(page, server.url + path);
    if (prepare) await prepare(page);
    await page.screenshot({ path: `${out}/${name}-${label}.png` });
    await context.close();
  }
}
for (const path of pages) {
  await shoot(path.split(/[/?=,]/).filter(Boolean).join("-") || "acasa", path);
}
// Word differences (issue 20): a pair page with its <details> open, at Cluj's 1.4.1.
await shoot("comparatii-caras-severin-si-cluj-diferente", "/comparatii/caras-severin-si-cluj/", async (page) => {
  await page.evaluate(() => document.querySelectorAll("details.diff").forEach((d) => { d.open = true; }));
  await page.locator("ins", { hasText: "naționale/" }).first().evaluate((e) => e.closest("li").scrollIntoView());
});
// The maps of the counties (issue 20, item 2) lie below the first screen: their own pictures,
// scrolled to the map's heading.
const maps = { "acasa-harta": "/", "obiectiv-national-harta": "/strategii/snd-2022-2026/prevenirea-supradozelor/" };
for (const [name, path] of Object.entries(maps)) {
  await shoot(name, path, (page) => page.locator("#harta").evaluate((heading) => heading.scrollIntoView()));
}
// Places (issue 20, item 3): a county page's localities, below the first screen.
await shoot("judete-ialomita-localitati", "/judete/ialomita/", (page) =>
  page.locator("h2", { hasText: "Localități" }).evaluate((heading) => heading.scrollIntoView()));
// A long listing's pages (issue 21): an institution's second page, scrolled to its pagination.
await shoot("institutii-ong-uri-pagina-2-paginare", "/institutii/ong-uri/pagina/2/", (page) =>
  page.locator("nav.pagination").evaluate((nav) => nav.scrollIntoView({ block: "center" })));
await browser.close();
await server.close();
if (leaks.length) throw new Error(`requests left the site: ${leaks.join(" ")}`);
console.log(`${pages.length} pages × ${Object.keys(WIDTHS).length} widths written to ${out}`);
