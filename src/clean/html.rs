//! HTML to article text.
//!
//! A hand-written state-machine tokenizer (tags, attributes, comments, raw
//! text elements) builds a light element tree. Scripts, styles, navigation,
//! headers, footers, asides, forms, figure captions and hidden elements are
//! dropped; the remaining text is scored like Mozilla Readability (text
//! length, commas, link density, class/id hints) and the best-scoring
//! container with its qualifying siblings becomes the text, with paragraph
//! breaks between blocks and entities decoded. Everything not copied is
//! reported as `html-markup`, one removal per contiguous run.

use super::Reason;
use crate::offsets::{MapBuilder, OffsetMap};
use std::ops::Range;

/// Tags that get special treatment (others are `Other`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Html,
    Body,
    P,
    Div,
    A,
    Br,
    Hr,
    Li,
    List,
    Td,
    Tr,
    Table,
    Pre,
    Heading,
    Section,
    Article,
    Main,
    Blockquote,
    Dt,
    Dropped,
    Void,
    Raw,
    Block,
    Other,
}

fn classify(name: &[u8]) -> Tag {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return Tag::Other;
    }
    for (d, s) in buf.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    match &buf[..name.len()] {
        b"html" => Tag::Html,
        b"body" => Tag::Body,
        b"p" => Tag::P,
        b"div" => Tag::Div,
        b"a" => Tag::A,
        b"br" => Tag::Br,
        b"hr" => Tag::Hr,
        b"li" => Tag::Li,
        b"ul" | b"ol" | b"dl" => Tag::List,
        b"td" | b"th" => Tag::Td,
        b"tr" => Tag::Tr,
        b"table" | b"tbody" | b"thead" | b"tfoot" => Tag::Table,
        b"pre" => Tag::Pre,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => Tag::Heading,
        b"section" => Tag::Section,
        b"article" => Tag::Article,
        b"main" => Tag::Main,
        b"blockquote" => Tag::Blockquote,
        b"dt" | b"dd" => Tag::Dt,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"noembed" | b"noframes"
        | b"noscript" | b"iframe" => Tag::Raw,
        b"nav" | b"header" | b"footer" | b"aside" | b"form" | b"button" | b"select"
        | b"figcaption" | b"svg" | b"math" | b"template" | b"object" | b"canvas" | b"dialog"
        | b"menu" | b"label" | b"head" | b"audio" | b"video" => Tag::Dropped,
        b"img" | b"input" | b"meta" | b"link" | b"source" | b"wbr" | b"area" | b"base" | b"col"
        | b"param" | b"track" | b"embed" => Tag::Void,
        b"figure" | b"address" | b"center" | b"details" | b"summary" | b"caption" | b"fieldset"
        | b"option" => Tag::Block,
        _ => Tag::Other,
    }
}

impl Tag {
    /// How a block boundary at this tag separates text: 0 none, 1 line, 2 paragraph.
    fn brk(self) -> u8 {
        match self {
            Tag::Br | Tag::Li | Tag::Td | Tag::Tr | Tag::Dt => 1,
            Tag::A | Tag::Other | Tag::Void | Tag::Raw => 0,
            _ => 2,
        }
    }
    /// Readability's initial score by tag.
    fn initial_score(self) -> f32 {
        match self {
            Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
            Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
            Tag::List | Tag::Li | Tag::Dt => -3.0,
            Tag::Heading => -5.0,
            _ => 0.0,
        }
    }
}

/// One element.
#[derive(Clone, Debug)]
struct Node {
    parent: usize,
    tag: Tag,
    name_hash: u64,
    /// Dropped with its subtree: a dropped tag, hidden, or an ARIA role.
    hard: bool,
    /// A boilerplate-like class or id (dropped on the first attempt).
    unlikely: bool,
    /// Dropped with its subtree (computed per attempt).
    killed: bool,
    in_link: bool,
    /// Class/id weight: +25 content-like, -25 boilerplate-like.
    weight: f32,
    own_text: u32,
    text: u32,
    link: u32,
    commas: u32,
    score: f32,
    scored: bool,
}

/// A piece of the document in order.
#[derive(Clone, Debug)]
enum Seg {
    Text(Range<usize>, usize),
    Break(u8),
}

