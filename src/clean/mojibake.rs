//! Mojibake repair: UTF-8 text that was decoded with a single-byte code page
//! ("gÃ¢teaux", "вЂ™", "g√¢teaux") is re-encoded with that code page and
//! decoded as UTF-8 again.
//!
//! The fixer is conservative. It works per whitespace-delimited token, and a
//! byte sequence is only re-decoded when the result is a plausible character
//! (Latin, Greek, Cyrillic, Hebrew, Arabic letters, or any 3- or 4-byte
//! character) and the evidence is strong enough:
//! - a 3- or 4-byte sequence ("â€™") is strong on its own;
//! - a 2-byte sequence ("Ã©") needs a neighbouring letter in the same token,
//!   or other strong evidence in the text;
//! - a 2-byte sequence whose second character is word-final punctuation or a
//!   symbol ("É…", "Ã¥", "Å™") is only fixed when the text has other strong
//!   evidence, because such pairs occur in good upper-case text.

use super::codepages::{CP1250, CP1251, CP1252, CP1257, CP437, MAC_ROMAN};
use std::sync::LazyLock;

/// The code pages tried, in order of preference.
const PAGES: [&[u16; 128]; 6] = [&CP1252, &MAC_ROMAN, &CP1251, &CP1250, &CP1257, &CP437];

/// Sorted `(char, byte per page (0 = not encodable))` for non-ASCII chars.
static REVERSE: LazyLock<Vec<(u16, [u8; 6])>> = LazyLock::new(|| {
    let mut v: Vec<(u16, [u8; 6])> = Vec::with_capacity(640);
    for (p, page) in PAGES.iter().enumerate() {
        for (i, &c) in page.iter().enumerate() {
            let byte = 0x80 + i as u8;
            match v.iter_mut().find(|e| e.0 == c) {
                Some(e) => {
                    if e.1[p] == 0 {
                        e.1[p] = byte;
                    }
                }
                None => {
                    let mut bytes = [0u8; 6];
                    bytes[p] = byte;
                    v.push((c, bytes));
                }
            }
        }
    }
    crate::sort::sort_by_key(&mut v, |e| e.0);
    v
});

/// The byte `c` has in page `p`, if any.
fn encode(c: char, p: usize) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    // Bytes the page leaves undefined, or read as latin-1, come through as C1.
    if ('\u{80}'..='\u{9f}').contains(&c) {
        return Some(c as u8);
    }
    let c = u16::try_from(u32::from(c)).ok()?;
    let table = &*REVERSE;
    let i = table.binary_search_by_key(&c, |e| e.0).ok()?;
    let b = table[i].1[p];
    (b != 0).then_some(b)
}

/// Whether `c` could be the first character of a mojibake sequence in any page.
fn may_lead(c: char) -> bool {
    (0..PAGES.len()).any(|p| encode(c, p).is_some_and(|b| (0xC2..=0xF4).contains(&b)))
}

/// Second characters that also end good upper-case words ("VOCÊ…", "SÉ¡").
fn weak_continuation(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '¥' | '£' | '¿' | '…' | '’' | '”' | '“' | '—' | '–' | '™' | '®'
    )
}

/// Whether a 2-byte sequence may decode to `c`.
fn plausible2(c: char) -> bool {
    matches!(u32::from(c),
        0xA0..=0x17E
        | 0x1CD..=0x1DC
        | 0x218..=0x21B
        | 0x2C6..=0x2DD
        | 0x300..=0x36F
        | 0x370..=0x3FF
        | 0x400..=0x45F
        | 0x490..=0x4FF
        | 0x5B0..=0x5F4
        | 0x600..=0x6FF)
}

/// Whether a 3-byte sequence may decode to `c`.
fn plausible3(c: char) -> bool {
    let u = u32::from(c);
    u >= 0x900 && !(0xE000..=0xF8FF).contains(&u) && !(0x1D00..=0x1DBF).contains(&u) && u < 0xFFFE
}

/// Strength of one decoded sequence.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// Only with evidence elsewhere.
    Weak,
    /// With a neighbouring letter or evidence elsewhere.
    Medium,
    /// On its own.
    Strong,
}

/// One candidate decoding of a token under one page.
struct Decoded {
    text: String,
    /// Characters consumed by accepted sequences.
    covered: usize,
    /// Whether an accepted sequence is evidence of mojibake.
    evidence: bool,
}

