//! The tagger's features, shared by inference and training: every feature is
//! a 64-bit hash built straight from byte slices, with no allocation per token.

use super::lexicon::{Lexicon, FEATURE_CLASSES};
use std::ops::Range;

/// Tags: O, then B and I for PER, LOC and ORG.
pub(crate) const TAGS: usize = 7;
/// The tag O.
pub(crate) const O: usize = 0;
/// Seed of phrase hashes.
pub(crate) const PHRASE_SEED: u64 = 0x9e37_79b9_7f4a_7c15;
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes `x` into hash `h`.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// The hash of a word, lower-cased: the first part of [`word_info`], on its
/// own (the lexicon hashes thousands of words before the first result).
pub(crate) fn word_hash(w: &str) -> u64 {
    w.chars().fold(WORD_SEED, |h, c| {
        let lc = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else if c.is_uppercase() {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        };
        mix(h, u64::from(u32::from(lc)))
    })
}

/// The seed of [`word_hash`].
const WORD_SEED: u64 = 0xcbf2_9ce4_8422_2325;

const CAP: u8 = 1;
const ALL_CAP: u8 = 2;
const DIGIT: u8 = 4;
const ALPHA: u8 = 8;
const INITIAL: u8 = 16;
const LOWER: u8 = 32;
const UPPER: u8 = 64;
/// A lexicon phrase is or begins with the word (set by [`Lexicon::mark`]).
const PHRASE_START: u8 = 128;

/// Facts about one token that its features and its neighbours' features use.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokInfo {
    pub(crate) lower: u64,
    shape: u64,
    prefix: u64,
    suffix: u64,
    suffix2: u64,
    len: u8,
    pub(crate) flags: u8,
    pub(crate) lex_begin: u16,
    pub(crate) lex_inside: u16,
    /// The lexicon classes of the token alone, as the rules see them (every
    /// list, whichever the model's features use); set by
    /// [`Lexicon::mark`], which looks the word up anyway.
    pub(crate) word: u16,
}

impl TokInfo {
    /// Whether the token starts with an upper-case letter.
    pub(crate) fn is_cap(&self) -> bool {
        self.flags & CAP != 0
    }
    /// Whether the token has letters, all upper-case.
    pub(crate) fn is_all_caps(&self) -> bool {
        self.flags & ALL_CAP != 0 && self.flags & LOWER == 0
    }
    /// Whether it has an upper-case letter anywhere ("al-Beshir").
    pub(crate) fn has_upper(&self) -> bool {
        self.flags & UPPER != 0
    }
    /// Whether it has a lower-case letter.
    pub(crate) fn has_lower(&self) -> bool {
        self.flags & LOWER != 0
    }
    /// Whether it is the first word of its sentence.
    pub(crate) fn is_initial(&self) -> bool {
        self.flags & INITIAL != 0
    }
    /// Its length in characters (at most 255).
    pub(crate) fn len_chars(&self) -> usize {
        usize::from(self.len)
    }
    /// Whether the token has a letter or digit.
    pub(crate) fn is_word(&self) -> bool {
        self.flags & (ALPHA | DIGIT) != 0
    }
    /// Whether a lexicon phrase (as the rules see the lexicon) is or begins
    /// with the word.
    pub(crate) fn starts_phrase(&self) -> bool {
        self.flags & PHRASE_START != 0
    }
    /// Records the lexicon's value for the word alone (`None`: no phrase is
    /// or begins with it) in `word` and [`TokInfo::starts_phrase`].
    pub(crate) fn set_word(&mut self, v: Option<&u32>) {
        if let Some(&v) = v {
            self.word = (v | v >> 16) as u16;
            self.flags |= PHRASE_START;
        }
    }
}

