// Generic headless-Chromium runner for shanzhai's browser tests.
//
//   node tests/browser/run.mjs CHECK.mjs '{"url": "...", ...}'
//
// Launches the system Chromium (SHANZHAI_CHROMIUM, default /usr/bin/chromium) through
// playwright-core, opens one page and records, from before the first navigation:
//   dialogs         every alert/confirm/prompt/beforeunload (dismissed at once),
//   console_errors  console messages of type "error",
//   page_errors     uncaught exceptions in the page,
//   failed_requests requests that failed (URL and reason).
// Then it imports CHECK.mjs and awaits `default(page, args)`; the check navigates (args.url is
// the convention), interacts and returns any JSON value. One JSON object goes to stdout:
//   {"ok": true, "result": ..., "dialogs": [...], "console_errors": [...], ...}
// or {"ok": false, "error": "..."} with exit status 1 when the check threw or timed out.
// The Rust side (tests/common/browser.rs) runs this and parses that line; assertions live there.
import { pathToFileURL } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";

const [checkFile, argsJson = "{}"] = process.argv.slice(2);
if (!checkFile) {
  console.error("usage: node run.mjs CHECK.mjs [JSON-ARGS]");
  process.exit(2);
}
const args = JSON.parse(argsJson);
const timeoutMs = args.timeout_ms ?? 60_000;

const events = { dialogs: [], console_errors: [], page_errors: [], failed_requests: [] };
let browser;

function finish(out, code) {
  process.stdout.write(JSON.stringify({ ...out, ...events }) + "\n");
  process.exitCode = code;
}

const timer = setTimeout(() => {
  finish({ ok: false, error: `the check ran past ${timeoutMs} ms` }, 1);
  process.exit(1);
}, timeoutMs);

try {
  browser = await chromium.launch({
    executablePath: process.env.SHANZHAI_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // Chromium's own sandbox needs user namespaces, which containers and root CI lack.
    chromiumSandbox: false,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(Math.min(15_000, timeoutMs));
  page.on("dialog", (d) => {
    events.dialogs.push({ type: d.type(), message: d.message() });
    d.dismiss().catch(() => {});
  });
  page.on("console", (m) => {
    if (m.type() === "error") events.console_errors.push(m.text());
  });
  page.on("pageerror", (e) => events.page_errors.push(String(e && e.stack ? e.stack : e)));
  page.on("requestfailed", (r) =>
    events.failed_requests.push({ url: r.url(), error: r.failure()?.errorText ?? "" }),
  );
  const check = await import(pathToFileURL(path.resolve(checkFile)).href);
  const result = await check.default(page, args);
  finish({ ok: true, result: result ?? null }, 0);
} catch (e) {
  finish({ ok: false, error: String(e && e.stack ? e.stack : e) }, 1);
} finally {
  clearTimeout(timer);
  if (browser) await browser.close().catch(() => {});
}
