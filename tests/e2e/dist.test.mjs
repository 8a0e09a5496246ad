// scripts/dist.mjs: what the deployed page's scripts lose (comment-only lines)
// and what they keep (code, template literals, comments after code).
import { test } from "node:test";
import assert from "node:assert/strict";
import { strip } from "../../scripts/dist.mjs";

test("comment-only lines and blank lines go; code and template literals stay", () => {
  const src = [
    "// A header.",
    "/** A doc block",
    " * over lines. */",
    "const a = 1; // why a is 1",
    "",
    "  /* one line */",
    "/* kept */ const b = 2;",
    "const t = `line one",
    "// inside a template: text, not a comment",
    "",
    "last line`;",
    "const url = \"http://example.com\";",
  ].join("\n");
  assert.equal(strip(src), [
    "const a = 1; // why a is 1",
    "/* kept */ const b = 2;",
    "const t = `line one",
    "// inside a template: text, not a comment",
    "",
    "last line`;",
    "const url = \"http://example.com\";",
    "",
  ].join("\n"));
});

test("an escaped backtick does not open a template; an unterminated one is an error", () => {
  assert.equal(strip("const s = '\\`';\n// gone\n"), "const s = '\\`';\n");
  assert.throws(() => strip("const t = `open\n"), /unterminated/);
  assert.throws(() => strip("/* open\n"), /unterminated/);
});

test("scripts are minified: comments and spacing go, exports and template text stay", async () => {
  const { minified } = await import("../../scripts/dist.mjs");
  const src = [
    "// A header.",
    "export function greet(name) {",
    "  const longLocalName = `Hello,  ${name}! // not a comment`;",
    "  return longLocalName;",
    "}",
  ].join("\n");
  const out = await minified(src);
  assert.ok(out.length < src.length, out);
  assert.ok(!out.includes("A header"), out);
  assert.ok(!out.includes("longLocalName"), out);
  assert.ok(out.includes("export function greet"), out);
  assert.ok(out.includes("Hello,  ${"), out);
  assert.ok(out.includes("! // not a comment`"), out);
});