/// Readability's hints (lower-cased substrings of class and id).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "share",
    "newsletter",
    "cookie",
    "subscribe",
    "baca-juga",
    "bacajuga",
    "lihatjg",
    "linksisip",
    "terkait",
    "read__also",
    "promo",
    "outbrain",
    "taboola",
    "caption",
    "byline",
    "toolbar",
    "masthead",
];
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story", "detail", "isi", "berita",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "terkait",
];
const ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
    "contentinfo",
];

fn any_in(hay: &str, list: &[&str]) -> bool {
    list.iter().any(|n| hay.contains(n))
}

fn hash(name: &[u8]) -> u64 {
    name.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3)
    })
}

/// Attributes that matter, gathered while tokenizing a start tag.
#[derive(Default)]
struct Attrs {
    hints: String,
    hidden: bool,
    role_dropped: bool,
}

/// Parses the start tag at `i` (`bytes[i] == b'<'`): its name range, the
/// attributes, whether it is self-closing, and where it ends.
fn start_tag(bytes: &[u8], i: usize, attrs: &mut Attrs) -> (Range<usize>, bool, usize) {
    let n = bytes.len();
    let mut j = i + 1;
    let name_start = j;
    while j < n && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' && bytes[j] != b'/' {
        j += 1;
    }
    let name = name_start..j;
    let mut self_closing = false;
    attrs.hints.clear();
    attrs.hidden = false;
    attrs.role_dropped = false;
    loop {
        while j < n && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
            self_closing = bytes[j] == b'/';
            j += 1;
        }
        if j >= n {
            return (name, self_closing, n);
        }
        if bytes[j] == b'>' {
            return (name, self_closing, j + 1);
        }
        self_closing = false;
        let an = j;
        while j < n && !bytes[j].is_ascii_whitespace() && !matches!(bytes[j], b'>' | b'=' | b'/') {
            j += 1;
        }
        let attr = &bytes[an..j];
        while j < n && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = j..j;
        if j < n && bytes[j] == b'=' {
            j += 1;
            while j < n && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < n && (bytes[j] == b'"' || bytes[j] == b'\'') {
                let q = bytes[j];
                let vs = j + 1;
                j = vs;
                while j < n && bytes[j] != q {
                    j += 1;
                }
                value = vs..j;
                j = (j + 1).min(n);
            } else {
                let vs = j;
                while j < n && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                    j += 1;
                }
                value = vs..j;
            }
        }
        let v = &bytes[value];
        if attr.eq_ignore_ascii_case(b"class") || attr.eq_ignore_ascii_case(b"id") {
            if attrs.hints.len() < 400 {
                attrs.hints.push(' ');
                attrs.hints.extend(
                    v.iter()
                        .take(200)
                        .map(|b| char::from(b.to_ascii_lowercase())),
                );
            }
        } else if attr.eq_ignore_ascii_case(b"hidden") {
            attrs.hidden = true;
        } else if attr.eq_ignore_ascii_case(b"aria-hidden") {
            attrs.hidden |= v.eq_ignore_ascii_case(b"true");
        } else if attr.eq_ignore_ascii_case(b"style") {
            let s: Vec<u8> = v
                .iter()
                .filter(|b| !b.is_ascii_whitespace())
                .map(u8::to_ascii_lowercase)
                .collect();
            attrs.hidden |= crate::bytes::find(&s, b"display:none").is_some()
                || crate::bytes::find(&s, b"visibility:hidden").is_some();
        } else if attr.eq_ignore_ascii_case(b"role") {
            let r = String::from_utf8_lossy(v).to_ascii_lowercase();
            attrs.role_dropped = ROLES.contains(&r.trim());
        }
    }
}

/// Finds the end of a raw-text element's content: the start of `</name`.
fn raw_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut j = from;
    while let Some(k) = bytes
        .get(j..)
        .and_then(|s| s.iter().position(|&b| b == b'<'))
    {
        let at = j + k;
        let after = at + 2 + name.len();
        if bytes.get(at + 1) == Some(&b'/')
            && bytes
                .get(at + 2..after)
                .is_some_and(|s| s.eq_ignore_ascii_case(name))
            && bytes
                .get(after)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        {
            return at;
        }
        j = at + 1;
    }
    bytes.len()
}

/// The tree and the document-order pieces.
struct Doc {
    nodes: Vec<Node>,
    segs: Vec<Seg>,
}

