//! The trained tagger models (`model/<lang>.bin`): hashed features with i8
//! weights per tag, i16 tag transitions, and a constrained Viterbi decoder.
//!
//! File layout: `TEKSNER1`, one byte `bits`, 8×7 little-endian i16
//! transitions (row 7 is the sentence start), then 2^bits × 7 i8 weights.

use super::features::{allowed, features, TokInfo, O, TAGS};
use crate::Lang;
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"TEKSNER1";

/// A loaded model.
pub(crate) struct Model {
    bits: u32,
    trans: [[i32; TAGS]; TAGS + 1],
    /// i8 weights, stored as bytes.
    weights: &'static [u8],
}

/// Model bytes as embedded.
static ID_BYTES: &[u8] = include_bytes!("model/id.bin");
static EN_BYTES: &[u8] = include_bytes!("model/en.bin");

static ID: LazyLock<Model> = LazyLock::new(|| Model::parse(ID_BYTES));
static EN: LazyLock<Model> = LazyLock::new(|| Model::parse(EN_BYTES));

/// The model for `lang`.
pub(crate) fn for_lang(lang: Lang) -> &'static Model {
    match lang {
        Lang::En => &EN,
        _ => &ID,
    }
}

impl Model {
    /// Parses a model; an unreadable one becomes an empty model (all O).
    pub(crate) fn parse(bytes: &'static [u8]) -> Model {
        let empty = Model {
            bits: 0,
            trans: [[0; TAGS]; TAGS + 1],
            weights: &[],
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
            weights: &bytes[head..],
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
