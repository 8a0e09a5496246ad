// Completes the package wasm-pack wrote to pkg/: adds the worker helper, the
// Node entry, the npm README and the export map. Run by `make package`.
import { copyFileSync, readFileSync, writeFileSync, rmSync } from "node:fs";

const here = new URL("./", import.meta.url);
const pkg = new URL("../pkg/", import.meta.url);
const extra = ["analyser.js", "analyser.d.ts", "analyser-worker.js", "node.js", "node.d.ts", "README.md"];
for (const f of extra) copyFileSync(new URL(f, here), new URL(f, pkg));
rmSync(new URL(".gitignore", pkg), { force: true });

const meta = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));
meta.type = "module";
meta.files = [...new Set([...(meta.files ?? []), ...extra, "snippets/"])];
meta.main = "./teks.js";
meta.types = "./teks.d.ts";
meta.exports = {
  ".": { types: "./teks.d.ts", node: "./node.js", default: "./teks.js" },
  "./web": { types: "./teks.d.ts", default: "./teks.js" },
  "./node": { types: "./node.d.ts", default: "./node.js" },
  "./analyser": { types: "./analyser.d.ts", default: "./analyser.js" },
  "./teks_bg.wasm": "./teks_bg.wasm",
};
meta.sideEffects = ["./node.js", "./snippets/*"];
meta.engines = { node: ">=18" };
writeFileSync(new URL("package.json", pkg), JSON.stringify(meta, null, 2) + "\n");
console.log(`pkg/: ${meta.name}@${meta.version}, files: ${meta.files.join(", ")}`);
