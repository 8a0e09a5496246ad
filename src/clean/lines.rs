//! Line-level cleaning: promo lines, caption credits, navigation-like lines,
//! share buttons, copyright, cookie and newsletter prompts, whitespace
//! inside lines, blank-line runs and hyphenation across line breaks.

use super::chars::Stage;
use super::{scan, Reason};
use crate::offsets::MapBuilder;
use crate::CleanRules;
use std::ops::Range;
use std::sync::LazyLock;

/// Anchored line patterns (`data/line_patterns.txt`), bucketed by the first
/// byte of the pattern so a line is only compared with the few that can match.
static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let mut p = Patterns {
        by_first: vec![Vec::new(); 256],
        contains: Vec::new(),
        contains_by_first: vec![Vec::new(); 256],
    };
    for l in list!("clean/data/line_patterns.txt")
        .lines()
        .map(str::trim_end)
    {
        if l.is_empty() || l.starts_with("//") {
            continue;
        }
        let Some((kind, pat)) = l.split_once('\t') else {
            continue;
        };
        let kind = match kind {
            "promo" => Kind::Promo,
            "credit" => Kind::Credit,
            "nav" => Kind::Nav,
            _ => continue,
        };
        if let Some(c) = pat.strip_prefix('~') {
            if let (Some(&first), Ok(k)) = (c.as_bytes().first(), u8::try_from(p.contains.len())) {
                p.contains_by_first[usize::from(first)].push(k);
                p.contains.push((kind, c.to_string()));
            }
            continue;
        }
        let pattern = match pat.strip_prefix('=') {
            Some(e) => Pattern::Exact(e.to_string()),
            None => Pattern::Prefix(pat.to_string()),
        };
        let text = match &pattern {
            Pattern::Exact(t) | Pattern::Prefix(t) => t,
        };
        if let Some(&b) = text.as_bytes().first() {
            p.by_first[usize::from(b)].push((kind, pattern));
        }
    }
    p
});

/// The line patterns.
struct Patterns {
    /// Prefix and exact patterns by their first byte.
    by_first: Vec<Vec<(Kind, Pattern)>>,
    /// Substrings that mark a short line.
    contains: Vec<(Kind, String)>,
    /// Indices into `contains` by first byte (a short line is scanned once
    /// for all of them, not once per pattern).
    contains_by_first: Vec<Vec<u8>>,
}

/// Words that alone on a short line are share buttons or menu items.
static SHARE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    list!("clean/data/share_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect()
});

/// What a pattern removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Promo,
    Credit,
    Nav,
}

/// How a pattern matches the lower-cased, trimmed line.
#[derive(Clone, Debug)]
enum Pattern {
    /// The line starts with it, then a non-letter or the end.
    Prefix(String),
    /// The line is it (ignoring trailing punctuation).
    Exact(String),
}

