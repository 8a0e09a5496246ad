// A tiny static server for the benchmark (no dependencies):
//   /              → dist/ (the page as deployed, `make dist`; dist/pkg holds the wasm)
//   /bench/…       → bench/ (the bench page)
//   /node_modules/…→ node_modules/ (the peers, for the bench page)
//   /__text/id|en  → the generated 1 MiB texts (bench/data.mjs)
//   /__wink.js     → wink-nlp + its English lite web model as one ES module
//                    (both are CommonJS; bundled on the fly, see `bundleCjs`)
// Responses are sent uncompressed; sizes are gzipped by the benchmark itself.

import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { dirname, join, normalize, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Bundles a CommonJS entry and its relative requires into one ES module. */
export function bundleCjs(entries) {
  const modules = new Map();
  const req = createRequire(join(root, "package.json"));
  const visit = (file) => {
    if (modules.has(file)) return;
    let src = readFileSync(file, "utf8");
    const deps = {};
    if (file.endsWith(".json")) src = `module.exports = ${src};`;
    modules.set(file, { src, deps });
    for (const m of src.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1];
      const resolved = createRequire(file).resolve(spec);
      deps[spec] = resolved;
      visit(resolved);
    }
  };
  const entryFiles = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, req.resolve(v)]));
  Object.values(entryFiles).forEach(visit);
  let out = "const __defs = {}, __cache = {};\n";
  out += "function __req(f) { if (!(f in __cache)) { const module = { exports: {} }; __cache[f] = module; __defs[f](module, module.exports); } return __cache[f].exports; }\n";
  for (const [file, { src, deps }] of modules) {
    out += `__defs[${JSON.stringify(file)}] = function (module, exports) {\n`;
    out += `const require = (s) => __req(${JSON.stringify(deps)}[s]);\n${src}\n};\n`;
  }
  for (const [name, file] of Object.entries(entryFiles)) {
    out += `export const ${name} = __req(${JSON.stringify(file)});\n`;
  }
  return out;
}

export function startServer({ texts, port = 0 } = {}) {
  let wink;
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://x");
    let path = decodeURIComponent(url.pathname);
    const send = (status, body, type) => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      response.end(body);
    };
    if (path.startsWith("/__text/") && texts) {
      const t = texts[path.slice(8)];
      return t ? send(200, t, TYPES[".txt"]) : send(404, "no such text", TYPES[".txt"]);
    }
    if (path === "/__wink.js") {
      wink ??= bundleCjs({ winkNLP: "wink-nlp", model: "wink-eng-lite-web-model" });
      return send(200, wink, TYPES[".js"]);
    }
    let file;
    if (path.startsWith("/bench/") || path.startsWith("/node_modules/")) file = join(root, normalize(path));
    else file = join(root, "dist", normalize(path));
    if (!file.startsWith(root)) return send(403, "forbidden", TYPES[".txt"]);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      if (process.env.BENCH_DEBUG) console.error(`404 ${path}`);
      return send(404, "not found", TYPES[".txt"]);
    }
    send(200, readFileSync(file), TYPES[extname(file)] || "application/octet-stream");
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { indonesian, english } = await import("./data.mjs");
  const { url } = await startServer({ texts: { id: indonesian(), en: english() }, port: +(process.env.PORT || 8090) });
  console.log(`serving dist/ and bench/ at ${url} (bench page: ${url}/bench/)`);
}
