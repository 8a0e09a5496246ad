//! Languages: the closed [`Lang`] enum, detection, and word-list loading.
//!
//! Adding a language means: a variant here, a data folder `src/lang/<code>/`
//! with its word lists, and fixtures under `tests/data/`.

use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;
use std::sync::LazyLock;

/// A language teks knows, by its ISO 639-1 code.
///
/// # Example
///
/// ```
/// use teks::Lang;
/// assert_eq!("id".parse::<Lang>().unwrap(), Lang::Id);
/// assert_eq!(Lang::En.code(), "en");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// Indonesian (`id`).
    Id,
    /// English (`en`).
    En,
}

impl Lang {
    /// Every language, in order of preference when detection is undecided.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Bit of this language in [`STOPWORDS`] values.
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A fast, non-keyed hash for short words (FxHash-like): the word lists are
/// fixed, so there are no adversarial keys worth SipHash's cost.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

/// A map from the words of a fixed list to their flags; one type for every
/// such list, so the wasm holds one copy of its hash-table code.
pub(crate) type WordMap = HashMap<&'static str, u8, BuildHasherDefault<WordHasher>>;

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.0 = (self.0.rotate_left(5) ^ crate::bytes::le_u64(c)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

/// Every language's function words, used for detection: word → bit set of
/// the languages (by [`Lang::bit`]) that list it.
struct Stopwords {
    words: WordMap,
    /// Bytes of the longest word.
    max_len: usize,
}

static STOPWORDS: LazyLock<Stopwords> = LazyLock::new(|| {
    let mut words = WordMap::default();
    for lang in Lang::ALL {
        let list = match lang {
            Lang::Id => list!("lang/id/stopwords.txt"),
            Lang::En => list!("lang/en/stopwords.txt"),
        };
        for w in parse_word_list(list) {
            *words.entry(w).or_insert(0) |= lang.bit();
        }
    }
    let max_len = words.keys().map(|w| w.len()).max().unwrap_or(0);
    Stopwords { words, max_len }
});

impl FromStr for Lang {
    type Err = Error;

    fn from_str(s: &str) -> Result<Lang, Error> {
        let lower = s.trim().to_ascii_lowercase();
        // Accept region subtags such as "id-ID" or "en_GB".
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == primary)
            .ok_or_else(|| Error::unknown_lang(s))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Parses a word list: one entry per line, blank lines and `//` comments
/// dropped, surrounding whitespace trimmed.
pub(crate) fn parse_word_list(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
}

/// How many words of a text are looked at when detecting its language.
const DETECT_WORDS: usize = 2000;

/// From this many words on, a text with (almost) no Indonesian or English
/// function words counts as foreign (see [`detect_language`]).
const FOREIGN_MIN_WORDS: usize = 12;

/// Detects the language of `text` from its function words.
///
/// Looks at the first few thousand words only, so it is cheap on large input.
/// When no language wins in a short text (e.g. a bare list of names),
/// Indonesian is chosen; a longer text in which neither language's function
/// words make up even one word in 25, or one mostly in a non-Latin script,
/// is in some other language, and gets English, the general fallback (its rules suit most alphabetic scripts
/// better than Indonesian ones, which assume Indonesian abbreviations).
///
/// # Example
///
/// ```
/// use teks::{detect_language, Lang};
/// assert_eq!(detect_language("Presiden itu pergi ke pasar dan membeli ikan."), Lang::Id);
/// assert_eq!(detect_language("The president went to the market and bought fish."), Lang::En);
/// ```
pub fn detect_language(text: &str) -> Lang {
    let mut scores = [0usize; Lang::ALL.len()];
    let stopwords = &*STOPWORDS;
    let mut lower = String::new();
    let mut seen = 0usize;
    let mut non_latin = 0usize;
    let mut affixed = 0usize;
    for word in crate::token::words(text).take(DETECT_WORDS) {
        seen += 1;
        let word = &text[word];
        // Cyrillic, Greek, Armenian, Arabic, Devanagari, CJK, …: not a
        // language of ours whatever its function words.
        non_latin += usize::from(word.chars().next().is_some_and(|c| {
            c.is_alphabetic() && u32::from(c) > 0x024F && !matches!(u32::from(c), 0x1E00..=0x1EFF)
        }));
        affixed += usize::from(indonesian_affixes(word));
        let key = if word.is_ascii() {
            // Lower-casing keeps an ASCII word's length: a longer one is no stopword.
            if word.len() > stopwords.max_len {
                continue;
            }
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            lower.as_str()
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        };
        let Some(&bits) = stopwords.words.get(key) else {
            continue;
        };
        for (score, lang) in scores.iter_mut().zip(Lang::ALL) {
            if bits & lang.bit() != 0 {
                *score += 1;
            }
        }
    }
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    // Evidence that the text is in one of our languages at all: function
    // words, and Indonesian affixes (which Indonesian sentences without a
    // listed function word still have: "pembangunan", "terlilit").
    let evidence = scores[best] + affixed;
    if non_latin * 2 > seen || (seen >= FOREIGN_MIN_WORDS && evidence * 25 < seen) {
        return Lang::En;
    }
    Lang::ALL[best]
}

/// Whether an ASCII word of six letters or more carries a typical Indonesian
/// affix: the prefixes meng-/meny-/mem-/peng-/peny-/pem-/ber-/ter-/per-/di-
/// with a consonant after, or the suffixes -kan/-nya/-lah.
fn indonesian_affixes(word: &str) -> bool {
    let w = word.as_bytes();
    if w.len() < 6 || !w.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let lower = |i: usize| w[i].to_ascii_lowercase();
    let starts = |p: &[u8]| (0..p.len()).all(|i| lower(i) == p[i]);
    let ends = |p: &[u8]| (0..p.len()).all(|i| lower(w.len() - p.len() + i) == p[i]);
    ends(b"kan")
        || ends(b"nya")
        || ends(b"lah")
        || [
            &b"meng"[..],
            b"meny",
            b"memb",
            b"memp",
            b"peng",
            b"peny",
            b"pemb",
            b"pemp",
        ]
        .iter()
        .any(|p| starts(p))
        || ([&b"ber"[..], b"ter", b"per"].iter().any(|p| starts(p))
            && !matches!(lower(3), b'a' | b'e' | b'i' | b'o' | b'u' | b'r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_with_regions() {
        assert_eq!("ID".parse::<Lang>().unwrap(), Lang::Id);
        assert_eq!("en-GB".parse::<Lang>().unwrap(), Lang::En);
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn detects_reference_style_text() {
        let id = "Korea Utara juga telah mencoba untuk memperkuat hubungannya dengan sekutu lama.";
        assert_eq!(detect_language(id), Lang::Id);
        let en = "North Korea has also tried to strengthen its ties with old allies.";
        assert_eq!(detect_language(en), Lang::En);
        assert_eq!(detect_language(""), Lang::Id);
    }

    #[test]
    fn other_languages_fall_back_to_english() {
        // Some other language: English rules, not Indonesian ones.
        let es = "El presidente del gobierno llegó ayer a la capital para reunirse con los \
                  ministros de economía y hablar sobre los presupuestos del próximo año. \
                  Según fuentes oficiales, la reunión duró más de cuatro horas y terminó sin \
                  acuerdo, aunque todos los participantes se mostraron optimistas sobre las \
                  negociaciones que continuarán durante las próximas semanas en Madrid.";
        assert_eq!(detect_language(es), Lang::En);
        let ru = "Президент прибыл в столицу вчера вечером и встретился с министрами.";
        assert_eq!(detect_language(ru), Lang::En);
        // An Indonesian sentence without any listed function word is still
        // Indonesian (its affixes tell), and so is a short list of names.
        let id = "Anas sendiri terlilit kasus dugaan korupsi pembangunan pusat olahraga \
                  terpadu Hambalang, Bogor, Jawa Barat.";
        assert_eq!(detect_language(id), Lang::Id);
        assert_eq!(detect_language("Joko Widodo, Prabowo Subianto"), Lang::Id);
    }
}
