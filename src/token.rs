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

/// Character classes of [`count_words`].
const OTHER: u8 = 0;
const WORD: u8 = 1;
const JOINER: u8 = 2;

/// The class of each ASCII byte.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            t[b] = WORD;
        }
        b += 1;
    }
    t[b'-' as usize] = JOINER;
    t[b'\'' as usize] = JOINER;
    t
};

/// Bit `s` is set when state `s` (the classes of the last three characters,
/// two bits each, the latest lowest) starts a word: a word character after
/// neither a word character nor a joiner that follows one ("Jong-Un").
const STARTS: u64 = {
    let mut bits = 0u64;
    let mut s = 0;
    while s < 64 {
        let (c0, c1, c2) = (s & 3, (s >> 2) & 3, (s >> 4) & 3);
        if c0 == WORD as u64 && c1 != WORD as u64 && !(c1 == JOINER as u64 && c2 == WORD as u64) {
            bits |= 1 << s;
        }
        s += 1;
    }
    bits
};

/// The number of words of `text`: the same as `words(text).count()`, in
/// one pass over the bytes (ASCII without decoding or branches).
pub(crate) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut state) = (0u64, 0u64);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let class = if b < 0x80 {
            i += 1;
            ASCII_CLASS[usize::from(b)]
        } else {
            let Some((c, len)) = char_at(text, i) else {
                break;
            };
            i += len;
            if c.is_alphanumeric() {
                WORD
            } else if is_joiner(c) {
                JOINER
            } else {
                OTHER
            }
        };
        state = ((state << 2) | u64::from(class)) & 63;
        n += (STARTS >> state) & 1;
    }
    n as usize
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

    #[test]
    fn count_words_counts_what_words_yields() {
        for text in [
            "",
            "Kim Jong-Un, don't!",
            "  --a- b",
            "2.375.000 rupiah",
            "... !!",
            "Café «Ñoño» 東京-駅 a--b x'",
            "a-b-c a--b -a a- 'a' a'b’c a\u{2010}b a\u{2011}\u{2011}b ü-ß",
            "x-\u{301}y é\u{301} 1-2",
        ] {
            assert_eq!(count_words(text), words(text).count(), "{text:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn count_words_matches_words(
            text in "[ a-cA\\-'’\u{2010}\u{2011}.,é東\u{301}\u{a0}0-2]{0,40}"
        ) {
            proptest::prop_assert_eq!(count_words(&text), words(&text).count());
        }
    }
}
