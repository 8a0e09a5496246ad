//! A first pass over the text: inline list items and bullets (which start
//! sentences) and bracketed or quoted spans (which sentences do not end in).

use super::lexicon::Lexicon;
use super::MAX_WORD;
use std::ops::Range;

/// What the first pass found, each list sorted by position.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// Positions where a sentence must start (list items, bullets).
    pub(super) starts: Vec<usize>,
    /// Positions of the `.` or `)` that closes a list marker ("1." "b)").
    pub(super) marker_ends: Vec<usize>,
    /// Spans no sentence ends inside: a bracket or a quotation, each within one line.
    pub(super) protected: Vec<Range<usize>>,
    /// Quotations with an attribution after them in which only a period (or
    /// an ellipsis) ends a sentence, not `!` or `?` (English, see
    /// [`Quotes::Continued`]).
    pub(super) attributed: Vec<Range<usize>>,
}

/// The longest bracketed span that is protected, in bytes.
const MAX_BRACKET: usize = 400;
/// The longest quotation that is protected, in bytes.
const MAX_QUOTE: usize = 2000;

/// Bullets that start a list item wherever they stand after a space.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '➢'
            | '►'
            | '▶'
            | '✓'
            | '✔'
    )
}

/// How many ways a list marker is written: a number, a letter or a roman
/// numeral, then `.`, `.)` or `)`.
const STYLES: usize = 9;

struct Candidate {
    /// Where the item starts (its bullet, if any, else the marker).
    start: usize,
    /// The `.` or `)` that closes the marker.
    end: usize,
    /// Which of the [`STYLES`] it is written in.
    style: usize,
    value: u32,
    /// Whether a lower-case word follows the marker ("a) here it is").
    lower: bool,
}

/// Where a language's reference texts differ in what is a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Conventions {
    /// Which quotations no sentence ends inside.
    pub(super) quotes: Quotes,
    /// Whether a news dateline opening a line ("LONDON, March 3 — The …") is
    /// a sentence of its own (English, as GUM) or opens the article's first
    /// sentence (Indonesian, as IndoSum: "JAKARTA, KOMPAS.com - Presiden …",
    /// like "Jakarta (ANTARA) - Presiden …", which has no comma to tell).
    pub(super) dateline_alone: bool,
}

impl Conventions {
    /// The conventions of `lang`.
    pub(super) fn of(lang: crate::Lang) -> Self {
        match lang {
            crate::Lang::Id => Conventions {
                quotes: Quotes::Whole,
                dateline_alone: false,
            },
            crate::Lang::En => Conventions {
                quotes: Quotes::Continued,
                dateline_alone: true,
            },
        }
    }
}

