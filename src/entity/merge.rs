//! Grouping mentions into entities: same name, acronym ↔ expansion (from the
//! text or the lexicon), and name parts ↔ full person names; then the type by
//! vote, the canonical (fullest) name, and aliases.

use super::features::{mix, word_hash};
use super::lexicon::{bytes_step, surface_hash, HashKeyed, FIRST_NAME, LEXICON, LOC};
use super::tokens::tokenise;
use super::{EntityType, Found, Mention};
use crate::Options;
use std::ops::Range;

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Appends the text of tokens `toks` with whitespace runs collapsed to one space
/// to `out`; returns where it is there.
fn push_surface(text: &str, toks: &[Range<usize>], out: &mut String) -> Range<usize> {
    let start = out.len();
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && toks[i - 1].end < t.start {
            out.push(' ');
        }
        out.push_str(text.get(t.clone()).unwrap_or(""));
    }
    start..out.len()
}

/// Items `0..keys.len()` grouped by their key (`keys[i] < n`), each group
/// in increasing order: one flat list, not a `Vec` per group.
struct Buckets {
    /// Group `g` is `items[start[g]..start[g + 1]]`.
    start: Vec<usize>,
    items: Vec<usize>,
}

impl Buckets {
    fn new(keys: &[usize], n: usize) -> Buckets {
        let mut start = vec![0; n + 1];
        for &k in keys {
            start[k + 1] += 1;
        }
        for g in 0..n {
            start[g + 1] += start[g];
        }
        let mut next = start.clone();
        let mut items = vec![0; keys.len()];
        for (i, &k) in keys.iter().enumerate() {
            items[next[k]] = i;
            next[k] += 1;
        }
        Buckets { start, items }
    }

    fn len(&self) -> usize {
        self.start.len() - 1
    }

    fn get(&self, g: usize) -> &[usize] {
        &self.items[self.start[g]..self.start[g + 1]]
    }

    fn iter(&self) -> impl Iterator<Item = &[usize]> {
        (0..self.len()).map(|g| self.get(g))
    }
}

/// A hash of the lower-cased surface of tokens `toks` of `text` (whitespace
/// between tokens counts, as in [`surface`]): equal for "AS" and "as",
/// different for "Jong-Un" and "Jong - Un". No allocation.
fn key_hash(text: &str, toks: &[Range<usize>]) -> u64 {
    let mut h = 0x006b_6579_u64;
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && toks[i - 1].end < t.start {
            h = mix(h, 0x20);
        }
        for c in text.get(t.clone()).unwrap_or("").chars() {
            if c.is_ascii() {
                h = mix(h, u64::from(c.to_ascii_lowercase()));
            } else {
                for l in c.to_lowercase() {
                    h = mix(h, u64::from(l));
                }
            }
        }
        h = mix(h, 0x1f);
    }
    h
}

