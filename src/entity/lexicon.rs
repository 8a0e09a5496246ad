//! Entity lexicons: gazetteers, titles, day and month names, head words and
//! acronyms, embedded from `data/*.txt` and matched as token sequences by hash.

use super::features::{mix, word_hash, TokInfo, PHRASE_SEED};
use super::tokens::tokenise;
use crate::Lang;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

/// A place name.
pub(crate) const LOC: u16 = 1;
/// An organisation name.
pub(crate) const ORG: u16 = 2;
/// A person's name.
pub(crate) const PER: u16 = 4;
/// A title or honorific ("Presiden", "Dr").
pub(crate) const TITLE: u16 = 8;
/// A day or month name.
pub(crate) const TIME: u16 = 16;
/// A head word of organisation names ("Universitas").
pub(crate) const ORG_CUE: u16 = 32;
/// A head word of place names ("Kota").
pub(crate) const LOC_CUE: u16 = 64;
/// A nationality or group word ("Israeli", "Muslims").
pub(crate) const NAT: u16 = 128;
/// A word usually written in lower case ("thanks", "pada").
pub(crate) const COMMON: u16 = 256;
/// The classes the tagger's features see (the nine bits below).
pub(crate) const FEATURE_CLASSES: u16 = (1 << 9) - 1;
/// A title that only the rules know (`data/title_rules.txt`): the features
/// see the classes below this bit only, so such a list needs no retraining.
pub(crate) const TITLE_RULE: u16 = 512;
/// A phrase that is no entity on its own (`data/not_names.txt`), for the
/// rules only, as [`TITLE_RULE`].
pub(crate) const NOT_NAME: u16 = 1024;
/// A common English given name (`data/first_names_en.txt`), for the rules
/// only, as [`TITLE_RULE`].
pub(crate) const FIRST_NAME: u16 = 2048;
/// An English honorific before a name (`data/rules_en.txt`, rules only).
pub(crate) const HONORIFIC: u16 = 4096;
/// A company suffix ("Inc", "Corp"; `data/rules_en.txt`, rules only).
pub(crate) const COMPANY_SUFFIX: u16 = 8192;
/// A lower-case particle inside names ("van", "ten"; `data/rules_en.txt`).
pub(crate) const PARTICLE: u16 = 16384;
/// An English past-tense verb of saying ("said"; `data/rules_en.txt`).
pub(crate) const SAYS_EN: u16 = 32768;
/// Every title, as the rules look them up.
pub(crate) const TITLES: u16 = TITLE | TITLE_RULE;

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by precomputed hashes.
pub(crate) type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// The phrases of every list by hash of their lower-cased tokens: the
/// classes from the lists both languages share in the low 16 bits, those from
/// the English-only lists in the high 16; a value of 0 marks a proper prefix.
/// Built once for both languages (it runs before the first result).
struct Table {
    phrases: HashKeyed<u32>,
    max_len: usize,
    /// Acronym hash (case-sensitive surface) → index of its spelled-out form
    /// in `expansions` (u32, the type of `phrases`' values: one copy of the
    /// hash-table code in the wasm).
    acronyms: HashKeyed<u32>,
    expansions: Vec<&'static str>,
}

/// A view of the lexicon: all lists, or (`english: false`) without the
/// English-only lists (`data/*_en.txt`), as the Indonesian model's features
/// were trained.
pub(crate) struct Lexicon {
    table: &'static LazyLock<Table>,
    english: bool,
}

/// A word list front-coded by `build.rs` (every list of `data/` but the
/// acronyms: sorted, each line the number of leading characters it shares
/// with the one before and the rest), decoded.
pub(crate) fn unfront(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    let mut prev = String::new();
    for l in code.lines() {
        let mut chars = l.chars();
        let shared = chars.next().and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
        let keep = prev
            .char_indices()
            .nth(shared)
            .map_or(prev.len(), |(i, _)| i);
        prev.truncate(keep);
        prev.push_str(chars.as_str());
        out.push_str(&prev);
        out.push('\n');
    }
    out
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
}