/// Runs the first pass.
pub(super) fn scan(text: &str, conventions: Conventions, lex: &Lexicon) -> Marks {
    let Conventions {
        quotes,
        dateline_alone,
    } = conventions;
    let mut marks = Marks::default();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut parens: Vec<usize> = Vec::new();
    let mut quote_open: Option<usize> = None;
    let mut curly_open: Option<usize> = None;
    let bytes = text.as_bytes();
    // What the previous character was: a space (or the start), an opening
    // bracket, a bullet.
    let (mut after_space, mut after_open, mut after_bullet) = (true, false, false);
    let mut i = 0;
    // A dateline opens a line: here, and after each line break.
    if dateline_alone && bytes.first().is_some_and(|&b| b != b'\n') {
        if let Some(next) = dateline(text, 0) {
            marks.starts.push(next);
        }
    }
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // The common case: an ASCII word. After a space or a bullet it
            // is a list marker only when a label of at most seven letters or
            // digits ends in `.` or `)`.
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                j += 1;
            }
            if (after_space || after_bullet)
                && j - i <= 7
                && matches!(bytes.get(j), Some(b'.' | b')'))
            {
                item_markers(text, i, &mut candidates);
            }
            (after_space, after_open, after_bullet, i) = (false, false, false, j);
            continue;
        }
        if b == b' ' {
            (after_space, after_open, after_bullet, i) = (true, false, false, i + 1);
            continue;
        }
        if b.is_ascii() && !matches!(b, b'\n' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'"') {
            // Other ASCII: punctuation, tabs.
            (after_space, after_open, after_bullet) = (b.is_ascii_whitespace(), false, false);
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            text[i..].chars().next().unwrap_or('\0')
        };
        match c {
            '\n' => {
                parens.clear();
                quote_open = None;
                curly_open = None;
                if dateline_alone && bytes.get(i + 1).is_some_and(|&b| b != b'\n') {
                    if let Some(next) = dateline(text, i + 1) {
                        marks.starts.push(next);
                    }
                }
            }
            '(' | '[' | '{' | '（' => parens.push(i),
            ')' | ']' | '}' | '）' => {
                if let Some(open) = parens.pop() {
                    if i - open <= MAX_BRACKET {
                        marks.protected.push(open..i + c.len_utf8());
                    }
                }
            }
            '"' => {
                let next = text[i + 1..].chars().next();
                let opens = after_space || after_open;
                let closes = next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
                match quote_open {
                    Some(open) if closes || !opens => {
                        push_quote(text, open..i + 1, quotes, lex, &mut marks);
                        quote_open = None;
                    }
                    _ if opens && next.is_some_and(|n| !n.is_whitespace()) => {
                        quote_open = Some(i);
                    }
                    _ => {}
                }
            }
            // „…“ (German, Slovak) closes with the English opening quote.
            '“' if curly_open.is_some_and(|o| text[o..].starts_with('„')) => {
                if let Some(open) = curly_open.take() {
                    push_quote(text, open..i + c.len_utf8(), quotes, lex, &mut marks);
                }
            }
            '“' | '„' => curly_open = Some(i),
            '”' => {
                if let Some(open) = curly_open.take() {
                    push_quote(text, open..i + c.len_utf8(), quotes, lex, &mut marks);
                }
            }
            _ => {}
        }
        let bullet = !b.is_ascii() && is_bullet(c);
        if bullet && after_space && i > 0 {
            marks.starts.push(i);
        }
        after_space = if b.is_ascii() {
            b.is_ascii_whitespace()
        } else {
            c.is_whitespace()
        };
        after_open = matches!(c, '(' | '[');
        after_bullet = bullet;
        i += c.len_utf8();
    }
    // A marker is a list item when it is in a chain of markers of one style
    // numbered one apart (1. … 2. …; a) … b) …): a chain of two whose items
    // do not open in lower case, or any chain of three or more ("a. here it
    // is b. another c. one more").
    let mut last: [Option<usize>; STYLES] = [None; STYLES];
    // For each candidate, the first of its chain; for each first, the
    // chain's length and whether an item opens in lower case.
    let mut head: Vec<usize> = Vec::with_capacity(candidates.len());
    let mut chain: Vec<(usize, bool)> = Vec::with_capacity(candidates.len());
    for k in 0..candidates.len() {
        let style = candidates[k].style;
        let h = match last[style] {
            Some(p) if candidates[p].value + 1 == candidates[k].value => head[p],
            _ => k,
        };
        head.push(h);
        chain.push((0, false));
        chain[h].0 += 1;
        chain[h].1 |= candidates[k].lower;
        last[style] = Some(k);
    }
    let listed = |k: usize| {
        let (len, lower) = chain[head[k]];
        len >= 3 || (len == 2 && !lower)
    };
    for cand in (0..candidates.len())
        .filter(|&k| listed(k))
        .map(|k| &candidates[k])
    {
        marks.starts.push(cand.start);
        marks.marker_ends.push(cand.end);
    }
    crate::sort::sort_by_key(&mut marks.starts, |&s| s);
    marks.starts.dedup();
    crate::sort::sort_by_key(&mut marks.marker_ends, |&e| e);
    crate::sort::sort_by_key(&mut marks.protected, |r| r.start);
    crate::sort::sort_by_key(&mut marks.attributed, |r| r.start);
    marks
}

/// The longest dateline that is looked for, in bytes.
const MAX_DATELINE: usize = 80;