/// Appends `w` lower-cased (a character at a time: `str::to_lowercase` adds
/// kilobytes of code for a final Σ) to `buf`.
fn push_lower(w: &str, buf: &mut Vec<u8>) {
    if w.is_ascii() {
        let start = buf.len();
        buf.extend_from_slice(w.as_bytes());
        buf[start..].make_ascii_lowercase();
        return;
    }
    for l in w.chars().flat_map(char::to_lowercase) {
        buf.extend_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

/// Lower-cased words of names, for name-part matching: all in one buffer,
/// each with a hash, no `String` per word.
#[derive(Default)]
struct Words {
    bytes: Vec<u8>,
    /// Word `w`: its hash and where it is in `bytes`.
    words: Vec<(u64, Range<usize>)>,
}

impl Words {
    /// Appends the words of `name` (split at spaces, dots trimmed, empty ones
    /// dropped); returns their indices.
    fn push(&mut self, name: &str) -> Range<usize> {
        let first = self.words.len();
        let mut rest = name;
        while !rest.is_empty() {
            let (w, after) = match rest.as_bytes().iter().position(|&b| b == b' ') {
                Some(k) => (&rest[..k], &rest[k + 1..]),
                None => (rest, ""),
            };
            rest = after;
            let w = w.trim_matches('.');
            if w.is_empty() {
                continue;
            }
            let start = self.bytes.len();
            push_lower(w, &mut self.bytes);
            let h = bytes_step(0x776f_7264, &self.bytes[start..]);
            self.words.push((h, start..self.bytes.len()));
        }
        first..self.words.len()
    }

    /// Whether `name` has two or more words (as [`Words::push`] splits it).
    fn several(name: &str) -> bool {
        name.split(' ')
            .filter(|w| !w.trim_matches('.').is_empty())
            .nth(1)
            .is_some()
    }

    /// Whether words `i` and `j` are the same.
    #[inline]
    fn same(&self, i: usize, j: usize) -> bool {
        let ((hi, ri), (hj, rj)) = (&self.words[i], &self.words[j]);
        hi == hj && self.bytes.get(ri.clone()) == self.bytes.get(rj.clone())
    }

    /// Whether the words `a` are the words `b`.
    fn same_all(&self, a: Range<usize>, b: Range<usize>) -> bool {
        a.len() == b.len() && a.zip(b).all(|(i, j)| self.same(i, j))
    }
}

/// Groups `mentions` (whose tokens index `toks`) into entities and keeps the
/// wanted types.
pub(crate) fn merge(
    text: &str,
    toks: &[Range<usize>],
    mut mentions: Vec<Mention>,
    links: &[(usize, usize)],
    options: &Options,
) -> Vec<Found> {
    let n = mentions.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // Every mention's surface, in one buffer.
    let mut surface_text = String::with_capacity(n * 16);
    let surface_at: Vec<Range<usize>> = mentions
        .iter()
        .map(|m| push_surface(text, &toks[m.toks.clone()], &mut surface_text))
        .collect();
    let surface = |i: usize| surface_text.get(surface_at[i].clone()).unwrap_or("");
    // Same name. (Indices as u32, the lexicon's value type: one copy of the
    // hash-table code in the wasm; a text has far fewer than 2^32 mentions.)
    let mut by_key: HashKeyed<u32> = HashKeyed::default();
    by_key.reserve(n);
    for (i, m) in mentions.iter().enumerate() {
        let first = *by_key
            .entry(key_hash(text, &toks[m.toks.clone()]))
            .or_insert(i as u32);
        union(&mut parent, first as usize, i);
    }
    // An organisation named with its legal form and without: "PT Pertamina
    // (Persero)" and "Pertamina", "Apple Inc." and "Apple". The legal form
    // is sure evidence of the type when the forms vote. And one named after
    // a place goes by its first word: "Persib Bandung" … "Persib", "PT
    // Garuda Indonesia (Persero) Tbk" … "Garuda".
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.kind != EntityType::Org {
            continue;
        }
        let all = &toks[m.toks.clone()];
        let core = without_legal_form(text, all);
        m.sure |= core.is_some();
        let core = core.unwrap_or(0..all.len());
        // Two keys: the name without its legal form (without one, the name
        // itself: a union with itself), and that name shortened by `cut`
        // tokens — its web address's ending ("Amazon.com Inc." … "Amazon"),
        // or its place or head word (below), or none.
        let word = |k: usize| text.get(all[k].clone()).unwrap_or("");
        let place = |k: usize| LEXICON.word(word_hash(word(k))) & LOC != 0;
        let cut =
            if core.len() > 2 && word(core.end - 2) == "." && super::web_ending(word(core.end - 1))
            {
                2
            } else {
                // (Or a head word after a word that is no place: "Harvard
                // University" … "Harvard", not "Manchester Police" … "Manchester".)
                usize::from(
                    core.len() == 2
                        && (place(core.end - 1)
                            || super::rule_word(word(core.end - 1)) & super::ORG_HEAD != 0
                                && !place(core.start)),
                )
            };
        // (A short form is sure evidence of the type when the forms vote.)
        m.sure |= cut > 0;
        for short in [core.clone(), core.start..core.end - cut] {
            if let Some(&j) = by_key.get(&key_hash(text, &all[short])) {
                union(&mut parent, i, j as usize);
            }
        }
    }
    // A place with and without its administrative head word: "Kabupaten
    // Flores Timur" and "Flores Timur", "DKI Jakarta" and "Jakarta".
    for (i, m) in mentions.iter().enumerate() {
        let all = &toks[m.toks.clone()];
        if m.kind != EntityType::Loc || all.len() < 2 {
            continue;
        }
        let head = text.get(all[0].clone()).unwrap_or("");
        if super::rule_word(head) & super::ADMIN != 0 {
            if let Some(&j) = by_key.get(&key_hash(text, &all[1..])) {
                union(&mut parent, i, j as usize);
            }
        }
    }
    // Acronyms defined in the text.
    for &(a, b) in links {
        if a < n && b < n {
            union(&mut parent, a, b);
        }
    }
    // Acronyms and aliases from the lexicon, when the text uses both forms
    // (aliases list only the text's own forms).
    let mut expanded = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let h = surface_hash(text, &toks[m.toks.clone()]);
        if let Some(expansion) = LEXICON.acronym(h) {
            expanded.clear();
            tokenise(expansion, 0..expansion.len(), &mut expanded);
            if let Some(&j) = by_key.get(&key_hash(expansion, &expanded)) {
                union(&mut parent, i, j as usize);
            }
        }
    }
    // An acronym of a name the text spells out, undefined: "Komisi
    // Pemberantasan Korupsi" … "KPK", "Federal Bureau of Investigation" …
    // "FBI" (the initials of its capitalised words; not when two names of
    // the text share them).
    initials_links(text, toks, &mentions, &mut parent);
    // Components and their longest names.
    let mut group_of: Vec<usize> = vec![usize::MAX; n];
    let mut group_count = 0;
    let mut group_ids = Vec::with_capacity(n);
    for i in 0..n {
        let r = find(&mut parent, i);
        if group_of[r] == usize::MAX {
            group_of[r] = group_count;
            group_count += 1;
        }
        group_ids.push(group_of[r]);
    }
    let groups = Buckets::new(&group_ids, group_count);
    // The fullest name; of forms as full, one not in capitals throughout
    // ("Washington" over a dateline's "WASHINGTON").
    let longest = |g: &[usize]| -> usize {
        let rank = |i: usize| {
            let (a, text) = (&mentions[i], surface(i));
            (a.toks.len(), text.len(), !shouted(text))
        };
        let mut best = g[0];
        for &i in g {
            if rank(i) > rank(best) {
                best = i;
            }
        }
        best
    };
    let vote = |g: &[usize]| -> EntityType {
        // Per, Loc, Org, Misc (their order of declaration, which
        // `EntityType::ALL` follows): the first of the highest.
        let mut score = [0usize; 4];
        for &i in g {
            score[(mentions[i].kind as usize).min(3)] += if mentions[i].sure { 3 } else { 1 };
        }
        let mut best = 0;
        for k in 1..4 {
            if score[k] > score[best] {
                best = k;
            }
        }
        EntityType::ALL[best]
    };
    let kinds: Vec<EntityType> = groups.iter().map(vote).collect();
    let best: Vec<usize> = groups.iter().map(longest).collect();
    let mut words = Words {
        bytes: Vec::with_capacity(surface_text.len()),
        words: Vec::with_capacity(2 * groups.len()),
    };
    // Only people's names and one-word names take part in name-part
    // matching: the words of longer names of other types are never needed.
    let names: Vec<Range<usize>> = best
        .iter()
        .zip(&kinds)
        .map(|(&i, &kind)| {
            let name = surface(i);
            if kind == EntityType::Per || !Words::several(name) {
                words.push(name)
            } else {
                words.words.len()..words.words.len()
            }
        })
        .collect();
    // Name parts: "Kim" → the one person whose full name starts or ends with it
    // (or has it second after a given name: "Tito").
    let mut into: Vec<Option<usize>> = vec![None; groups.len()];
    // Person names by first and by last word (keyed by the word's hash; a
    // bucket lists the names in order), so that matching stays linear.
    let mut bucket_of: HashKeyed<u32> = HashKeyed::default();
    // At most two words a name: no growing and rehashing.
    bucket_of.reserve(2 * kinds.iter().filter(|&&k| k == EntityType::Per).count());
    let (mut entry_bucket, mut entry_name) = (Vec::new(), Vec::new());
    // The word a person of three or more words whose first is a given name
    // may go by: "Muhammad Tito Karnavian" … "Tito".
    let called = |full: &Range<usize>| {
        let first = words
            .bytes
            .get(words.words[full.start].1.clone())
            .unwrap_or(&[]);
        let given =
            std::str::from_utf8(first).is_ok_and(|w| LEXICON.word(word_hash(w)) & FIRST_NAME != 0);
        (given && full.len() >= 3).then_some(full.start + 1)
    };
    for (h, full) in names.iter().enumerate() {
        if kinds[h] != EntityType::Per || full.len() < 2 {
            continue;
        }
        let (first, last) = (full.start, full.end - 1);
        for w in [Some(first), Some(last), called(full)]
            .into_iter()
            .flatten()
        {
            let key = words.words[w].0;
            if w != first && key == words.words[first].0 {
                continue;
            }
            let next = bucket_of.len() as u32;
            entry_bucket.push(*bucket_of.entry(key).or_insert(next) as usize);
            entry_name.push(h);
        }
    }
    let by_end = Buckets::new(&entry_bucket, bucket_of.len());
    for (g, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        // At most three candidates, in a fixed array (no allocation).
        let mut fulls = [0usize; 3];
        let mut count = 0;
        // (A one-word name looks once: its first word is its last, and a
        // second look would find the same names again.)
        let ends = [name.start, name.end - 1];
        let ends = &ends[..if name.len() == 1 { 1 } else { 2 }];
        'ends: for &w in ends {
            let Some(&bucket) = bucket_of.get(&words.words[w].0) else {
                continue;
            };
            for &e in by_end.get(bucket as usize) {
                let h = entry_name[e];
                let full = names[h].clone();
                if h == g || full.len() <= name.len() {
                    continue;
                }
                // The bucket is by hash: the word itself is checked.
                let listed = words.same(full.start, w) || words.same(full.end - 1, w);
                let middle = name.len() == 1 && called(&full).is_some_and(|c| words.same(c, w));
                if middle
                    || listed
                        && (words.same_all(full.start..full.start + name.len(), name.clone())
                            || words.same_all(full.end - name.len()..full.end, name.clone()))
                {
                    fulls[count] = h;
                    count += 1;
                    if count == 3 {
                        break 'ends;
                    }
                }
            }
        }
        let fulls = &mut fulls[..count];
        crate::sort::sort_by_key(fulls, |&f| f);
        let one = fulls.first().filter(|&&f| fulls.iter().all(|&x| x == f));
        if let Some(&h) = one {
            // Only single-word parts of other types (a person mis-tagged).
            if kinds[g] == EntityType::Per || name.len() == 1 {
                into[g] = Some(h);
            }
        }
    }
    let root = |mut g: usize| {
        let mut steps = 0;
        while let Some(h) = into[g] {
            g = h;
            steps += 1;
            if steps > into.len() {
                break;
            }
        }
        g
    };
    let roots: Vec<usize> = (0..groups.len()).map(root).collect();
    let members = Buckets::new(&roots, groups.len());
    let mut found = Vec::new();
    let mut sorted: Vec<usize> = Vec::new();
    for (g, parts) in members.iter().enumerate() {
        if parts.is_empty() {
            continue;
        }
        let kind = if parts.len() > 1 {
            EntityType::Per
        } else {
            kinds[g]
        };
        if !options.wants(kind) {
            continue;
        }
        sorted.clear();
        sorted.extend(parts.iter().flat_map(|&p| groups.get(p).iter().copied()));
        let name = surface(best[g]).to_string();
        let mut aliases: Vec<String> = Vec::new();
        crate::sort::sort_by_key(&mut sorted, |&i| mentions[i].range.start);
        sorted.dedup_by_key(|i| mentions[*i].range.clone());
        for &i in &sorted {
            let s = surface(i);
            if s != name && !aliases.iter().any(|a| a == s) {
                aliases.push(s.to_string());
            }
        }
        found.push(Found {
            name,
            kind,
            aliases,
            mentions: sorted
                .iter()
                .filter(|&&i| !mentions[i].within)
                .map(|&i| mentions[i].range.clone())
                .collect(),
        });
    }
    found
}

