//! Per-language word lists for sentence splitting, read once from
//! `src/lang/<code>/*.txt`.

use crate::lang::word_set;
use crate::Lang;
use std::collections::HashSet;
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

/// One language's lists, all lower-case.
pub(super) struct Lexicon {
    titles: HashSet<&'static str>,
    number: HashSet<&'static str>,
    postpositive: HashSet<&'static str>,
    general: HashSet<&'static str>,
    starters: HashSet<&'static str>,
}

/// The longest word looked up; longer words are never listed.
const MAX_KEY: usize = 24;

impl Lexicon {
    fn parse(
        titles: &'static str,
        number: &'static str,
        postpositive: &'static str,
        general: &'static str,
        starters: &'static str,
    ) -> Lexicon {
        Lexicon {
            titles: word_set(titles),
            number: word_set(number),
            postpositive: word_set(postpositive),
            general: word_set(general),
            starters: word_set(starters),
        }
    }

    /// The lexicon of `lang`.
    pub(super) fn of(lang: Lang) -> &'static Lexicon {
        static ID: LazyLock<Lexicon> = LazyLock::new(|| {
            Lexicon::parse(
                include_str!("../lang/id/titles.txt"),
                include_str!("../lang/id/number_abbrev.txt"),
                include_str!("../lang/id/postpositive.txt"),
                include_str!("../lang/id/abbrev.txt"),
                include_str!("../lang/id/starters.txt"),
            )
        });
        static EN: LazyLock<Lexicon> = LazyLock::new(|| {
            Lexicon::parse(
                include_str!("../lang/en/titles.txt"),
                include_str!("../lang/en/number_abbrev.txt"),
                include_str!("../lang/en/postpositive.txt"),
                include_str!("../lang/en/abbrev.txt"),
                include_str!("../lang/en/starters.txt"),
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
        let mut buf = [0u8; MAX_KEY];
        let key = lower(word, &mut buf)?;
        if self.postpositive.contains(key) {
            Some(Abbrev::Postpositive)
        } else if self.number.contains(key) {
            Some(Abbrev::Number)
        } else if self.titles.contains(key) {
            Some(Abbrev::Title)
        } else if self.general.contains(key) {
            Some(Abbrev::General)
        } else {
            None
        }
    }

    /// Whether `word` is a title (matched ignoring ASCII case).
    pub(super) fn is_title(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_KEY];
        lower(word, &mut buf).is_some_and(|k| self.titles.contains(k))
    }

    /// Whether `word` typically starts a sentence (matched ignoring ASCII case).
    pub(super) fn is_starter(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_KEY];
        lower(word, &mut buf).is_some_and(|k| self.starters.contains(k))
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
    }
}