/// Lower-cases the first `max` bytes of `s` (on a char boundary) into `buf`.
fn lower_head(s: &str, max: usize, buf: &mut String) {
    buf.clear();
    // The ASCII head in one go (one byte per char), then char by char.
    let ascii = s.bytes().take(max).take_while(u8::is_ascii).count();
    buf.push_str(&s[..ascii]);
    buf.make_ascii_lowercase();
    for c in s[ascii..].chars() {
        if buf.len() >= max {
            break;
        }
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else if c == '\u{a0}' {
            buf.push(' ');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// Strips leading bullets and decorations ("» ", "- ", "* ", "• ").
fn strip_decoration(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        matches!(
            c,
            '»' | '›' | '-' | '*' | '•' | '–' | '—' | '>' | '|' | '■' | '▶' | '►'
        ) || c.is_whitespace()
    })
}

/// The pattern kind that matches `line` (trimmed), if any.
fn match_pattern(line: &str, words: usize, buf: &mut String) -> Option<Kind> {
    let t = strip_decoration(line);
    if t.starts_with("[Gambas:") || t.starts_with("[Gambar:") {
        return Some(Kind::Promo);
    }
    let short = words <= 14;
    let sentence_end = t.ends_with(['.', '!', '?', '。']);
    lower_head(t, if short { 160 } else { 48 }, buf);
    let head = buf.as_str();
    let bare = head.trim_end_matches(|c: char| !c.is_alphanumeric());
    let first = head.as_bytes().first().copied().unwrap_or(0);
    for (kind, pat) in &PATTERNS.by_first[usize::from(first)] {
        let hit = match pat {
            Pattern::Prefix(p) => {
                words <= 40
                    && head.starts_with(p.as_str())
                    && (!p.ends_with(char::is_alphabetic) || {
                        // "Baca juga: …" or a bare "Baca juga …" headline; a
                        // sentence that merely starts with the words stays.
                        let rest = head[p.len()..].trim_start();
                        rest.is_empty()
                            || rest.starts_with(':')
                            || (head[p.len()..].starts_with(|c: char| !c.is_alphanumeric())
                                && !sentence_end)
                    })
            }
            Pattern::Exact(p) => bare == p,
        };
        if hit {
            return Some(*kind);
        }
    }
    if short {
        // The first pattern in list order that occurs anywhere in `head`.
        let bytes = head.as_bytes();
        let mut found = usize::MAX;
        for (i, &b) in bytes.iter().enumerate() {
            for &k in &PATTERNS.contains_by_first[usize::from(b)] {
                let k = usize::from(k);
                if k < found && bytes[i..].starts_with(PATTERNS.contains[k].1.as_bytes()) {
                    found = k;
                }
            }
        }
        if let Some((kind, _)) = PATTERNS.contains.get(found) {
            return Some(*kind);
        }
    }
    if words <= 8 && is_share_line(head) {
        return Some(Kind::Nav);
    }
    None
}

/// A line made only of share-button words ("Facebook Twitter WhatsApp").
fn is_share_line(lower: &str) -> bool {
    let mut any = false;
    for w in lower.split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•' | ','))
    {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if !SHARE_WORDS.contains(&w) {
            return false;
        }
        any = true;
    }
    any
}

/// A trailing caption credit such as " | KNCA--": where it starts.
fn credit_start(line: &str) -> Option<usize> {
    let bar = line.rfind('|')?;
    let tail = line[bar + 1..].trim();
    let code = tail.trim_end_matches('-');
    let ok = (2..=12).contains(&code.len())
        && tail.len() > code.len()
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '/' || c.is_ascii_digit());
    let ok = ok || (tail.len() >= 2 && tail.len() <= 40 && is_photo_credit(tail));
    ok.then(|| line[..bar].trim_end().len())
}

/// "Foto: …", "Photo: …", "(Foto: …)" and similar credits.
fn is_photo_credit(s: &str) -> bool {
    let s = s.trim_start_matches('(');
    let mut buf = String::new();
    lower_head(s, 24, &mut buf);
    [
        "foto:",
        "foto :",
        "photo:",
        "image:",
        "credit:",
        "sumber foto:",
        "dok.",
        "doc.",
    ]
    .iter()
    .any(|p| buf.starts_with(p))
}

