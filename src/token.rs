//! Word tokens: the shared, allocation-free word iterator.

use std::ops::Range;

/// Iterates over the words of `text` as byte ranges.
///
/// A word is a run of alphanumeric characters, joined across one inner
/// hyphen or apostrophe followed by another alphanumeric ("Jong-Un", "don't").
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// The iterator returned by [`words`].
pub(crate) struct Words<'a> {
    text: &'a str,
    pos: usize,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = &self.text[self.pos..];
        let (skip, _) = rest.char_indices().find(|&(_, c)| c.is_alphanumeric())?;
        let start = self.pos + skip;
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                end = start + i + c.len_utf8();
            } else if is_joiner(c) && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()) {
                continue;
            } else {
                break;
            }
        }
        self.pos = end;
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str) -> Vec<&str> {
        words(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_words_and_keeps_joined_ones() {
        assert_eq!(collect("Kim Jong-Un, don't!"), ["Kim", "Jong-Un", "don't"]);
        assert_eq!(collect("  --a- b"), ["a", "b"]);
        assert_eq!(collect("2.375.000 rupiah"), ["2", "375", "000", "rupiah"]);
        assert!(collect("... !!").is_empty());
    }
}
