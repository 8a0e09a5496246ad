//! The compact form in which an [`Analysis`] crosses the wasm boundary: one
//! `u32` array and one string table, turned into the documented objects by a
//! small JS decoder (`DECODER` in `wasm.rs`), which takes every mention's and
//! removal's text from the JS input itself (`input.slice(start, end)`) and a
//! sentence's text from the cleaned text when it is that slice. About one
//! boundary crossing per result instead of one per field (serde-wasm-bindgen);
//! measured in `bench/boundary.mjs`.
//!
//! Layout of the numbers (strings are `(start, len)` in UTF-16 units of the
//! string table, all offsets UTF-16):
//! ```text
//! lang(0 id, 1 en)  cleaned:str
//! nRemoved  { start end reason:str }*
//! nSentences { start end kind a b }*   kind 0: text = cleaned.slice(a, b); 1: text = str(a, b)
//! nEntities { name:str type:str count nAliases alias:str* nMentions { start end }* }*
//! stats × 7 (inputLength characters words sentences entities mentions removed)
//! ```

use crate::analysis::Analysis;
use crate::offsets::Utf16Index;
use crate::Lang;
use std::ops::Range;

/// Builds the numbers and the string table.
#[derive(Default)]
struct Writer {
    nums: Vec<u32>,
    strings: String,
    /// UTF-16 length of `strings`.
    len16: usize,
}

