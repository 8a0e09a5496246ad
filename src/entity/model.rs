//! The trained tagger models (`model/<lang>.bin`): hashed features with i8
//! weights per tag, i16 tag transitions, and a constrained Viterbi decoder.
//!
//! File layout: `TEKSNER1`, one byte `bits`, 8×7 little-endian i16
//! transitions (row 7 is the sentence start), then 2^bits × 7 i8 weights.
//! They are embedded packed (`TEKSNERH`: the weights Huffman-coded by
//! `build.rs`, about 20% smaller than gzip makes them) and unpacked on first
//! use (~1 ms).

use super::features::{
    allowed, context_features, token_features, token_key, TokInfo, MAX_FEATURES, O, TAGS,
};
use crate::Lang;
use std::borrow::Cow;
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"TEKSNER1";
const PACKED: &[u8; 8] = b"TEKSNERH";

/// A loaded model.
pub(crate) struct Model {
    /// `64 - bits`: a feature hash shifted right by it is its bucket (63
    /// for an empty model, whose `rows` are empty).
    shift: u32,
    /// Transition scores; a transition [`allowed`] forbids scores `FORBIDDEN`.
    trans: [[i32; TAGS]; TAGS + 1],
    /// `trans` by column: `cols[t][p]` is `trans[p][t]` (p a tag, not the
    /// start), read in a row by the decoder.
    cols: [[i32; TAGS]; TAGS],
    /// Per bucket, its seven i8 weights plus [`BIAS`] as bytes of one u64
    /// (byte 7 zero), so that summing a token's features is a few 64-bit
    /// additions of packed lanes rather than seven sign extensions each.
    rows: Vec<u64>,
}

/// Added to every i8 weight so that it packs as an unsigned byte: weights
/// are quantised to −15..15 (`model/README.md`); anything outside −128..127
/// cannot occur in the i8 file format, and 128 keeps every byte in 0..=255.
const BIAS: i32 = 128;