const ROOT: usize = 0;

fn parse(input: &str) -> Doc {
    let bytes = input.as_bytes();
    let n = bytes.len();
    let mut nodes = vec![Node {
        parent: ROOT,
        tag: Tag::Html,
        name_hash: 0,
        hard: false,
        unlikely: false,
        killed: false,
        in_link: false,
        weight: 0.0,
        own_text: 0,
        text: 0,
        link: 0,
        commas: 0,
        score: 0.0,
        scored: false,
    }];
    let mut segs = Vec::new();
    let mut stack: Vec<usize> = vec![ROOT];
    let mut attrs = Attrs::default();
    let mut i = 0;
    let mut text_start = 0;
    while i < n {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let kind = if next.is_ascii_alphabetic() {
            1
        } else if next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
            2
        } else if next == b'!' || next == b'?' || next == b'/' {
            3
        } else {
            0
        };
        if kind == 0 {
            i += 1;
            continue;
        }
        let top = *stack.last().unwrap_or(&ROOT);
        if text_start < i {
            segs.push(Seg::Text(text_start..i, top));
        }
        match kind {
            1 => {
                let (name, self_closing, end) = start_tag(bytes, i, &mut attrs);
                let name_b = &bytes[name.clone()];
                let tag = classify(name_b);
                // Implied end tags.
                let top_tag = nodes[*stack.last().unwrap_or(&ROOT)].tag;
                let closes_p = tag.brk() == 2 && tag != Tag::A;
                if (closes_p && top_tag == Tag::P)
                    || (tag == Tag::Li && top_tag == Tag::Li)
                    || (tag == Tag::Dt && top_tag == Tag::Dt)
                    || ((tag == Tag::Td || tag == Tag::Tr) && top_tag == Tag::Td)
                {
                    stack.pop();
                }
                if tag == Tag::Tr && nodes[*stack.last().unwrap_or(&ROOT)].tag == Tag::Tr {
                    stack.pop();
                }
                if tag == Tag::Body {
                    // The body is never inside the head, whatever was left open.
                    stack.truncate(1);
                }
                let parent = *stack.last().unwrap_or(&ROOT);
                let hints = &attrs.hints;
                let unlikely = !matches!(
                    tag,
                    Tag::Body | Tag::Html | Tag::Article | Tag::Main | Tag::A
                ) && any_in(hints, UNLIKELY)
                    && !any_in(hints, MAYBE);
                let hard = tag == Tag::Dropped || attrs.hidden || attrs.role_dropped;
                let mut weight = 0.0;
                if any_in(hints, POSITIVE) {
                    weight += 25.0;
                }
                if any_in(hints, NEGATIVE) {
                    weight -= 25.0;
                }
                let brk = tag.brk();
                if brk > 0 {
                    segs.push(Seg::Break(brk));
                }
                if matches!(tag, Tag::Void | Tag::Br | Tag::Hr) {
                    i = end;
                } else if tag == Tag::Raw {
                    let close = raw_end(bytes, end, name_b);
                    let close_end = bytes[close..]
                        .iter()
                        .position(|&b| b == b'>')
                        .map_or(n, |k| close + k + 1);
                    i = close_end;
                } else {
                    let idx = nodes.len();
                    nodes.push(Node {
                        parent,
                        tag,
                        name_hash: hash(name_b),
                        hard,
                        unlikely,
                        killed: false,
                        in_link: nodes[parent].in_link || tag == Tag::A,
                        weight,
                        own_text: 0,
                        text: 0,
                        link: 0,
                        commas: 0,
                        score: 0.0,
                        scored: false,
                    });
                    // Self-closing foreign or unknown elements have no content.
                    if !(self_closing && matches!(tag, Tag::Dropped | Tag::Other)) {
                        stack.push(idx);
                    }
                    i = end;
                }
            }
            2 => {
                let mut j = i + 2;
                while j < n && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                    j += 1;
                }
                let name_b = &bytes[i + 2..j];
                let h = hash(name_b);
                let tag = classify(name_b);
                if let Some(depth) = stack
                    .iter()
                    .rev()
                    .take(48)
                    .position(|&k| k != ROOT && nodes[k].name_hash == h)
                {
                    let keep = stack.len() - depth - 1;
                    stack.truncate(keep.max(1));
                }
                if tag.brk() > 0 {
                    segs.push(Seg::Break(tag.brk()));
                }
                i = bytes[j..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(n, |k| j + k + 1);
            }
            _ => {
                // Comment, doctype, CDATA, processing instruction or bogus comment.
                i = if bytes[i..].starts_with(b"<!--") {
                    bytes
                        .get(i + 4..)
                        .and_then(|h| crate::bytes::find(h, b"-->"))
                        .map_or(n, |k| i + 4 + k + 3)
                } else {
                    bytes[i..]
                        .iter()
                        .position(|&b| b == b'>')
                        .map_or(n, |k| i + k + 1)
                };
            }
        }
        text_start = i;
    }
    if text_start < n {
        segs.push(Seg::Text(text_start..n, *stack.last().unwrap_or(&ROOT)));
    }
    Doc { nodes, segs }
}