/// The hash of a phrase as a sequence of lower-cased tokens.
#[cfg(test)]
pub(crate) fn phrase_hash(text: &str) -> (u64, usize) {
    let mut toks = Vec::new();
    tokenise(text, 0..text.len(), &mut toks);
    let mut h = PHRASE_SEED;
    for t in &toks {
        h = mix(h, word_hash(&text[t.clone()]));
    }
    (h, toks.len())
}

/// The seed of [`surface_hash`], to extend token by token with [`surface_step`].
pub(crate) const SURFACE_SEED: u64 = PHRASE_SEED ^ 0x5bd1_e995;

/// Extends a surface hash by one token (case-sensitive bytes, then a
/// separator), so a caller growing a span hashes each token once.
#[inline]
pub(crate) fn surface_step(h: u64, text: &str, tok: &Range<usize>) -> u64 {
    bytes_step(h, text.as_bytes().get(tok.clone()).unwrap_or_default())
}

/// Extends a hash by `bytes` (then a separator that encodes their length
/// modulo 8, so that "ab" then "c" differs from "a" then "bc").
#[inline]
pub(crate) fn bytes_step(h: u64, bytes: &[u8]) -> u64 {
    // Eight bytes at a time: one multiply per word of input, not per byte.
    let mut h = h;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, crate::bytes::le_u64(c));
    }
    let rest = chunks.remainder();
    let w = crate::bytes::le_u64_padded(rest);
    mix(h, w ^ ((rest.len() as u64 + 1) << 59))
}

/// The hash of a surface form, case-sensitive, ignoring whitespace between tokens.
pub(crate) fn surface_hash(text: &str, toks: &[Range<usize>]) -> u64 {
    toks.iter()
        .fold(SURFACE_SEED, |h, t| surface_step(h, text, t))
}

impl Table {
    /// Adds `entry` with `class` (shifted into the English-only half by the
    /// caller); `toks` is scratch space (one buffer for every entry).
    fn add(&mut self, entry: &str, class: u32, toks: &mut Vec<Range<usize>>) {
        toks.clear();
        tokenise(entry, 0..entry.len(), toks);
        if toks.is_empty() {
            return;
        }
        let mut h = PHRASE_SEED;
        for (k, t) in toks.iter().enumerate() {
            h = mix(h, word_hash(&entry[t.clone()]));
            let v = self.phrases.entry(h).or_insert(0);
            if k + 1 == toks.len() {
                *v |= class;
            }
        }
        self.max_len = self.max_len.max(toks.len());
    }