/// The score of a forbidden transition: far below any reachable score, far
/// enough above `i32::MIN` that adding emissions never overflows.
const FORBIDDEN: i32 = i32::MIN / 4;

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
    // Codes of up to PEEK bits (nearly all: the weights are mostly near 0)
    // are decoded by one table lookup on the next PEEK bits; longer ones bit
    // by bit. Entry: symbol, code length (0: longer than PEEK).
    const PEEK: u32 = 10;
    let mut table = vec![(0u8, 0u8); 1 << PEEK];
    let (mut next_code, mut index) = (0u32, 0usize);
    for l in 1..=24u32 {
        for _ in 0..count[l as usize] {
            if l <= PEEK {
                let lo = (next_code << (PEEK - l)) as usize;
                let sym = symbols.get(index).copied().unwrap_or(0);
                for e in table.iter_mut().skip(lo).take(1 << (PEEK - l)) {
                    *e = (sym, l as u8);
                }
            }
            next_code += 1;
            index += 1;
        }
        next_code <<= 1;
    }
    let total_bits = code.len() * 8;
    let n = TAGS << bits;
    let mut out = Vec::with_capacity(head + n);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&header[8..]);
    // The next bits, most significant first: `acc` holds `held` of them
    // from `bit_at` on (refilled a byte at a time; zeros past the end).
    let (mut acc, mut held, mut next_byte) = (0u64, 0u32, 0usize);
    let mut bit_at = 0usize;
    for _ in 0..n {
        while held <= 56 {
            acc |= u64::from(code.get(next_byte).copied().unwrap_or(0)) << (56 - held);
            next_byte += 1;
            held += 8;
        }
        let (sym, len) = table[(acc >> (64 - PEEK)) as usize];
        if len > 0 {
            acc <<= len;
            held -= u32::from(len);
            bit_at += usize::from(len);
            if bit_at > total_bits {
                return Cow::Borrowed(&[]);
            }
            out.push(sym);
            continue;
        }
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
        // Refill from `bit_at` after a long code.
        let whole = bit_at / 8;
        acc = u64::from(code.get(whole).copied().unwrap_or(0)) << (56 + bit_at % 8);
        held = 8 - (bit_at % 8) as u32;
        next_byte = whole + 1;
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
            shift: 63,
            trans: [[0; TAGS]; TAGS + 1],
            cols: [[0; TAGS]; TAGS],
            rows: Vec::new(),
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
                let prev = (p < TAGS).then_some(p);
                *v = if allowed(prev, t) {
                    i32::from(i16::from_le_bytes([bytes[k], bytes[k + 1]]))
                } else {
                    FORBIDDEN
                };
            }
        }
        let rows = bytes[head..]
            .chunks_exact(TAGS)
            .map(|w| {
                let mut packed = [0u8; 8];
                for (p, &x) in packed.iter_mut().zip(w) {
                    *p = (i32::from(x as i8) + BIAS) as u8;
                }
                u64::from_le_bytes(packed)
            })
            .collect();
        let mut cols = [[0; TAGS]; TAGS];
        for (t, col) in cols.iter_mut().enumerate() {
            for (p, v) in col.iter_mut().enumerate() {
                *v = trans[p][t];
            }
        }
        Model {
            shift: 64 - bits,
            trans,
            cols,
            rows,
        }
    }

    /// Whether the model has weights.
    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds the packed weights of the features `each` calls back with to
    /// `sums` (even bytes, odd bytes, features found).
    #[inline]
    fn add_features(&self, sums: &mut (u64, u64, i32), each: impl FnOnce(&mut dyn FnMut(u64))) {
        const LANES: u64 = 0x00ff_00ff_00ff_00ff;
        each(&mut |h| {
            if let Some(&row) = self.rows.get((h >> self.shift) as usize) {
                sums.0 += row & LANES;
                sums.1 += (row >> 8) & LANES;
                sums.2 += 1;
            }
        });
    }

    /// The emission scores of token `i` of `info`. The sums of the features
    /// of the token alone are looked up in `cache` (frequent words skip
    /// those hashes and bucket loads).
    #[inline]
    fn emit(&self, info: &[TokInfo], i: usize, cache: &mut EmitCache) -> [i32; TAGS] {
        // Even and odd bytes summed in 16-bit lanes: at most 255 per feature,
        // and at most MAX_FEATURES (< 257) features, so no lane carries over.
        const _: () = assert!(MAX_FEATURES < 257);
        let Some(t) = info.get(i) else {
            return [0; TAGS];
        };
        let key = token_key(t);
        if cache.slots.is_empty() {
            cache.slots.resize(EmitCache::SLOTS, EmitSlot::default());
        }
        let k = (key[0] ^ key[1].rotate_left(32) ^ key[5]).wrapping_mul(0x517c_c1b7_2722_0a95);
        let slot = &mut cache.slots[(k >> (64 - EmitCache::BITS)) as usize];
        // Lane by lane: a `!=` on the arrays is a memcmp call in wasm.
        let hit = slot.key[0] == key[0]
            && slot.key.iter().zip(&key).fold(0, |d, (a, b)| d | (a ^ b)) == 0;
        if !hit {
            let mut part = (0, 0, 0);
            self.add_features(&mut part, |out| token_features(t, &mut |h| out(h)));
            *slot = EmitSlot { key, sums: part };
        }
        let mut sums = slot.sums;
        self.add_features(&mut sums, |out| context_features(info, i, &mut |h| out(h)));
        let (even, odd, n) = sums;
        // Tag t is lane t / 2 of the even (t even) or odd sums.
        let lane = |lanes: u64, k: u32| ((lanes >> (16 * k)) & 0xffff) as i32 - n * BIAS;
        [
            lane(even, 0),
            lane(odd, 0),
            lane(even, 1),
            lane(odd, 1),
            lane(even, 2),
            lane(odd, 2),
            lane(even, 3),
        ]
    }

    /// The best tag sequence for tokens `from..to` of `info` (the sentence
    /// context around them is in `info`); unless `from` starts the sentence,
    /// the token before it counts as O. `scratch` holds reused buffers.
    pub(crate) fn decode(
        &self,
        info: &[TokInfo],
        from: usize,
        to: usize,
        starts_sentence: bool,
        scratch: &mut DecodeScratch,
        tags: &mut Vec<usize>,
    ) {
        tags.clear();
        if from >= to {
            return;
        }
        let n = to - from;
        // Forward: the best score of a path ending in each tag, per token
        // (no back pointers: the path is recovered from the scores below).
        let scores = &mut scratch.scores;
        scores.clear();
        let first = if starts_sentence { TAGS } else { O };
        let mut prev = [0i32; TAGS];
        for i in 0..n {
            let e = self.emit(info, from + i, &mut scratch.emit);
            let mut cur = [0i32; TAGS];
            if i == 0 {
                for t in 0..TAGS {
                    cur[t] = self.trans[first][t] + e[t];
                }
            } else {
                // I-X (even, ≥ 2) may only follow B-X or I-X; other tags
                // may follow any tag. Written out: a loop over the tags
                // costs more than the sums.
                let any = |t: usize| {
                    let col = &self.cols[t];
                    let mut best = prev[0] + col[0];
                    for p in 1..TAGS {
                        best = best.max(prev[p] + col[p]);
                    }
                    best + e[t]
                };
                let inside = |t: usize| {
                    let col = &self.cols[t];
                    (prev[t - 1] + col[t - 1]).max(prev[t] + col[t]) + e[t]
                };
                cur = [
                    any(0),
                    any(1),
                    inside(2),
                    any(3),
                    inside(4),
                    any(5),
                    inside(6),
                ];
            }
            // Keep forbidden paths from drifting towards overflow.
            for v in &mut cur {
                *v = (*v).max(FORBIDDEN);
            }
            scores.push(cur);
            prev = cur;
        }
        // Backward: the best last tag, then for each token the first
        // predecessor that gives the score its successor was given.
        let mut best = 0;
        for t in 1..TAGS {
            if prev[t] > prev[best] {
                best = t;
            }
        }
        tags.resize(n, 0);
        for i in (1..n).rev() {
            tags[i] = best;
            best = self.predecessor(&scores[i - 1], best);
        }
        tags[0] = best;
    }

    /// The tag before `t` on the best path, given the scores `prev` of the
    /// token before: the first tag that reaches `t` with the highest score
    /// (as the forward pass's maximum).
    fn predecessor(&self, prev: &[i32; TAGS], t: usize) -> usize {
        let col = &self.cols[t];
        if t != O && t % 2 == 0 {
            return if prev[t] + col[t] > prev[t - 1] + col[t - 1] {
                t
            } else {
                t - 1
            };
        }
        let mut best = prev[0] + col[0];
        let mut arg = 0;
        for p in 1..TAGS {
            let s = prev[p] + col[p];
            if s > best {
                best = s;
                arg = p;
            }
        }
        arg
    }
}

