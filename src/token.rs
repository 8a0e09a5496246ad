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

/// `0x0101…01`: one in every lane.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// `0x8080…80`: the high bit of every lane.
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The high bit of each lane of `w` (all lanes ASCII) that is in `lo..=hi`.
#[inline(always)]
fn lanes_in(w: u64, lo: u8, hi: u8) -> u64 {
    // No carries: every lane is below 0x80.
    let at_least = w + ONES * u64::from(0x80 - lo);
    let above = w + ONES * u64::from(0x7F - hi);
    at_least & !above & HIGHS
}

/// The number of words of `text`: the same as `words(text).count()`, in
/// one pass over the bytes: eight at a time where they are ASCII, else one
/// character at a time.
pub(crate) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    // The classes of the characters seen last, as the high bits of lanes:
    // lane 7 the last character, lane 6 the one before (word or joiner).
    let (mut last_words, mut last_joins) = (0u64, 0u64);
    let mut n = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = crate::bytes::le_u64(chunk);
            if w & HIGHS == 0 {
                let word = lanes_in(w, b'0', b'9') | lanes_in(w | (ONES * 0x20), b'a', b'z');
                let join = lanes_in(w, b'-', b'-') | lanes_in(w, b'\'', b'\'');
                // A word character after neither a word character nor a
                // joiner that follows one ("Jong-Un").
                let prev = (word << 8) | (last_words >> 56);
                let prev2 = (word << 16) | (last_words >> 48);
                let prev_join = (join << 8) | (last_joins >> 56);
                let starts = word & !prev & !(prev_join & prev2);
                n += (starts >> 7).wrapping_mul(ONES) >> 56;
                (last_words, last_joins) = (word, join);
                i += 8;
                continue;
            }
        }
        let end = bytes.len().min(i + 8);
        while i < end {
            let b = bytes[i];
            let class = if b < 0x80 {
                i += 1;
                ASCII_CLASS[usize::from(b)]
            } else {
                let Some((c, len)) = char_at(text, i) else {
                    return n as usize;
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
            let after_word = last_words >> 63 != 0;
            let after_joined = last_joins >> 63 != 0 && (last_words >> 55) & 1 != 0;
            n += u64::from(class == WORD && !after_word && !after_joined);
            last_words = (last_words >> 8) | u64::from(class == WORD) << 63;
            last_joins = (last_joins >> 8) | u64::from(class == JOINER) << 63;
        }
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
        // Joiners and word starts at every place around the eight-byte steps.
        for k in 0..20 {
            for ins in [
                "a-b", "a'b", "-a", "a-", "é-a", "a-é", "x--y", " ", "@[`{/:", "Z09az",
            ] {
                let mut s: String = "abc defgh-ijk lmnop'qr stuvwxyz 0123 456789".into();
                s.insert_str(k, ins);
                assert_eq!(count_words(&s), words(&s).count(), "{s:?}");
            }
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