fn n(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Writer {
    fn num(&mut self, x: usize) {
        self.nums.push(n(x));
    }

    fn str(&mut self, s: &str) {
        self.str_of_units(s, crate::offsets::units(s.as_bytes()));
    }

    /// [`Writer::str`] for `s` of `units` UTF-16 units.
    fn str_of_units(&mut self, s: &str, units: usize) {
        self.strings.push_str(s);
        self.nums.push(n(self.len16));
        self.nums.push(n(units));
        self.len16 += units;
    }
}

/// Encodes `a` (the result of analysing some input) for the JS decoder.
#[cfg(any(test, feature = "bench-boundary"))]
pub(crate) fn encode(a: &Analysis) -> (Vec<u32>, String) {
    encode_with(a, None)
}

/// Encodes the result of [`crate::analysis::analyse_lean`] (whose mention
/// texts the decoder does not read): a sentence with a range in `slices`
/// takes its text from there, without a search.
pub(crate) fn encode_lean(a: &Analysis, slices: &[Option<Range<usize>>]) -> (Vec<u32>, String) {
    encode_with(a, Some(slices))
}

fn encode_with(a: &Analysis, slices: Option<&[Option<Range<usize>>]>) -> (Vec<u32>, String) {
    let mut w = Writer {
        nums: Vec::with_capacity(
            16 + a.removed.len() * 4
                + a.sentences.len() * 5
                + a.entities
                    .iter()
                    .map(|e| 8 + e.mentions.len() * 2)
                    .sum::<usize>(),
        ),
        ..Writer::default()
    };
    w.num(match a.language {
        Lang::Id => 0,
        Lang::En => 1,
    });
    // The cleaned text's index also gives its length.
    let cleaned16 = Utf16Index::new(&a.cleaned);
    w.str_of_units(&a.cleaned, cleaned16.len_utf16());
    w.num(a.removed.len());
    for r in &a.removed {
        w.num(r.start);
        w.num(r.end);
        w.str(r.reason.as_str());
    }
    // Sentence texts are mostly slices of the cleaned text: given (`slices`)
    // or found there (sentences are in order, so the search only moves
    // forward from the last one).
    let mut from = 0;
    // The last offset converted and its UTF-16 offset: the next is counted
    // on from there when it is in the same block.
    let (mut last, mut last16) = (0, 0);
    let mut utf16 = |byte: usize| {
        last16 = cleaned16.utf16_from(last, last16, byte);
        last = byte;
        last16
    };
    w.num(a.sentences.len());
    for (i, s) in a.sentences.iter().enumerate() {
        w.num(s.start);
        w.num(s.end);
        if let Some(Some(r)) = slices.and_then(|v| v.get(i)) {
            w.num(0);
            w.num(utf16(r.start));
            w.num(utf16(r.end));
            from = r.end;
            continue;
        }
        // Look only a little ahead (keeps this linear when a text is not
        // there, e.g. a sentence whose whitespace was normalised).
        let mut window_end = (from + s.text.len() + 256).min(a.cleaned.len());
        while !a.cleaned.is_char_boundary(window_end) {
            window_end += 1;
        }
        // Mostly the next sentence starts right after the last one and some
        // whitespace: a plain comparison, no substring search.
        let rest = a.cleaned.get(from..window_end).unwrap_or("");
        let gap = rest.len() - rest.trim_start().len();
        let found = if rest[gap..].starts_with(s.text.as_str()) {
            Some(gap)
        } else {
            rest.find(s.text.as_str())
        };
        match found {
            Some(at) if !s.text.is_empty() => {
                let at = from + at;
                w.num(0);
                w.num(utf16(at));
                w.num(utf16(at + s.text.len()));
                from = at + s.text.len();
            }
            _ => {
                w.num(1);
                w.str(&s.text);
            }
        }
    }
    w.num(a.entities.len());
    for e in &a.entities {
        w.str(&e.name);
        w.str(e.kind.as_str());
        w.num(e.count);
        w.num(e.aliases.len());
        for alias in &e.aliases {
            w.str(alias);
        }
        w.num(e.mentions.len());
        for m in &e.mentions {
            w.num(m.start);
            w.num(m.end);
        }
    }
    let st = &a.stats;
    for x in [
        st.input_length,
        // Counted here for `analyse_lean`, which leaves it out.
        cleaned16.chars(),
        st.words,
        st.sentences,
        st.entities,
        st.mentions,
        st.removed,
    ] {
        w.num(x);
    }
    (w.nums, w.strings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyse, Options, Reason};

    /// The JS decoder, in Rust: rebuilds the result as JSON.
    fn decode(nums: &[u32], strings: &str, input: &str) -> serde_json::Value {
        use serde_json::json;
        let s16: Vec<u16> = strings.encode_utf16().collect();
        let in16: Vec<u16> = input.encode_utf16().collect();
        let mut i = 0;
        let mut next = || {
            i += 1;
            nums[i - 1] as usize
        };
        let slice = |v: &[u16], a: usize, b: usize| String::from_utf16_lossy(&v[a..b]);
        let lang = if next() == 0 { "id" } else { "en" };
        let (a, l) = (next(), next());
        let cleaned = slice(&s16, a, a + l);
        let c16: Vec<u16> = cleaned.encode_utf16().collect();
        let mut removed = vec![];
        for _ in 0..next() {
            let (st, en, a, l) = (next(), next(), next(), next());
            removed.push(json!({"start": st, "end": en, "reason": slice(&s16, a, a + l), "text": slice(&in16, st, en)}));
        }
        let mut sentences = vec![];
        for _ in 0..next() {
            let (st, en, kind, a, b) = (next(), next(), next(), next(), next());
            let text = if kind == 0 {
                slice(&c16, a, b)
            } else {
                slice(&s16, a, a + b)
            };
            sentences.push(json!({"start": st, "end": en, "text": text}));
        }
        let mut entities = vec![];
        for _ in 0..next() {
            let (a, l) = (next(), next());
            let name = slice(&s16, a, a + l);
            let (a, l) = (next(), next());
            let kind = slice(&s16, a, a + l);
            let count = next();
            let aliases: Vec<String> = (0..next())
                .map(|_| {
                    let (a, l) = (next(), next());
                    slice(&s16, a, a + l)
                })
                .collect();
            let mentions: Vec<_> = (0..next())
                .map(|_| {
                    let (st, en) = (next(), next());
                    json!({"start": st, "end": en, "text": slice(&in16, st, en)})
                })
                .collect();
            entities.push(json!({"name": name, "type": kind, "count": count, "aliases": aliases, "mentions": mentions}));
        }
        let k = [
            "inputLength",
            "characters",
            "words",
            "sentences",
            "entities",
            "mentions",
            "removed",
        ];
        let stats: serde_json::Map<String, serde_json::Value> =
            k.iter().map(|k| (k.to_string(), json!(next()))).collect();
        json!({"language": lang, "cleaned": cleaned, "removed": removed, "sentences": sentences, "entities": entities, "stats": stats})
    }

    #[test]
    fn round_trips_to_the_serde_shape() {
        for input in [
            "Presiden Joko Widodo tiba di Jakarta.\nBACA JUGA: Berita lain\n\nJoko  Widodo   pergi ke Bandung. Dia senang.",
            "Café «Ñoño» 😀 Donald Trump went to London. Trump  smiled.\u{a0}Bye | KNCA--",
            "",
        ] {
            let a = analyse(input, &Options::default());
            let (nums, strings) = encode(&a);
            let want = serde_json::to_value(&a).unwrap();
            assert_eq!(decode(&nums, &strings, input), want, "{input:?}");
            let (lean, slices) = crate::analysis::analyse_lean(input, &Options::default());
            let (nums, strings) = encode_lean(&lean, &slices);
            assert_eq!(decode(&nums, &strings, input), want, "lean {input:?}");
        }
    }

    #[test]
    fn reason_names_match_serde() {
        for r in [
            Reason::Promo,
            Reason::CaptionCredit,
            Reason::Navigation,
            Reason::HtmlMarkup,
            Reason::Invisible,
        ] {
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::String(r.as_str().to_string())
            );
        }
    }
}