/// Counts letters and commas of a text segment (entities count as one).
fn count(s: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    for c in s.chars() {
        if !c.is_whitespace() {
            chars += 1;
        }
        if matches!(c, ',' | '，' | '、') {
            commas += 1;
        }
    }
    (chars, commas)
}

/// Chooses what to keep: a per-node "dead" flag (not part of the text).
fn select(doc: &mut Doc, input: &str, strip_unlikely: bool) -> (Vec<bool>, u32) {
    let nodes = &mut doc.nodes;
    for k in 0..nodes.len() {
        let parent_killed = k != ROOT && nodes[nodes[k].parent].killed;
        let n = &mut nodes[k];
        n.killed = parent_killed || n.hard || (strip_unlikely && n.unlikely);
        n.own_text = 0;
        n.text = 0;
        n.link = 0;
        n.commas = 0;
        n.score = 0.0;
        n.scored = false;
    }
    for seg in &doc.segs {
        if let Seg::Text(r, e) = seg {
            let (c, commas) = count(&input[r.clone()]);
            let node = &mut nodes[*e];
            node.own_text += c;
            node.commas += commas;
            if node.in_link {
                node.link += c;
            }
        }
    }
    for node in nodes.iter_mut() {
        node.text = node.own_text;
    }
    for k in (1..nodes.len()).rev() {
        let p = nodes[k].parent;
        if nodes[k].killed {
            continue;
        }
        let (t, l, c) = (nodes[k].text, nodes[k].link, nodes[k].commas);
        nodes[p].text += t;
        nodes[p].link += l;
        nodes[p].commas += c;
    }
    // Score paragraphs into their ancestors.
    for k in 1..nodes.len() {
        let node = &nodes[k];
        let paragraph = matches!(node.tag, Tag::P | Tag::Td | Tag::Pre)
            || (matches!(
                node.tag,
                Tag::Div | Tag::Section | Tag::Article | Tag::Blockquote | Tag::Other
            ) && node.own_text >= 25);
        if node.killed || !paragraph || node.text < 25 {
            continue;
        }
        let score = 1.0 + node.commas as f32 + (node.text as f32 / 100.0).min(3.0);
        let mut a = node.parent;
        for level in 0..5 {
            if a == ROOT && level > 0 {
                break;
            }
            let anc = &mut nodes[a];
            if !anc.scored {
                anc.scored = true;
                anc.score = anc.tag.initial_score() + anc.weight;
            }
            anc.score += match level {
                0 => score,
                1 => score / 2.0,
                _ => score / (level as f32 * 3.0),
            };
            if a == ROOT {
                break;
            }
            a = nodes[a].parent;
        }
    }
    let density = |n: &Node| {
        if n.text == 0 {
            0.0
        } else {
            n.link as f32 / n.text as f32
        }
    };
    // Scores become final (link density applied), as in Readability.
    for n in nodes.iter_mut() {
        if n.scored {
            n.score *= 1.0 - density(n);
        }
    }
    let final_score = |n: &Node| n.score;
    let mut ranked: Vec<usize> = (1..nodes.len())
        .filter(|&k| nodes[k].scored && !nodes[k].killed)
        .collect();
    crate::sort::sort_by(&mut ranked, |&a, &b| {
        final_score(&nodes[b]).total_cmp(&final_score(&nodes[a]))
    });
    ranked.truncate(5);
    let mut top = ranked.first().copied();
    if let Some(t) = top {
        let is_ancestor = |a: usize, mut k: usize, nodes: &[Node]| {
            while k != ROOT {
                k = nodes[k].parent;
                if k == a {
                    return true;
                }
            }
            a == ROOT
        };
        let top_score = final_score(&nodes[t]);
        let close: Vec<usize> = ranked[1..]
            .iter()
            .copied()
            .filter(|&k| top_score > 0.0 && final_score(&nodes[k]) / top_score >= 0.75)
            .collect();
        let mut t = t;
        if close.len() >= 3 {
            // An ancestor holding three close runners-up holds the article.
            let mut a = nodes[t].parent;
            while a != ROOT && nodes[a].tag != Tag::Body {
                if close.iter().filter(|&&k| is_ancestor(a, k, nodes)).count() >= 3 {
                    t = a;
                    break;
                }
                a = nodes[a].parent;
            }
        }
        // Climb while the parents' scores rise.
        let mut last = final_score(&nodes[t]);
        let threshold = last / 3.0;
        let mut a = nodes[t].parent;
        while a != ROOT && nodes[a].tag != Tag::Body {
            if !nodes[a].scored {
                a = nodes[a].parent;
                continue;
            }
            let ps = nodes[a].score;
            if ps < threshold {
                break;
            }
            if ps > last {
                t = a;
                break;
            }
            last = ps;
            a = nodes[a].parent;
        }
        // An only child stands for its parent.
        let mut children = vec![0u32; nodes.len()];
        for k in 1..nodes.len() {
            if !nodes[k].killed {
                children[nodes[k].parent] += 1;
            }
        }
        while nodes[t].parent != ROOT
            && nodes[nodes[t].parent].tag != Tag::Body
            && children[nodes[t].parent] == 1
        {
            t = nodes[t].parent;
        }
        top = Some(t);
    }
    let mut keep = vec![false; nodes.len()];
    match top {
        Some(top) if nodes[top].text >= 140 => {
            keep[top] = true;
            let p = nodes[top].parent;
            let threshold = (final_score(&nodes[top]) * 0.2).max(10.0);
            for k in 1..nodes.len() {
                if nodes[k].parent != p || k == top || nodes[k].killed {
                    continue;
                }
                let n = &nodes[k];
                let ok = (n.scored && final_score(n) >= threshold)
                    || (n.tag == Tag::P && n.text > 80 && density(n) < 0.25)
                    || (n.tag == Tag::P && n.text > 0 && density(n) == 0.0 && n.text <= 80);
                if ok {
                    keep[k] = true;
                }
            }
        }
        _ => keep[ROOT] = true,
    }
    // Propagate: kept subtrees, minus dropped and link-heavy blocks inside.
    let mut dead = vec![true; nodes.len()];
    let mut inside = vec![false; nodes.len()];
    for k in 0..nodes.len() {
        let n = &nodes[k];
        inside[k] = keep[k] || (k != ROOT && inside[n.parent]);
        let parent_dead = k != ROOT && dead[n.parent] && !keep[k];
        let d = density(n);
        // Readability's conditional cleaning: lists only go when mostly
        // links, data tables stay, other blocks go at a lower link density.
        let list = matches!(n.tag, Tag::List | Tag::Li);
        let cond = matches!(
            n.tag,
            Tag::Div | Tag::List | Tag::Table | Tag::Section | Tag::Heading | Tag::Other | Tag::Li
        ) && !keep[k]
            && n.commas < 10
            && (n.weight < 0.0
                || (n.tag != Tag::Table
                    && (d > 0.5 || (!list && n.weight < 25.0 && d > 0.3 && n.text < 1000))));
        dead[k] = !inside[k] || n.killed || (parent_dead && !keep[k]) || cond;
        if keep[k] && n.killed {
            dead[k] = true;
        }
    }
    let kept = (0..nodes.len())
        .filter(|&k| !dead[k])
        .map(|k| nodes[k].own_text)
        .sum();
    (dead, kept)
}