/// A trailing reporter-initials tag "(nds/krs)" or a "(Foto: …)" credit:
/// where it starts in `line`.
fn trailing_tag_start(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let t = t.strip_suffix('.').unwrap_or(t);
    if !t.ends_with(')') {
        return None;
    }
    let open = t.rfind('(')?;
    let inner = &t[open + 1..t.len() - 1];
    let initials = inner.split('/').count() >= 2
        && inner.len() <= 20
        && inner
            .split('/')
            .all(|p| (2..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && inner.bytes().any(|b| b.is_ascii_lowercase());
    let photo = is_photo_credit(inner) && inner.len() <= 80;
    (open > 0 && (initials || photo)).then_some(open)
}

/// Facts about one line used by the navigation classifier.
#[derive(Clone, Copy, Debug, Default)]
struct Facts {
    words: usize,
    /// Ends with sentence punctuation.
    ends_sentence: bool,
    /// Has sentence punctuation inside.
    has_punct: bool,
    /// Starts with a list marker ("1.", "-", "•").
    list: bool,
    /// Separator-heavy ("Home | News | Sport").
    separators: bool,
    /// Long enough and ends mid-sentence (lower-case letter, comma): the
    /// next line may continue it (hard-wrapped text).
    open_end: bool,
}

/// Byte classes for [`facts`].
const WS: u8 = 1;
const PUNCT: u8 = 2;
/// `'|'` and the lead bytes of CJK, full-width punctuation and separators.
const SPECIAL: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = WS;
    t[b'\t' as usize] = WS;
    t[b'\n' as usize] = WS;
    t[0x0C] = WS;
    t[b'\r' as usize] = WS;
    t[b'.' as usize] = PUNCT;
    t[b'!' as usize] = PUNCT;
    t[b'?' as usize] = PUNCT;
    t[b',' as usize] = PUNCT;
    t[b';' as usize] = PUNCT;
    t[b'|' as usize] = SPECIAL;
    let mut b = 0xE3;
    while b <= 0xED {
        t[b] = SPECIAL;
        b += 1;
    }
    t[0xEF] = SPECIAL;
    t[0xC2] = SPECIAL;
    t[0xE2] = SPECIAL;
    t
};

fn facts(t: &str) -> Facts {
    // Byte-level: ASCII whitespace separates words (odd spaces were already
    // normalised); CJK and Hangul are counted by their UTF-8 lead bytes.
    let bytes = t.as_bytes();
    let mut words = 0;
    let mut cjk = 0;
    let mut seps = 0;
    let mut classes = 0;
    let mut has_punct = false;
    let mut in_word = false;
    // Eight bytes at a time where they are printable ASCII without '|':
    // then only spaces separate words and only ". ! ? , ;" matter. Other
    // words byte by byte.
    let mut i = 0;
    loop {
        let mut starts = 0u64;
        let mut k = 0;
        while i + 8 <= bytes.len() {
            let w = scan::word_le(bytes, i);
            if scan::has_control_or_non_ascii(w) || scan::has_eq(w, b'|') {
                break;
            }
            let word = !scan::lanes_eq(w, b' ') & 0x8080_8080_8080_8080;
            let prev = (word << 8) | if in_word { 0x80 } else { 0 };
            starts += (word & !prev) >> 7;
            in_word = word >> 63 != 0;
            if !has_punct {
                has_punct = [b'.', b'!', b'?', b',', b';']
                    .iter()
                    .any(|&p| scan::has_eq(w, p));
            }
            i += 8;
            k += 1;
            if k == 31 {
                words += scan::sum_lanes(starts);
                (starts, k) = (0, 0);
            }
        }
        words += scan::sum_lanes(starts);
        if i >= bytes.len() {
            break;
        }
        let end = bytes.len().min(i + 8);
        while i < end {
            let b = bytes[i];
            let class = CLASS[usize::from(b)];
            let word = class & WS == 0;
            words += usize::from(word & !in_word);
            in_word = word;
            classes |= class;
            if class & SPECIAL != 0 {
                match b {
                    b'|' => seps += 1,
                    0xE3..=0xED => {
                        cjk += 1;
                        // "。" "、" (E3 80 81/82).
                        has_punct |= b == 0xE3 && bytes.get(i + 1) == Some(&0x80);
                    }
                    0xEF => {
                        // Full-width "，" "！" "？" (EF BC 8C/81/9F).
                        has_punct |= bytes.get(i + 1) == Some(&0xBC);
                    }
                    0xC2 => {
                        // "»" "·" (C2 BB/B7).
                        seps += usize::from(matches!(bytes.get(i + 1), Some(0xBB | 0xB7)));
                    }
                    0xE2 => {
                        // "•" "›" (E2 80 A2/BA).
                        seps += usize::from(
                            bytes.get(i + 1) == Some(&0x80)
                                && matches!(bytes.get(i + 2), Some(0xA2 | 0xBA)),
                        );
                    }
                    _ => {}
                }
            }
            i += 1;
        }
    }
    has_punct |= classes & PUNCT != 0;
    let words = words.max(cjk / 2);
    let last = t
        .trim_end_matches(['"', '\'', '”', '’', ')', '»', '*'])
        .chars()
        .next_back();
    let ends_sentence = matches!(
        last,
        Some('.' | '!' | '?' | ':' | ';' | '。' | '！' | '？' | '…')
    );
    let first = t.chars().next();
    let list = matches!(first, Some('-' | '•' | '*' | '–' | '·'))
        || (first.is_some_and(|c| c.is_ascii_digit())
            && t.trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['.', ')']));
    let open_end = t.len() >= 25
        && matches!(t.chars().next_back(), Some(c) if c.is_lowercase() || matches!(c, ',' | ';' | '-' | '–' | '—'));
    Facts {
        words,
        ends_sentence,
        has_punct,
        list,
        separators: seps >= 2 && seps * 4 >= words,
        open_end,
    }
}

