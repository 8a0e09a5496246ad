// Writes the deployable page: `node scripts/dist.mjs [SRC] [OUT]` (default
// www/ → dist/), what `make dist` runs and what the page tests and the
// benchmark load. Every file is copied as it is, except that
// - every script (the page's own and pkg/'s glue) is minified with terser
//   (npm devDependency; compressed, names mangled, comments dropped): ~5 KB
//   of the page's gzip;
// - the page's own style sheets are minified with csso (npm devDependency);
// - pkg/'s TypeScript declarations and package.json are left out.
// Every minified script must still parse (`node --check`), or the run fails
// and writes nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { minify as minifyCss } from "csso";

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

/** Copies `from` to `to`; scripts to minify are pushed onto `scripts` as [source, target, name]. */
function copy(from, to, scripts, rel = "") {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const name = path.join(rel, entry.name);
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copy(a, b, scripts, name);
    } else if (rel.startsWith("pkg") && (entry.name.endsWith(".d.ts") || entry.name === "package.json")) {
      continue;
    } else if (entry.name.endsWith(".js")) {
      scripts.push([a, b, name]);
    } else if (!rel.startsWith("pkg") && entry.name.endsWith(".css")) {
      fs.writeFileSync(b, minifyCss(strip(fs.readFileSync(a, "utf8"))).css + "\n");
    } else {
      fs.copyFileSync(a, b);
    }
  }
}

/** `text` (a script; a module if it imports or exports) minified. */
export async function minified(text, module = isModule(text)) {
  const { code } = await minify(text, {
    module,
    // (`unsafe`: rewrites that assume built-ins are not redefined, which
    // the page never does; `unsafe_arrows`, `unsafe_methods`: functions
    // that do not use `this` or `arguments` written as arrows; ~100 B.)
    ecma: 2020,
    compress: { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true },
    mangle: true,
    format: { comments: false },
  });
  return code + "\n";
}

function isModule(text) {
  return /^\s*(import|export)\b/m.test(text);
}

/** Fails unless `text` parses as a module (or, if `module` is false, a script). */
function check(text, name, module) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "teks-dist-"));
  const file = path.join(dir, module ? "x.mjs" : "x.cjs");
  try {
    fs.writeFileSync(file, text);
    execFileSync(process.execPath, ["--check", file], { stdio: "pipe" });
  } catch (err) {
    throw new Error(`${name} does not parse once minified: ${err.stderr || err.message}`);
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
  const scripts = [];
  copy(src, tmp, scripts);
  for (const [a, b, name] of scripts) {
    const source = fs.readFileSync(a, "utf8");
    const module = isModule(source);
    const text = await minified(source, module);
    check(text, name, module);
    fs.writeFileSync(b, text);
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(tmp, out);
  console.log(`${path.relative(root, out)}/ ready: copy it to any static host (serve .wasm as application/wasm)`);
}