/// Named entities kept in the table (the common ones).
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("sbquo", "‚"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("bull", "•"),
    ("middot", "·"),
    ("deg", "°"),
    ("times", "×"),
    ("divide", "÷"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("shy", "\u{ad}"),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
    ("thinsp", "\u{2009}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("plusmn", "±"),
    ("micro", "µ"),
    ("prime", "′"),
    ("aacute", "á"),
    ("eacute", "é"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("uacute", "ú"),
    ("Aacute", "Á"),
    ("Eacute", "É"),
    ("Iacute", "Í"),
    ("Oacute", "Ó"),
    ("Uacute", "Ú"),
    ("agrave", "à"),
    ("egrave", "è"),
    ("igrave", "ì"),
    ("ograve", "ò"),
    ("ugrave", "ù"),
    ("Agrave", "À"),
    ("Egrave", "È"),
    ("acirc", "â"),
    ("ecirc", "ê"),
    ("icirc", "î"),
    ("ocirc", "ô"),
    ("ucirc", "û"),
    ("auml", "ä"),
    ("euml", "ë"),
    ("iuml", "ï"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("szlig", "ß"),
    ("ccedil", "ç"),
    ("Ccedil", "Ç"),
    ("ntilde", "ñ"),
    ("Ntilde", "Ñ"),
    ("atilde", "ã"),
    ("otilde", "õ"),
    ("aring", "å"),
    ("Aring", "Å"),
    ("aelig", "æ"),
    ("oslash", "ø"),
    ("Oslash", "Ø"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("larr", "←"),
    ("rarr", "→"),
];

/// Decodes the entity at the start of `s` (`s[0] == '&'`): its byte length
/// and the text it stands for.
fn entity(s: &str, buf: &mut [u8; 4]) -> Option<(usize, String)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, from) = match b.get(2) {
            Some(b'x' | b'X') => (true, 3),
            _ => (false, 2),
        };
        let mut j = from;
        let mut v: u32 = 0;
        while j < b.len() && j - from < 8 {
            let d = match (hex, b[j]) {
                (_, c @ b'0'..=b'9') => u32::from(c - b'0'),
                (true, c @ b'a'..=b'f') => u32::from(c - b'a' + 10),
                (true, c @ b'A'..=b'F') => u32::from(c - b'A' + 10),
                _ => break,
            };
            v = v * if hex { 16 } else { 10 } + d;
            j += 1;
        }
        if j == from {
            return None;
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        let c = char::from_u32(v)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}');
        return Some((j, c.encode_utf8(buf).to_string()));
    }
    let end = b.iter().take(10).position(|&c| c == b';')?;
    let name = s.get(1..end)?;
    ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| (end + 1, (*v).to_string()))
}

/// Writes the kept text with collapsed whitespace, decoded entities and
/// block breaks, and reports the gaps as markup.
struct Writer<'a> {
    input: &'a str,
    b: MapBuilder<'a>,
    /// Source consumed so far.
    done: usize,
    removed: Vec<(Range<usize>, Reason)>,
    pending_break: u8,
    pending_space: Option<Range<usize>>,
    wrote: bool,
}

