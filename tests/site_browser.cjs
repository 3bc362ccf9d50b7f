// Uses the built site as a reader would, in headless Chromium (playwright-core, Debian's /usr/bin/chromium):
// from the front page, with the keyboard only, skips to the content, types a query into the search field,
// submits it, follows the first result, switches language, and follows every link of a sample of pages.
// Driven by tests/test_site_browser.py: one JSON job file in, one JSON result out.
"use strict";
const fs = require("fs");
const path = require("path");
const url = require("url");

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const { chromium } = require(path.join(job.node_dir, "node_modules", "playwright-core"));

async function main() {
  const browser = await chromium.launch({
    executablePath: job.chromium,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const result = { steps: [], links: [], errors: [] };
  const step = (name, value) => result.steps.push({ name, value });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on("pageerror", (error) => result.errors.push(String(error)));
    page.on("requestfailed", (request) => result.errors.push("request failed: " + request.url()));
    await page.goto(job.front, { waitUntil: "load" });

    // keyboard: the first Tab reaches the skip link, Enter moves the focus into the content
    await page.keyboard.press("Tab");
    step("first tab", await page.evaluate(() => document.activeElement.textContent));
    await page.keyboard.press("Enter");
    step("after skip", await page.evaluate(() => document.activeElement.id));

    // the search field of the header, typed into and submitted with Enter
    await page.focus("#haku-q");
    await page.keyboard.type(job.query);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
    await page.waitForSelector("#tulokset li a");
    step("search url", page.url());
    step("search field", await page.inputValue("#haku-kentta"));
    step("count", await page.textContent("#tulokset-maara"));
    const results = await page.$$eval("#tulokset li a", (links) => links.map((a) => a.textContent));
    step("results", results);

    // typing more narrows the list without a new page load
    await page.fill("#haku-kentta", "");
    await page.type("#haku-kentta", job.narrow);
    await page.waitForFunction(
      (count) => document.querySelectorAll("#tulokset li").length < count,
      results.length
    );
    step("narrowed", await page.$$eval("#tulokset li a", (links) => links.map((a) => a.textContent)));

    // follow the first result with the keyboard
    await page.focus("#tulokset li a");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
    step("result url", page.url());
    step("result h1", await page.textContent("h1"));

    // switch the language: the same page in Swedish
    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.click(`nav.langs a[lang="${job.switch_to}"]`),
    ]);
    step("switched url", page.url());
    step("switched lang", await page.evaluate(() => document.documentElement.lang));
    step("switched h1", await page.textContent("h1"));

    // every link of a sample of pages leads to a page that loads
    for (const sample of job.samples) {
      await page.goto(sample, { waitUntil: "load" });
      const hrefs = await page.$$eval("a[href]", (links) => [...new Set(links.map((a) => a.href))]);
      for (const href of hrefs) {
        const address = new URL(href);
        if (!address.pathname.endsWith(".html")) {
          // a download (CSV, JSON): Chromium would save it rather than show it
          result.links.push({ from: sample, href, ok: fs.existsSync(url.fileURLToPath(address)) });
          continue;
        }
        const other = await context.newPage();
        let ok = false;
        try {
          const response = await other.goto(href, { waitUntil: "load" });
          ok = response === null || response.ok() || response.status() === 0;
          ok = ok && (await other.evaluate(() => document.body !== null && document.title !== ""));
        } catch (error) {
          ok = false;
        }
        result.links.push({ from: sample, href, ok });
        await other.close();
      }
    }
  } finally {
    await browser.close();
  }
  fs.writeFileSync(job.result, JSON.stringify(result));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
