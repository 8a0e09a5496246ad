//! Cleaning: turns pasted text (or HTML) into the article text, recording
//! every removal and a map from cleaned offsets back to the input.

mod chars;
mod codepages;
mod compose;
mod html;
mod lines;
mod mojibake;
mod scan;

use crate::offsets::{MapChain, OffsetMap};
use crate::{InputFormat, Options};
use serde::Serialize;
use std::ops::Range;

/// Why a span of the input was removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Reason {
    /// A promo line: "BACA JUGA: …", "Read more: …", "ADVERTISEMENT".
    Promo,
    /// A caption credit ("| KNCA--", "(Foto: …)") or reporter initials.
    CaptionCredit,
    /// A navigation-like line, share buttons, cookie or newsletter prompt.
    Navigation,
    /// HTML markup, scripts, styles and hidden elements.
    HtmlMarkup,
    /// Invisible or control characters.
    Invisible,
}

impl Reason {
    /// Its name in results: "promo", "caption-credit", "navigation",
    /// "html-markup", "invisible".
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Promo => "promo",
            Reason::CaptionCredit => "caption-credit",
            Reason::Navigation => "navigation",
            Reason::HtmlMarkup => "html-markup",
            Reason::Invisible => "invisible",
        }
    }
}

/// What the cleaner produces.
#[derive(Debug, Default)]
pub(crate) struct Output {
    /// The cleaned text.
    pub(crate) text: String,
    /// Maps cleaned byte offsets back to input byte offsets.
    pub(crate) map: MapChain,
    /// Removed input byte ranges, in input order, disjoint.
    pub(crate) removed: Vec<(Range<usize>, Reason)>,
}

/// Cleans `input` per `options`.
///
/// Stages: HTML to text (HTML input only, also when cleaning is off),
/// character repair, then line-level cleaning. Each stage that changes the
/// text pushes its map onto the chain.
pub(crate) fn clean(input: &str, options: &Options) -> Output {
    let mut chain = MapChain::default();
    let mut removed: Vec<(Range<usize>, Reason)> = Vec::new();
    let mut text = None::<String>;
    if options.input == InputFormat::Html {
        let (t, map, markup) = html::extract(input, options.clean);
        chain.push(map);
        removed = markup;
        text = Some(t);
    }
    if options.clean {
        let rules = &options.clean_rules;
        // Pasted HTML was already reduced to its article; the line classifier
        // for navigation is for pasted text.
        let from_html = options.input == InputFormat::Html;
        for stage in 0..2 {
            let current = text.as_deref().unwrap_or(input);
            let result = if stage == 0 {
                chars::repair(current, rules)
            } else {
                lines::clean_lines(current, rules, !from_html)
            };
            if let Some((t, map, rem)) = result {
                removed.extend(rem.into_iter().map(|(r, why)| (chain.range(r), why)));
                chain.push(map);
                text = Some(t);
            }
        }
    }
    let text = text.unwrap_or_else(|| input.to_string());
    if chain.len() == 0 {
        chain.push(OffsetMap::identity(input.len()));
    }
    Output {
        text,
        map: chain,
        removed: disjoint(removed),
    }
}

/// Sorts removals and makes them disjoint; where a text rule's removal
/// overlaps markup, the text rule's reason wins. Empty ranges are dropped.
fn disjoint(mut all: Vec<(Range<usize>, Reason)>) -> Vec<(Range<usize>, Reason)> {
    all.retain(|(r, _)| !r.is_empty());
    crate::sort::sort_by_key(&mut all, |(r, why)| (r.start, *why == Reason::HtmlMarkup));
    let mut out: Vec<(Range<usize>, Reason)> = Vec::with_capacity(all.len());
    let mut pending = all.into_iter().collect::<std::collections::VecDeque<_>>();
    while let Some((mut r, why)) = pending.pop_front() {
        if let Some((last, last_why)) = out.last_mut() {
            if r.start < last.end {
                if *last_why == Reason::HtmlMarkup && why != Reason::HtmlMarkup {
                    let tail = r.end..last.end;
                    last.end = r.start;
                    let empty = last.start >= last.end;
                    if empty {
                        out.pop();
                    }
                    if !tail.is_empty() {
                        // Re-queue the markup after this removal, in order.
                        let at = pending.partition_point(|(p, _)| p.start < tail.start);
                        pending.insert(at, (tail, Reason::HtmlMarkup));
                    }
                } else {
                    r.start = last.end;
                    if r.is_empty() {
                        continue;
                    }
                }
            }
        }
        match out.last_mut() {
            Some((last, last_why))
                if *last_why == why && last.end == r.start && why == Reason::HtmlMarkup =>
            {
                last.end = r.end;
            }
            _ => out.push((r, why)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_promo_lines_and_credits() {
        let input = "Judul | KNCA--\nBACA JUGA:Berita lain\nIsi\u{a0}berita.";
        let out = clean(input, &Options::default());
        assert_eq!(out.text, "Judul\nIsi berita.");
        assert_eq!(out.removed.len(), 2);
        assert_eq!(&input[out.removed[0].0.clone()], "| KNCA--");
        assert_eq!(&input[out.removed[1].0.clone()], "BACA JUGA:Berita lain");
        // "Isi berita." maps back to its input span.
        let at = out.text.find("Isi").unwrap();
        let r = out.map.range(at..out.text.len());
        assert_eq!(&input[r], "Isi\u{a0}berita.");
    }

    /// Throughput of cleaning alone: `cargo test --release --lib throughput -- --ignored --nocapture`
    /// with `TEKS_BENCH_FILE` set (prints MB/s; no assertion on time).
    #[test]
    #[ignore]
    fn throughput() {
        let Ok(path) = std::env::var("TEKS_BENCH_FILE") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let html = std::env::var("TEKS_BENCH_HTML").is_ok();
        let options = Options {
            input: if html {
                InputFormat::Html
            } else {
                InputFormat::Text
            },
            ..Options::default()
        };
        let t = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..10 {
            n += clean(&text, &options).text.len();
        }
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "{} MB/s ({n} bytes out)",
            10.0 * text.len() as f64 / secs / 1e6
        );
    }

    #[test]
    fn removals_are_disjoint_and_text_rules_win() {
        let d = disjoint(vec![
            (0..10, Reason::HtmlMarkup),
            (3..5, Reason::Promo),
            (12..14, Reason::HtmlMarkup),
            (13..20, Reason::Navigation),
        ]);
        assert_eq!(
            d,
            vec![
                (0..3, Reason::HtmlMarkup),
                (3..5, Reason::Promo),
                (5..10, Reason::HtmlMarkup),
                (12..13, Reason::HtmlMarkup),
                (13..20, Reason::Navigation),
            ]
        );
    }
}
