// The built npm package (pkg/) in Node: import, analyse the reference article.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readReference } from "../e2e/helpers.mjs";

const teks = await import("../../pkg/node.js");

test("analyses the reference article with exact UTF-16 offsets", async () => {
  const text = readReference();
  const result = teks.analyse(text, { lang: "auto" });
  assert.equal(result.language, "id");
  assert.ok(result.sentences.length >= 10);
  for (const s of result.sentences) {
    assert.equal(text.slice(s.start, s.end).split(/\s+/).join(" "), s.text.split(/\s+/).join(" "));
  }
  for (const e of result.entities) {
    assert.equal(e.count, e.mentions.length);
    for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  }
  const kim = result.entities.find((e) => e.name === "Kim Jong-Un");
  assert.equal(kim?.type, "PER");
  assert.equal(result.removed.filter((r) => r.reason === "promo").length, 3);
});

test("throws Error with a message and keeps working", () => {
  assert.throws(() => teks.analyse("Halo.", { lang: "xx" }), (e) => e instanceof Error && /xx/.test(e.message));
  assert.throws(() => teks.analyse(42), /string/);
  assert.equal(teks.splitSentences("Satu. Dua.").length, 2);
  assert.match(teks.version(), /^\d+\.\d+\.\d+/);
});

test("package.json describes the package", async () => {
  const { readFile } = await import("node:fs/promises");
  const meta = JSON.parse(await readFile(new URL("../../pkg/package.json", import.meta.url), "utf8"));
  for (const key of ["name", "version", "description", "license", "repository", "types", "files", "keywords"]) {
    assert.ok(meta[key], `package.json has ${key}`);
  }
  assert.ok(meta.files.includes("analyser.js"));
  assert.equal(meta.exports["./analyser"].default, "./analyser.js");
});
