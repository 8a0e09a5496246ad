//! The pipeline: clean → detect language → split sentences → find entities,
//! and the result types, whose offsets are UTF-16 units into the input.

use crate::clean::{self, Reason};
use crate::entity::{self, EntityType};
use crate::offsets::Utf16Index;
use crate::{detect_language, sentence, token, Lang, Options};
use serde::Serialize;
use std::ops::Range;

/// A span of the input removed by cleaning, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// Start, in UTF-16 code units into the input.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units into the input.
    pub end: usize,
    /// Why it was removed.
    pub reason: Reason,
    /// The removed text, as it was in the input.
    pub text: String,
}

/// A sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Start, in UTF-16 code units into the input.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units into the input.
    pub end: usize,
    /// The cleaned sentence text (inner whitespace may be normalised).
    pub text: String,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Start, in UTF-16 code units into the input.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units into the input.
    pub end: usize,
    /// The mention as it is in the input (`input.slice(start, end)`).
    pub text: String,
}

/// An entity: everything the text calls by one name or its aliases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The canonical (fullest) name.
    pub name: String,
    /// The entity type (`"PER"`, `"LOC"`, `"ORG"`, …).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// How many mentions it has.
    pub count: usize,
    /// Other names it goes by in the text (or from the lexicon), without `name`.
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// Summary figures of an analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Length of the input in UTF-16 code units.
    pub input_length: usize,
    /// Characters (Unicode scalar values) in the cleaned text.
    pub characters: usize,
    /// Words in the cleaned text.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Distinct entities.
    pub entities: usize,
    /// Entity mentions.
    pub mentions: usize,
    /// Spans removed by cleaning.
    pub removed: usize,
}

/// The result of [`analyse`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The language used (given, or detected).
    pub language: Lang,
    /// The cleaned text.
    pub cleaned: String,
    /// What cleaning removed from the input.
    pub removed: Vec<Removal>,
    /// The sentences of the cleaned text.
    pub sentences: Vec<Sentence>,
    /// The entities, most mentioned first (ties: first mentioned first).
    pub entities: Vec<Entity>,
    /// Summary figures.
    pub stats: Stats,
}

/// The result of [`clean()`]: cleaned text and what was removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cleaned {
    /// The cleaned text.
    pub cleaned: String,
    /// What cleaning removed from the input.
    pub removed: Vec<Removal>,
}

/// Everything up to language detection, shared by the entry points.
struct Prepared<'a> {
    input: &'a str,
    cleaned: clean::Output,
    lang: Lang,
    utf16: Utf16Index<'a>,
}

impl<'a> Prepared<'a> {
    fn new(input: &'a str, options: &Options) -> Prepared<'a> {
        let cleaned = clean::clean(input, options);
        let lang = options
            .lang
            .unwrap_or_else(|| detect_language(&cleaned.text));
        Prepared {
            input,
            cleaned,
            lang,
            utf16: Utf16Index::new(input),
        }
    }

    /// Maps a byte range of the cleaned text to a UTF-16 range of the input.
    fn span(&self, r: Range<usize>) -> Range<usize> {
        let r = self.cleaned.map.range(r);
        self.utf16.utf16(r.start)..self.utf16.utf16(r.end)
    }

    fn removed(&self) -> Vec<Removal> {
        self.cleaned
            .removed
            .iter()
            .map(|(r, reason)| Removal {
                start: self.utf16.utf16(r.start),
                end: self.utf16.utf16(r.end),
                reason: *reason,
                text: self.input[r.clone()].to_string(),
            })
            .collect()
    }

    fn sentence_ranges(&self) -> Vec<Range<usize>> {
        sentence::split(&self.cleaned.text, self.lang)
    }

    fn sentences(&self, ranges: &[Range<usize>]) -> Vec<Sentence> {
        ranges
            .iter()
            .map(|r| {
                let span = self.span(r.clone());
                Sentence {
                    start: span.start,
                    end: span.end,
                    text: normalise_space(&self.cleaned.text[r.clone()]),
                }
            })
            .collect()
    }

    fn entities(&self, sentences: &[Range<usize>], options: &Options) -> Vec<Entity> {
        entity::recognise(&self.cleaned.text, sentences, self.lang, options)
            .into_iter()
            .map(|e| {
                let mentions: Vec<Mention> = e
                    .mentions
                    .iter()
                    .map(|r| {
                        let orig = self.cleaned.map.range(r.clone());
                        Mention {
                            start: self.utf16.utf16(orig.start),
                            end: self.utf16.utf16(orig.end),
                            text: self.input[orig].to_string(),
                        }
                    })
                    .collect();
                Entity {
                    name: e.name,
                    kind: e.kind,
                    count: mentions.len(),
                    aliases: e.aliases,
                    mentions,
                }
            })
            .collect()
    }
}

/// Collapses runs of whitespace into one space.
fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Analyses `text`: cleans it, detects its language, splits it into sentences
/// and finds and counts its entities.
///
/// Never fails and never panics, whatever the input.
///
/// # Example
///
/// ```
/// let a = teks::analyse("Hari ini Jokowi ke Bandung. Dia senang.", &Default::default());
/// assert_eq!(a.language, teks::Lang::Id);
/// assert_eq!(a.sentences.len(), 2);
/// assert_eq!(a.stats.sentences, 2);
/// ```
pub fn analyse(text: &str, options: &Options) -> Analysis {
    let prep = Prepared::new(text, options);
    let ranges = prep.sentence_ranges();
    let entities = prep.entities(&ranges, options);
    let sentences = prep.sentences(&ranges);
    let removed = prep.removed();
    let stats = Stats {
        input_length: prep.utf16.len_utf16(),
        characters: prep.cleaned.text.chars().count(),
        words: token::words(&prep.cleaned.text).count(),
        sentences: sentences.len(),
        entities: entities.len(),
        mentions: entities.iter().map(|e| e.count).sum(),
        removed: removed.len(),
    };
    Analysis {
        language: prep.lang,
        cleaned: prep.cleaned.text,
        removed,
        sentences,
        entities,
        stats,
    }
}

/// Cleans `text` only.
///
/// # Example
///
/// ```
/// let c = teks::clean("Satu.\nBACA JUGA: Berita lain\nDua.", &Default::default());
/// assert_eq!(c.cleaned, "Satu.\nDua.");
/// assert_eq!(c.removed.len(), 1);
/// ```
pub fn clean(text: &str, options: &Options) -> Cleaned {
    let prep = Prepared::new(text, options);
    let removed = prep.removed();
    Cleaned {
        cleaned: prep.cleaned.text,
        removed,
    }
}

/// Splits `text` (cleaned first, unless `options.clean` is off) into sentences.
///
/// # Example
///
/// ```
/// let s = teks::split_sentences("Dr. Budi datang. Dia senang.", &Default::default());
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[0].text, "Dr. Budi datang.");
/// ```
pub fn split_sentences(text: &str, options: &Options) -> Vec<Sentence> {
    let prep = Prepared::new(text, options);
    let ranges = prep.sentence_ranges();
    prep.sentences(&ranges)
}

/// Finds and counts the entities of `text`, most mentioned first.
///
/// # Example
///
/// ```
/// let e = teks::count_entities("Donald Trump tiba. Kemarin, Trump pergi.", &Default::default());
/// assert_eq!(e[0].name, "Donald Trump");
/// assert_eq!(e[0].count, 2);
/// ```
pub fn count_entities(text: &str, options: &Options) -> Vec<Entity> {
    let prep = Prepared::new(text, options);
    let ranges = prep.sentence_ranges();
    prep.entities(&ranges, options)
}
