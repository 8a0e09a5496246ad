#!/usr/bin/env python3
"""What a wasm file is made of: bytes per section, and code bytes per crate
and per function (from the `name` section, so run it on a build that keeps
names, e.g.
  CARGO_PROFILE_RELEASE_STRIP=false cargo build --lib --release \
      --target wasm32-unknown-unknown --target-dir target/size
  python3 bench/wasm_size.py target/size/wasm32-unknown-unknown/release/teks.wasm
). Sizes are before wasm-bindgen and wasm-opt, so only the proportions count."""
import re
import sys
from collections import Counter

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 5: "memory", 6: "global",
            7: "export", 10: "code", 11: "data", 12: "datacount"}


# Names are mangled (legacy `_ZN4teks…` or v0 `_R…Cs…_5alloc…`): attribute
# each function to the first crate (in this order) whose name occurs in it.
CRATES = [(c, p) for c, p in [
    ("teks", r"4teks"), ("serde_json", r"serde_json"), ("zmij (float output)", r"zmij"),
    ("serde", r"serde"), ("wasm_bindgen/js_sys", r"wasm_bindgen|js_sys"),
    ("core::fmt float", r"flt2dec|float_to_decimal|float_to_exp"),
    ("hashbrown/hash", r"hashbrown|[0-9]hash|sip"), ("dlmalloc", r"dlmalloc"),
    ("core::fmt", r"3fmt|fmt\.\."), ("core::unicode", r"unicode"), ("alloc", r"5alloc|alloc\.\."),
    ("core", r"4core|core\.\."), ("std", r"3std|std\.\."),
]]


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def main(path, top=25):
    b = open(path, "rb").read()
    i = 8
    sections = Counter()
    imports = 0
    bodies = []
    names = {}
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        end = j + size
        label = SECTIONS.get(sid, str(sid))
        if sid == 0:
            n, k = leb(b, j)
            cname = b[k:k + n].decode()
            label = f"custom:{cname}"
            if cname == "name":
                k += n
                while k < end:
                    sub, k = leb(b, k)
                    ssize, k = leb(b, k)
                    if sub == 1:
                        cnt, m = leb(b, k)
                        for _ in range(cnt):
                            idx, m = leb(b, m)
                            ln, m = leb(b, m)
                            names[idx] = b[m:m + ln].decode(errors="replace")
                            m += ln
                    k += ssize
        elif sid == 2:
            cnt, k = leb(b, j)
            for _ in range(cnt):
                for _ in range(2):
                    ln, k = leb(b, k)
                    k += ln
                kind = b[k]
                k += 1
                if kind == 0:
                    _, k = leb(b, k)
                    imports += 1
                elif kind == 1:
                    k += 1
                    flags, k = leb(b, k)
                    _, k = leb(b, k)
                    if flags & 1:
                        _, k = leb(b, k)
                elif kind == 2:
                    flags, k = leb(b, k)
                    _, k = leb(b, k)
                    if flags & 1:
                        _, k = leb(b, k)
                else:
                    k += 2
        elif sid == 10:
            cnt, k = leb(b, j)
            for _ in range(cnt):
                sz, k2 = leb(b, k)
                bodies.append(sz + (k2 - k))
                k = k2 + sz
        sections[label] += end - i
        i = end
    print(f"{path}: {len(b)} bytes")
    for k, v in sections.most_common():
        print(f"  section {k:<24} {v:>9}")
    per_fn = Counter()
    per_crate = Counter()
    for n, sz in enumerate(bodies):
        name = names.get(imports + n, f"func{imports + n}")
        name = re.sub(r"::h[0-9a-f]{16}$", "", name)
        per_fn[name] += sz
        crate = next((c for c, pat in CRATES if re.search(pat, name)), "other")
        per_crate[crate] += sz
    print("  code by crate (first path segment):")
    for k, v in per_crate.most_common(top):
        print(f"    {k:<30} {v:>9}")
    print(f"  largest functions:")
    for k, v in per_fn.most_common(top):
        print(f"    {v:>7}  {k[:110]}")


if __name__ == "__main__":
    main(sys.argv[1])