    /// The table of every list.
    fn build() -> Table {
        let mut lex = Table {
            // About 8,000 phrases and prefixes: sized once, never rehashed.
            phrases: HashKeyed::with_capacity_and_hasher(12288, Default::default()),
            max_len: 1,
            acronyms: HashKeyed::default(),
            expansions: Vec::new(),
        };
        let mut toks = Vec::new();
        let shared = [
            (list!("entity/data/loc.txt"), LOC),
            (list!("entity/data/org.txt"), ORG),
            (list!("entity/data/per.txt"), PER),
            (list!("entity/data/title.txt"), TITLE),
            (list!("entity/data/time.txt"), TIME),
            (list!("entity/data/nat.txt"), NAT),
            (list!("entity/data/common.txt"), COMMON),
            (list!("entity/data/common_extra.txt"), COMMON),
            (list!("entity/data/title_rules.txt"), TITLE_RULE),
            (list!("entity/data/not_names.txt"), NOT_NAME),
        ];
        let english_only = [
            (list!("entity/data/loc_en.txt"), LOC),
            (list!("entity/data/org_en.txt"), ORG),
            (list!("entity/data/per_en.txt"), PER),
            (list!("entity/data/title_en.txt"), TITLE),
            (list!("entity/data/nat_en.txt"), NAT),
            (list!("entity/data/common_en.txt"), COMMON),
            (list!("entity/data/first_names_en.txt"), FIRST_NAME),
        ];
        for (lists, shift) in [(&shared[..], 0), (&english_only[..], 16)] {
            for &(text, class) in lists {
                for l in lines(&unfront(text)) {
                    lex.add(l, u32::from(class) << shift, &mut toks);
                }
            }
        }
        {
            for l in lines(&unfront(list!("entity/data/rules_en.txt"))) {
                let (kind, word) = l.split_once(' ').unwrap_or((l, ""));
                let class = match kind {
                    "HON" => HONORIFIC,
                    "SUFFIX" => COMPANY_SUFFIX,
                    "PARTICLE" => PARTICLE,
                    // (An event's head word: no name on its own either.)
                    "EVENT" => NOT_NAME,
                    _ => SAYS_EN,
                };
                lex.add(word, u32::from(class) << 16, &mut toks);
            }
        }
        for l in lines(&unfront(list!("entity/data/cue.txt"))) {
            let (kind, word) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            let class = if kind == "LOC" { LOC_CUE } else { ORG_CUE };
            lex.add(word.trim(), u32::from(class), &mut toks);
        }
        for l in lines(list!("entity/data/acronyms.txt")) {
            if let Some((a, e)) = l.split_once('=') {
                let a = a.trim();
                toks.clear();
                tokenise(a, 0..a.len(), &mut toks);
                lex.acronyms
                    .insert(surface_hash(a, &toks), lex.expansions.len() as u32);
                lex.expansions.push(e.trim());
            }
        }
        lex
    }
}

impl Lexicon {
    /// The classes this view sees in a table value.
    #[inline]
    fn view(&self, v: u32) -> u16 {
        if self.english {
            (v | v >> 16) as u16
        } else {
            v as u16
        }
    }

    /// The most tokens a phrase of the lexicon has.
    pub(crate) fn max_len(&self) -> usize {
        self.table.max_len
    }

