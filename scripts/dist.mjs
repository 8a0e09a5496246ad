// Writes the deployable page: `node scripts/dist.mjs [SRC] [OUT]` (default
// www/ → dist/), what `make dist` runs and what the page tests and the
// benchmark load. Every file is copied as it is, except that
// - the page's own scripts and style sheets (not the generated pkg/) lose their
//   comment-only lines (`// …`, and `/* … */` or `/** … */` blocks that start
//   and end their lines) and blank lines: documentation for people, ~3 KB of
//   the page's gzip;
// - pkg/'s TypeScript declarations and package.json are left out.
// Nothing inside a template literal is touched, and every stripped script must
// still parse (`node --check`), or the run fails and writes nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.resolve(root, process.argv[2] || "www");
const out = path.resolve(root, process.argv[3] || "dist");

/** `text` without comment-only lines and blank lines (see the header). */
export function strip(text) {
  const kept = [];
  let inTemplate = false;
  let inBlock = false;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (inTemplate) {
      kept.push(line);
    } else if (inBlock) {
      if (t.includes("*/")) {
        inBlock = false;
        if (!t.endsWith("*/")) throw new Error(`code after a comment block: ${line}`);
      }
      continue;
    } else if (t === "" || t.startsWith("//")) {
      continue;
    } else if (t.startsWith("/*")) {
      const end = t.indexOf("*/", 2);
      if (end < 0) {
        inBlock = true;
        continue;
      }
      if (end + 2 === t.length) continue;
      kept.push(line); // "/* … */ code": left as it is
    } else {
      kept.push(line);
    }
    // A backtick not escaped opens or closes a template literal.
    for (const m of line.matchAll(/\\?`/g)) if (m[0] === "`") inTemplate = !inTemplate;
  }
  if (inTemplate || inBlock) throw new Error("unterminated template literal or comment");
  return kept.join("\n") + "\n";
}

function copy(from, to, rel = "") {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const name = path.join(rel, entry.name);
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copy(a, b, name);
    } else if (rel.startsWith("pkg") && (entry.name.endsWith(".d.ts") || entry.name === "package.json")) {
      continue;
    } else if (!rel.startsWith("pkg") && /\.(js|css)$/.test(entry.name)) {
      const text = strip(fs.readFileSync(a, "utf8"));
      if (entry.name.endsWith(".js")) check(text, name);
      fs.writeFileSync(b, text);
    } else {
      fs.copyFileSync(a, b);
    }
  }
}

/** Fails unless `text` parses as a module (or, if it has no import, a script). */
function check(text, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "teks-dist-"));
  const file = path.join(dir, /^\s*(import|export)\b/m.test(text) ? "x.mjs" : "x.cjs");
  try {
    fs.writeFileSync(file, text);
    execFileSync(process.execPath, ["--check", file], { stdio: "pipe" });
  } catch (err) {
    throw new Error(`${name} does not parse once stripped: ${err.stderr || err.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(path.join(src, "pkg", "teks_bg.wasm"))) {
    console.error(`${path.relative(root, src)}/pkg/teks_bg.wasm is missing: run \`make build\` first`);
    process.exit(1);
  }
  const tmp = `${out}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  copy(src, tmp);
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(tmp, out);
  console.log(`${path.relative(root, out)}/ ready: copy it to any static host (serve .wasm as application/wasm)`);
}
