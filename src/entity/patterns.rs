//! Pattern entities: e-mail, URL, hashtag, mention, money, percent, date,
//! time and number, found by one left-to-right byte scan (no regex).

use super::{EntityType, Found};
use crate::{Lang, Options};
use std::collections::HashMap;
use std::ops::Range;

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "agu",
    "agt",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "des",
    "dec",
    "nopember",
    "pebruari",
];
const SCALES: &[&str] = &[
    "ribu", "rb", "juta", "jt", "miliar", "milyar", "triliun", "thousand", "million", "billion",
    "trillion", "bn", "m", "k", "mn", "tn",
];
const CURRENCY_BEFORE: &[&str] = &[
    "rp", "idr", "usd", "us$", "$", "€", "£", "¥", "s$", "rm", "eur", "sgd",
];
const CURRENCY_AFTER: &[&str] = &[
    "rupiah", "dolar", "dollar", "dollars", "euro", "euros", "usd", "idr", "pound", "pounds",
    "yen", "ringgit", "yuan",
];
const TIME_ZONES: &[&str] = &[
    "wib", "wita", "wit", "am", "pm", "a.m.", "p.m.", "utc", "gmt",
];
const TIME_BEFORE: &[&str] = &["pukul", "jam", "at", "pkl"];

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The word (letters, `$`, `.` inside) starting at `i`, lower-cased compare helper.
fn word_at(text: &str, i: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() && (bytes[j].is_ascii_alphabetic() || bytes[j] >= 0x80) {
        j += 1;
    }
    while j < bytes.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    i..j
}

fn skip_space(bytes: &[u8], mut i: usize, max: usize) -> usize {
    let start = i;
    while i < bytes.len() && bytes[i] == b' ' && i - start < max {
        i += 1;
    }
    i
}

fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The number starting at `i`: digits with inner `.`/`,` groups. Returns its end.
fn number_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < bytes.len() {
        let inner_sep = matches!(bytes[j], b'.' | b',')
            && j > i
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
        if bytes[j].is_ascii_digit() || inner_sep {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// The word before byte `i` (skipping spaces), lower-case comparable.
fn word_before(text: &str, i: usize) -> &str {
    let bytes = text.as_bytes();
    let mut e = i;
    while e > 0 && bytes[e - 1] == b' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0
        && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'$' || bytes[s - 1] == b'.')
    {
        s -= 1;
    }
    let w = text.get(s..e).unwrap_or("");
    w.trim_end_matches('.')
}

/// Finds the pattern entities `options` asks for.
pub(crate) fn find(text: &str, _lang: Lang, options: &Options) -> Vec<Found> {
    use EntityType::*;
    let wanted = [
        Email, Url, Hashtag, Mention, Money, Percent, Date, Time, Number,
    ];
    if !wanted.iter().any(|&k| options.wants(k)) {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut spans: Vec<(Range<usize>, EntityType)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let at_word_start = i == 0 || !is_word_byte(bytes[i - 1]);
        // URL.
        if at_word_start
            && (bytes[i..].starts_with(b"http://")
                || bytes[i..].starts_with(b"https://")
                || bytes[i..].starts_with(b"www."))
        {
            let mut j = i;
            while j < bytes.len()
                && !bytes[j].is_ascii_whitespace()
                && !matches!(bytes[j], b'<' | b'>' | b'"')
            {
                j += 1;
            }
            while j > i
                && matches!(
                    bytes[j - 1],
                    b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'\''
                )
            {
                j -= 1;
            }
            while j < bytes.len() && !text.is_char_boundary(j) {
                j += 1;
            }
            spans.push((i..j, Url));
            i = j.max(i + 1);
            continue;
        }
        // E-mail: local@domain.tld, found at the '@'.
        if b == b'@'
            && i > 0
            && (bytes[i - 1].is_ascii_alphanumeric()
                || matches!(bytes[i - 1], b'.' | b'_' | b'-' | b'+'))
        {
            let mut s = i;
            while s > 0
                && (bytes[s - 1].is_ascii_alphanumeric()
                    || matches!(bytes[s - 1], b'.' | b'_' | b'-' | b'+' | b'%'))
            {
                s -= 1;
            }
            let mut e = i + 1;
            while e < bytes.len()
                && (bytes[e].is_ascii_alphanumeric() || matches!(bytes[e], b'.' | b'-'))
            {
                e += 1;
            }
            while e > i + 1 && matches!(bytes[e - 1], b'.' | b'-') {
                e -= 1;
            }
            if bytes[i + 1..e].contains(&b'.') && s < i {
                // Drop anything already taken inside (a number in the local part).
                spans.retain(|(r, _)| r.end <= s);
                spans.push((s..e, Email));
                i = e;
                continue;
            }
        }
        // Mention and hashtag.
        if (b == b'@' || b == b'#') && at_word_start {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                j += 1;
            }
            let has_letter = bytes[i + 1..j].iter().any(u8::is_ascii_alphabetic);
            if j > i + 1 && has_letter && !(j < bytes.len() && bytes[j] == b'@') {
                spans.push((i..j, if b == b'@' { Mention } else { Hashtag }));
                i = j;
                continue;
            }
        }
        // Numbers and what they are.
        if b.is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let end = number_end(bytes, i);
            if end < bytes.len()
                && bytes[end].is_ascii_alphabetic()
                && !matches!(bytes[end], b'b' | b'm' | b'k' | b't')
            {
                // Part of a word ("4G", "2nd"): skip it.
                i = word_at(text, end).end.max(end + 1);
                continue;
            }
            let (span, kind) = classify(text, i, end);
            // A date may start with a weekday before it; keep spans apart.
            spans.retain(|(r, _)| r.end <= span.start);
            spans.push((span.clone(), kind));
            i = span.end.max(i + 1);
            continue;
        }
        // Currency sign before a number: "$3.5bn", "€ 20".
        i += 1;
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    let mut by_name: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut found: Vec<Found> = Vec::new();
    for (r, kind) in spans {
        if !options.wants(kind) || r.is_empty() {
            continue;
        }
        let Some(s) = text.get(r.clone()) else {
            continue;
        };
        let name = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let k = *by_name.entry((kind, name.clone())).or_insert_with(|| {
            found.push(Found {
                name,
                kind,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            found.len() - 1
        });
        found[k].mentions.push(r);
    }
    found
}

/// Classifies the number at `start..end` with its surroundings.
fn classify(text: &str, start: usize, end: usize) -> (Range<usize>, EntityType) {
    use EntityType::*;
    let bytes = text.as_bytes();
    let digits = &text[start..end];
    // Currency before: "Rp 5", "Rp.5", "US$ 3", "$3".
    let mut money_start = None;
    {
        let mut s = start;
        while s > 0 && bytes[s - 1] == b' ' && start - s < 2 {
            s -= 1;
        }
        if s > 0 && bytes[s - 1] == b'.' {
            s -= 1;
        }
        let mut w = s;
        while w > 0 && (bytes[w - 1].is_ascii_alphabetic() || bytes[w - 1] == b'$') {
            w -= 1;
        }
        // Non-ASCII currency signs (€ £ ¥) are 2–3 bytes.
        for sign in ["€", "£", "¥"] {
            if text.get(..s).is_some_and(|t| t.ends_with(sign)) {
                w = s - sign.len();
            }
        }
        let word = text.get(w..s).unwrap_or("").trim_end_matches('.');
        let word_start_ok = w == 0 || !bytes[w - 1].is_ascii_alphanumeric();
        if word_start_ok && in_list(word, CURRENCY_BEFORE) {
            money_start = Some(w);
        }
    }
    // Scale word after: "5 juta", "3.5bn".
    let mut e = end;
    let after = skip_space(bytes, e, 1);
    let w = word_at(text, after);
    if !w.is_empty()
        && in_list(&text[w.clone()], SCALES)
        && !(w.end < bytes.len() && bytes[w.end].is_ascii_alphanumeric())
    {
        e = w.end;
    }
    let after = skip_space(bytes, e, 1);
    if let Some(s) = money_start {
        return (s..e, Money);
    }
    let w = word_at(text, after);
    if !w.is_empty() && in_list(&text[w.clone()], CURRENCY_AFTER) {
        return (start..w.end, Money);
    }
    // Percent.
    if bytes.get(after) == Some(&b'%') {
        return (start..after + 1, Percent);
    }
    if !w.is_empty() && in_list(&text[w.clone()], &["persen", "percent"]) {
        return (start..w.end, Percent);
    }
    // Time: "10:30", "10.30 WIB", "pukul 10.00".
    let is_clock = |sep: u8| {
        digits.len() >= 4
            && digits.len() <= 5
            && digits.as_bytes().get(digits.len() - 3) == Some(&sep)
            && digits[..digits.len() - 3]
                .parse::<u32>()
                .is_ok_and(|h| h < 24)
            && digits[digits.len() - 2..]
                .parse::<u32>()
                .is_ok_and(|m| m < 60)
    };
    let zone = text.get(w.clone()).is_some_and(|z| in_list(z, TIME_ZONES));
    let rest = text.get(end..).unwrap_or("");
    if digits.len() <= 2 && rest.starts_with(':') {
        let e2 = number_end(bytes, end + 1);
        if e2 == end + 3 && digits.parse::<u32>().is_ok_and(|h| h < 24) {
            let w2 = word_at(text, skip_space(bytes, e2, 1));
            let e = if text.get(w2.clone()).is_some_and(|z| in_list(z, TIME_ZONES)) {
                w2.end
            } else {
                e2
            };
            return (start..e, Time);
        }
    }
    if is_clock(b':')
        || (is_clock(b'.') && (zone || in_list(word_before(text, start), TIME_BEFORE)))
    {
        let e = if zone { w.end } else { end };
        return (start..e, Time);
    }
    // Dates: ISO, slashes, "3 November 2026", "November 3, 2026".
    if digits.len() == 4 && rest.starts_with('-') {
        let e2 = number_end(bytes, end + 1);
        if e2 > end + 1 && bytes.get(e2) == Some(&b'-') {
            let e3 = number_end(bytes, e2 + 1);
            if e3 > e2 + 1 {
                return (start..e3, Date);
            }
        }
    }
    if digits.len() <= 2 && rest.starts_with('/') {
        let e2 = number_end(bytes, end + 1);
        if e2 > end + 1 {
            let mut e = e2;
            if bytes.get(e2) == Some(&b'/') {
                let e3 = number_end(bytes, e2 + 1);
                if e3 > e2 + 1 {
                    e = e3;
                }
            }
            return (start..e, Date);
        }
    }
    if digits.len() <= 2 && !w.is_empty() && in_list(&text[w.clone()], MONTHS) && after > end {
        let mut e = w.end;
        let y = skip_space(bytes, e, 1);
        let ye = number_end(bytes, y);
        if ye - y == 4 {
            e = ye;
        }
        return (start..e, Date);
    }
    let before = word_before(text, start);
    if in_list(before, MONTHS) {
        // "November 3, 2026" / "November 2026".
        let mut s = start;
        while s > 0 && bytes[s - 1] == b' ' {
            s -= 1;
        }
        let s = s.saturating_sub(before.len());
        let mut e = end;
        if digits.len() <= 2 && bytes.get(end) == Some(&b',') {
            let y = skip_space(bytes, end + 1, 1);
            let ye = number_end(bytes, y);
            if ye - y == 4 {
                e = ye;
            }
        }
        if text.is_char_boundary(s) && (digits.len() <= 2 || digits.len() == 4) {
            return (s..e, Date);
        }
    }
    (start..e, Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(String, EntityType)> {
        let opts = Options {
            entity_types: Some(EntityType::ALL.to_vec()),
            ..Default::default()
        };
        let mut out: Vec<(usize, String, EntityType)> = find(text, Lang::Id, &opts)
            .into_iter()
            .flat_map(|f| {
                let (name, kind) = (f.name, f.kind);
                f.mentions
                    .into_iter()
                    .map(move |m| (m.start, name.clone(), kind))
            })
            .collect();
        out.sort();
        out.into_iter().map(|(_, n, k)| (n, k)).collect()
    }

    fn p(n: &str, k: EntityType) -> (String, EntityType) {
        (n.to_string(), k)
    }

    #[test]
    fn finds_pattern_entities() {
        use EntityType::*;
        assert_eq!(
            all("Kirim ke a.b@contoh.co.id atau https://contoh.id/x?y=1. Ikuti @teks_id #pemilu2024!"),
            [
                p("a.b@contoh.co.id", Email),
                p("https://contoh.id/x?y=1", Url),
                p("@teks_id", Mention),
                p("#pemilu2024", Hashtag)
            ]
        );
        assert_eq!(
            all("Harga Rp 5 juta, naik 12,5% atau $3.5bn; 40 persen dari 1.200 orang."),
            [
                p("Rp 5 juta", Money),
                p("12,5%", Percent),
                p("$3.5bn", Money),
                p("40 persen", Percent),
                p("1.200", Number)
            ]
        );
        assert_eq!(
            all("Pada 3 November 2026 pukul 10.30 WIB, lalu 2026-11-23 dan 17/8, March 5, 2024 at 10:45."),
            [
                p("3 November 2026", Date),
                p("10.30 WIB", Time),
                p("2026-11-23", Date),
                p("17/8", Date),
                p("March 5, 2024", Date),
                p("10:45", Time)
            ]
        );
    }

    #[test]
    fn patterns_are_off_by_default_and_never_panic() {
        assert!(find("a@b.cd 5%", Lang::Id, &Options::default()).is_empty());
        for s in [
            "@", "#", "1.", "€", "Rp.", "2026-", "12/", "é@é.é", "$", "3 é", "www.", "@@@@", "10:",
        ] {
            let _ = all(s);
        }
    }
}
