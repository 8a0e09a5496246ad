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

    /// Input byte spans of the sentences, in order and disjoint. A repair
    /// that maps as a whole (e.g. a mojibake run holding ". ") can map two
    /// sentences onto the same input span; the later one then starts where
    /// the earlier one ends.
    fn sentence_spans(&self, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut prev_end = 0;
        ranges
            .iter()
            .map(|r| {
                let span = self.cleaned.map.range(r.clone());
                let start = span.start.max(prev_end);
                let end = span.end.max(start);
                prev_end = end;
                start..end
            })
            .collect()
    }

    /// The sentences of `ranges`, whose input spans are `spans` (from
    /// [`Prepared::sentence_spans`]). With `slices` (see [`analyse_lean`]), a
    /// sentence whose text is its slice of the cleaned text as it is gets an
    /// empty `text` and its range pushed there, any other `None`.
    fn sentences(
        &self,
        ranges: &[Range<usize>],
        spans: &[Range<usize>],
        mut slices: Option<&mut Vec<Option<Range<usize>>>>,
    ) -> Vec<Sentence> {
        // Spans are in order: each offset is counted on from the one before
        // when that is in its block.
        let (mut at, mut at16) = (0, 0);
        ranges
            .iter()
            .zip(spans)
            .map(|(r, span)| {
                let text = &self.cleaned.text[r.clone()];
                let text = match slices.as_deref_mut() {
                    Some(slices) if is_plain(text) => {
                        slices.push(Some(r.clone()));
                        String::new()
                    }
                    Some(slices) => {
                        slices.push(None);
                        normalise_space(text)
                    }
                    None => normalise_space(text),
                };
                let start = self.utf16.utf16_from(at, at16, span.start);
                let end = self.utf16.utf16_from(span.start, start, span.end);
                (at, at16) = (span.end, end);
                Sentence { start, end, text }
            })
            .collect()
    }

    /// The entities of the sentences `sentences`, whose input spans are
    /// `spans`; with `lean`, mentions get an empty `text`.
    fn entities(
        &self,
        sentences: &[Range<usize>],
        spans: &[Range<usize>],
        options: &Options,
        lean: bool,
    ) -> Vec<Entity> {
        entity::recognise(&self.cleaned.text, sentences, self.lang, options)
            .into_iter()
            .map(|e| {
                let mentions: Vec<Mention> = e
                    .mentions
                    .iter()
                    .map(|r| {
                        let mut orig = self.cleaned.map.range(r.clone());
                        // Keep the mention inside its sentence's input span.
                        let i = sentences.partition_point(|s| s.end <= r.start);
                        if let Some(s) = spans.get(i) {
                            orig.start = orig.start.clamp(s.start, s.end);
                            orig.end = orig.end.clamp(orig.start, s.end);
                        }
                        let start = self.utf16.utf16(orig.start);
                        Mention {
                            start,
                            end: self.utf16.utf16_from(orig.start, start, orig.end),
                            text: if lean {
                                String::new()
                            } else {
                                self.input[orig].to_string()
                            },
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

/// Whether `s` is already normalised: only single ASCII spaces, no other
/// whitespace, nothing to trim (most sentences). One pass over the bytes;
/// only the lead bytes of non-ASCII whitespace (U+0085, U+00A0, U+1680,
/// U+2000–U+3000) are decoded.
fn is_plain(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    // Eight bytes at a time where they are ASCII without control bytes
    // (tab, newline, …): then only two spaces in a row can make it unplain.
    // Other words byte by byte.
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const LOWS: u64 = u64::from_ne_bytes([0x7F; 8]);
    let mut at = 0;
    loop {
        while let Some(chunk) = b.get(at..at + 8) {
            let w = crate::bytes::le_u64(chunk);
            // Some byte ≥ 0x80, or < 0x20: byte by byte.
            if w & HIGHS != 0 || w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0 {
                break;
            }
            // The high bit of each lane that is a space (exact per lane).
            let x = w ^ (ONES * 0x20);
            let spaces = !(((x & LOWS) + LOWS) | x) & HIGHS;
            if spaces & (spaces >> 8) != 0 || (prev_space && spaces & 0x80 != 0) {
                return false;
            }
            prev_space = spaces >> 63 != 0;
            at += 8;
        }
        if at >= b.len() {
            return true;
        }
        let end = b.len().min(at + 8);
        while at < end {
            let c = b[at];
            if c == b' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
                at += 1;
                continue;
            }
            prev_space = false;
            if c < 0x80 {
                if c.is_ascii_whitespace() || c == 0x0B {
                    return false;
                }
            } else if matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3)
                && s.get(at..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_whitespace)
            {
                return false;
            }
            at += 1;
        }
    }
}

/// Collapses runs of whitespace into one space.
fn normalise_space(s: &str) -> String {
    // Fast path: a plain copy, no char decoding.
    if is_plain(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Characters (Unicode scalar values) in `s`: UTF-8 bytes that are not
/// continuation bytes, counted eight at a time without decoding.
fn char_count(s: &str) -> usize {
    crate::offsets::chars(s.as_bytes())
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
    analyse_with(text, options, None)
}

/// [`analyse`] for the compact encoder ([`crate::compact`]), which takes
/// every mention's text from the input and a sentence's text from the
/// cleaned text where it is that slice: mentions get an empty `text`, and so
/// does a sentence whose text is its slice of the cleaned text as it is.
/// Also returns, per sentence, its byte range in the cleaned text where its
/// `text` was left empty for being that slice. `stats.characters` is left
/// 0: the encoder has it from the cleaned text's UTF-16 index.
pub(crate) fn analyse_lean(text: &str, options: &Options) -> (Analysis, Vec<Option<Range<usize>>>) {
    let mut slices = Vec::new();
    let a = analyse_with(text, options, Some(&mut slices));
    (a, slices)
}

fn analyse_with(
    text: &str,
    options: &Options,
    slices: Option<&mut Vec<Option<Range<usize>>>>,
) -> Analysis {
    let prep = Prepared::new(text, options);
    let ranges = prep.sentence_ranges();
    let spans = prep.sentence_spans(&ranges);
    let lean = slices.is_some();
    let entities = prep.entities(&ranges, &spans, options, lean);
    let sentences = prep.sentences(&ranges, &spans, slices);
    let removed = prep.removed();
    let stats = Stats {
        input_length: prep.utf16.len_utf16(),
        characters: if lean {
            0
        } else {
            char_count(&prep.cleaned.text)
        },
        words: token::count_words(&prep.cleaned.text),
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
    prep.sentences(&ranges, &prep.sentence_spans(&ranges), None)
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
    prep.entities(&ranges, &prep.sentence_spans(&ranges), options, false)
}

/// Default size of the pieces an [`Analyser`] analyses at once (bytes).
const PIECE: usize = 1 << 20;

/// Where to cut `s` (longer than `piece`) so that the first part can be
/// analysed on its own: after the last blank line within the first `piece`
/// bytes, else after the last line break, else after the last ". ", else
/// after the last whitespace, else at a char boundary. A cut in the first
/// quarter of the window is not taken (too small a piece), which keeps the
/// whole run linear: every cut consumes at least `piece / 4` bytes.
fn safe_cut(s: &str, piece: usize) -> Option<usize> {
    if s.len() <= piece {
        return None;
    }
    let mut end = piece;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let window = &s[..end];
    let floor = piece / 4;
    let good = |at: Option<usize>, len: usize| at.map(|i| i + len).filter(|&i| i > floor);
    let bytes = window.as_bytes();
    good(crate::bytes::rfind(bytes, b"\n\n"), 2)
        .or_else(|| good(window.rfind('\n'), 1))
        .or_else(|| good(crate::bytes::rfind(bytes, b". "), 2))
        .or_else(|| good(window.rfind(char::is_whitespace), 1))
        .or(Some(end).filter(|&e| e > 0))
}

/// Progress of an [`Analyser`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Input pushed so far, in UTF-16 code units.
    pub received: usize,
    /// Input analysed so far, in UTF-16 code units (the rest waits for a
    /// safe place to cut, or for [`Analyser::finish`]).
    pub analysed: usize,
    /// Sentences found so far.
    pub sentences: usize,
    /// Distinct entities found so far.
    pub entities: usize,
    /// Entity mentions found so far.
    pub mentions: usize,
}

/// Analyses a long text fed in chunks, with bounded working memory: the
/// text is analysed in pieces of about 1 MiB cut at paragraph (else line,
/// else sentence, else word) boundaries; offsets stay global (UTF-16 units
/// into the whole input) and entities are merged across pieces by name and
/// alias (a later, fuller name such as "Donald Trump" absorbs an earlier
/// "Trump" of the same type).
///
/// The result has the shape of [`analyse`]'s. It equals `analyse` on the
/// whole text up to what crosses a piece boundary: the language is detected
/// on the first piece, an alias is only linked when the two names meet in
/// one piece or one is the other's alias, and the cleaned pieces are joined
/// with a blank line when a piece's cleaned text does not end with a line
/// break. Texts up to one piece long give exactly `analyse`'s result.
///
/// Only the unanalysed tail of the input is kept, so a 100 MB text never
/// needs to be in memory at once (the result itself still holds the cleaned
/// text and every sentence).
///
/// # Example
///
/// ```
/// let mut a = teks::Analyser::new(teks::Options::default());
/// a.push("Presiden Joko Widodo tiba di Jakarta. ");
/// let progress = a.push("Joko Widodo lalu pergi ke Bandung.");
/// assert_eq!(progress.received, 72);
/// let result = a.finish();
/// assert_eq!(result.sentences.len(), 2);
/// assert_eq!(result.sentences[1].start, 38);
/// ```
#[derive(Debug)]
pub struct Analyser {
    options: Options,
    piece: usize,
    pending: String,
    received: usize,
    /// UTF-16 units of input before `pending`.
    base: usize,
    result: Analysis,
    /// (type, name or alias) → index into `result.entities`.
    names: std::collections::HashMap<(EntityType, String), usize>,
    started: bool,
}

impl Analyser {
    /// Starts a chunked analysis with `options`.
    pub fn new(options: Options) -> Analyser {
        Analyser::with_piece_size(options, PIECE)
    }

    /// Like [`Analyser::new`], analysing pieces of about `bytes` bytes.
    pub fn with_piece_size(options: Options, bytes: usize) -> Analyser {
        Analyser {
            result: Analysis {
                language: options.lang.unwrap_or(Lang::Id),
                cleaned: String::new(),
                removed: Vec::new(),
                sentences: Vec::new(),
                entities: Vec::new(),
                stats: Stats::default(),
            },
            options,
            piece: bytes.max(64),
            pending: String::new(),
            received: 0,
            base: 0,
            names: std::collections::HashMap::new(),
            started: false,
        }
    }

    /// Adds the next chunk of the text and analyses every piece that can
    /// now be cut off safely.
    pub fn push(&mut self, chunk: &str) -> Progress {
        self.received += chunk.encode_utf16().count();
        self.pending.push_str(chunk);
        let mut from = 0;
        while let Some(cut) = safe_cut(&self.pending[from..], self.piece) {
            let piece = std::mem::take(&mut self.pending);
            self.analyse_piece(&piece[from..from + cut]);
            self.pending = piece;
            from += cut;
        }
        if from > 0 {
            self.pending.drain(..from);
        }
        self.progress()
    }

    /// How far the analysis is.
    pub fn progress(&self) -> Progress {
        Progress {
            received: self.received,
            analysed: self.base,
            sentences: self.result.sentences.len(),
            entities: self.result.entities.len(),
            mentions: self.result.entities.iter().map(|e| e.count).sum(),
        }
    }

    /// Analyses what is left and returns the whole result.
    pub fn finish(mut self) -> Analysis {
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() || !self.started {
            self.analyse_piece(&rest);
        }
        let mut r = self.result;
        // Most mentioned first; ties: first mentioned first.
        crate::sort::sort_by_key(&mut r.entities, |e| {
            (
                std::cmp::Reverse(e.count),
                e.mentions.first().map_or(usize::MAX, |m| m.start),
            )
        });
        r.stats.input_length = self.base;
        r.stats.sentences = r.sentences.len();
        r.stats.entities = r.entities.len();
        r.stats.mentions = r.entities.iter().map(|e| e.count).sum();
        r.stats.removed = r.removed.len();
        r
    }

    fn analyse_piece(&mut self, piece: &str) {
        let mut options = self.options.clone();
        if self.started {
            options.lang = Some(self.result.language);
        }
        let a = analyse(piece, &options);
        let shift = self.base;
        let r = &mut self.result;
        if !self.started {
            r.language = a.language;
            self.started = true;
        }
        if !r.cleaned.is_empty() && !a.cleaned.is_empty() && !r.cleaned.ends_with('\n') {
            r.cleaned.push_str("\n\n");
            r.stats.characters += 2;
        }
        r.cleaned.push_str(&a.cleaned);
        r.stats.characters += a.stats.characters;
        r.stats.words += a.stats.words;
        r.removed.extend(a.removed.into_iter().map(|mut x| {
            x.start += shift;
            x.end += shift;
            x
        }));
        r.sentences.extend(a.sentences.into_iter().map(|mut x| {
            x.start += shift;
            x.end += shift;
            x
        }));
        for mut e in a.entities {
            for m in &mut e.mentions {
                m.start += shift;
                m.end += shift;
            }
            self.merge_entity(e);
        }
        self.base += a.stats.input_length;
    }

    /// Adds a piece's entity to the running result: into an earlier entity
    /// of the same type known by its name or one of its aliases, else new.
    fn merge_entity(&mut self, e: Entity) {
        let kind = e.kind;
        let found = std::iter::once(&e.name)
            .chain(&e.aliases)
            .find_map(|n| self.names.get(&(kind, n.clone())).copied());
        let Some(i) = found else {
            let i = self.result.entities.len();
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                self.names.entry((kind, n.clone())).or_insert(i);
            }
            self.result.entities.push(e);
            return;
        };
        let into = &mut self.result.entities[i];
        let mut names = vec![e.name];
        names.extend(e.aliases);
        for n in names {
            if n == into.name || into.aliases.contains(&n) {
                continue;
            }
            self.names.entry((kind, n.clone())).or_insert(i);
            if n.chars().count() > into.name.chars().count() {
                // The fuller name becomes canonical.
                let old = std::mem::replace(&mut into.name, n);
                into.aliases.push(old);
            } else {
                into.aliases.push(n);
            }
        }
        into.count += e.mentions.len();
        into.mentions.extend(e.mentions);
    }
}

#[cfg(test)]
mod chunk_tests {
    use super::*;

    fn utf16_slice(s: &str, start: usize, end: usize) -> String {
        let units: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16_lossy(&units[start..end])
    }

    fn paragraphs(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "Paragraf {i} — Presiden Joko Widodo tiba di Jakarta pada pagi hari. \
                     Dia bertemu warga di sana.\nJoko Widodo lalu pergi lagi."
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn chunked_offsets_are_global_and_sentences_match() {
        let text = paragraphs(40);
        let whole = analyse(&text, &Options::default());
        let mut a = Analyser::with_piece_size(Options::default(), 700);
        // Chunks of odd sizes, cut at char boundaries.
        let mut rest = text.as_str();
        let mut last = Progress::default();
        while !rest.is_empty() {
            let mut n = 333.min(rest.len());
            while !rest.is_char_boundary(n) {
                n += 1;
            }
            let p = a.push(&rest[..n]);
            assert!(p.analysed <= p.received && p.received >= last.received);
            last = p;
            rest = &rest[n..];
        }
        assert!(last.analysed > 0, "pieces were analysed before finish");
        let chunked = a.finish();
        assert_eq!(chunked.language, whole.language);
        assert_eq!(chunked.sentences, whole.sentences);
        assert_eq!(chunked.stats.input_length, whole.stats.input_length);
        assert_eq!(chunked.stats.mentions, whole.stats.mentions);
        for e in &chunked.entities {
            assert_eq!(e.count, e.mentions.len());
            for m in &e.mentions {
                assert_eq!(utf16_slice(&text, m.start, m.end), m.text);
            }
        }
        let count = |a: &Analysis, name: &str| {
            a.entities
                .iter()
                .find(|e| e.name == name)
                .map_or(0, |e| e.count)
        };
        assert_eq!(count(&chunked, "Joko Widodo"), count(&whole, "Joko Widodo"));
    }

    #[test]
    fn small_text_gives_the_same_result_as_analyse() {
        let text = paragraphs(2);
        let mut a = Analyser::new(Options::default());
        a.push(&text);
        assert_eq!(a.finish(), analyse(&text, &Options::default()));
        assert_eq!(
            Analyser::new(Options::default()).finish(),
            analyse("", &Options::default())
        );
    }

    #[test]
    fn normalises_space_like_split_whitespace() {
        for s in [
            "a b",
            "a  b",
            " a",
            "a\tb",
            "a\u{a0}b",
            "é b",
            "a\nb",
            "",
            "x\u{2009}y z",
            "v\u{b}t",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(normalise_space(s), want, "{s:?}");
        }
        assert_eq!(char_count("aé😀"), "aé😀".chars().count());
    }

    #[test]
    fn is_plain_is_normalised() {
        let spaces: Vec<char> = (0..0x3001)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        let mut cases = vec![String::new(), "a".into(), "a b".into(), "é ü".into()];
        for &c in &spaces {
            for s in ["a{}b", "{}a", "a{}", "a {}b", "é{}", "{}"] {
                cases.push(s.replace("{}", &c.to_string()));
            }
        }
        for c in [
            '\u{1c}', '\u{1f}', '\u{80}', '\u{a1}', '\u{200b}', '\u{2030}', '\u{3001}',
        ] {
            cases.push(format!("a{c}b"));
        }
        // Every position around the eight-byte steps.
        for k in 0..24 {
            for ins in [
                "  ", "\t", "\n", " \u{a0}", "\u{85}", "é", "\u{1}", "\u{7f}",
            ] {
                let mut s: String = "abcdefgh ijklmno pqrstuv wxyz".into();
                s.insert_str(k, ins);
                cases.push(s);
            }
        }
        for s in &cases {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ") == *s;
            assert_eq!(is_plain(s), want, "{s:?}");
        }
    }

    #[test]
    fn cuts_are_safe_and_bounded() {
        assert_eq!(safe_cut("short", 100), None);
        let t = format!("{}\n\n{}", "a ".repeat(60), "b ".repeat(60));
        assert_eq!(safe_cut(&t, 150), Some(122));
        // No whitespace at all: cut at a char boundary within the window.
        let t = "é".repeat(100);
        let cut = safe_cut(&t, 101).unwrap();
        assert!(t.is_char_boundary(cut) && cut > 0 && cut <= 101);
    }
}
