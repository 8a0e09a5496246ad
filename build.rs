//! Drops the comment lines of the word lists in `src/` (`$OUT_DIR/<dir>/<list>`,
//! embedded with the crate's `list!`; the entity lists, the generated
//! common-word list among them, but not the acronyms, also sorted and
//! front-coded, see `front_code`) and packs the entity models for
//! embedding: `src/entity/model/<lang>.bin` (as `make train` writes them) → `$OUT_DIR/<lang>.bin.huff`, the same bytes with
//! the weight table Huffman-coded (lossless). The i8 weights are mostly small
//! (about half are 0), so this is ~20% smaller than what gzip makes of the raw
//! table, which is what the page downloads. `src/entity/model.rs` unpacks it
//! once. Any model file works, retrained or not; a file that is not a model
//! is passed through as it is (the loader then reports it as empty).
//!
//! Packed layout: `TEKSNERH`, the original header after its magic (`bits`
//! and the transitions), 256 code lengths (one per byte value, 0 = unused),
//! then the codes of the weight bytes, most significant bit first.

use std::env;
use std::fs;
use std::path::Path;

const HEAD: usize = 8 + 1 + 8 * 7 * 2;
const MAX_LEN: u8 = 24;

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    for lang in ["id", "en"] {
        let src = format!("src/entity/model/{lang}.bin");
        println!("cargo:rerun-if-changed={src}");
        let bytes = fs::read(&src).unwrap_or_default();
        let packed = pack(&bytes).unwrap_or(bytes);
        fs::write(Path::new(&out).join(format!("{lang}.bin.huff")), packed).expect("write model");
    }
    // The word lists as embedded: their comments (documentation for people)
    // dropped, ~4 KB of the page's gzip.
    for dir in ["entity/data", "lang/id", "lang/en", "clean/data"] {
        println!("cargo:rerun-if-changed=src/{dir}");
        let to = Path::new(&out).join(dir);
        fs::create_dir_all(&to).expect("create list dir");
        for entry in fs::read_dir(format!("src/{dir}")).expect("list dir") {
            let path = entry.expect("list entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = fs::read_to_string(&path).expect("read list");
                let name = path.file_name().expect("file name");
                // The entity lists are sets (their order does not count;
                // not the acronym list, whose expansions the lexicon keeps):
                // sorted and front-coded, ~1 KB less gzip.
                let coded = if dir == "entity/data" && name != "acronyms.txt" {
                    front_code(&text)
                } else {
                    strip_comments(&text)
                };
                fs::write(to.join(name), coded).expect("write list");
            }
        }
    }
}

/// `text` without its comment lines (`// …`) and blank lines; every other
/// line as it is.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for l in text.lines() {
        if !l.trim().is_empty() && !l.trim_start().starts_with("//") {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// The entries of a word list (comments and blank lines dropped), sorted,
/// each line written as the number of leading characters it shares with the
/// one before (one digit, at most 9) and the rest: "abad", "abandoned" →
/// "0abad", "3ndoned": ~20% smaller than what gzip makes of the plain list;
/// `src/entity/lexicon.rs` (`unfront`) decodes it once.
fn front_code(text: &str) -> String {
    let mut out = String::new();
    let mut prev: Vec<char> = Vec::new();
    let stripped = strip_comments(text);
    let mut sorted: Vec<&str> = stripped.lines().map(str::trim).collect();
    sorted.sort_unstable();
    sorted.dedup();
    for l in sorted {
        let w: Vec<char> = l.chars().collect();
        let k = w
            .iter()
            .zip(&prev)
            .take(9)
            .take_while(|(a, b)| a == b)
            .count();
        out.push(char::from(b'0' + k as u8));
        out.extend(&w[k..]);
        out.push('\n');
        prev = w;
    }
    out
}

/// The packed form of a `TEKSNER1` model, or `None` when it is not one.
fn pack(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.len() <= HEAD || &bytes[..8] != b"TEKSNER1" {
        return None;
    }
    let weights = &bytes[HEAD..];
    let mut counts = [0u64; 256];
    for &b in weights {
        counts[usize::from(b)] += 1;
    }
    let lens = code_lengths(&counts);
    if lens.iter().any(|&l| l > MAX_LEN) {
        return None;
    }
    let codes = canonical_codes(&lens);
    let mut out = Vec::with_capacity(bytes.len() / 2);
    out.extend_from_slice(b"TEKSNERH");
    out.extend_from_slice(&bytes[8..HEAD]);
    out.extend_from_slice(&lens);
    let (mut acc, mut n) = (0u64, 0u32);
    for &b in weights {
        let l = u32::from(lens[usize::from(b)]);
        acc = (acc << l) | u64::from(codes[usize::from(b)]);
        n += l;
        while n >= 8 {
            n -= 8;
            out.push((acc >> n) as u8);
        }
    }
    if n > 0 {
        out.push((acc << (8 - n)) as u8);
    }
    Some(out)
}

/// Huffman code lengths for `counts` (0 for unused symbols; a lone symbol
/// gets length 1).
fn code_lengths(counts: &[u64; 256]) -> [u8; 256] {
    // Nodes: (weight, symbols under it); merge the two lightest until one is left.
    let mut nodes: Vec<(u64, Vec<usize>)> = (0..256)
        .filter(|&s| counts[s] > 0)
        .map(|s| (counts[s], vec![s]))
        .collect();
    let mut lens = [0u8; 256];
    if nodes.len() == 1 {
        lens[nodes[0].1[0]] = 1;
    }
    while nodes.len() > 1 {
        nodes.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1[0].cmp(&a.1[0])));
        let (wa, a) = nodes.pop().expect("node");
        let (wb, b) = nodes.pop().expect("node");
        for &s in a.iter().chain(&b) {
            lens[s] = lens[s].saturating_add(1);
        }
        let mut merged = a;
        merged.extend(b);
        nodes.push((wa + wb, merged));
    }
    lens
}

/// Canonical codes: by length, then by symbol.
fn canonical_codes(lens: &[u8; 256]) -> [u32; 256] {
    let mut codes = [0u32; 256];
    let mut code = 0u32;
    for len in 1..=MAX_LEN {
        for s in 0..256 {
            if lens[s] == len {
                codes[s] = code;
                code += 1;
            }
        }
        code <<= 1;
    }
    codes
}