    /// The spelled-out form of the acronym with surface hash `h`.
    pub(crate) fn acronym(&self, h: u64) -> Option<&'static str> {
        let i = *self.table.acronyms.get(&h)?;
        self.table.expansions.get(i as usize).copied()
    }

    /// The classes of the phrase whose token hashes, mixed from
    /// [`PHRASE_SEED`] one by one with [`mix`], give `h`: `None` when no
    /// phrase is or begins with it (no longer phrase then either), `Some(0)`
    /// for a proper prefix only. A caller growing a span token by token stops
    /// at the first `None`.
    #[inline]
    pub(crate) fn lookup(&self, h: u64) -> Option<u16> {
        self.table.phrases.get(&h).map(|&v| self.view(v))
    }

    /// The classes of the one-word phrase whose token hash (`word_hash`) is
    /// `h` (0: none).
    pub(crate) fn word(&self, h: u64) -> u16 {
        self.lookup(mix(PHRASE_SEED, h)).unwrap_or(0)
    }

    /// The classes of the phrase with token hashes `hashes`, if it is one.
    pub(crate) fn classes(&self, hashes: impl Iterator<Item = u64>) -> u16 {
        let mut h = PHRASE_SEED;
        for x in hashes {
            h = mix(h, x);
        }
        self.table.phrases.get(&h).map_or(0, |&v| self.view(v))
    }

    /// Marks lexicon matches over `toks`, longest first, left to right: a
    /// match's classes go to `lex_begin` of its first token and `lex_inside`
    /// of the others; the matches are appended as (start, end, classes).
    /// Each token's own classes (as [`LEXICON`] sees them) go to its `word`.
    pub(crate) fn mark(&self, toks: &mut [TokInfo], matches: &mut Vec<(usize, usize, u16)>) {
        // The table once (each look through the `LazyLock` checks that it
        // is built).
        let table: &Table = self.table;
        let mut i = 0;
        while i < toks.len() {
            // The first word on its own: its classes as the rules see them.
            let mut h = mix(PHRASE_SEED, toks[i].lower);
            let mut v = table.phrases.get(&h);
            toks[i].set_word(v);
            let mut best = (0, 0u16);
            let end = table.max_len.min(toks.len() - i);
            let mut k = 0;
            loop {
                match v.map(|&v| self.view(v)) {
                    None => break,
                    // A prefix (or a phrase of the other view's lists), or a
                    // phrase only the rules know: no match for the features,
                    // which must stay as trained.
                    Some(c) if c & FEATURE_CLASSES == 0 => {}
                    Some(c) => best = (k + 1, c),
                }
                k += 1;
                if k == end {
                    break;
                }
                h = mix(h, toks[i + k].lower);
                v = table.phrases.get(&h);
            }
            if best.0 == 0 {
                i += 1;
                continue;
            }
            toks[i].lex_begin |= best.1;
            for t in toks.iter_mut().skip(i + 1).take(best.0 - 1) {
                t.lex_inside |= best.1;
                t.set_word(table.phrases.get(&mix(PHRASE_SEED, t.lower)));
            }
            matches.push((i, i + best.0, best.1));
            i += best.0;
        }
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(Table::build);

/// The lexicon (both languages together), as the rules use it.
pub(crate) static LEXICON: Lexicon = Lexicon {
    table: &TABLE,
    english: true,
};

/// The lexicon without the English-only lists: the Indonesian model's features.
static LEXICON_ID: Lexicon = Lexicon {
    table: &TABLE,
    english: false,
};

/// The lexicon whose matches are features of the model of `lang`.
pub(crate) fn for_features(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::En => &LEXICON,
        _ => &LEXICON_ID,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_coded_lists_decode_to_the_lists() {
        let common = unfront(list!("entity/data/common.txt"));
        let plain: Vec<&str> = lines(include_str!("data/common.txt")).collect();
        assert!(plain.len() > 1000);
        assert_eq!(lines(&common).collect::<Vec<_>>(), plain);
        // The hand-written lists, sorted (their order does not count).
        for (coded, source) in [
            (list!("entity/data/loc.txt"), include_str!("data/loc.txt")),
            (
                list!("entity/data/rule_words.txt"),
                include_str!("data/rule_words.txt"),
            ),
            (
                list!("entity/data/first_names_en.txt"),
                include_str!("data/first_names_en.txt"),
            ),
        ] {
            let mut plain: Vec<&str> = lines(source).collect();
            plain.sort_unstable();
            plain.dedup();
            let decoded = unfront(coded);
            assert!(plain.len() > 100);
            assert_eq!(lines(&decoded).collect::<Vec<_>>(), plain);
        }
    }

    #[test]
    fn finds_phrases_case_insensitively() {
        let lex = &LEXICON;
        assert_eq!(
            lex.classes([word_hash("korea"), word_hash("UTARA")].into_iter()),
            LOC
        );
        assert_eq!(lex.classes([word_hash("Korea")].into_iter()), LOC);
        assert!(lex.classes([word_hash("Presiden")].into_iter()) & TITLE != 0);
        assert!(lex.classes([word_hash("Senin")].into_iter()) & TIME != 0);
        assert_eq!(lex.classes([word_hash("tentaranya")].into_iter()), 0);
        let text = "dewan keamanan pbb dan korea utara";
        let (h, n) = phrase_hash("Dewan Keamanan PBB");
        assert_eq!(n, 3);
        assert_eq!(TABLE.phrases.get(&h).copied(), Some(u32::from(ORG)));
        let mut toks = Vec::new();
        tokenise(text, 0..text.len(), &mut toks);
        let mut info = Vec::new();
        let mut m = Vec::new();
        crate::entity::features::infos(text, &toks, true, lex, &mut info, &mut m);
        assert_eq!(m, [(0, 3, ORG), (3, 4, COMMON), (4, 6, LOC)]);
    }
}
