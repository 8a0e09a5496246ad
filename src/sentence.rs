//! Sentence splitting.

use crate::lang::word_set;
use crate::Lang;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

fn abbreviations(lang: Lang) -> &'static HashSet<&'static str> {
    static ID: LazyLock<HashSet<&str>> =
        LazyLock::new(|| word_set(include_str!("lang/id/abbrev.txt")));
    static EN: LazyLock<HashSet<&str>> =
        LazyLock::new(|| word_set(include_str!("lang/en/abbrev.txt")));
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// Splits `text` into sentences: byte ranges, trimmed of surrounding
/// whitespace, in order and disjoint.
pub(crate) fn split(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let abbrev = abbreviations(lang);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            // A line break ends a sentence when the next line is blank or the
            // line itself ends without punctuation (a heading or list item).
            push(text, start..i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            let closes = j == bytes.len() || bytes[j] == b' ' || bytes[j] == b'\n';
            let next = text[j..].trim_start_matches(' ');
            let starts_new = next.chars().next().is_none_or(|c| !c.is_lowercase());
            if closes
                && starts_new
                && !(b == b'.' && j == i + 1 && is_abbreviation(text, i, abbrev))
            {
                push(text, start..j, &mut out);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, start..text.len(), &mut out);
    out
}

/// Whether the word before the period at `dot` is an abbreviation or initial.
fn is_abbreviation(text: &str, dot: usize, abbrev: &HashSet<&str>) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |i| i + 1);
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    abbrev.contains(lower.as_str()) || abbrev.contains(word)
}

fn push(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = r.start + (s.len() - s.trim_start().len());
    out.push(start..start + trimmed.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, lang: Lang) -> Vec<&str> {
        split(text, lang).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn knows_titles() {
        assert_eq!(
            texts("Dr. Budi datang. Dia senang.", Lang::Id),
            ["Dr. Budi datang.", "Dia senang."]
        );
        assert_eq!(
            texts("Mr. Smith left! Why?", Lang::En),
            ["Mr. Smith left!", "Why?"]
        );
    }
}
