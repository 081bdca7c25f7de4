// Where the bytes of one search go: serves SITE_DIR, opens the search page with a query (and a
// county), and sums the bytes served from the search bundle by kind of file: as served by the
// test server (uncompressed), and as a server that gzips text sends them (Pagefind's own index
// files and WebAssembly are gzipped already: counted as they are).
//   SITE_DIR=… node scripts/search-bytes.mjs WORD [COUNTY]
import { gzipSync } from "node:zlib";
import { serve, launch } from "../tests/browser/site.mjs";

const [word, county] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const page = await browser.newPage();
const parts = {};
const kind = (path) => {
  if (/pagefind(-worker)?\.js$|pagefind-[a-z]+\.js$/.test(path)) return "scripts";
  if (/\.pagefind$/.test(path)) return "wasm";
  if (/\.pf_meta$/.test(path)) return "meta";
  if (/\.pf_index$/.test(path)) return "index chunks";
  if (/\.pf_filter$/.test(path)) return "filter chunks";
  if (/\.pf_fragment$/.test(path)) return "fragments";
  if (/\.json$/.test(path)) return "json";
  return "other";
};
const pending = [];
page.on("response", (r) => {
  const path = new URL(r.url()).pathname;
  if (!path.includes("/pagefind/")) return;
  pending.push(r.body().then((b) => {
    const k = kind(path);
    parts[k] = parts[k] || { bytes: 0, files: 0, gzipped: 0 };
    parts[k].bytes += b.length;
    parts[k].gzipped += /\.(js|json)$/.test(path) ? gzipSync(b, { level: 6 }).length : b.length;
    parts[k].files += 1;
  }, () => {}));
});
const filter = county ? "&judet=" + encodeURIComponent(county) : "";
await page.goto(server.url + "/cautare/?q=" + encodeURIComponent(word) + filter);
await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(q), word, { timeout: 300000 });
await new Promise((ok) => setTimeout(ok, 500));
await Promise.all(pending);
let total = 0, gzipped = 0;
console.log("part\tfiles\tbytes\tgzipped");
for (const [k, v] of Object.entries(parts).sort()) {
  console.log(`${k}\t${v.files}\t${v.bytes}\t${v.gzipped}`);
  total += v.bytes;
  gzipped += v.gzipped;
}
console.log(`total\t\t${total}\t${gzipped}`);
console.log(await page.$eval("#search-status", (s) => s.textContent));
await browser.close();
await server.close();
