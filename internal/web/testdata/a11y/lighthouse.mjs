// Runs Lighthouse over several pages in one Chromium, for internal/web's
// TestLighthouse:
//
//	CHROME_PATH=/usr/bin/chromium node lighthouse.mjs CONFIG.json URL...
//
// It prints one JSON line per page: the URL, its category scores and the
// weighted audits that did not pass. Starting Chromium and Lighthouse once
// rather than once per page (as the lighthouse command does) makes the test
// several times faster. Pages answered with an error status are audited
// too; Lighthouse's http-status-code audit marks them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [configPath, ...urls] = process.argv.slice(2);
const config = JSON.parse(fs.readFileSync(configPath, "utf8"));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "storyline-lighthouse-"));
const chrome = await chromeLauncher.launch({
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  userDataDir: profile,
});
try {
  for (const url of urls) {
    const r = await lighthouse(url, {port: chrome.port, logLevel: "error", ignoreStatusCode: true}, config);
    const lhr = r.lhr;
    const out = {url, categories: {}, failed: {}};
    if (lhr.runtimeError) out.error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
    for (const c of Object.values(lhr.categories)) {
      out.categories[c.id] = c.score;
      out.failed[c.id] = c.auditRefs
        .filter(a => a.weight > 0 && lhr.audits[a.id].score !== null && lhr.audits[a.id].score < 1)
        .map(a => ({id: a.id, title: lhr.audits[a.id].title}));
    }
    process.stdout.write(JSON.stringify(out) + "\n");
  }
} finally {
  await chrome.kill();
  fs.rmSync(profile, {recursive: true, force: true});
}