/// (lower-case hash, shape hash, prefix3, suffix3, suffix2, length, flags) of a word.
fn word_info(w: &str) -> (u64, u64, u64, u64, u64, u8, u8) {
    let mut h = WORD_SEED;
    let mut shape = 0x1234_5678u64;
    let mut last_class = 0u8;
    let mut prefix = 0x77u64;
    let mut tail = [0u32; 3];
    let mut n = 0usize;
    let mut flags = 0u8;
    let mut upper = 0usize;
    for c in w.chars() {
        let (lc, class) = if c.is_ascii() {
            let b = c as u8;
            let class = if b.is_ascii_uppercase() {
                b'X'
            } else if b.is_ascii_lowercase() {
                b'x'
            } else if b.is_ascii_digit() {
                b'd'
            } else {
                b
            };
            (b.to_ascii_lowercase() as char, class)
        } else if c.is_uppercase() {
            (c.to_lowercase().next().unwrap_or(c), b'X')
        } else if c.is_lowercase() {
            (c, b'x')
        } else if c.is_numeric() {
            (c, b'd')
        } else if c.is_alphabetic() {
            (c, b'x')
        } else {
            (c, b'o')
        };
        match class {
            b'X' => {
                upper += 1;
                flags |= ALPHA;
                if n == 0 {
                    flags |= CAP;
                }
            }
            b'x' => flags |= ALPHA | LOWER,
            b'd' => flags |= DIGIT,
            _ => {}
        }
        h = mix(h, u64::from(u32::from(lc)));
        if n < 3 {
            prefix = mix(prefix, u64::from(u32::from(lc)));
        }
        tail = [tail[1], tail[2], u32::from(lc)];
        if class != last_class {
            shape = mix(shape, u64::from(class));
            last_class = class;
        }
        n += 1;
    }
    if upper > 0 {
        flags |= UPPER;
        if flags & LOWER == 0 {
            flags |= ALL_CAP;
        }
    }
    let suffix = mix(
        mix(mix(0x99, u64::from(tail[0])), u64::from(tail[1])),
        u64::from(tail[2]),
    );
    let suffix2 = mix(mix(0x98, u64::from(tail[1])), u64::from(tail[2]));
    (h, shape, prefix, suffix, suffix2, n.min(255) as u8, flags)
}

/// Computes the facts of tokens `toks` of `text`; `first_is_start` says
/// whether `toks[0]` is the first token of its sentence; `lex` is the
/// lexicon of the model's language ([`super::lexicon::for_features`]).
pub(crate) fn infos(
    text: &str,
    toks: &[Range<usize>],
    first_is_start: bool,
    lex: &Lexicon,
    out: &mut Vec<TokInfo>,
    matches: &mut Vec<(usize, usize, u16)>,
) {
    out.clear();
    matches.clear();
    for t in toks {
        let w = text.get(t.clone()).unwrap_or("");
        let (lower, shape, prefix, suffix, suffix2, len, flags) = word_info(w);
        out.push(TokInfo {
            lower,
            shape,
            prefix,
            suffix,
            suffix2,
            len,
            flags,
            lex_begin: 0,
            lex_inside: 0,
            word: 0,
        });
    }
    if first_is_start {
        // The first word of the sentence, after any opening punctuation.
        if let Some(i) = out.iter().position(|t| t.is_word()) {
            out[i].flags |= INITIAL;
        }
    }
    lex.mark(out, matches);
}

const BOS: TokInfo = TokInfo {
    lower: 0xb05,
    shape: 0xb05,
    prefix: 0xb05,
    suffix: 0xb05,
    suffix2: 0xb05,
    len: 0,
    flags: 0,
    lex_begin: 0,
    lex_inside: 0,
    word: 0,
};
const EOS: TokInfo = TokInfo {
    lower: 0xe05,
    shape: 0xe05,
    prefix: 0xe05,
    suffix: 0xe05,
    suffix2: 0xe05,
    len: 0,
    flags: 0,
    lex_begin: 0,
    lex_inside: 0,
    word: 0,
};

fn at(info: &[TokInfo], i: isize) -> &TokInfo {
    if i < 0 {
        &BOS
    } else {
        info.get(i as usize).unwrap_or(&EOS)
    }
}

/// The most features one token has: 20 fixed ones plus five per lexicon class.
pub(crate) const MAX_FEATURES: usize = 20 + 5 * 9;

/// Calls `out` with each feature hash of token `i` of `info` (at most
/// [`MAX_FEATURES`]): its own ([`token_features`]), then those that look at
/// its neighbours ([`context_features`]). Training sees them in this order;
/// the tagger sums the two parts separately (the first cached per word).
#[cfg(any(test, feature = "train"))]
pub(crate) fn features(info: &[TokInfo], i: usize, out: &mut impl FnMut(u64)) {
    token_features(at(info, i as isize), out);
    context_features(info, i, out);
}

/// The facts of `t` that its own features ([`token_features`]) read: equal
/// keys, equal features. Never all zero for a token (its length is ≥ 1).
pub(crate) fn token_key(t: &TokInfo) -> [u64; 6] {
    let flags = t.flags & (CAP | ALL_CAP | DIGIT | INITIAL);
    [
        t.lower,
        t.shape,
        t.prefix,
        t.suffix,
        t.suffix2,
        u64::from(t.len) | u64::from(flags) << 8,
    ]
}

/// The features of [`features`] that depend on token `t` alone (ids 1, 2,
/// 7, 10, 11, 12, 15, 16, 19), a function of [`token_key`]. With
/// [`context_features`], the same hashes as [`features`], in another order.
#[inline]
pub(crate) fn token_features(t: &TokInfo, out: &mut impl FnMut(u64)) {
    let f = |id: u64, x: u64| mix(mix(0xfeed, id), x);
    let lenb = u64::from(t.len.min(5));
    let flags = u64::from(t.flags & (CAP | ALL_CAP | DIGIT | INITIAL));
    out(f(1, 0));
    out(f(2, t.lower));
    out(f(7, t.shape));
    out(f(10, t.prefix));
    out(f(11, t.suffix));
    out(f(12, t.suffix2));
    out(f(15, mix(flags, t.shape)));
    out(f(16, mix(lenb, t.shape)));
    if t.flags & INITIAL != 0 {
        out(f(19, t.lower));
    }
}