/// One line of the stage input.
struct Line {
    /// Trimmed content range (empty for a blank line).
    content: Range<usize>,
    /// Why the whole line goes, if it does.
    drop: Option<Reason>,
    /// Content kept: `content.start..keep_end`, with a tail removal after it.
    keep_end: usize,
    facts: Facts,
}

impl Line {
    fn blank(&self) -> bool {
        self.content.is_empty()
    }
    fn good(&self) -> bool {
        let f = &self.facts;
        !f.separators
            && ((f.words >= 10 && f.has_punct && f.ends_sentence) || f.words >= 25 && f.has_punct)
    }
    fn navlike(&self) -> bool {
        let f = &self.facts;
        f.separators || (!f.ends_sentence && f.words <= 15)
    }
}

/// Marks navigation lines by context. Hard-wrapped lines are first grouped
/// into paragraphs (a line that ends mid-sentence continues on the next).
fn classify_navigation(lines: &mut [Line]) {
    let mut blocks: Vec<Line> = Vec::new();
    // The block of each line (`usize::MAX`: none), instead of a list per block.
    let mut block_of: Vec<usize> = vec![usize::MAX; lines.len()];
    let mut open = false;
    for (i, l) in lines.iter().enumerate() {
        if l.blank() || l.drop.is_some() {
            open = false;
            continue;
        }
        let f = l.facts;
        if open && !f.list {
            if let Some(b) = blocks.last_mut() {
                b.facts.words += f.words;
                b.facts.has_punct |= f.has_punct;
                b.facts.ends_sentence = f.ends_sentence;
                b.facts.separators |= f.separators;
                block_of[i] = blocks.len() - 1;
                open = f.open_end;
                continue;
            }
        }
        blocks.push(Line {
            content: l.content.clone(),
            drop: None,
            keep_end: l.keep_end,
            facts: f,
        });
        block_of[i] = blocks.len() - 1;
        open = f.open_end;
    }
    classify_blocks(&mut blocks);
    for (l, &b) in lines.iter_mut().zip(&block_of) {
        if let Some(drop) = blocks.get(b).and_then(|b| b.drop) {
            l.drop = Some(drop);
        }
    }
}

/// How many navigation-like blocks a text needs before the classifier
/// removes anything by context.
const MIN_NAV_BLOCKS: usize = 3;

