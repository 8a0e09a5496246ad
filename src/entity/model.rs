//! The trained tagger models (`model/<lang>.bin`): hashed features with i8
//! weights per tag, i16 tag transitions, and a constrained Viterbi decoder.
//!
//! File layout: `TEKSNER1`, one byte `bits`, 8×7 little-endian i16
//! transitions (row 7 is the sentence start), then 2^bits × 7 i8 weights.
//! They are embedded packed (`TEKSNERH`: the weights Huffman-coded by
//! `build.rs`, about 20% smaller than gzip makes them) and unpacked on first
//! use (~1 ms).

use super::features::{allowed, features, TokInfo, O, TAGS};
use crate::Lang;
use std::borrow::Cow;
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"TEKSNER1";
const PACKED: &[u8; 8] = b"TEKSNERH";

/// A loaded model.
pub(crate) struct Model {
    bits: u32,
    trans: [[i32; TAGS]; TAGS + 1],
    /// i8 weights, stored as bytes.
    weights: Vec<u8>,
}

/// Model bytes as embedded (packed by `build.rs` from `model/<lang>.bin`).
static ID_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/id.bin.huff"));
static EN_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.bin.huff"));

static ID: LazyLock<Model> = LazyLock::new(|| Model::parse(&unpack(ID_BYTES)));
static EN: LazyLock<Model> = LazyLock::new(|| Model::parse(&unpack(EN_BYTES)));

/// The `TEKSNER1` form of a packed model (see `build.rs`); any other bytes
/// come back as they are, and a damaged packed model as nothing.
fn unpack(bytes: &[u8]) -> Cow<'_, [u8]> {
    let head = 8 + 1 + (TAGS + 1) * TAGS * 2;
    if bytes.len() < head + 256 || &bytes[..8] != PACKED {
        return Cow::Borrowed(bytes);
    }
    let (header, rest) = bytes.split_at(head);
    let (lens, code) = rest.split_at(256);
    let bits = header[8];
    if !(1..=24).contains(&bits) {
        return Cow::Borrowed(&[]);
    }
    // Canonical Huffman: symbols sorted by (code length, value); `count[l]`
    // codes of length l follow each other.
    let mut count = [0u32; 25];
    let mut symbols = Vec::with_capacity(256);
    for l in 1..=24u8 {
        for (s, &len) in lens.iter().enumerate() {
            if len == l {
                count[usize::from(l)] += 1;
                symbols.push(s as u8);
            }
        }
    }
    let n = TAGS << bits;
    let mut out = Vec::with_capacity(head + n);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&header[8..]);
    let mut bit_at = 0usize;
    for _ in 0..n {
        // `first`: the first code of the current length; `index`: the
        // position of that code's symbol in `symbols`.
        let (mut code_so_far, mut first, mut index) = (0u32, 0u32, 0u32);
        let mut found = None;
        for &c in &count[1..] {
            let Some(&byte) = code.get(bit_at / 8) else {
                return Cow::Borrowed(&[]);
            };
            code_so_far |= u32::from(byte >> (7 - bit_at % 8)) & 1;
            bit_at += 1;
            if code_so_far - first < c {
                found = symbols.get((index + code_so_far - first) as usize);
                break;
            }
            index += c;
            first = (first + c) << 1;
            code_so_far <<= 1;
        }
        match found {
            Some(&s) => out.push(s),
            None => return Cow::Borrowed(&[]),
        }
    }
    Cow::Owned(out)
}

/// The model for `lang`.
pub(crate) fn for_lang(lang: Lang) -> &'static Model {
    match lang {
        Lang::En => &EN,
        _ => &ID,
    }
}

