//! The tagger's tokens: words (as [`crate::token::words`] joins them) plus
//! every other non-space character as a token of its own.

use std::ops::Range;

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')
}

/// Whether `rest` (starting at a joiner) is an English possessive "'s" that
/// ends the word.
fn possessive(rest: &str) -> bool {
    let after = rest
        .strip_prefix('\'')
        .or_else(|| rest.strip_prefix('\u{2019}'));
    let Some(after) = after else {
        return false;
    };
    let mut chars = after.chars();
    matches!(chars.next(), Some('s' | 'S')) && !chars.next().is_some_and(char::is_alphanumeric)
}

/// Appends the tokens of `text[range]` to `out`, as byte ranges of `text`.
pub(crate) fn tokenise(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !is_ascii_alnum(b) {
            // (not `char::is_whitespace`: a vertical tab is a token here)
            if !b.is_ascii_whitespace() {
                out.push(base + i..base + i + 1);
            }
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let Some(c) = slice[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !c.is_alphanumeric() {
                out.push(base + i..base + i + len);
                i += len;
                continue;
            }
        }
        // A word from `i`: letters and digits, joined by a joiner with a
        // letter or digit after it ("Jong-Un", "al-Beshir"), but not by a
        // possessive "'s".
        let start = i;
        let mut end = i;
        let mut j = i;
        loop {
            let run = j;
            while j < bytes.len() && is_ascii_alnum(bytes[j]) {
                j += 1;
            }
            if j > run {
                end = j;
            }
            let Some(&b) = bytes.get(j) else {
                break;
            };
            if b < 0x80 {
                if !is_joiner(b as char) || possessive(&slice[j..]) {
                    break;
                }
                if slice[j + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            let Some(c) = slice[j..].chars().next() else {
                break;
            };
            if c.is_alphanumeric() {
                j += c.len_utf8();
                end = j;
            } else if is_joiner(c)
                && !possessive(&slice[j..])
                && slice[j + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        out.push(base + start..base + end);
        i = end;
    }
}

/// Whether `b` is an ASCII letter or digit, by table.
#[inline]
fn is_ascii_alnum(b: u8) -> bool {
    static ALNUM: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        t
    };
    ALNUM[usize::from(b)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenise(s, 0..s.len(), &mut out);
        out.into_iter().map(|r| &s[r]).collect()
    }

    /// The tokeniser before its ASCII fast paths, kept as the reference.
    fn reference(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
        let Some(slice) = text.get(range.clone()) else {
            return;
        };
        let base = range.start;
        let bytes = slice.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                out.push(base + i..base + i + 1);
                i += 1;
                continue;
            }
            // A char that may be non-ASCII.
            let Some(c) = slice[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if !c.is_alphanumeric() {
                out.push(base + i..base + i + c.len_utf8());
                i += c.len_utf8();
                continue;
            }
            // A word: alphanumerics joined across single inner joiners.
            let start = i;
            let mut end = i;
            let mut j = i;
            while j < bytes.len() {
                let b = bytes[j];
                if b < 0x80 {
                    if b.is_ascii_alphanumeric() {
                        j += 1;
                        end = j;
                        continue;
                    }
                    if is_joiner(b as char) && possessive(&slice[j..]) {
                        break;
                    }
                    if is_joiner(b as char)
                        && bytes.get(j + 1).is_some_and(|n| n.is_ascii_alphanumeric())
                    {
                        j += 1;
                        continue;
                    }
                    if is_joiner(b as char) {
                        if let Some(n) = slice[j + 1..].chars().next() {
                            if n.is_alphanumeric() {
                                j += 1;
                                continue;
                            }
                        }
                    }
                    break;
                }
                let Some(c) = slice[j..].chars().next() else {
                    break;
                };
                if c.is_alphanumeric() {
                    j += c.len_utf8();
                    end = j;
                } else if is_joiner(c) && possessive(&slice[j..]) {
                    break;
                } else if is_joiner(c)
                    && slice[j + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            out.push(base + start..base + end);
            i = end;
        }
    }

    #[test]
    fn fast_paths_tokenise_as_the_character_walk() {
        const PIECES: [&str; 24] = [
            "a",
            "Z",
            "7",
            " ",
            "\t",
            "\n",
            "\u{b}",
            "-",
            "'",
            "\u{2019}",
            "\u{2010}",
            "s",
            "S",
            ".",
            ",",
            "é",
            "Ü",
            "日",
            "\u{a0}",
            "\u{2003}",
            "!",
            "\u{1F600}",
            "٣",
            "ǅ",
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..next() % 12 {
                s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tokenise(&s, 0..s.len(), &mut fast);
            reference(&s, 0..s.len(), &mut slow);
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    #[test]
    fn splits_punctuation_and_keeps_joined_words() {
        assert_eq!(
            toks("Prof. Dr. M. Zulman (DK PBB), Kim Jong-Un's—al-Beshir!"),
            [
                "Prof",
                ".",
                "Dr",
                ".",
                "M",
                ".",
                "Zulman",
                "(",
                "DK",
                "PBB",
                ")",
                ",",
                "Kim",
                "Jong-Un",
                "'",
                "s",
                "—",
                "al-Beshir",
                "!"
            ]
        );
        assert_eq!(
            toks("a- -b ’x’ é"),
            ["a", "-", "-", "b", "’", "x", "’", "é"]
        );
        assert!(toks("   ").is_empty());
        assert_eq!(toks("Trump’s don't"), ["Trump", "’", "s", "don't"]);
    }
}