/// Decodes the UTF-8 sequences of `chars` read as page `p`.
fn decode(chars: &[char], p: usize, evidence: bool) -> Option<Decoded> {
    let bytes: Vec<Option<u8>> = chars.iter().map(|&c| encode(c, p)).collect();
    let cont = |i: usize| -> Option<u8> {
        match (chars.get(i), bytes.get(i).copied().flatten()) {
            (Some(c), Some(b)) if !c.is_ascii() && (0x80..=0xBF).contains(&b) => Some(b),
            _ => None,
        }
    };
    let mut out = String::new();
    let mut covered = 0;
    let mut found_evidence = false;
    let mut i = 0;
    while i < chars.len() {
        let lead = match bytes[i] {
            Some(b) if !chars[i].is_ascii() && (0xC2..=0xF4).contains(&b) => b,
            _ => {
                out.push(chars[i]);
                i += 1;
                continue;
            }
        };
        let mut seq: Option<(char, usize, Strength)> = None;
        // Pages whose 2-byte readings also look like good text (box drawing, Baltic).
        let weak_page = p >= 4;
        if lead < 0xE0 {
            // 2 bytes.
            if let Some(b1) = cont(i + 1) {
                let u = (u32::from(lead & 0x1F) << 6) | u32::from(b1 & 0x3F);
                // C1 controls only appear halfway through double mojibake ("Â\u{81}").
                let c1 = (0x80..=0x9F).contains(&u);
                if let Some(c) = char::from_u32(u).filter(|&c| plausible2(c) || (c1 && evidence)) {
                    let second = chars[i + 1];
                    let first = chars[i];
                    let latin_lead = p == 0 && (first == 'Ã' || first == 'Â');
                    let possessive = second == '’'
                        && chars.get(i + 2) == Some(&'s')
                        && chars.get(i + 3).is_none_or(|c| !c.is_alphanumeric());
                    let strength = if c1 || possessive {
                        Strength::Weak
                    } else if second == '\u{a0}' {
                        // "Ã\u{a0}" is "à"; other leads before NBSP are good text.
                        if p == 0 && first == 'Ã' {
                            Strength::Medium
                        } else {
                            Strength::Weak
                        }
                    } else if latin_lead && first == 'Ã' && second != '¥' {
                        Strength::Medium
                    } else if weak_page && !('\u{370}'..='\u{4FF}').contains(&c) {
                        Strength::Weak
                    } else if ('\u{A0}'..='\u{BF}').contains(&c) && first != 'Â' {
                        // Symbols ("²") read from letters ("ВІ") need more.
                        Strength::Weak
                    } else if weak_continuation(second) {
                        Strength::Weak
                    } else {
                        Strength::Medium
                    };
                    seq = Some((c, 2, strength));
                }
            }
        } else if lead < 0xF0 {
            if let (Some(b1), Some(b2)) = (cont(i + 1), cont(i + 2)) {
                if lead == 0xED && b1 >= 0xA0 {
                    // CESU-8 surrogate pair: ED A0-AF xx ED B0-BF xx.
                    if b1 <= 0xAF && bytes.get(i + 3).copied().flatten() == Some(0xED) {
                        if let (Some(b4), Some(b5)) = (cont(i + 4), cont(i + 5)) {
                            if b4 >= 0xB0 {
                                let hi =
                                    0xD000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                                let lo =
                                    0xD000 | (u32::from(b4 & 0x3F) << 6) | u32::from(b5 & 0x3F);
                                let u = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                                if let Some(c) = char::from_u32(u) {
                                    seq = Some((c, 6, Strength::Strong));
                                }
                            }
                        }
                    }
                } else if !(lead == 0xE0 && b1 < 0xA0) {
                    let u = (u32::from(lead & 0x0F) << 12)
                        | (u32::from(b1 & 0x3F) << 6)
                        | u32::from(b2 & 0x3F);
                    if let Some(c) = char::from_u32(u).filter(|&c| plausible3(c)) {
                        // "Brontë…”" is not Hangul.
                        let both_weak =
                            weak_continuation(chars[i + 1]) && weak_continuation(chars[i + 2]);
                        // Cyrillic text read as windows-1251 bytes forms 3-byte
                        // sequences ("б’є", "лі»"); only punctuation and symbols
                        // count there.
                        let cyrillic_letters = p == 2
                            && !('\u{2000}'..='\u{2BFF}').contains(&c)
                            && !('\u{FB00}'..='\u{FB06}').contains(&c);
                        let strength = if both_weak || cyrillic_letters {
                            Strength::Weak
                        } else {
                            Strength::Strong
                        };
                        seq = Some((c, 3, strength));
                    }
                }
            }
        } else if let (Some(b1), Some(b2), Some(b3)) = (cont(i + 1), cont(i + 2), cont(i + 3)) {
            let ok = !((lead == 0xF0 && b1 < 0x90) || (lead == 0xF4 && b1 >= 0x90));
            let u = (u32::from(lead & 0x07) << 18)
                | (u32::from(b1 & 0x3F) << 12)
                | (u32::from(b2 & 0x3F) << 6)
                | u32::from(b3 & 0x3F);
            if let Some(c) = char::from_u32(u).filter(|_| ok) {
                seq = Some((c, 4, Strength::Strong));
            }
        }
        if seq.is_none() {
            // A sequence cut short by a replacement character ("Ñ�", "â€�"):
            // the whole is one replacement character.
            let need = if lead < 0xE0 {
                1
            } else if lead < 0xF0 {
                2
            } else {
                3
            };
            let mut k = 1;
            while k < need && cont(i + k).is_some() {
                k += 1;
            }
            if chars.get(i + k) == Some(&'\u{FFFD}') && ('\u{C0}'..='\u{FF}').contains(&chars[i]) {
                seq = Some(('\u{FFFD}', k + 1, Strength::Medium));
            }
        }
        let accept = match seq {
            // A neighbour in the same token: the sequence is not the whole token ("√π").
            Some((_, n, Strength::Medium)) => {
                i > 0
                    || i + n < chars.len()
                    || evidence
                    || (chars[i] == 'Ã' && chars[i + 1] == '\u{a0}')
            }
            Some((_, _, Strength::Weak)) => evidence,
            Some((_, _, Strength::Strong)) => true,
            None => false,
        };
        match seq {
            Some((c, n, strength)) if accept => {
                out.push(c);
                covered += n;
                found_evidence |= strength >= Strength::Medium;
                i += n;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    (covered > 0).then_some(Decoded {
        text: out,
        covered,
        evidence: found_evidence,
    })
}

/// Whether two non-ASCII characters follow each other in `s`: a UTF-8
/// continuation byte followed by a lead byte.
fn has_non_ascii_pair(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| (0x80..0xC0).contains(&w[0]) && w[1] >= 0xC0)
}

/// Fixes one token (no whitespace). Returns the fix and whether it is
/// evidence of mojibake in the text.
pub(super) fn fix_token(token: &str, evidence: bool) -> Option<(String, bool)> {
    // Mojibake lives in words; a giant token is not re-decoded (linear cost cap).
    // Every sequence that decodes is two non-ASCII characters in a row (a
    // lead and a continuation, or a lead and U+FFFD): without such a pair
    // nothing can change, and the per-page decoding is skipped.
    if token.len() > 400 || !has_non_ascii_pair(token) || !token.chars().any(may_lead) {
        return None;
    }
    let mut current = token.to_string();
    let mut any_evidence = false;
    let mut changed = false;
    for _round in 0..3 {
        let chars: Vec<char> = current.chars().collect();
        let mut best: Option<Decoded> = None;
        for p in 0..PAGES.len() {
            if let Some(d) = decode(&chars, p, evidence || any_evidence) {
                // Most characters explained wins; ties go to the earlier page.
                if best.as_ref().is_none_or(|b| d.covered > b.covered) {
                    best = Some(d);
                }
            }
        }
        let Some(best) = best else { break };
        // Several small (2-byte) fixes in one token that use the whole token
        // are evidence too ("─îe┼ítina").
        any_evidence |= best.evidence;
        current = best.text;
        changed = true;
    }
    changed.then_some((current, any_evidence))
}

/// A token ending in a lead whose NBSP became a space ("voilÃ le",
/// "Å veices"): the fixed token and whether the space was the NBSP (and goes).
/// `next` is the following token. Only called when the text has mojibake,
/// except for "Ã" right after a lower-case letter, which is never good text.
pub(super) fn fix_lost_nbsp(token: &str, next: &str, evidence: bool) -> Option<(String, bool)> {
    let mut chars = token.chars();
    let last = chars.next_back()?;
    let stem = chars.as_str();
    let after_lower = stem.chars().next_back().is_some_and(char::is_lowercase);
    if !(evidence || (last == 'Ã' && after_lower)) {
        return None;
    }
    match last {
        'Ã' | 'Г' => {
            // Portuguese contractions join: "às", "àquele".
            let joins = matches!(
                next,
                "s" | "quele" | "quela" | "queles" | "quelas" | "quilo"
            );
            Some((format!("{stem}à"), joins))
        }
        'Â' => Some((stem.to_string(), false)),
        _ => {
            let b = encode(last, 0).filter(|b| (0xC2..=0xDF).contains(b))?;
            let u = (u32::from(b & 0x1F) << 6) | 0x20;
            let c = char::from_u32(u).filter(|&c| plausible2(c) && c.is_uppercase())?;
            Some((format!("{stem}{c}"), true))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        fix_token(s, false).map_or_else(|| s.to_string(), |f| f.0)
    }

    #[test]
    fn fixes_common_mojibake() {
        assert_eq!(fix("gÃ¢teaux"), "gâteaux");
        assert_eq!(fix("g√¢teaux"), "gâteaux");
        assert_eq!(fix("doesnâ€™t"), "doesn’t");
        assert_eq!(fix("nÃƒÂ©"), "né");
        assert_eq!(fix("РґРѕСЂРѕРіРµ"), "дороге");
    }

    #[test]
    fn leaves_good_text() {
        for s in [
            "Ôôô",
            "VOCÊ…",
            "ZZAJÉ’s",
            "DrÃ¥ber",
            "√π",
            "café",
            "naïve",
            "São",
            "Łódź",
        ] {
            assert_eq!(fix(s), s);
        }
    }
}
