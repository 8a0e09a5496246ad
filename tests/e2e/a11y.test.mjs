// Accessibility and responsiveness: axe-core WCAG 2 A/AA in light and dark
// at 360 and 1280 px, keyboard-only use with visible focus, no sideways
// scrolling at 360 px, prefers-reduced-motion.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, waitReady, waitDone, entityRows, ROOT } from "./helpers.mjs";

const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function withSample(options) {
  // axe is injected as a script, which the page's CSP would (rightly) block.
  const { page, log, context } = await openPage(browser, server.url, { bypassCSP: true, locale: "en-US", ...options });
  await waitReady(page);
  await page.click("#sample");
  await page.waitForSelector("[data-entity]");
  await waitDone(page);
  return { page, log, context };
}

for (const colorScheme of ["light", "dark"]) {
  for (const width of [360, 1280]) {
    test(`axe-core WCAG 2 A/AA: no violations (${colorScheme}, ${width} px)`, async () => {
      const { page, context } = await withSample({ colorScheme, viewport: { width, height: 900 } });
      // Select an entity and show the notice, so their states are checked too.
      await page.click("[data-entity] button");
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        resultTypes: ["violations"],
      }));
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      assert.deepEqual(summary, []);
      assert.ok(result.passes.length > 10, "axe ran no checks");
      await context.close();
    });
  }
}

test("360 px: nothing scrolls sideways", async () => {
  const { page, context } = await withSample({ viewport: { width: 360, height: 800 } });
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  assert.ok(widths.doc <= 360 && widths.body <= 360, JSON.stringify(widths));
  await context.close();
});

test("keyboard only: type, analyse, pick an entity, step; focus is visible", async () => {
  const { page, log, context } = await openPage(browser, server.url, { locale: "en-US" });
  await waitReady(page);
  await page.evaluate(() => { document.getElementById("live").checked = false; });
  // Tab from the top: skip link, interface language, then the text area.
  const order = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.className));
  }
  assert.deepEqual(order, ["skip", "ui-lang", "input"]);
  await page.keyboard.type("Presiden Joko Widodo tiba di Medan. Joko Widodo bertemu Gubernur Sumatera Utara.");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "analyse");
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.equal(outline.style, "solid");
  assert.ok(outline.width >= 2);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-entity]");
  await waitDone(page);
  // Ctrl+Enter in the text area also analyses.
  await page.focus("#input");
  await page.keyboard.press("End");
  await page.keyboard.type(" Ia pulang ke Jakarta.");
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector('[data-entity][data-name*="Jakarta"]');
  // Tab to the first entity button and press it.
  const rows = await entityRows(page);
  const target = rows[0];
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate((idx) => document.activeElement.dataset.select === String(idx), target.index);
  }
  assert.ok(found, "entity button not reachable by Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#marked mark.active").count(), target.count);
  // Step with the keyboard.
  await page.focus("#step-next");
  await page.keyboard.press("Enter");
  assert.match(await page.textContent("#step-label"), new RegExp(`mention ${Math.min(2, target.count)} of ${target.count}`));
  // Sorting headers are buttons.
  await page.focus('th button[data-sort="name"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute('th:has(button[data-sort="name"])', "aria-sort"), "ascending");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("prefers-reduced-motion and prefers-color-scheme are respected", async () => {
  const look = async (options) => {
    const { page, context } = await openPage(browser, server.url, options);
    const v = await page.evaluate(() => ({
      scroll: getComputedStyle(document.documentElement).scrollBehavior,
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.body).color,
    }));
    await context.close();
    return v;
  };
  const normal = await look({ reducedMotion: "no-preference", colorScheme: "light" });
  const reduced = await look({ reducedMotion: "reduce", colorScheme: "dark" });
  assert.equal(normal.scroll, "smooth");
  assert.equal(reduced.scroll, "auto");
  assert.equal(normal.bg, "rgb(255, 255, 255)");
  assert.equal(reduced.bg, "rgb(18, 20, 23)");
  assert.notEqual(normal.fg, reduced.fg);
});
