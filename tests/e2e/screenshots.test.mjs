// Screenshots at 360 and 1280 px in light and dark, compared with committed
// references by a tolerant pixel diff. The look must not change when the
// analysis improves, so the worker is replaced by one that replies with a
// fixed result for the sample article (fixtures/sample-result.json, made by
// the real wasm; regenerate it if the sample text changes).
// UPDATE_SCREENSHOTS=1 rewrites the references; failed runs leave the actual
// image in test-results/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, openPage, waitReady, waitDone, ROOT } from "./helpers.mjs";

const DIR = path.join(ROOT, "tests/e2e/screenshots");
const OUT = path.join(ROOT, "test-results");
const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/e2e/fixtures/sample-result.json"), "utf8"));
const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";
const CHANNEL_TOLERANCE = 48; // per colour channel, 0–255
const MAX_DIFF_RATIO = 0.005; // of all pixels

const FAKE_WORKER = `
const FIXTURE = ${JSON.stringify(FIXTURE)};
postMessage({ type: "ready", version: "0.0.0" });
onmessage = (e) => {
  const m = e.data;
  if (m.type === "analyse" && m.text === FIXTURE.text) postMessage({ type: "result", id: m.id, data: FIXTURE.result });
  else postMessage({ type: "error", id: m.id, message: "fixture worker: unexpected request (sample text changed?)" });
};`;

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Compares two PNGs in the browser: size and share of differing pixels. */
async function diff(a, b) {
  const page = await browser.newPage();
  const r = await page.evaluate(async ([x, y, tol]) => {
    const load = (b64) => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = reject;
      img.src = `data:image/png;base64,${b64}`;
    });
    const [ia, ib] = await Promise.all([load(x), load(y)]);
    if (ia.width !== ib.width || ia.height !== ib.height) return { size: `${ia.width}x${ia.height} vs ${ib.width}x${ib.height}` };
    const px = (img) => {
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, img.width, img.height).data;
    };
    const [da, db] = [px(ia), px(ib)];
    let n = 0;
    for (let i = 0; i < da.length; i += 4) {
      if (Math.abs(da[i] - db[i]) > tol || Math.abs(da[i + 1] - db[i + 1]) > tol || Math.abs(da[i + 2] - db[i + 2]) > tol) n++;
    }
    return { ratio: n / (da.length / 4), pixels: n };
  }, [a.toString("base64"), b.toString("base64"), CHANNEL_TOLERANCE]);
  await page.close();
  return r;
}

for (const colorScheme of ["light", "dark"]) {
  for (const width of [360, 1280]) {
    test(`screenshot ${width} px ${colorScheme}`, async () => {
      const { page, log, context } = await openPage(browser, "about:blank", {
        colorScheme, viewport: { width, height: 900 }, locale: "en-US", reducedMotion: "reduce",
      });
      await context.route("**/worker.js", (route) => route.fulfill({ contentType: "text/javascript", body: FAKE_WORKER }));
      await page.goto(server.url);
      await waitReady(page);
      await page.click("#sample");
      await page.waitForSelector("[data-entity]");
      await waitDone(page);
      await page.evaluate(() => {
        document.activeElement.blur();
        // A full-page shot is taller than the viewport: draw what
        // content-visibility would skip off screen.
        for (const e of document.querySelectorAll(".seg, .sentences, .cleaned")) e.style.contentVisibility = "visible";
      });
      await page.mouse.move(0, 0);
      const shot = await page.screenshot({ fullPage: true, animations: "disabled", caret: "hide" });
      assert.deepEqual(log.errors, []);
      await context.close();

      const name = `${width}-${colorScheme}.png`;
      const ref = path.join(DIR, name);
      if (UPDATE || !fs.existsSync(ref)) {
        assert.ok(UPDATE, `no reference ${ref}; run with UPDATE_SCREENSHOTS=1 and look at it`);
        fs.mkdirSync(DIR, { recursive: true });
        fs.writeFileSync(ref, shot);
        return;
      }
      const d = await diff(shot, fs.readFileSync(ref));
      if (d.size || d.ratio > MAX_DIFF_RATIO) {
        fs.mkdirSync(OUT, { recursive: true });
        fs.writeFileSync(path.join(OUT, name), shot);
      }
      assert.equal(d.size, undefined, `size changed: ${d.size} (actual in test-results/${name})`);
      assert.ok(d.ratio <= MAX_DIFF_RATIO, `${d.pixels} pixels differ (${(d.ratio * 100).toFixed(2)}%; actual in test-results/${name})`);
    });
  }
}
