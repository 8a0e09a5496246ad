//! Per-language word lists for sentence splitting, read once from
//! `src/lang/<code>/*.txt`.

use crate::lang::{parse_word_list, WordMap};
use crate::Lang;
use std::sync::LazyLock;

/// What a listed abbreviation does before a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Written before a name ("Dr.", "Jl."): never ends a sentence.
    Title,
    /// Not an abbreviation that ends a sentence when a number follows ("No. 5").
    Number,
    /// Written after what it qualifies ("dll.", "Ltd."): may end a sentence.
    Postpositive,
    /// Inside a sentence as a rule ("St.", "spt."): ends one only before a starter.
    General,
}

/// One language's lists, all lower-case, as one map from a word to the
/// lists it is in.
pub(super) struct Lexicon {
    words: WordMap,
}

const TITLE: u8 = 1;
const NUMBER: u8 = 2;
const POSTPOSITIVE: u8 = 4;
const GENERAL: u8 = 8;
const STARTER: u8 = 16;
const SAYS: u8 = 32;

/// The longest word looked up; longer words are never listed.
const MAX_KEY: usize = 24;

impl Lexicon {
    fn parse(
        titles: &'static str,
        number: &'static str,
        postpositive: &'static str,
        general: &'static str,
        starters: &'static str,
        says: &'static str,
    ) -> Lexicon {
        let mut words = WordMap::default();
        for (list, flag) in [
            (titles, TITLE),
            (number, NUMBER),
            (postpositive, POSTPOSITIVE),
            (general, GENERAL),
            (starters, STARTER),
            (says, SAYS),
        ] {
            for word in parse_word_list(list) {
                *words.entry(word).or_insert(0) |= flag;
            }
        }
        Lexicon { words }
    }

    /// The lists `word` is in (matched ignoring ASCII case).
    fn flags(&self, word: &str) -> u8 {
        let mut buf = [0u8; MAX_KEY];
        lower(word, &mut buf).map_or(0, |k| self.words.get(k).copied().unwrap_or(0))
    }

    /// The lexicon of `lang`.
    pub(super) fn of(lang: Lang) -> &'static Lexicon {
        static ID: LazyLock<Lexicon> = LazyLock::new(|| {
            Lexicon::parse(
                list!("lang/id/titles.txt"),
                list!("lang/id/number_abbrev.txt"),
                list!("lang/id/postpositive.txt"),
                list!("lang/id/abbrev.txt"),
                list!("lang/id/starters.txt"),
                list!("lang/id/says.txt"),
            )
        });
        static EN: LazyLock<Lexicon> = LazyLock::new(|| {
            Lexicon::parse(
                list!("lang/en/titles.txt"),
                list!("lang/en/number_abbrev.txt"),
                list!("lang/en/postpositive.txt"),
                list!("lang/en/abbrev.txt"),
                list!("lang/en/starters.txt"),
                list!("lang/en/says.txt"),
            )
        });
        match lang {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// The kind of `word` (matched ignoring ASCII case), if it is listed.
    /// A word in several lists takes the first of: postpositive, number,
    /// title, general.
    pub(super) fn abbrev(&self, word: &str) -> Option<Abbrev> {
        let flags = self.flags(word);
        if flags & POSTPOSITIVE != 0 {
            Some(Abbrev::Postpositive)
        } else if flags & NUMBER != 0 {
            Some(Abbrev::Number)
        } else if flags & TITLE != 0 {
            Some(Abbrev::Title)
        } else if flags & GENERAL != 0 {
            Some(Abbrev::General)
        } else {
            None
        }
    }

    /// Whether `word` is a title (matched ignoring ASCII case).
    pub(super) fn is_title(&self, word: &str) -> bool {
        self.flags(word) & TITLE != 0
    }

    /// Whether `word` is a verb of saying after a quotation (matched
    /// ignoring ASCII case).
    pub(super) fn is_says(&self, word: &str) -> bool {
        self.flags(word) & SAYS != 0
    }

    /// Whether `word` typically starts a sentence (matched ignoring ASCII case).
    pub(super) fn is_starter(&self, word: &str) -> bool {
        self.flags(word) & STARTER != 0
    }
}

/// `word` with ASCII letters lower-cased, in `buf`; `None` when too long.
fn lower<'b>(word: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    // Only ASCII bytes changed, so the bytes are still UTF-8.
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_words_up_ignoring_case() {
        let id = Lexicon::of(Lang::Id);
        assert_eq!(id.abbrev("Jl"), Some(Abbrev::Title));
        assert_eq!(id.abbrev("KH"), Some(Abbrev::Title));
        assert_eq!(id.abbrev("no"), Some(Abbrev::Number));
        assert_eq!(id.abbrev("Rp"), Some(Abbrev::Number));
        assert_eq!(id.abbrev("dll"), Some(Abbrev::Postpositive));
        assert_eq!(id.abbrev("Tbk"), Some(Abbrev::Postpositive));
        assert_eq!(id.abbrev("makan"), None);
        assert!(id.is_starter("Dia"));
        let en = Lexicon::of(Lang::En);
        assert_eq!(en.abbrev("N°"), Some(Abbrev::Number));
        assert_eq!(en.abbrev("Mr"), Some(Abbrev::Title));
        assert_eq!(en.abbrev("Co"), Some(Abbrev::Postpositive));
        assert_eq!(en.abbrev(&"x".repeat(100)), None);
        assert!(en.is_starter("How"));
        assert!(id.is_says("katanya") && en.is_says("said") && !id.is_says("said"));
    }
}