/// Marks navigation blocks by context: runs of short, unpunctuated blocks
/// around and between the article's paragraphs.
fn classify_blocks(lines: &mut [Line]) {
    let live: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].blank() && lines[i].drop.is_none())
        .collect();
    if !live.iter().any(|&i| lines[i].good()) {
        return;
    }
    // Removing context needs evidence that this is a pasted page: a few
    // navigation-like blocks. An article with one short closing line
    // ("Selesai", a sign-off) is left alone.
    if live.iter().filter(|&&i| lines[i].navlike()).count() < MIN_NAV_BLOCKS {
        return;
    }
    // The article is the stretch with the most paragraph words net of
    // navigation-like blocks (maximum-sum run over the blocks).
    let weight = |l: &Line| -> i64 {
        let w = l.facts.words as i64;
        if l.good() {
            w
        } else if l.navlike() {
            -(6 + w)
        } else {
            -1
        }
    };
    let (mut best, mut best_range) = (i64::MIN, (0, 0));
    let (mut sum, mut start) = (0i64, 0usize);
    for (k, &i) in live.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = k;
        }
        sum += weight(&lines[i]);
        if sum > best {
            best = sum;
            best_range = (start, k);
        }
    }
    let (first, last) = (live[best_range.0], live[best_range.1]);
    let pos = |i: usize| live.partition_point(|&x| x < i);
    // Head: keep the block of sentence-like lines just before the first
    // paragraph, and one title-like line before it; drop the rest.
    let mut k = pos(first);
    let mut title_taken = false;
    while k > 0 {
        let l = &lines[live[k - 1]];
        if !l.navlike() {
            k -= 1;
        } else if !title_taken && l.facts.words >= 2 && !l.facts.separators {
            title_taken = true;
            k -= 1;
        } else {
            break;
        }
    }
    for &i in &live[..k] {
        lines[i].drop = Some(Reason::Navigation);
    }
    // Tail: keep sentence-like lines after the last paragraph until the
    // first navigation-like one.
    let mut k = pos(last) + 1;
    while k < live.len() && !lines[live[k]].navlike() && lines[live[k]].facts.words >= 2 {
        k += 1;
    }
    for &i in &live[k..] {
        lines[i].drop = Some(Reason::Navigation);
    }
    // Interior: runs of three or more navigation-like lines.
    let (a, b) = (pos(first), pos(last));
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, lines: &mut [Line]| {
        let nav = run.iter().filter(|&&i| lines[i].navlike()).count();
        if nav >= 3 && nav * 10 >= run.len() * 6 {
            for &i in run.iter() {
                if lines[i].navlike() && !lines[i].facts.list {
                    lines[i].drop = Some(Reason::Navigation);
                }
            }
        }
        run.clear();
    };
    for &i in &live[a..=b.min(live.len() - 1)] {
        if lines[i].good() {
            flush(&mut run, lines);
        } else {
            run.push(i);
        }
    }
    flush(&mut run, lines);
}

/// Cleans lines. `None` when nothing changes.
/// `context` turns on the navigation classifier (runs of short lines).
pub(super) fn clean_lines(text: &str, rules: &CleanRules, context: bool) -> Option<Stage> {
    let mut lines = Vec::new();
    let mut buf = String::new();
    let mut pos = 0;
    while pos <= text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let raw = &text[pos..end];
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        let content = pos + lead..pos + lead + t.len();
        let mut f = facts(t);
        let mut drop = None;
        let mut keep_end = content.end;
        if !t.is_empty() {
            match match_pattern(t, f.words, &mut buf) {
                Some(Kind::Promo) if rules.promo => drop = Some(Reason::Promo),
                Some(Kind::Credit) if rules.credits => drop = Some(Reason::CaptionCredit),
                Some(Kind::Nav) if rules.navigation => drop = Some(Reason::Navigation),
                _ => {}
            }
            if drop.is_none() && rules.credits {
                if t.starts_with('(') && t.ends_with(')') && is_photo_credit(t) {
                    drop = Some(Reason::CaptionCredit);
                } else if let Some(cut) = credit_start(t).or_else(|| trailing_tag_start(t)) {
                    if cut == 0 {
                        drop = Some(Reason::CaptionCredit);
                    } else {
                        keep_end = content.start + t[..cut].trim_end().len();
                        f = facts(t[..cut].trim_end());
                    }
                }
            }
        }
        lines.push(Line {
            content,
            drop,
            keep_end,
            facts: f,
        });
        pos = end + 1;
    }
    // A one-line text is what the user wants analysed: no line goes.
    if lines.iter().filter(|l| !l.blank()).count() < 2 {
        for l in &mut lines {
            l.drop = None;
        }
    } else if rules.navigation && context {
        classify_navigation(&mut lines);
    }
    // Write the kept lines.
    let mut b = MapBuilder::new(text);
    let mut removed = Vec::new();
    let mut blank_pending = false;
    let mut wrote_any = false;
    // (hyphen position, stem start) of the last kept line, hyphen not yet written.
    let mut prev_hyphen: Option<(usize, usize)> = None;
    // Where the last written line ends in the source.
    let mut written_end = 0;
    for line in &lines {
        if let Some(reason) = line.drop {
            removed.push((line.content.clone(), reason));
            continue;
        }
        if line.blank() {
            blank_pending = wrote_any;
            continue;
        }
        let content = line.content.start..line.keep_end;
        if line.keep_end < line.content.end {
            let tail = &text[line.keep_end..line.content.end];
            let lead = tail.len() - tail.trim_start().len();
            removed.push((
                line.keep_end + lead..line.content.end,
                Reason::CaptionCredit,
            ));
        }
        let s = &text[content.clone()];
        if wrote_any {
            match prev_hyphen.take() {
                // "infor-\nmasi" → "informasi": drop the hyphen and the break.
                Some((h, stem)) if !blank_pending && joins_hyphenated(&text[stem..h], s) => {}
                other => {
                    if let Some((h, _)) = other {
                        b.copy(h..h + 1);
                    }
                    let sep = if blank_pending { "\n\n" } else { "\n" };
                    let from = other.map_or(written_end, |(h, _)| h + 1);
                    if text.get(from..content.start) == Some(sep) {
                        // Unchanged separator: a verbatim copy keeps the map compact.
                        b.copy(from..content.start);
                    } else {
                        b.replace(content.start..content.start, sep);
                    }
                }
            }
        }
        prev_hyphen = hyphen_at_end(text, content.clone()).filter(|_| rules.whitespace);
        let copy_end = prev_hyphen.map_or(content.end, |(h, _)| h);
        copy_collapsing(&mut b, text, content.start..copy_end, rules.whitespace);
        written_end = copy_end;
        wrote_any = true;
        blank_pending = false;
    }
    if let Some((h, _)) = prev_hyphen {
        b.copy(h..h + 1);
    }
    let (out, map) = b.finish();
    if out == text && removed.is_empty() {
        return None;
    }
    Some((out, map, removed))
}

