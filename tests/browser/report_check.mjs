// Check of the static review report (src/report/report.html), run by tests/report_browser.rs
// through run.mjs. args: {url, screenshot?}. Returns what the page shows; the Rust test asserts.
export default async function (page, args) {
  await page.goto(args.url, { waitUntil: "load" });
  // Passes are hidden by default: show every verdict so that every card can be read.
  await page.check('#filters input[value="pass"]');
  // Bring every (lazy) thumbnail into view and wait until it loaded or failed, so that an
  // injected onerror/onload handler would have had its chance to run.
  for (const img of await page.locator("#cards img").all()) {
    await img.scrollIntoViewIfNeeded();
    await img.evaluate(
      (i) =>
        i.complete ||
        new Promise((done) => {
          i.addEventListener("load", done, { once: true });
          i.addEventListener("error", done, { once: true });
        }),
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  const state = await page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      pwned: window.__pwned ?? null,
      scripts: document.scripts.length,
      // Elements carrying an inline event handler (onerror=, onload= ...): the page has none.
      handler_attributes: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
        .map((e) => e.outerHTML.slice(0, 200)),
      // null when the page's own script did not run (the data broke out of its element).
      summary: document.getElementById("summary")?.textContent ?? null,
      empty_shown: document.querySelector(".empty") ? !document.querySelector(".empty").hidden : null,
      cards: [...document.querySelectorAll("#cards .card")].map((c) => ({
        verdict: c.dataset.verdict,
        hidden: c.hidden,
        text: c.innerText,
        text_content: c.textContent,
        marks: [...c.querySelectorAll("mark")].map((m) => m.textContent),
        tags: [...new Set([...c.querySelectorAll("*")].map((e) => e.localName))],
        images: [...c.querySelectorAll("img")].map((i) => ({
          src: i.getAttribute("src"),
          loaded: i.complete && i.naturalWidth > 0,
        })),
      })),
    };
  });
  if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });
  return state;
}
