// Lighthouse's accessibility and best-practices scores on the home page, a plan, the comparisons
// and a pair of counties, and the search page with results (a manual measurement for the closing
// notes, not part of the test command: its install is ~190 MB and its accessibility audit is
// axe-core, which axe.test.mjs already runs on every page kind). Lighthouse's default mobile
// emulation (412 px wide). Run through scripts/lighthouse, which installs it outside the repository.
// Usage: SITE_DIR=... LIGHTHOUSE=path/to/bin/lighthouse node tests/browser/lighthouse.mjs
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { serve } from "./site.mjs";

const PAGES = [
  "/",
  "/planuri/cluj-droguri-2022-2026/",
  "/comparatii/",
  "/comparatii/bacau-si-caras-severin/",
  "/cautare/?q=dgaspc",
];
const lighthouse = process.env.LIGHTHOUSE;
if (!lighthouse) throw new Error("LIGHTHOUSE must name the lighthouse command (run scripts/lighthouse)");

const server = await serve();
const dir = await mkdtemp(join(tmpdir(), "planportal-lighthouse-"));
try {
  for (const [i, path] of PAGES.entries()) {
    const report = join(dir, `${i}.json`);
    await promisify(execFile)(lighthouse, [
      server.url + path,
      "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
      "--only-categories=accessibility,best-practices",
      "--output=json",
      `--output-path=${report}`,
      "--quiet",
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || "/usr/bin/chromium" } });
    const r = JSON.parse(await readFile(report, "utf8"));
    const scores = Object.values(r.categories).map((c) => `${c.id} ${Math.round(c.score * 100)}`).join(", ");
    const failing = Object.values(r.audits)
      .filter((a) => a.scoreDisplayMode === "binary" && a.score !== null && a.score < 1)
      .map((a) => a.id);
    console.log(`${path}: ${scores}${failing.length ? `; failing: ${failing.join(", ")}` : ""}`);
  }
  console.log(`(Lighthouse ${JSON.parse(await readFile(join(dir, "0.json"), "utf8")).lighthouseVersion})`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await server.close();
}
