// Loads HTML pages in headless Chromium (playwright-core, Debian's /usr/bin/chromium), runs axe-core on
// each at every width asked for, looks for elements wider than the page, takes full-page screenshots and
// prints each page to an A4 PDF.  Driven by tests/browser.py: one JSON job file in, one JSON result out.
"use strict";
const fs = require("fs");
const path = require("path");

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const modules = path.join(job.node_dir, "node_modules");
const { chromium } = require(path.join(modules, "playwright-core"));
const AXE = path.join(modules, "axe-core", "axe.min.js");

// Every element whose box reaches past the viewport's right edge (or starts left of 0), and whether the
// document as a whole scrolls sideways.  Descendants of an element already reported are left out.
function overflowing() {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      if (found.some((f) => f.element.contains(element))) continue;
      found.push({ element, right: Math.round(box.right), left: Math.round(box.left) });
    }
  }
  return {
    scrolls: document.documentElement.scrollWidth > width + 1,
    width,
    elements: found.map((f) => ({
      tag: f.element.tagName.toLowerCase(),
      cls: f.element.getAttribute("class") || "",
      text: (f.element.textContent || "").trim().slice(0, 80),
      right: f.right,
      left: f.left,
    })),
  };
}

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
  const results = {};
  try {
    for (const item of job.pages) {
      const result = { widths: {}, pdf: null };
      for (const width of job.widths) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(item.url, { waitUntil: "load" });
        const layout = await page.evaluate(overflowing);
        const screenshot = path.join(job.out, `${item.name}-${width}.png`);
        await page.screenshot({ path: screenshot, fullPage: true });
        await page.addScriptTag({ path: AXE });
        const axe = await page.evaluate(async (tags) => {
          const run = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
          return {
            violations: run.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), summary: n.failureSummary })),
            })),
            passes: run.passes.length,
            incomplete: run.incomplete.map((v) => v.id),
          };
        }, job.tags);
        const lang = await page.evaluate(() => document.documentElement.lang);
        result.widths[width] = { layout, axe, screenshot, lang };
        await context.close();
      }
      if (job.pdf) {
        // A4 less the report's 14 mm margins is 182 mm, 688 CSS pixels: the width print lays out at.
        const context = await browser.newContext({ viewport: { width: job.print_width, height: 1000 } });
        const page = await context.newPage();
        await page.goto(item.url, { waitUntil: "load" });
        await page.emulateMedia({ media: "print" });
        result.print_layout = await page.evaluate(overflowing);
        result.pdf = path.join(job.out, `${item.name}.pdf`);
        await page.pdf({ path: result.pdf, preferCSSPageSize: true, printBackground: true });
        await context.close();
      }
      results[item.name] = result;
    }
  } finally {
    await browser.close();
  }
  fs.writeFileSync(job.result, JSON.stringify(results, null, 1));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
