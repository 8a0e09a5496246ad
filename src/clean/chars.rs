//! Character-level repair: mojibake, C1 controls, invisible and control
//! characters, odd spaces, line-break normalisation, Latin ligatures and
//! composition of common decomposed accents (NFC for Latin letters).

use super::codepages::CP1252;
use super::compose::PAIRS;
use super::{mojibake, scan, Reason};
use crate::offsets::{MapBuilder, OffsetMap};
use crate::CleanRules;
use std::ops::Range;

/// The result of a stage: text, map to the stage input, removals (stage input ranges).
pub(super) type Stage = (String, OffsetMap, Vec<(Range<usize>, Reason)>);

/// Invisible characters that are deleted. Joiners (ZWJ, ZWNJ) and the
/// bidirectional marks and controls that right-to-left text needs are kept.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Spaces other than U+0020 that become a plain space.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Latin ligatures and digraph characters, spelled out.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'ŉ' => "\u{2019}n",
        'Ǳ' => "DZ",
        'ǲ' => "Dz",
        'ǳ' => "dz",
        'Ǆ' => "DŽ",
        'ǅ' => "Dž",
        'ǆ' => "dž",
        'Ǉ' => "LJ",
        'ǈ' => "Lj",
        'ǉ' => "lj",
        'Ǌ' => "NJ",
        'ǋ' => "Nj",
        'ǌ' => "nj",
        _ => return None,
    })
}

/// The composition of `base` + `mark`, if it is a Latin letter.
fn compose(base: char, mark: char) -> Option<char> {
    let (b, m) = (
        u16::try_from(u32::from(base)).ok()?,
        u16::try_from(u32::from(mark)).ok()?,
    );
    let i = PAIRS.binary_search_by(|p| (p.0, p.1).cmp(&(m, b))).ok()?;
    char::from_u32(u32::from(PAIRS[i].2))
}

/// The windows-1252 character for a C1 control, if it defines one.
fn c1_to_cp1252(c: char) -> Option<char> {
    let u = u32::from(c);
    if !(0x80..=0x9F).contains(&u) {
        return None;
    }
    let m = char::from_u32(u32::from(CP1252[(u - 0x80) as usize]))?;
    (m != c).then_some(m)
}

/// Writes a repaired token with ligatures spelled out and full-width ASCII
/// narrowed (both come out of mojibake: "п¬Ѓ" is "ﬁ", "ï¼Œ" is "，").
fn push_fixed(out: &mut String, s: &str) {
    for c in s.chars() {
        match ligature(c) {
            Some(l) => out.push_str(l),
            None => match u32::from(c) {
                u @ 0xFF01..=0xFF5E => out.push(char::from_u32(u - 0xFEE0).unwrap_or(c)),
                _ => out.push(c1_to_cp1252(c).unwrap_or(c)),
            },
        }
    }
}

/// Mojibake fixes per token: sorted, disjoint `(range, replacement)`.
fn mojibake_fixes(text: &str) -> Vec<(Range<usize>, String)> {
    let tokens = || {
        text.split(|c: char| c.is_ascii_whitespace())
            .filter(|t| !t.is_empty())
            .map(move |t| {
                let start = t.as_ptr() as usize - text.as_ptr() as usize;
                (start..start + t.len(), t)
            })
    };
    let mut evidence = false;
    let mut fixes = Vec::new();
    // An ASCII token is never fixed: only tokens holding a non-ASCII byte
    // are looked at (found by a scan that skips ASCII).
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let at = scan::non_ascii(bytes, pos, bytes.len());
        if at == bytes.len() {
            break;
        }
        let start = bytes[pos..at]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(pos, |k| pos + k + 1);
        let end = bytes[at..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |k| at + k);
        pos = end;
        let (r, t) = (start..end, &text[start..end]);
        let space_next = text.as_bytes().get(r.end) == Some(&b' ');
        let fixed = mojibake::fix_token(t, false);
        let base = fixed.as_ref().map_or(t, |f| f.0.as_str());
        let lost = if space_next {
            mojibake::fix_lost_nbsp(base, "", false).map(|x| x.0)
        } else {
            None
        };
        match (fixed, lost) {
            (_, Some(l)) => fixes.push((r, l)),
            (Some((f, e)), None) => {
                evidence |= e;
                fixes.push((r, f));
            }
            (None, None) => {}
        }
    }
    if !evidence {
        return fixes;
    }
    fixes.clear();
    let all: Vec<(Range<usize>, &str)> = tokens().collect();
    let mut skip_until = 0;
    for (k, (r, t)) in all.iter().enumerate() {
        if r.start < skip_until {
            continue;
        }
        let next = all.get(k + 1);
        let space_next = text.as_bytes().get(r.end) == Some(&b' ')
            && next.is_some_and(|(n, _)| n.start == r.end + 1);
        let fixed = mojibake::fix_token(t, true).map(|f| f.0);
        let lost = |s: &str| {
            if space_next {
                mojibake::fix_lost_nbsp(s, next.map_or("", |n| n.1), true)
            } else {
                None
            }
        };
        let joined = match &fixed {
            Some(f) => lost(f).or(Some((f.clone(), false))),
            None => lost(t),
        };
        if let Some((f, join)) = joined {
            if join {
                // The space was the NBSP: the token and the next one join.
                let (nr, nt) = next.map_or((r.end..r.end, ""), |n| (n.0.clone(), n.1));
                let nf = mojibake::fix_token(nt, true).map_or_else(|| nt.to_string(), |x| x.0);
                fixes.push((r.start..nr.end, format!("{f}{nf}")));
                skip_until = nr.end;
            } else {
                fixes.push((r.clone(), f));
            }
        }
    }
    fixes
}