impl Writer<'_> {
    /// Reports the skipped source before `at` as markup if it holds anything but whitespace.
    fn skip_to(&mut self, at: usize) {
        if at <= self.done {
            return;
        }
        let gap = self.done..at;
        if !self.input[gap.clone()].trim().is_empty() {
            let lead = self.input[gap.clone()].len() - self.input[gap.clone()].trim_start().len();
            let trail = self.input[gap.clone()].len() - self.input[gap.clone()].trim_end().len();
            let r = gap.start + lead..gap.end - trail;
            match self.removed.last_mut() {
                Some((last, _))
                    if self.input[last.end..r.start].trim().is_empty() && last.end <= r.start =>
                {
                    last.end = r.end;
                }
                _ => self.removed.push((r, Reason::HtmlMarkup)),
            }
        }
        self.done = at;
    }

    /// Before writing visible text at `at`: the pending break or space.
    fn separate(&mut self, at: usize) {
        if self.wrote && self.pending_break > 0 {
            let s = if self.pending_break >= 2 {
                "\n\n"
            } else {
                "\n"
            };
            self.skip_to(at);
            self.b.replace(at..at, s);
        } else if let Some(ws) = self.pending_space.take().filter(|_| self.wrote) {
            self.skip_to(ws.start);
            if ws.len() == 1 && self.input.as_bytes()[ws.start] == b' ' {
                self.b.copy(ws.clone());
            } else {
                self.b.replace(ws.clone(), " ");
            }
            self.done = ws.end;
        }
        self.pending_break = 0;
        self.pending_space = None;
    }

    fn text(&mut self, r: Range<usize>) {
        let s = &self.input[r.clone()];
        let bytes = s.as_bytes();
        let mut i = 0;
        let mut run: Option<usize> = None;
        let mut buf = [0u8; 4];
        while i < bytes.len() {
            let c = bytes[i];
            if c.is_ascii_whitespace() {
                if let Some(st) = run.take() {
                    self.b.copy(r.start + st..r.start + i);
                    self.done = r.start + i;
                }
                let ws_start = i;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if self.pending_space.is_none() {
                    self.pending_space = Some(r.start + ws_start..r.start + i);
                }
                continue;
            }
            if c == b'&' {
                if let Some((len, decoded)) = entity(&s[i..], &mut buf) {
                    if let Some(st) = run.take() {
                        self.b.copy(r.start + st..r.start + i);
                        self.done = r.start + i;
                    }
                    self.separate(r.start + i);
                    self.skip_to(r.start + i);
                    self.b.replace(r.start + i..r.start + i + len, &decoded);
                    self.done = r.start + i + len;
                    self.wrote = true;
                    i += len;
                    continue;
                }
            }
            if run.is_none() {
                self.separate(r.start + i);
                self.skip_to(r.start + i);
                run = Some(i);
                self.wrote = true;
            }
            i += 1;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'&' {
                i += 1;
            }
        }
        if let Some(st) = run {
            self.b.copy(r.start + st..r.end);
            self.done = r.end;
        }
    }
}