/// Unites each acronym mention (one word of two to six capitals) with the
/// organisation or place whose capitalised words' initials it spells, when
/// one name of the text has those initials (see `merge`).
#[inline(never)]
fn initials_links(text: &str, toks: &[Range<usize>], mentions: &[Mention], parent: &mut [usize]) {
    const AMBIGUOUS: u32 = u32::MAX;
    // The initials of a name's capitalised words, or of an acronym's
    // letters, as one number (up to eight ASCII capitals), or 0.
    let initials = |ts: &[Range<usize>], acronym: bool| -> u64 {
        let mut v = 0u64;
        for t in ts {
            let w = text.as_bytes().get(t.clone()).unwrap_or_default();
            if acronym {
                if !(2..=6).contains(&w.len()) || !w.iter().all(u8::is_ascii_uppercase) {
                    return 0;
                }
                return w.iter().fold(0, |v, &c| v << 8 | u64::from(c));
            }
            match w {
                // Legal forms are not spelled: "PT Bank Central Asia Tbk" … "BCA".
                b"PT" | b"Tbk" | b"Persero" => {}
                [c, rest @ ..]
                    if c.is_ascii_uppercase() && rest.iter().any(u8::is_ascii_lowercase) =>
                {
                    v = v << 8 | u64::from(*c);
                }
                // An acronym or a number inside: no initials to spell.
                [c, ..] if c.is_ascii_uppercase() || c.is_ascii_digit() => return 0,
                _ => {}
            }
        }
        if v >> 8 == 0 {
            0
        } else {
            v
        }
    };
    let mut by_initials: HashKeyed<u32> = HashKeyed::default();
    for (i, m) in mentions.iter().enumerate() {
        let all = &toks[m.toks.clone()];
        if m.kind == EntityType::Per || !(2..=8).contains(&all.len()) {
            continue;
        }
        let v = initials(all, false);
        if v == 0 {
            continue;
        }
        let e = by_initials.entry(mix(0x1a17, v)).or_insert(i as u32);
        if *e != AMBIGUOUS
            && key_hash(text, &toks[mentions[*e as usize].toks.clone()]) != key_hash(text, all)
        {
            *e = AMBIGUOUS;
        }
    }
    if by_initials.is_empty() {
        return;
    }
    for (i, m) in mentions.iter().enumerate() {
        if m.toks.len() == 1 {
            let v = initials(&toks[m.toks.clone()], true);
            let j = by_initials.get(&mix(0x1a17, v)).copied();
            if let Some(j) = j.filter(|&j| v != 0 && j != AMBIGUOUS) {
                union(parent, i, j as usize);
            }
        }
    }
}