/// If the line ends with "letters-", the hyphen position and the stem start.
fn hyphen_at_end(text: &str, r: Range<usize>) -> Option<(usize, usize)> {
    let s = &text[r.clone()];
    let stem = s.strip_suffix('-')?;
    let word_start = stem.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + stem[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &stem[word_start..];
    (word.chars().count() >= 2).then_some((r.end - 1, r.start + word_start))
}

/// Whether "stem-" at a line end joins the next line's first word.
fn joins_hyphenated(stem: &str, next: &str) -> bool {
    let word: &str = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // Reduplication ("anak-\nanak") keeps its hyphen; so do capitals.
    word.chars().next().is_some_and(char::is_lowercase) && !word.eq_ignore_ascii_case(stem)
}

/// Copies `range`, collapsing runs of spaces into one when `fix` is on.
fn copy_collapsing(b: &mut MapBuilder<'_>, text: &str, range: Range<usize>, fix: bool) {
    if !fix {
        b.copy(range);
        return;
    }
    let bytes = text.as_bytes();
    let mut from = range.start;
    let mut i = range.start;
    loop {
        i = scan::double_space(bytes, i, range.end);
        if i >= range.end {
            break;
        }
        let mut j = i + 1;
        while j < range.end && bytes[j] == b' ' {
            j += 1;
        }
        b.copy(from..i + 1);
        from = j;
        i = j;
    }
    b.copy(from..range.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        clean_lines(s, &CleanRules::default(), true).map_or_else(|| s.to_string(), |r| r.0)
    }

    #[test]
    fn removes_promo_and_credits() {
        assert!(match_pattern("Baca juga: Apa kabar", 4, &mut String::new()).is_some());
        assert!(match_pattern("Bacaan juga penting.", 3, &mut String::new()).is_none());
        assert!(match_pattern("ADVERTISEMENT", 1, &mut String::new()).is_some());
        assert_eq!(run("Satu dua.\nBACA JUGA:Lain\nTiga."), "Satu dua.\nTiga.");
        assert_eq!(run("Foto satu | KNCA--\nIsi."), "Foto satu\nIsi.");
        assert_eq!(run("Sembuh. (nds/krs)"), "Sembuh.");
    }

    #[test]
    fn dehyphenates_only_across_breaks() {
        assert_eq!(run("infor-\nmasi  baru"), "informasi baru");
        assert_eq!(run("anak-\nanak"), "anak-\nanak");
        assert_eq!(run("Jong-\nUn"), "Jong-\nUn");
    }

    #[test]
    fn keeps_short_texts() {
        assert_eq!(run("Halo"), "Halo");
        assert_eq!(run("Judul\n\n\n\nIsi"), "Judul\n\nIsi");
    }
}