/// Converts HTML to text. With `clean` the article is selected; without,
/// all visible text is kept (markup is never analysed).
pub(super) fn extract(
    input: &str,
    clean: bool,
) -> (String, OffsetMap, Vec<(Range<usize>, Reason)>) {
    let mut doc = parse(input);
    let dead = if clean {
        // Like Readability: if dropping boilerplate-like classes leaves too
        // little, try again keeping them.
        let (dead, kept) = select(&mut doc, input, true);
        if kept < 500 {
            let (dead2, kept2) = select(&mut doc, input, false);
            if kept2 > kept {
                dead2
            } else {
                dead
            }
        } else {
            dead
        }
    } else {
        let mut dead = vec![false; doc.nodes.len()];
        for k in 1..doc.nodes.len() {
            dead[k] = dead[doc.nodes[k].parent] || doc.nodes[k].hard;
        }
        dead
    };
    let mut w = Writer {
        input,
        b: MapBuilder::new(input),
        done: 0,
        removed: Vec::new(),
        pending_break: 0,
        pending_space: None,
        wrote: false,
    };
    for seg in &doc.segs {
        match seg {
            Seg::Break(k) => {
                w.pending_break = w.pending_break.max(*k);
            }
            Seg::Text(r, e) => {
                if !dead[*e] {
                    w.text(r.clone());
                }
            }
        }
    }
    w.skip_to(input.len());
    let removed = std::mem::take(&mut w.removed);
    let (text, map) = w.b.finish();
    (text, map, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_paragraphs_and_entities() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav><a href=/>Home</a> <a href=/x>News</a></nav>\
            <article><h1>Judul&nbsp;berita</h1><p>Satu, dua &amp; tiga.   Empat lima enam tujuh delapan sembilan sepuluh.</p>\
            <p>Paragraf kedua, dengan koma, dan teks yang cukup panjang untuk dinilai.</p>\
            <script>var x = '<p>no</p>';</script></article>\
            <footer>Hak cipta</footer></body></html>";
        let (text, map, removed) = extract(html, true);
        assert!(text.contains("Satu, dua & tiga. Empat"), "{text}");
        assert!(text.contains("\n\nParagraf kedua"), "{text}");
        assert!(!text.contains("Home") && !text.contains("Hak cipta") && !text.contains("no"));
        assert!(removed.iter().all(|(_, r)| *r == Reason::HtmlMarkup));
        let at = text.find("Paragraf").unwrap();
        assert_eq!(&html[map.range(at..at + 8)], "Paragraf");
    }

    #[test]
    fn never_panics_on_broken_markup() {
        for s in [
            "<",
            "<a",
            "</",
            "<!--",
            "&#",
            "&#x110000;",
            "<p>a<b>c</p></b>",
            "<script>",
            "a&amp",
        ] {
            let _ = extract(s, true);
            let _ = extract(s, false);
        }
    }
}