/// Whether a name is written in capitals throughout with a word of five
/// letters or more ("WASHINGTON", "KOREA UTARA"; not an acronym such as "NASA").
fn shouted(name: &str) -> bool {
    !name.chars().any(char::is_lowercase)
        && name
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 5)
}

/// Whether tokens `toks` are a legal form alone ("Inc." of "Amazon.com Inc.",
/// whose name the tokens split at its periods): no name.
pub(crate) fn legal_form_alone(text: &str, toks: &[Range<usize>]) -> bool {
    let word = |k: usize| text.get(toks[k].clone()).unwrap_or("");
    let n = if toks.len() == 2 && word(1) == "." {
        1
    } else {
        toks.len()
    };
    n == 1 && is_legal_form(word(0))
}

/// Whether `w` is a legal form written after a company's name.
pub(crate) fn is_legal_form(w: &str) -> bool {
    matches!(
        w,
        "Tbk" | "Inc" | "Corp" | "Ltd" | "LLC" | "plc" | "PLC" | "Co" | "AG" | "GmbH" | "NV" | "SA"
    )
}

/// The tokens of an organisation's name without its legal form, when it has
/// one: "PT", "CV" before; "Tbk", "Inc.", "Corp.", "Ltd", "LLC", "plc", "Co.",
/// "AG", "GmbH", "NV", "SA" or "(Persero)" after (or both). None when there is none or nothing else.
fn without_legal_form(text: &str, toks: &[Range<usize>]) -> Option<Range<usize>> {
    let word = |k: usize| text.get(toks[k].clone()).unwrap_or("");
    let (mut a, mut b) = (0, toks.len());
    if b > 1 && matches!(word(0), "PT" | "CV") {
        a = 1;
    }
    let persero = |b: usize| {
        b >= a + 4 && word(b - 3) == "(" && word(b - 1) == ")" && word(b - 2) == "Persero"
    };
    if persero(b) {
        b -= 3;
    }
    // (A period is a token of its own.)
    let form = if b > a + 2 && word(b - 1) == "." {
        b - 2
    } else {
        b - 1
    };
    if form > a && is_legal_form(word(form)) {
        b = form;
        if b > a + 1 && word(b - 1) == "," {
            b -= 1;
        }
    }
    // "PT Bank Mandiri (Persero) Tbk".
    if persero(b) {
        b -= 3;
    }
    (a > 0 || b < toks.len()).then_some(a..b)
}