/// Where the sentence after a news dateline starts, when the line at `i`
/// opens with one: capitalised words or numbers with at least one comma
/// between them, then a dash between spaces and a capitalised word
/// ("Evansville, Indiana, United States - This past week …", "LONDON, March
/// 3 — The"). A greeting ("Vince - Thanks") has no comma and is left to the
/// other rules.
fn dateline(text: &str, i: usize) -> Option<usize> {
    let line = &text[i..];
    let mut cut = MAX_DATELINE.min(line.len());
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = line[..cut].split('\n').next().unwrap_or("");
    let mut commas = 0;
    let mut at = 0;
    for (words, token) in head.split(' ').enumerate() {
        let end = at + token.len();
        if token.is_empty() {
            return None;
        }
        if matches!(token, "-" | "--" | "–" | "—") {
            if commas == 0 || words == 0 {
                return None;
            }
            let rest = &line[end..];
            let after = rest.trim_start_matches(' ');
            let first = after.trim_start_matches(['"', '“', '\'']).chars().next()?;
            return (after.len() < rest.len() && first.is_uppercase())
                .then_some(i + line.len() - after.len());
        }
        let word = token.strip_suffix(',').map_or(token, |w| {
            commas += 1;
            w
        });
        let capitalised = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !capitalised
            || !word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '&'))
        {
            return None;
        }
        at = end + 1;
    }
    None
}

/// Which quotations no sentence ends inside (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Quotes {
    /// Every quotation but a quoted paragraph and speech introduced by a
    /// comma or colon that ends its sentence (Indonesian news, UD-Indonesian).
    Whole,
    /// Only a quotation the sentence goes on after ("…," he said; "…" she
    /// said), as in UD-English; one that opens with a capital and ends in a
    /// comma before its attribution ends sentences at its periods.
    Continued,
}

/// Protects the quotation `q` as `quotes` says.
fn push_quote(text: &str, q: Range<usize>, quotes: Quotes, lex: &Lexicon, marks: &mut Marks) {
    if q.end - q.start > MAX_QUOTE {
        return;
    }
    let line_start = text[..q.start].trim_end_matches([' ', '\t', '\r']);
    let line_end = text[q.end..].trim_start_matches([' ', '\t', '\r']);
    let block = (line_start.is_empty() || line_start.ends_with('\n'))
        && (line_end.is_empty() || line_end.starts_with('\n'));
    let last = text[q.clone()].chars().rev().nth(1);
    let comma = last == Some(',') || line_end.starts_with(',');
    let opens_upper = text[q.clone()]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(char::is_uppercase);
    if comma && opens_upper && speech_after_headline(&text[q.clone()], line_start, line_end, lex) {
        marks.starts.push(q.start);
    }
    let goes_on = comma
        || last.is_some_and(|c| matches!(c, '-' | '–' | '—'))
        || line_end
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, ';' | ':'));
    // Speech introduced by a comma or colon that ends its sentence
    // (`Budi berkata, "Baiklah. Saya mulai." Lalu …`) is split like running
    // text in every language.
    let introduced = line_start.ends_with([',', ':']);
    match quotes {
        Quotes::Whole if !block && (goes_on || !introduced) => marks.protected.push(q),
        Quotes::Continued if goes_on => {
            // A quotation that opens with a capital and hands over to an
            // attribution with a comma ("\"… than ever. As such, it is …,\"
            // said James Perry") holds sentences, as UD English splits them;
            // a burst of exclamations ("\"Hush! Hush!\" said the Rabbit"),
            // a quotation broken off with a dash or resumed in lower case
            // stays whole, and so does a „German or Slovak“ one.
            if comma && opens_upper && !text[q.start..].starts_with('„') {
                marks.attributed.push(q);
            } else {
                marks.protected.push(q);
            }
        }
        _ => {}
    }
}

