//! Cleaning: turns pasted text (or HTML) into the article text, recording
//! every removal and a map from cleaned offsets back to the input.

use crate::offsets::{MapBuilder, MapChain, OffsetMap};
use crate::Options;
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

/// Line prefixes (compared case-insensitively) that mark a promo line.
const PROMO_PREFIXES: &[&str] = &[
    "baca juga",
    "simak juga",
    "lihat juga",
    "baca selengkapnya",
    "read more",
    "related:",
    "advertisement",
    "scroll to continue with content",
    "scroll to resume content",
];

fn is_promo(line: &str) -> bool {
    let t = line.trim();
    let head: String = t.chars().take(40).flat_map(char::to_lowercase).collect();
    PROMO_PREFIXES.iter().any(|p| {
        head.starts_with(p)
            && head[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }) || (t.starts_with("[Gambas:") && t.ends_with(']'))
}

/// A trailing caption credit such as " | KNCA--": returns where it starts.
fn credit_start(line: &str) -> Option<usize> {
    let bar = line.rfind('|')?;
    let tail = line[bar + 1..].trim();
    let code = tail.trim_end_matches('-');
    let ok = (2..=12).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '/' || c.is_ascii_digit());
    ok.then(|| line[..bar].trim_end().len())
}

/// Cleans `input` per `options`.
pub(crate) fn clean(input: &str, options: &Options) -> Output {
    if !options.clean {
        return Output {
            text: input.to_string(),
            map: {
                let mut c = MapChain::default();
                c.push(OffsetMap::identity(input.len()));
                c
            },
            removed: Vec::new(),
        };
    }
    let rules = &options.clean_rules;
    let mut b = MapBuilder::new(input);
    let mut removed = Vec::new();
    let mut pos = 0;
    while pos < input.len() {
        let line_end = input[pos..].find('\n').map_or(input.len(), |i| pos + i);
        let next = (line_end + 1).min(input.len());
        let line = &input[pos..line_end];
        if rules.promo && is_promo(line) {
            let t = line.trim();
            let s = pos + (line.len() - line.trim_start().len());
            removed.push((s..s + t.len(), crate::Reason::Promo));
            pos = next;
            continue;
        }
        let keep_end = match credit_start(line) {
            Some(cut) if rules.credits => {
                let tail = &line[cut..];
                let lead = tail.len() - tail.trim_start().len();
                removed.push((pos + cut + lead..line_end, Reason::CaptionCredit));
                pos + cut
            }
            _ => line_end,
        };
        copy_with_spaces(&mut b, input, pos..keep_end, rules.whitespace);
        b.copy(line_end..next);
        pos = next;
    }
    let (text, map) = b.finish();
    let mut chain = MapChain::default();
    chain.push(map);
    Output {
        text,
        map: chain,
        removed,
    }
}

/// Copies `range`, replacing odd spaces by a plain space when `fix` is on.
fn copy_with_spaces(b: &mut MapBuilder<'_>, input: &str, range: Range<usize>, fix: bool) {
    if !fix {
        b.copy(range);
        return;
    }
    let mut start = range.start;
    for (i, c) in input[range.clone()].char_indices() {
        let at = range.start + i;
        if matches!(
            c,
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
        ) {
            b.copy(start..at);
            b.replace(at..at + c.len_utf8(), " ");
            start = at + c.len_utf8();
        }
    }
    b.copy(start..range.end);
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

    #[test]
    fn keeps_lines_that_only_mention_promo_words() {
        assert!(!is_promo("Bacaan juga penting."));
        assert!(is_promo("Baca juga: Apa kabar"));
        assert!(is_promo("ADVERTISEMENT"));
    }
}
