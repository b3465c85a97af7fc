// Check of shanzhai serve's reviewer pages, run by tests/review_pages_browser.rs through run.mjs.
// args: {base, token, reviewer, screenshots}. With the keyboard only (after typing the token):
// log in, open the queue, select and open the oldest item, try to decide without a reason,
// pick a preset reason, confirm with `c`, land on the next item, walk with j, then find the
// decision on /review/audit. Returns what it saw; the Rust test asserts.
export default async function (page, args) {
  await page.setViewportSize({ width: 1280, height: 800 });
  const shot = (name) => page.screenshot({ path: `${args.screenshots}/${name}` });
  const out = {};

  await page.goto(`${args.base}/review`);
  out.redirected_to_login = new URL(page.url()).pathname === "/login";
  await page.locator("#token").fill(args.token);
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => new URL(u).pathname === "/review");
  out.queue_rows = await page.locator("#queue tbody tr").count();
  out.queue_text = await page.locator("main").innerText();
  await shot("review-queue.png");

  // j selects the first (oldest) item, Enter opens it.
  await page.keyboard.press("j");
  out.focused = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? null);
  await Promise.all([page.waitForURL(/\/review\/[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
  const firstUrl = page.url();
  out.first = await page.locator("#item").getAttribute("data-id");
  out.first_claim = await page.locator("#claim").innerText();
  await page.locator("#evidence").evaluate(
    (i) => i.complete || new Promise((done) => { i.onload = done; i.onerror = done; }),
  );
  out.image_loaded = await page.locator("#evidence").evaluate((i) => i.naturalWidth > 0);
  out.marks = await page.locator("ol.ocr mark").allInnerTexts();
  out.mark_titles = await page.locator("ol.ocr mark").evaluateAll((ms) => ms.map((m) => m.title));
  out.labels = await page.locator("table.labels tr").count();
  out.meta = await page.locator("dl.meta").innerText();
  await shot("review-item.png");
  // The actions by their accessible names, exactly as the issue names them.
  out.buttons = {};
  for (const name of ["Confirm", "Overturn", "Escalate"]) {
    out.buttons[name] = await page.getByRole("button", { name, exact: true }).count();
  }
  out.reason_field = await page.locator('input[name="reason"][required]').count();

  // ? opens the help, Escape closes it.
  await page.keyboard.press("?");
  out.help_opened = await page.locator("#help").evaluate((d) => d.open);
  await page.keyboard.press("Escape");
  out.help_closed = !(await page.locator("#help").evaluate((d) => d.open));

  // t shows the original upload, t again the annotated copy.
  await page.keyboard.press("t");
  out.original_src = await page.locator("#evidence").getAttribute("src");
  await page.keyboard.press("t");
  out.annotated_src = await page.locator("#evidence").getAttribute("src");

  // c without a reason: refused on the page, focus in the reason field, still here.
  await page.keyboard.press("c");
  out.empty_reason_error = await page.locator("#error").innerText();
  out.focus_in_reason = await page.evaluate(() => document.activeElement?.id === "reason");
  out.still_on_first = page.url() === firstUrl;
  await page.keyboard.press("Escape");

  // 1 picks the first preset reason, c confirms; the next pending item opens by itself.
  await page.keyboard.press("1");
  out.reason = await page.locator("#reason").inputValue();
  await Promise.all([
    page.waitForURL((u) => u.href !== firstUrl && /\/review\/[0-9a-f-]{36}$/.test(u.href)),
    page.keyboard.press("c"),
  ]);
  out.second = await page.locator("#item").getAttribute("data-id");
  out.second_claim = await page.locator("#claim").innerText();

  // j walks on to the next one (which the reviewer then holds instead).
  const secondUrl = page.url();
  await Promise.all([page.waitForURL((u) => u.href !== secondUrl), page.keyboard.press("j")]);
  out.third = await page.locator("#item").getAttribute("data-id");
  // ArrowLeft walks back.
  await Promise.all([page.waitForURL(secondUrl), page.keyboard.press("ArrowLeft")]);
  out.back_to_second = page.url() === secondUrl;

  // 2 + o overturns the second item, the third opens; 5 + e escalates it; the queue is empty.
  await page.keyboard.press("2");
  await Promise.all([page.waitForURL((u) => u.href !== secondUrl), page.keyboard.press("o")]);
  out.after_overturn = await page.locator("#item").getAttribute("data-id");
  await page.keyboard.press("5");
  await Promise.all([
    page.waitForURL((u) => new URL(u).pathname === "/review"),
    page.keyboard.press("e"),
  ]);
  out.empty_text = await page.locator("#empty").innerText();
  out.counts = await page.locator(".counts").innerText();

  // The audit log, filtered by the reviewer.
  await page.goto(`${args.base}/review/audit?reviewer=${encodeURIComponent(args.reviewer)}`);
  out.audit_rows = await page.locator("#audit tbody tr").evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.innerText.trim())),
  );
  await shot("review-audit.png");

  // Nothing the advertiser or the uploader wrote ran.
  await page.goto(`${args.base}/review`);
  out.pwned = await page.evaluate(() => window.__pwned ?? null);
  out.handler_attributes = await page.evaluate(() =>
    [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
  );
  return out;
}