/// Whether `quote` (opening with a capital, ending in a comma) is quoted
/// speech that starts a sentence although no terminator comes before it: it
/// follows a word directly ("… jamu orang kaya Cina \"Sementara sisanya …,\"
/// ujarnya") that is no verb of saying ("mengatakan \"…\""), holds a few
/// words, and a verb of saying comes first or second after it. The sentence
/// before ended without a period: a headline run into the text, or a dropped
/// period. ("the so-called \"Big Three,\" which …" has no verb of saying.)
fn speech_after_headline(quote: &str, line_start: &str, line_end: &str, lex: &Lexicon) -> bool {
    // The word before: its ASCII letters, looked for in the last bytes only
    // (bounded); a word ending in any other letter or a digit is no verb.
    let head = line_start.as_bytes();
    let head = &head[head.len().saturating_sub(MAX_WORD)..];
    let letters = head
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let before = std::str::from_utf8(&head[head.len() - letters..]).unwrap_or("");
    if !line_start.ends_with(char::is_alphanumeric)
        || lex.is_says(before)
        || quote.bytes().filter(|&b| b == b' ').count() < 3
    {
        return false;
    }
    let mut words = super::words_ahead(line_end);
    let first = words.next().unwrap_or("");
    first.starts_with(char::is_lowercase)
        && (lex.is_says(first) || words.next().is_some_and(|w| lex.is_says(w)))
}

/// Whether a list item starts at `m`: a bullet or dash and a space, or an
/// enumerator ("1." "a)" "(iv)" "b.)") and a space.
pub(super) fn is_item(text: &str, m: usize) -> bool {
    let rest = &text[m..];
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if is_bullet(c) => return true,
        Some('-' | '*' | '–' | '—' | '+') => {
            return chars.next().is_some_and(char::is_whitespace)
        }
        _ => {}
    }
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let label = rest
        .bytes()
        .take(5)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if label == 0 || label > 4 {
        return false;
    }
    let (name, tail) = rest.split_at(label);
    let enumerator = (name.len() <= 2 && name.bytes().all(|b| b.is_ascii_digit()))
        || (name.len() == 1 && name.bytes().all(|b| b.is_ascii_lowercase()))
        || name.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    let tail = tail
        .strip_prefix(".)")
        .or_else(|| tail.strip_prefix(')'))
        .or_else(|| tail.strip_prefix('.'));
    enumerator && tail.is_some_and(|t| t.starts_with([' ', '\t']))
}

/// The list markers at `i` (see [`markers`]), each starting at a bullet
/// just before it, if any.
fn item_markers(text: &str, i: usize, candidates: &mut Vec<Candidate>) {
    let found = candidates.len();
    markers(text, i, candidates);
    // Most words are no marker: look back for a bullet only for one.
    if candidates.len() > found {
        let start = item_start(text, i);
        for cand in &mut candidates[found..] {
            cand.start = start;
        }
    }
}

/// Where the list item whose marker is at `i` starts: at a bullet just
/// before it, if any.
fn item_start(text: &str, i: usize) -> usize {
    let before = &text[..i];
    let trimmed = before.trim_end_matches([' ', '\t']);
    match trimmed.chars().next_back() {
        Some(c) if is_bullet(c) && i - trimmed.len() <= 4 => trimmed.len() - c.len_utf8(),
        _ => i,
    }
}

/// What a list marker's label is: a number, a lower-case letter or a
/// lower-case roman numeral.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Num,
    Alpha,
    Roman,
}

/// The value of a lower-case roman numeral from i to xxxix.
fn roman_value(label: &[u8]) -> Option<u32> {
    let tens = label.iter().take_while(|&&b| b == b'x').count();
    let units: u32 = match &label[tens..] {
        b"" => 0,
        b"i" => 1,
        b"ii" => 2,
        b"iii" => 3,
        b"iv" => 4,
        b"v" => 5,
        b"vi" => 6,
        b"vii" => 7,
        b"viii" => 8,
        b"ix" => 9,
        _ => return None,
    };
    let value = u32::try_from(tens).ok()? * 10 + units;
    (tens <= 3 && value > 0).then_some(value)
}

