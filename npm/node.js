// Node entry: loads the wasm synchronously from beside this file.
import { readFileSync } from "node:fs";
import { initSync } from "./teks.js";

initSync({ module: readFileSync(new URL("./teks_bg.wasm", import.meta.url)) });

export * from "./teks.js";