impl Model {
    /// Parses a model; an unreadable one becomes an empty model (all O).
    pub(crate) fn parse(bytes: &[u8]) -> Model {
        let empty = Model {
            bits: 0,
            trans: [[0; TAGS]; TAGS + 1],
            weights: Vec::new(),
        };
        let head = 8 + 1 + (TAGS + 1) * TAGS * 2;
        if bytes.len() < head || &bytes[..8] != MAGIC {
            return empty;
        }
        let bits = u32::from(bytes[8]);
        if !(1..=24).contains(&bits) || bytes.len() != head + (TAGS << bits) {
            return empty;
        }
        let mut trans = [[0; TAGS]; TAGS + 1];
        for (p, row) in trans.iter_mut().enumerate() {
            for (t, v) in row.iter_mut().enumerate() {
                let k = 9 + (p * TAGS + t) * 2;
                *v = i32::from(i16::from_le_bytes([bytes[k], bytes[k + 1]]));
            }
        }
        Model {
            bits,
            trans,
            weights: bytes[head..].to_vec(),
        }
    }

    /// Whether the model has weights.
    pub(crate) fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The weight bucket of feature hash `h`.
    #[inline]
    fn bucket(&self, h: u64) -> usize {
        if self.bits == 0 {
            0
        } else {
            (h >> (64 - self.bits)) as usize
        }
    }

    /// Adds the emission scores of token `i` of `info` to `scores`.
    fn emit(&self, info: &[TokInfo], i: usize, feats: &mut Vec<u64>, scores: &mut [i32; TAGS]) {
        feats.clear();
        features(info, i, feats);
        for &h in feats.iter() {
            let b = self.bucket(h) * TAGS;
            if let Some(w) = self.weights.get(b..b + TAGS) {
                for (s, &x) in scores.iter_mut().zip(w) {
                    *s += i32::from(x as i8);
                }
            }
        }
    }

    /// The best tag sequence for tokens `from..to` of `info` (the sentence
    /// context around them is in `info`); unless `from` starts the sentence,
    /// the token before it counts as O.
    pub(crate) fn decode(
        &self,
        info: &[TokInfo],
        from: usize,
        to: usize,
        starts_sentence: bool,
        tags: &mut Vec<usize>,
    ) {
        tags.clear();
        if from >= to {
            return;
        }
        let mut feats = Vec::with_capacity(64);
        let n = to - from;
        let mut back: Vec<[u8; TAGS]> = Vec::with_capacity(n);
        let mut prev = [i32::MIN / 2; TAGS];
        for i in 0..n {
            let mut e = [0i32; TAGS];
            self.emit(info, from + i, &mut feats, &mut e);
            let mut cur = [i32::MIN / 2; TAGS];
            let mut bp = [0u8; TAGS];
            for t in 0..TAGS {
                if i == 0 {
                    let row = if starts_sentence { TAGS } else { O };
                    if allowed(None, t) {
                        cur[t] = self.trans[row][t] + e[t];
                    }
                    continue;
                }
                for (p, &ps) in prev.iter().enumerate() {
                    if !allowed(Some(p), t) {
                        continue;
                    }
                    let s = ps + self.trans[p][t] + e[t];
                    if s > cur[t] {
                        cur[t] = s;
                        bp[t] = p as u8;
                    }
                }
            }
            back.push(bp);
            prev = cur;
        }
        let mut best = 0;
        for t in 1..TAGS {
            if prev[t] > prev[best] {
                best = t;
            }
        }
        tags.resize(n, 0);
        for i in (0..n).rev() {
            tags[i] = best;
            best = usize::from(back[i][best]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_models_unpack_to_the_trained_files() {
        for (packed, raw) in [
            (ID_BYTES, &include_bytes!("model/id.bin")[..]),
            (EN_BYTES, &include_bytes!("model/en.bin")[..]),
        ] {
            assert_eq!(&packed[..8], PACKED);
            assert!(packed.len() < raw.len() / 2);
            assert!(unpack(packed) == raw);
        }
        assert!(!for_lang(Lang::Id).is_empty() && !for_lang(Lang::En).is_empty());
    }

    #[test]
    fn damaged_or_foreign_bytes_give_an_empty_model() {
        let mut cut = ID_BYTES[..ID_BYTES.len() / 2].to_vec();
        assert!(Model::parse(&unpack(&cut)).is_empty());
        cut.truncate(100);
        assert!(Model::parse(&unpack(&cut)).is_empty());
        assert!(Model::parse(&unpack(b"not a model")).is_empty());
    }
}