/// The list markers at `i` ("12." "3.)" "4)" "b." "c)" "iv)"), followed by a
/// space: one, or two for a letter that is also a roman numeral ("i." is
/// the ninth letter or the first numeral).
fn markers(text: &str, i: usize, out: &mut Vec<Candidate>) {
    let bytes = text.as_bytes();
    let digits = bytes[i..]
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if (1..=2).contains(&digits) {
        let v = bytes[i..i + digits]
            .iter()
            .fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
        out.extend(marker(text, i, i + digits, v, Label::Num));
        return;
    }
    if digits != 0 {
        return;
    }
    let letters = bytes[i..]
        .iter()
        .take(7)
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    if letters == 1 {
        out.extend(marker(
            text,
            i,
            i + 1,
            u32::from(bytes[i] - b'a'),
            Label::Alpha,
        ));
    }
    if let Some(v) = roman_value(&bytes[i..i + letters]) {
        out.extend(marker(text, i, i + letters, v, Label::Roman));
    }
}

/// A list marker whose label (worth `value`) runs from `i` to `j`, closed by
/// `.`, `.)` or `)` and a space.
fn marker(text: &str, i: usize, mut j: usize, value: u32, label: Label) -> Option<Candidate> {
    let bytes = text.as_bytes();
    let (end, style) = match (bytes.get(j), bytes.get(j + 1)) {
        (Some(b'.'), Some(b')')) => {
            let end = j;
            j += 2;
            (end, 1)
        }
        (Some(b'.'), _) => {
            let end = j;
            j += 1;
            (end, 0)
        }
        (Some(b')'), _) => {
            let end = j;
            j += 1;
            (end, 2)
        }
        _ => return None,
    };
    if bytes.get(j) != Some(&b' ') {
        return None;
    }
    let next = text[j..].trim_start_matches(' ').chars().next()?;
    let class = match label {
        Label::Num => 0,
        Label::Alpha => 3,
        Label::Roman => 6,
    };
    Some(Candidate {
        start: i,
        end,
        style: class + style,
        value,
        lower: next.is_lowercase(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_lists_and_spans() {
        let t = "1. The first item 2. The second item";
        let m = scan(
            t,
            Conventions::of(crate::Lang::Id),
            Lexicon::of(crate::Lang::Id),
        );
        assert_eq!(m.starts, [0, 18]);
        assert_eq!(m.marker_ends, [1, 19]);
        let t = "• 9. The first item • 10. The second item";
        assert_eq!(
            scan(
                t,
                Conventions::of(crate::Lang::Id),
                Lexicon::of(crate::Lang::Id)
            )
            .starts,
            [0, "• 9. The first item ".len()]
        );
        // A lone number is no list.
        assert!(scan(
            "Dia juara 2. Lalu pulang.",
            Conventions::of(crate::Lang::Id),
            Lexicon::of(crate::Lang::Id)
        )
        .starts
        .is_empty());
        // Roman numerals: "i." may also be the ninth letter.
        let t = "i.) The first item ii.) The second item";
        assert_eq!(
            scan(
                t,
                Conventions::of(crate::Lang::Id),
                Lexicon::of(crate::Lang::Id)
            )
            .starts,
            [0, 19]
        );
        let t = "h. one i. two j. three";
        assert_eq!(
            scan(
                t,
                Conventions::of(crate::Lang::Id),
                Lexicon::of(crate::Lang::Id)
            )
            .starts,
            [0, 7, 14]
        );
        assert_eq!(roman_value(b"xiv"), Some(14));
        assert_eq!(roman_value(b"iiii"), None);
        assert_eq!(roman_value(b""), None);
        for item in ["- a", "• a", "1. A", "12) a", "(iv) a", "b.) a", "c. a"] {
            assert!(is_item(item, 0), "{item}");
        }
        for not in ["-a", "Budi", "2019 a", "(abcde) a", "1.5 a", "A. Budi"] {
            assert!(!is_item(not, 0), "{not}");
        }
        // Speech introduced by a comma that ends its sentence is not protected.
        let t = "Ia pergi. \"Satu. Dua.\" Lalu (tiga. empat) pergi. Kata dia, \"Lima. Enam.\" Lalu";
        let m = scan(
            t,
            Conventions::of(crate::Lang::Id),
            Lexicon::of(crate::Lang::Id),
        );
        assert_eq!(m.protected.len(), 2);
        assert_eq!(&t[m.protected[0].clone()], "\"Satu. Dua.\"");
        assert_eq!(&t[m.protected[1].clone()], "(tiga. empat)");
    }
}
