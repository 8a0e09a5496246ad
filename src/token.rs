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

/// The char starting at byte `i` of `text` (a char boundary) and its length;
/// ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        // Skip to the next word character (ASCII bytes without decoding).
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        loop {
            let b = *bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (c, len) = char_at(self.text, i)?;
                if c.is_alphanumeric() {
                    break;
                }
                i += len;
            }
        }
        let start = i;
        let mut end = start;
        while let Some((c, len)) = char_at(self.text, i) {
            if is_word_char(c) {
                i += len;
                end = i;
            } else if is_joiner(c)
                && char_at(self.text, i + len).is_some_and(|(n, _)| is_word_char(n))
            {
                i += len;
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
        assert_eq!(
            collect("Café «Ñoño» 東京-駅 a--b x'"),
            ["Café", "Ñoño", "東京-駅", "a", "b", "x"]
        );
    }
}
