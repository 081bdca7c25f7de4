// Implementation status (issue 20, item 4) on the fixture site, which the bundled content cannot
// show (it has no monitoring report): axe-core with zero violations on the pages that carry
// statuses — a plan with reports, an objective page, a county, a report — at 360 and 1280 px,
// and, given an output folder, their screenshots for docs/screenshots/.
// Usage: scripts/status-site DIR, then SITE_DIR=DIR node statuses.mjs [SCREENSHOT_DIR].
import { mkdir } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { serve, launch, onlyLocal, open } from "./site.mjs";

const out = process.argv[2];
const WIDTHS = { telefon: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };
const PAGES = ["/planuri/cluj-stadiu/", "/planuri/cluj-stadiu/os-1-2/", "/judete/cluj/", "/documente/raport-monitorizare-2023/"];
// What the screenshots show: the plan's rollup, an activity's tag inside its opened objective,
// the county's rollup.
const SHOTS = {
  "stadiu-plan": ["/planuri/cluj-stadiu/", "main > .status-rollup", false],
  "stadiu-activitate": ["/planuri/cluj-stadiu/", "#a-1-2-1 .status-line", true],
  "stadiu-judet": ["/judete/cluj/", ".status-rollup", false],
};

const server = await serve();
const browser = await launch();
const failures = [];
const leaks = [];
for (const [label, viewport] of Object.entries(WIDTHS)) {
  for (const path of PAGES) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await onlyLocal(page, leaks);
    await open(page, server.url + path);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    for (const v of result.violations) failures.push(`${label} ${path}: ${v.id} ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    await context.close();
  }
  if (!out) continue;
  await mkdir(out, { recursive: true });
  for (const [name, [path, selector, unfold]] of Object.entries(SHOTS)) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await onlyLocal(page, leaks);
    await open(page, server.url + path);
    if (unfold) await page.evaluate(() => document.querySelectorAll("details.activities").forEach((d) => { d.open = true; }));
    await page.locator(selector).first().evaluate((e) => e.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: `${out}/${name}-${label}.png` });
    await context.close();
  }
}
await browser.close();
await server.close();
if (leaks.length) throw new Error(`requests left the site: ${leaks.join(" ")}`);
if (failures.length) throw new Error(`axe-core violations:\n${failures.join("\n")}`);
console.log(`axe-core: 0 violations on ${PAGES.length} pages of the status fixture at ${Object.keys(WIDTHS).length} widths`);
