// Optimises the wasm that `wasm-pack build --no-opt` wrote: `node
// scripts/wasm-opt.mjs DIR` rewrites DIR/teks_bg.wasm in place. What `make
// build` and `make package` run instead of wasm-pack's own wasm-opt step.
//
// It does what wasm-pack would (binaryen's `wasm-opt` with the flags in
// Cargo.toml's `[package.metadata.wasm-pack.profile.release]`), after one
// change: table entries that nothing can call leave the function table.
// js-sys declares many imports that take closures, and each one's
// description puts wasm-bindgen's invoke shim for that closure type in the
// table; wasm-bindgen drops the descriptions but not the table entries. Its
// JS-promise-integration tasks put their waker functions there too. So the
// shims, the wakers and what they call stay in the binary although teks
// passes no closure to JavaScript and runs no task (~415 B gzip). Their
// entries point to a function that traps instead, and wasm-opt removes the
// rest. Only when JavaScript cannot reach them: the module must not export
// its function table (wasm-bindgen exports it when the glue calls a shim by
// index); otherwise, and when a new wasm-bindgen names them differently, the
// wasm is optimised as it is, with a note.
//
// The binary goes through binaryen's text format (wasm-dis, wasm-as) with the
// features its `target_features` section lists; without the change the
// result is byte for byte what wasm-opt makes of the binary directly.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.resolve(process.argv[2] || "www/pkg");
const wasm = path.join(dir, "teks_bg.wasm");

/** The wasm-opt flags of Cargo.toml's release profile for wasm-pack. */
function cargoFlags() {
  const toml = fs.readFileSync(path.join(root, "Cargo.toml"), "utf8");
  const section = toml.split("[package.metadata.wasm-pack.profile.release]")[1] ?? "";
  const line = section.split("\n").find((l) => l.startsWith("wasm-opt ="));
  if (!line) throw new Error("Cargo.toml: no wasm-opt flags for wasm-pack's release profile");
  return JSON.parse(line.slice(line.indexOf("=") + 1));
}

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** The binaryen flags enabling the features the binary's `target_features` lists. */
function featureFlags(bytes) {
  const names = { "nontrapping-fptoint": "nontrapping-float-to-int" };
  const flags = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    let size;
    [size, at] = leb(bytes, at + 1);
    const end = at + size;
    if (id === 0) {
      let [len, p] = leb(bytes, at);
      const name = new TextDecoder().decode(bytes.subarray(p, p + len));
      if (name === "target_features") {
        let count;
        [count, p] = leb(bytes, p + len);
        for (let i = 0; i < count; i++) {
          const prefix = String.fromCharCode(bytes[p]);
          [len, p] = leb(bytes, p + 1);
          const feature = new TextDecoder().decode(bytes.subarray(p, p + len));
          p += len;
          if (prefix === "+") flags.push(`--enable-${names[feature] ?? feature}`);
        }
      }
    }
    at = end;
  }
  return flags;
}

// The entries taken out, by their names in the name section wasm-bindgen keeps.
const SHIM = /^\$"?(wasm_bindgen::convert::closures::_::invoke|js_sys::futures::jspi::task_waker::)/;
const bin = (tool) => path.join(root, "node_modules", ".bin", tool);
const run = (tool, args) =>
  execFileSync(fs.existsSync(bin(tool)) ? bin(tool) : tool, args, {
    maxBuffer: 1 << 30,
    stdio: ["ignore", "pipe", "inherit"],
  });

const input = fs.readFileSync(wasm);
const features = featureFlags(input);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "teks-wasm-"));
try {
  let source = wasm;
  // (Without a target_features section the text round trip would not know
  // the features: the binary is optimised as it is.)
  const lines = features.length
    ? run("wasm-dis", [...features, wasm]).toString().split("\n")
    : [];
  const elem = lines.findIndex((l) => l.startsWith(" (elem ") && l.includes(" func $"));
  // (The table the entries are in, by the name the text gives it.)
  const table = elem >= 0 ? / \(table (\$[^\s)]+)\)/.exec(lines[elem])?.[1] : undefined;
  const exportsTable = lines.some(
    (l) => l.startsWith(" (export ") && l.endsWith(` (table ${table}))`),
  );
  if (elem >= 0 && table && !exportsTable) {
    const [head, list] = [
      lines[elem].slice(0, lines[elem].indexOf(" func $") + 6),
      lines[elem].slice(lines[elem].indexOf(" func $") + 6),
    ];
    const entries = list.match(/\$"(?:[^"\\]|\\.)*"|\$[^\s)]+/g) ?? [];
    const trimmed = entries.filter((e) => SHIM.test(e)).length;
    if (trimmed > 0) {
      const dead = "$teks_unreachable_table_entry";
      lines[elem] = `${head} ${entries.map((e) => (SHIM.test(e) ? dead : e)).join(" ")})`;
      lines.splice(elem, 0, ` (func ${dead} (unreachable))`);
      fs.writeFileSync(path.join(tmp, "teks.wat"), lines.join("\n"));
      source = path.join(tmp, "teks.wasm");
      run("wasm-as", [...features, path.join(tmp, "teks.wat"), "-o", source]);
      console.log(`wasm-opt.mjs: ${trimmed} unreachable entries left the function table`);
    } else {
      console.log("wasm-opt.mjs: no invoke shims or task wakers by name: nothing trimmed");
    }
  } else {
    console.log(
      "wasm-opt.mjs: no target features, an exported function table or no entries: nothing trimmed",
    );
  }
  run("wasm-opt", [...cargoFlags(), ...features, source, "-o", path.join(tmp, "out.wasm")]);
  fs.copyFileSync(path.join(tmp, "out.wasm"), wasm);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