/// Whether `text` needs no character-level work at all (the common case).
fn is_plain(text: &str) -> bool {
    scan::special(text.as_bytes(), 0, text.len()) == text.len()
}

/// Repairs characters. `None` when nothing changes.
pub(super) fn repair(text: &str, rules: &CleanRules) -> Option<Stage> {
    if is_plain(text) || !(rules.mojibake || rules.whitespace || rules.straight_quotes) {
        return None;
    }
    let fixes = if rules.mojibake && !text.is_ascii() {
        mojibake_fixes(text)
    } else {
        Vec::new()
    };
    let mut fixes = fixes.into_iter().peekable();
    let mut b = MapBuilder::new(text);
    let mut removed: Vec<(Range<usize>, Reason)> = Vec::new();
    let mut changed = false;
    let mut copy_from = 0;
    let mut buf = String::new();
    let bytes = text.as_bytes();
    // `i` is the char boundary being looked at. Runs of plain ASCII (no
    // control characters) are skipped by a scan; inside one, only a letter
    // right before a combining mark (at the run's end) needs work.
    let mut i = 0;
    while i < text.len() {
        // A fix applies where its token starts (one starting before `i`
        // could never apply, and holds back the later ones).
        let fix_at = match fixes.peek() {
            Some((r, _)) if r.start >= i => r.start,
            _ => usize::MAX,
        };
        if fix_at == i {
            let (r, f) = fixes.next().unwrap_or((i..i, String::new()));
            b.copy(copy_from..r.start);
            buf.clear();
            push_fixed(&mut buf, &f);
            b.replace(r.clone(), &buf);
            changed = true;
            copy_from = r.end;
            i = r.end.max(i + 1);
            continue;
        }
        let j = scan::special(bytes, i, fix_at.min(text.len()));
        if j > i {
            // Plain ASCII in `i..j`; only a base letter followed by a
            // combining mark needs work.
            let k = j - 1;
            if bytes[k].is_ascii_alphabetic() && matches!(bytes.get(j), Some(0xCC | 0xCD)) {
                if let Some((s, e)) = compose_run(text, k, rules) {
                    b.copy(copy_from..k);
                    b.replace(k..e, &s);
                    changed = true;
                    copy_from = e;
                    i = e;
                    continue;
                }
            }
            i = j;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let end = i + c.len_utf8();
        let mut next = end;
        enum Act {
            Keep,
            Delete,
            Replace(char),
            ReplaceStr(&'static str),
        }
        let act = match c {
            '\r' if rules.whitespace => {
                if text.as_bytes().get(end) == Some(&b'\n') {
                    Act::ReplaceStr("")
                } else {
                    Act::Replace('\n')
                }
            }
            _ if rules.mojibake && c1_to_cp1252(c).is_some() => {
                Act::Replace(c1_to_cp1252(c).unwrap_or(c))
            }
            '\u{85}' if rules.whitespace => Act::Replace('\n'),
            '\u{2028}' if rules.whitespace => Act::Replace('\n'),
            '\u{2029}' if rules.whitespace => Act::ReplaceStr("\n\n"),
            _ if rules.whitespace && is_odd_space(c) => Act::Replace(' '),
            _ if rules.whitespace && (c.is_control() && c != '\n' || is_invisible(c)) => {
                Act::Delete
            }
            '‘' | '’' | '‚' | '‛' if rules.straight_quotes => Act::Replace('\''),
            '“' | '”' | '„' | '‟' if rules.straight_quotes => Act::Replace('"'),
            _ if rules.mojibake && ligature(c).is_some() => {
                Act::ReplaceStr(ligature(c).unwrap_or(""))
            }
            _ if c.is_alphabetic() && matches!(text.as_bytes().get(end), Some(0xCC | 0xCD)) => {
                if let Some((s, e)) = compose_run(text, i, rules) {
                    b.copy(copy_from..i);
                    b.replace(i..e, &s);
                    changed = true;
                    copy_from = e;
                    next = e;
                }
                Act::Keep
            }
            _ => Act::Keep,
        };
        match act {
            Act::Keep => {}
            Act::Delete => {
                b.copy(copy_from..i);
                copy_from = end;
                changed = true;
                match removed.last_mut() {
                    Some((r, Reason::Invisible)) if r.end == i => r.end = end,
                    _ => removed.push((i..end, Reason::Invisible)),
                }
            }
            Act::Replace(with) => {
                b.copy(copy_from..i);
                b.replace(i..end, with.encode_utf8(&mut [0; 4]));
                copy_from = end;
                changed = true;
            }
            Act::ReplaceStr(with) => {
                b.copy(copy_from..i);
                b.replace(i..end, with);
                copy_from = end;
                changed = true;
            }
        }
        i = next;
    }
    if !changed {
        return None;
    }
    b.copy(copy_from..text.len());
    let (out, map) = b.finish();
    Some((out, map, removed))
}

/// Composes the base letter at `i` with the combining marks after it:
/// the composed text and where the consumed run ends.
fn compose_run(text: &str, i: usize, rules: &CleanRules) -> Option<(String, usize)> {
    if !rules.whitespace {
        return None;
    }
    let mut chars = text.get(i..)?.char_indices();
    let (_, mut base) = chars.next()?;
    let mut end = i + base.len_utf8();
    let mut composed = false;
    let mut rest = String::new();
    for (j, m) in chars {
        if !('\u{300}'..='\u{36F}').contains(&m) {
            break;
        }
        match compose(base, m).filter(|_| rest.is_empty()) {
            Some(c) => {
                base = c;
                composed = true;
            }
            None => rest.push(m),
        }
        end = i + j + m.len_utf8();
    }
    composed.then(|| {
        let mut s = String::new();
        s.push(base);
        s.push_str(&rest);
        (s, end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        repair(s, &CleanRules::default()).map_or_else(|| s.to_string(), |r| r.0)
    }

    #[test]
    fn repairs_characters() {
        assert_eq!(run("a\u{200B}b\u{00A0}c\r\nd"), "ab c\nd");
        assert_eq!(run("Cafe\u{301} cre\u{300}me"), "Café crème");
        assert_eq!(run("Vie\u{323}\u{302}t"), "Việt");
        assert_eq!(run("Tie\u{302}\u{301}ng"), "Tiếng");
        assert_eq!(run("signi\u{FB01}cant"), "significant");
        assert_eq!(run("\u{84}Hallo\u{93}"), "„Hallo“");
        assert_eq!(
            run("keluarga 👨\u{200D}👩\u{200D}👧"),
            "keluarga 👨\u{200D}👩\u{200D}👧"
        );
    }

    #[test]
    fn straightens_quotes_only_when_asked() {
        assert_eq!(run("“Ya,” katanya"), "“Ya,” katanya");
        let rules = CleanRules {
            straight_quotes: true,
            ..CleanRules::default()
        };
        let out = repair("“Ya,” kata ‘dia’", &rules).map(|r| r.0);
        assert_eq!(out.as_deref(), Some("\"Ya,\" kata 'dia'"));
    }

    #[test]
    fn reports_deleted_invisibles() {
        let (_, _, removed) = repair("a\u{200B}\u{200B}b\u{1}", &CleanRules::default()).unwrap();
        assert_eq!(
            removed,
            vec![(1..7, Reason::Invisible), (8..9, Reason::Invisible)]
        );
    }
}