/// Buffers [`Model::decode`] reuses from call to call.
#[derive(Default)]
pub(crate) struct DecodeScratch {
    scores: Vec<[i32; TAGS]>,
    emit: EmitCache,
}

/// A direct-mapped cache of the weight sums of a token's own features
/// ([`token_features`]) by its [`token_key`]; for one model only.
#[derive(Default)]
pub(crate) struct EmitCache {
    /// Empty until first used, then `SLOTS` long.
    slots: Vec<EmitSlot>,
}

impl EmitCache {
    const BITS: u32 = 10;
    const SLOTS: usize = 1 << Self::BITS;
}

/// One entry of [`EmitCache`]; an all-zero key is empty (no token has it).
#[derive(Clone, Copy, Default)]
struct EmitSlot {
    key: [u64; 6],
    sums: (u64, u64, i32),
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

#[cfg(test)]
mod emit_tests {
    use super::*;
    use crate::entity::features::{features, tests::sample};

    #[test]
    fn cached_emissions_equal_the_plain_sum() {
        let text =
            "Joko Widodo met Joko Widodo . The the THE Jakarta , Jakarta said Budi .".repeat(3);
        let info = sample(&text);
        for lang in [Lang::Id, Lang::En] {
            let model = for_lang(lang);
            let mut cache = EmitCache::default();
            for i in 0..info.len() {
                let mut sums = (0u64, 0u64, 0i32);
                model.add_features(&mut sums, |out| features(&info, i, &mut |h| out(h)));
                let mut want = [0i32; TAGS];
                for (t, v) in want.iter_mut().enumerate() {
                    let lanes = if t % 2 == 0 { sums.0 } else { sums.1 };
                    *v = ((lanes >> (16 * (t / 2))) & 0xffff) as i32 - sums.2 * BIAS;
                }
                assert_eq!(model.emit(&info, i, &mut cache), want, "{lang:?} token {i}");
            }
        }
    }
}
