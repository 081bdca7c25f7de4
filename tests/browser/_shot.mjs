import { serve, launch } from "./site.mjs";
const [out, width, ...paths] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const context = await browser.newContext({ viewport: { width: +width, height: 800 } });
const page = await context.newPage();
for (const path of paths) {
  await page.goto(server.url + path);
  if (path.includes("?q=")) await page.waitForFunction(() => document.querySelectorAll("#rezultate li").length > 0, null, { timeout: 20000 });
  const name = path.split(/[/?=,#]/).filter(Boolean).join("-") || "acasa";
  if (process.env.SEL) { await page.locator(process.env.SEL).first().screenshot({ path: `${out}/${name}-${width}-el.png` }); continue; }
  await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: process.env.FULL === "1" });
}
await browser.close(); await server.close();