/// The features of [`features`] of token `i` of `info` that look at its
/// neighbours: all but [`token_features`].
#[inline]
pub(crate) fn context_features(info: &[TokInfo], i: usize, out: &mut impl FnMut(u64)) {
    let ii = i as isize;
    let t = at(info, ii);
    let p1 = at(info, ii - 1);
    let p2 = at(info, ii - 2);
    let n1 = at(info, ii + 1);
    let n2 = at(info, ii + 2);
    let f = |id: u64, x: u64| mix(mix(0xfeed, id), x);
    let flags = u64::from(t.flags & (CAP | ALL_CAP | DIGIT | INITIAL));
    out(f(3, p1.lower));
    out(f(4, n1.lower));
    out(f(5, p2.lower));
    out(f(6, n2.lower));
    out(f(8, mix(p1.shape, t.shape)));
    out(f(9, mix(t.shape, n1.shape)));
    out(f(13, mix(p1.lower, t.shape)));
    out(f(14, mix(n1.lower, t.shape)));
    out(f(17, mix(p1.lower, t.lower)));
    out(f(18, mix(t.lower, n1.lower)));
    out(f(
        20,
        mix(
            u64::from(p1.flags & (CAP | ALL_CAP)),
            mix(flags, u64::from(n1.flags & (CAP | ALL_CAP))),
        ),
    ));
    lexicon_features(t, p1, p2, n1, flags, out);
}

/// The lexicon-class features (ids 21–25) of token `t` between `p2`, `p1`
/// and `n1`.
#[inline]
fn lexicon_features(
    t: &TokInfo,
    p1: &TokInfo,
    p2: &TokInfo,
    n1: &TokInfo,
    flags: u64,
    out: &mut impl FnMut(u64),
) {
    let f = |id: u64, x: u64| mix(mix(0xfeed, id), x);
    // Only the lexicon classes present around the token (most tokens have
    // none or one), in increasing bit order.
    let mut present = t.lex_begin
        | t.lex_inside
        | p1.lex_begin
        | p1.lex_inside
        | n1.lex_begin
        | p2.lex_begin
        | p2.lex_inside;
    present &= FEATURE_CLASSES;
    while present != 0 {
        let bit = present.trailing_zeros() as u16;
        present &= present - 1;
        let m = 1u16 << bit;
        let b = u64::from(bit);
        if t.lex_begin & m != 0 {
            out(f(21, mix(b, flags)));
        }
        if t.lex_inside & m != 0 {
            out(f(22, b));
        }
        if (p1.lex_begin | p1.lex_inside) & m != 0 {
            out(f(23, b));
        }
        if (n1.lex_begin | n1.lex_inside) & m != 0 && n1.lex_inside & m == 0 {
            out(f(24, b));
        }
        if (p2.lex_begin | p2.lex_inside) & m != 0 {
            out(f(25, b));
        }
    }
}

/// Whether tag `next` may follow tag `prev` (`None`: sentence start).
pub(crate) fn allowed(prev: Option<usize>, next: usize) -> bool {
    if next == O || next % 2 == 1 {
        return true;
    }
    // I-X (even, ≥ 2) must follow B-X (next - 1) or I-X (next).
    matches!(prev, Some(p) if p == next || p + 1 == next)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::entity::{lexicon, tokens};
    use crate::Lang;

    /// Token facts of `text`, as the tagger sees them.
    pub(crate) fn sample(text: &str) -> Vec<TokInfo> {
        let mut toks = Vec::new();
        tokens::tokenise(text, 0..text.len(), &mut toks);
        let (mut out, mut matches) = (Vec::new(), Vec::new());
        let lex = lexicon::for_features(Lang::En);
        infos(text, &toks, true, lex, &mut out, &mut matches);
        out
    }

    #[test]
    fn word_hash_is_word_infos_hash() {
        for w in [
            "Jakarta",
            "PBB",
            "al-Beshir",
            "Ölüdeniz",
            "ÉCOLE",
            "İstanbul",
            "ǅemal",
            "3,5",
            "Rp",
            "Ⅻ",
            "日本",
            "",
            "ß",
            "Σίσυφος",
        ] {
            assert_eq!(word_hash(w), word_info(w).0, "{w}");
        }
        assert_eq!(word_hash("Korea"), word_hash("KOREA"));
    }
}
