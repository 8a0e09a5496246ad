//! Entities: recognition of mentions, alias merging and counting.
//!
//! Recognition is a compact averaged-perceptron sequence tagger (BIO tags,
//! constrained Viterbi) over hashed word, shape, affix, context and lexicon
//! features ([`features`]), with quantised weights embedded per language
//! ([`model`], trained by [`train`] with `make train`). It runs only on
//! windows around capitalised tokens (everywhere in lower-cased text), then
//! rules fix titles, day names and lexicon types, and [`merge`] groups
//! mentions into entities (acronyms, name parts). Pattern entities (e-mail,
//! URL, money, dates, …) come from byte scanners ([`patterns`]).

mod features;
mod lexicon;
mod merge;
mod model;
mod patterns;
mod tokens;
#[cfg(feature = "train")]
pub mod train;

use crate::{Error, Lang, Options};
use features::{infos, TokInfo, O};
use lexicon::{
    COMMON, COMPANY_SUFFIX, FIRST_NAME, HONORIFIC, LEXICON, LOC, LOC_CUE, NAT, NOT_NAME, ORG,
    ORG_CUE, PARTICLE, PER, SAYS_EN, TIME, TITLES,
};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::LazyLock;

/// The type of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum EntityType {
    /// A person.
    Per,
    /// A place: country, region, city, geographic feature.
    Loc,
    /// An organisation: company, institution, party, team.
    Org,
    /// Another named thing (event, product, work).
    Misc,
    /// An e-mail address.
    Email,
    /// A URL.
    Url,
    /// A hashtag (`#teks`).
    Hashtag,
    /// A user mention (`@teks`).
    Mention,
    /// An amount of money ("Rp 5 juta", "$3.5bn").
    Money,
    /// A percentage.
    Percent,
    /// A date.
    Date,
    /// A time of day.
    Time,
    /// Another number.
    Number,
}

impl EntityType {
    /// Every type.
    pub const ALL: [EntityType; 13] = [
        EntityType::Per,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Misc,
        EntityType::Email,
        EntityType::Url,
        EntityType::Hashtag,
        EntityType::Mention,
        EntityType::Money,
        EntityType::Percent,
        EntityType::Date,
        EntityType::Time,
        EntityType::Number,
    ];

    /// The type's name as in results (`"PER"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
            EntityType::Email => "EMAIL",
            EntityType::Url => "URL",
            EntityType::Hashtag => "HASHTAG",
            EntityType::Mention => "MENTION",
            EntityType::Money => "MONEY",
            EntityType::Percent => "PERCENT",
            EntityType::Date => "DATE",
            EntityType::Time => "TIME",
            EntityType::Number => "NUMBER",
        }
    }

    /// Whether the type is returned when options name no types: PER, LOC, ORG.
    pub fn is_default(self) -> bool {
        matches!(self, EntityType::Per | EntityType::Loc | EntityType::Org)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = Error;

    fn from_str(s: &str) -> Result<EntityType, Error> {
        let upper = s.trim().to_ascii_uppercase();
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str() == upper)
            .ok_or_else(|| Error::unknown_entity_type(s))
    }
}

/// An entity with mentions as byte ranges of the analysed text.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub(crate) name: String,
    pub(crate) kind: EntityType,
    pub(crate) aliases: Vec<String>,
    pub(crate) mentions: Vec<Range<usize>>,
}

/// A mention found in the text, before merging.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// Byte range in the text.
    pub(crate) range: Range<usize>,
    /// The type it was tagged with.
    pub(crate) kind: EntityType,
    /// Its tokens, for name matching: indices into the sentence's tokens
    /// while its sentence is tagged, into the text's tokens after (see
    /// [`recognise`]). A mention's tokens follow one another, so a range
    /// holds them (no `Vec` per mention).
    pub(crate) toks: Range<usize>,
    /// Whether its type is certain (from the lexicon or a name-part match).
    pub(crate) sure: bool,
    /// Whether it is written inside another mention of its entity and
    /// counted with it: the acronym of "Komisi Pemilihan Umum (KPU)" where a
    /// language writes a name and its acronym as one mention (see
    /// [`acronym_links`]). It still names the entity (an alias, a key for
    /// merging) but is not one of its mentions.
    pub(crate) within: bool,
}

fn kind_of(tag: usize) -> EntityType {
    match tag {
        1 | 2 => EntityType::Per,
        3 | 4 => EntityType::Loc,
        _ => EntityType::Org,
    }
}

/// The single lexicon type of classes `c`, if exactly one.
fn lexicon_kind(c: u16) -> Option<EntityType> {
    match c & (LOC | ORG | PER) {
        LOC => Some(EntityType::Loc),
        ORG => Some(EntityType::Org),
        PER => Some(EntityType::Per),
        _ => None,
    }
}

/// Lower-cased hashes of name-final abbreviations that keep their dot (not
/// Indonesian "Tbk", written without one: "PT Timah Tbk." ends a sentence).
static ABBREV_ENDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    ["Corp", "Inc", "Ltd", "Co", "Jr", "Sr", "Bros"]
        .iter()
        .map(|w| features::word_hash(w))
        .collect()
});

/// Verbs of saying that follow a person's name in Indonesian news.
const SAYS: [&str; 20] = [
    "mengatakan",
    "menjelaskan",
    "mengungkapkan",
    "menambahkan",
    "mengakui",
    "berharap",
    "menyatakan",
    "menegaskan",
    "menuturkan",
    "mengaku",
    "memaparkan",
    "menyebutkan",
    "berkata",
    "mengungkap",
    "menilai",
    "menyebut",
    "membantah",
    "menerangkan",
    "menyampaikan",
    "berpendapat",
];

/// Reused buffers of the recogniser.
#[derive(Default)]
struct Scratch {
    toks: Vec<Range<usize>>,
    cand: Vec<bool>,
    info: Vec<TokInfo>,
    matches: Vec<(usize, usize, u16)>,
    tags: Vec<usize>,
    decode: model::DecodeScratch,
    tagged: Vec<Range<usize>>,
    kept: Vec<Mention>,
    /// Known places of the sentence left to the document (Indonesian).
    places: Vec<Mention>,
}

/// Finds the entities of `text`, ranked by count, then by first mention.
pub(crate) fn recognise(
    text: &str,
    sentences: &[Range<usize>],
    lang: Lang,
    options: &Options,
) -> Vec<Found> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut all_toks = Vec::new();
    let wants_names = [
        EntityType::Per,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Misc,
    ]
    .into_iter()
    .any(|k| options.wants(k));
    if wants_names {
        let model = model::for_lang(lang);
        let lex = lexicon::for_features(lang);
        let mut s = Scratch::default();
        // Known places left to the document, and their sentences' indices.
        let (mut places, mut sentence_of) = (Vec::new(), Vec::new());
        for (k, sentence) in sentences.iter().enumerate() {
            let first = mentions.len();
            sentence_mentions(
                text,
                sentence.clone(),
                model,
                lex,
                lang,
                &mut s,
                &mut mentions,
            );
            acronym_links(text, &s.toks, first, lang, &mut mentions, &mut links);
            // The sentence's token indices become the text's.
            let base = all_toks.len();
            for m in &mut mentions[first..] {
                m.toks = m.toks.start + base..m.toks.end + base;
            }
            for mut m in s.places.drain(..) {
                m.toks = m.toks.start + base..m.toks.end + base;
                places.push(m);
                sentence_of.push(k as u32);
            }
            all_toks.extend_from_slice(&s.toks);
        }
        named_twice(text, &all_toks, &places, &sentence_of, &mut mentions);
        propagate(text, &all_toks, &mut mentions);
    }
    let mut found = merge::merge(text, &all_toks, mentions, &links, options);
    found.extend(patterns::find(text, lang, options));
    // Patterns and propagation scan the whole text; every mention must still
    // sit inside one sentence ("Rp. 2.375.000" where a language splits after
    // "Rp.", a propagated name across a boundary).
    for f in &mut found {
        f.mentions.retain(|m| in_one_sentence(sentences, m));
    }
    found.retain(|f| !f.mentions.is_empty());
    crate::sort::sort_by_cached_key(&mut found, |f| {
        (
            std::cmp::Reverse(f.mentions.len()),
            f.mentions.first().map_or(0, |m| m.start),
        )
    });
    found
}

/// Adds the known places the document names in two sentences or more that no
/// sentence took on its own (see `sentence_mentions`; `places[i]` is in
/// sentence `sentence_of[i]`, its tokens index `toks`): "Israel mengklaim …"
/// and "Militer Israel …" in an article about Israel.
fn named_twice(
    text: &str,
    toks: &[Range<usize>],
    places: &[Mention],
    sentence_of: &[u32],
    mentions: &mut Vec<Mention>,
) {
    // Surface → the sentence it was first seen in, or `TWICE`.
    const TWICE: u32 = u32::MAX;
    let mut seen: lexicon::HashKeyed<u32> = lexicon::HashKeyed::default();
    let key = |m: &Mention| lexicon::surface_hash(text, &toks[m.toks.clone()]);
    for (m, &k) in places.iter().zip(sentence_of) {
        let first = seen.entry(key(m)).or_insert(k);
        if *first != k {
            *first = TWICE;
        }
    }
    for m in places {
        if seen.get(&key(m)) == Some(&TWICE) {
            mentions.push(m.clone());
        }
    }
}

/// Whether `m` lies inside one of `sentences` (sorted, disjoint).
fn in_one_sentence(sentences: &[Range<usize>], m: &Range<usize>) -> bool {
    let i = sentences.partition_point(|s| s.end <= m.start);
    sentences
        .get(i)
        .is_some_and(|s| s.start <= m.start && m.end <= s.end)
}

/// The most tokens the tagger decodes at once.
const MAX_WINDOW: usize = 256;

/// Tags one sentence and appends its mentions.
fn sentence_mentions(
    text: &str,
    sentence: Range<usize>,
    model: &model::Model,
    lex: &lexicon::Lexicon,
    lang: Lang,
    s: &mut Scratch,
    out: &mut Vec<Mention>,
) {
    // The sentence's mentions are `out[own..]`.
    let own = out.len();
    s.toks.clear();
    tokens::tokenise(text, sentence.clone(), &mut s.toks);
    let n = s.toks.len();
    if n == 0 {
        return;
    }
    let body = text.get(sentence).unwrap_or("");
    let lower_text = !body.chars().any(char::is_uppercase);
    // A headline in capitals ("RUGBY UNION - CUTTITTA BACK FOR ITALY"): known
    // places are taken as in lower-cased text.
    let caps_text = !lower_text && !body.chars().any(char::is_lowercase);
    let style = Style {
        lower: lower_text,
        indonesian: lang == Lang::Id,
    };
    s.cand.clear();
    s.cand.extend(s.toks.iter().map(|t| {
        text.get(t.clone())
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase() || (lower_text && c.is_alphabetic()))
    }));
    // Windows: runs of candidates with gaps of at most two tokens, plus one
    // token after; the tagger sees two tokens of context on each side.
    let mut i = 0;
    while i < n {
        if !s.cand[i] {
            i += 1;
            continue;
        }
        let a = i;
        let mut last = i;
        let mut j = i + 1;
        // A window stops after MAX_WINDOW tokens (the next one goes on from
        // there): only pathological text ("A. A. A. …") has longer runs, and
        // a bounded window keeps the tagger's memory bounded too.
        while j < n && j <= last + 3 && j < a + MAX_WINDOW {
            if s.cand[j] {
                last = j;
            }
            j += 1;
        }
        let b = (last + 2).min(n);
        let (ra, rb) = (a.saturating_sub(2), (b + 2).min(n));
        infos(
            text,
            &s.toks[ra..rb],
            ra == 0,
            lex,
            &mut s.info,
            &mut s.matches,
        );
        if !model.is_empty() {
            model.decode(&s.info, a - ra, b - ra, a == 0, &mut s.decode, &mut s.tags);
        } else {
            s.tags.clear();
            s.tags.resize(b - a, O);
        }
        // A known multi-word name the tagger touched is taken whole:
        // "Korea Utara", never "Utara" alone.
        for &(ma, mb, classes) in &s.matches {
            let (ma, mb) = (ma + ra, mb + ra);
            let Some(kind) = lexicon_kind(classes) else {
                continue;
            };
            if mb - ma < 2 || ma < a || mb > b {
                continue;
            }
            if (ma..mb).all(|k| s.tags[k - a] == O) {
                continue;
            }
            // A known name inside a longer place or organisation name the
            // tagger found stays in it: "Kejaksaan Tinggi Sulawesi Selatan",
            // "New York Mercantile Exchange", "Gedung DPR RI".
            let inside = |base: usize| {
                (ma..mb).all(|k| s.tags[k - a] == base || s.tags[k - a] == base + 1)
                    && ((ma > a && s.tags[ma - a] == base + 1)
                        || (mb < b && s.tags[mb - a] == base + 1))
            };
            if (kind != EntityType::Org && inside(5)) || (kind != EntityType::Loc && inside(3)) {
                continue;
            }
            let base = match kind {
                EntityType::Per => 1,
                EntityType::Loc => 3,
                _ => 5,
            };
            s.tags[ma - a] = base;
            for k in ma + 1..mb {
                s.tags[k - a] = base + 1;
            }
            if mb < b && s.tags[mb - a] != O && s.tags[mb - a] % 2 == 0 {
                s.tags[mb - a] -= 1;
            }
        }
        // An unknown capitalised word that opens the sentence, before a
        // verb of saying, is a person: "Tumiran mengungkapkan itu …",
        // "Fischler said on Monday …".
        if a == 0 && s.tags.first() == Some(&O) && n > 1 {
            let t = &s.info[0];
            let next = text.get(s.toks[1].clone()).unwrap_or("");
            if t.is_cap()
                && !t.is_all_caps()
                && t.len_chars() > 2
                && t.word == 0
                && if style.indonesian {
                    SAYS.contains(&next)
                } else {
                    s.info[1].word & SAYS_EN != 0
                }
            {
                s.tags[0] = 1;
            }
        }
        // English: an unknown word the tagger took for a place alone, or
        // left out after no capitalised word, next to a verb of saying or
        // before ", who", is a person: "Greenspan said", "said Gorst",
        // "Havel , who is recovering", "… , " Rosati told".
        if !style.indonesian {
            let word = |k: usize| text.get(s.toks[k].clone()).unwrap_or("");
            for k in 0..s.tags.len() {
                let i = a + k - ra;
                let t = &s.info[i];
                if (s.tags[k] == 3 && s.tags.get(k + 1) != Some(&4)
                    || s.tags[k] == O && t.is_cap() && (i == 0 || !s.info[i - 1].is_cap()))
                    && t.word == 0
                    && !t.is_all_caps()
                    && (s.info.get(i + 1).is_some_and(|n| n.word & SAYS_EN != 0)
                        // (Not "told Interfax": whom one tells.)
                        || i > 0 && s.info[i - 1].word & SAYS_EN != 0 && word(a + k - 1) != "told"
                        || a + k + 2 < n && word(a + k + 1) == "," && word(a + k + 2) == "who")
                {
                    s.tags[k] = 1;
                }
            }
        }
        let before = out.len();
        // An Indonesian headline in capitals: the tagger reads capitals as
        // names ("PRABOWO TEMUI XI JINPING" one person); only known names
        // count there (English taggers' training text has such headlines).
        let mut k = if caps_text && style.indonesian {
            s.tags.len()
        } else {
            0
        };
        while k < s.tags.len() {
            let t = s.tags[k];
            if t == O {
                k += 1;
                continue;
            }
            let mut l = k + 1;
            loop {
                while l < s.tags.len() && s.tags[l] == t + 1 {
                    l += 1;
                }
                // A company's name and its legal forms tagged apart are one
                // name: "PT" + "Bank Mandiri" + "(Persero) Tbk".
                let word = |j: usize| text.get(s.toks[a + j].clone()).unwrap_or("");
                if t == 5
                    && s.tags.get(l) == Some(&5)
                    && (l == k + 1 && matches!(word(k), "PT" | "CV")
                        || word(l) == "(" && l + 1 < s.tags.len() && word(l + 1) == "Persero"
                        || merge::is_legal_form(word(l)))
                {
                    l += 1;
                } else {
                    break;
                }
            }
            push_span(
                text,
                &s.toks,
                &s.info,
                ra,
                a + k,
                a + l,
                kind_of(t),
                false,
                style,
                out,
            );
            k = l;
        }
        // Lexicon names the tagger left out: people and organisations, and in
        // lower-cased text places too. In normal Indonesian text the tagger's
        // judgement of context decides for a place in a sentence (the
        // annotation of "Israel" as an actor or a modifier varies), and the
        // document for the rest: a known place named in two sentences is one
        // (`s.places`, see `recognise`; `propagate` for one the tagger took).
        let tagged = &mut s.tagged;
        tagged.clear();
        tagged.extend(out[before..].iter().map(|m| m.range.clone()));
        crate::sort::sort_by_key(tagged, |r| r.end);
        let all_kinds = lower_text || caps_text;
        let places_by_document = !all_kinds && style.indonesian;
        for &(ma, mb, classes) in &s.matches {
            let (ma, mb) = (ma + ra, mb + ra);
            let Some(kind) = lexicon_kind(classes) else {
                continue;
            };
            let (ms, me) = (s.toks[ma].start, s.toks[mb - 1].end);
            let i = tagged.partition_point(|r| r.end <= ms);
            let covered = tagged.get(i).is_some_and(|r| r.start < me);
            if covered || ma < a || mb > b {
                continue;
            }
            let first = &s.info[ma - ra];
            let short = mb - ma == 1 && first.len_chars() <= 3;
            let ok = if all_kinds {
                !short
            } else if short {
                first.is_all_caps()
            } else {
                first.is_cap()
            };
            // A place between a title and a person's name (and the name's
            // own titles) is the title's, whatever the context: "Pemimpin
            // Korea Utara Kim Jong-Un", "Kapolres Bogor AKBP Rio Wahyu".
            let titled = || {
                let mut n = mb;
                while n < b && s.info[n - ra].word & TITLES != 0 {
                    n += 1;
                }
                // (The office's capitalised words between, up to three:
                // "Menteri Luar Negeri Rusia Sergei Lavrov".)
                let mut p = ma;
                while p > a
                    && ma - p < 3
                    && s.info[p - 1 - ra].is_cap()
                    && s.info[p - 1 - ra].word & (LOC | ORG | PER | NAT | TITLES) == 0
                {
                    p -= 1;
                }
                p > a
                    && s.info[p - 1 - ra].word & TITLES != 0
                    && n < b
                    && out[before..]
                        .iter()
                        .any(|m| m.kind == EntityType::Per && m.range.start == s.toks[n].start)
            };
            if ok {
                let to = if places_by_document && classes & LOC != 0 && !titled() {
                    &mut s.places
                } else {
                    &mut *out
                };
                push_span(text, &s.toks, &s.info, ra, ma, mb, kind, true, style, to);
            }
        }
        let w = Window {
            text,
            toks: &s.toks,
            info: &s.info,
            ra,
            a,
            b,
            from: before,
        };
        if !style.indonesian && !lower_text {
            honorific_names(w, out);
            given_names(w, out);
            lone_given_names(w, out);
            if !caps_text {
                capitalised_rules(w, out);
            }
        }
        crate::sort::sort_by_key(&mut out[before..], |m| m.range.start);
        if !style.indonesian && !lower_text {
            name_particles(w, out);
            spaced_hyphen_names(w, out);
            join_orgs(w, out);
            heads_of(w, out);
        }
        if !lower_text {
            company_suffixes(w, out);
        }
        join_adjacent(text, before, style, out, &mut s.kept);
        i = b.max(i + 1);
    }
    lists(text, &mut out[own..]);
    if let Some((place, agency)) = dateline(text, &s.toks, lex) {
        let (ps, pe) = (s.toks[place.start].start, s.toks[place.end - 1].end);
        // The dateline's place replaces the mentions it overlaps (sorted).
        let mut i = own;
        while i < out.len() && out[i].range.start < pe {
            if out[i].range.end > ps {
                out.remove(i);
            } else {
                i += 1;
            }
        }
        s.places.retain(|m| m.range.start >= pe);
        out.insert(
            own,
            Mention {
                range: ps..pe,
                kind: EntityType::Loc,
                toks: place,
                sure: true,
                within: false,
            },
        );
        if let Some(ag) = agency {
            let r = s.toks[ag.start].start..s.toks[ag.end - 1].end;
            if !covered(&out[own..], &r) {
                let at = own + out[own..].partition_point(|m| m.range.start < r.start);
                out.insert(
                    at,
                    Mention {
                        range: r,
                        kind: EntityType::Org,
                        toks: ag,
                        sure: true,
                        within: false,
                    },
                );
            }
        }
    }
}

/// Names listed together are of one type: in "Aceh Besar, Pidie, Bireun dan
/// Aceh Tengah" or "Paris, Lyon and Marseille" the names the tagger typed
/// alone take the type of more than half of the list (three names or more; a
/// lexicon's type stays, so does an organisation's name of two words or
/// more, and a name before "'s" qualifies the next: "Ben Chan and Leung
/// Che-cheung, FTU's Alice Mak"). `out` is one sentence's mentions, in order.
fn lists(text: &str, out: &mut [Mention]) {
    let mut a = 0;
    while a < out.len() {
        let mut b = a + 1;
        while b < out.len()
            && matches!(
                text.get(out[b - 1].range.end..out[b].range.start)
                    .map(str::trim),
                Some("," | "dan" | "atau" | "serta" | "and" | "or" | ", dan" | ", and")
            )
        {
            b += 1;
        }
        let list = &mut out[a..b];
        let most = [EntityType::Per, EntityType::Loc, EntityType::Org]
            .into_iter()
            .find(|&k| 2 * list.iter().filter(|m| m.kind == k).count() > list.len());
        if let Some(kind) = most.filter(|_| list.len() >= 3) {
            for m in list {
                if !m.sure
                    && (m.kind != EntityType::Org || m.toks.len() == 1)
                    && !text[m.range.end..].trim_start().starts_with('\'')
                {
                    m.kind = kind;
                }
            }
        }
        a = b;
    }
}

/// Whether `w`, after a dot glued to a name, ends a web address: the "com"
/// of "KOMPAS.com", the "co" and "id" of "Republika.co.id".
pub(crate) fn web_ending(w: &str) -> bool {
    matches!(w, "com" | "co" | "id" | "net" | "COM" | "CO" | "ID")
}

/// The place of a news dateline opening sentence `toks` (token indices), and
/// its agency in brackets: "Jakarta (ANTARA) -", "SURABAYA, KOMPAS.com -",
/// "TEMPO.CO, Jakarta -", "LONDON (Reuters) -", "Jakarta -" (a known place
/// only: "Prabowo - Hatta" is none). The place is one to three capitalised
/// words; the dash is followed by a space.
#[inline(never)]
fn dateline(
    text: &str,
    toks: &[Range<usize>],
    lex: &lexicon::Lexicon,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let tok = |k: usize| text.get(toks[k].clone()).unwrap_or("");
    let d = (1..toks.len().min(12)).find(|&k| matches!(tok(k), "-" | "–" | "—" | "--"))?;
    // The story goes on after the dash with a capitalised word (not a
    // score, a time or a list's quote: "Albrighton (Shropshire) - 2 platforms").
    let after = text[toks[d].end..].strip_prefix(' ')?;
    if !after.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    // Each word before the dash: 1 a place's word (capitalised, letters),
    // 2 an outlet's ("KOMPAS", ".", "com", "TEMPO.CO": capitals or a dot),
    // 0 neither; `outlet` whether some word is one for sure.
    let mut kinds = [0u8; 12];
    let mut outlet = [false; 12];
    for k in 0..d {
        let w = tok(k);
        let b = w.as_bytes();
        let cap = w.starts_with(char::is_uppercase);
        if cap
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            kinds[k] = 1;
        }
        if cap || w == "." || k > 0 && tok(k - 1) == "." {
            kinds[k] |= 2;
        }
        outlet[k] = b.len() > 1
            && (b.contains(&b'.')
                || !b.iter().any(u8::is_ascii_lowercase)
                    && b.iter().filter(|c| c.is_ascii_uppercase()).count() > 1);
    }
    let all = |r: &Range<usize>, kind: u8| r.clone().all(|k| kinds[k] & kind != 0);
    let place_ok = |r: &Range<usize>| (1..=3).contains(&r.len()) && all(r, 1);
    let outlet_ok =
        |r: &Range<usize>| (1..=4).contains(&r.len()) && all(r, 2) && r.clone().any(|k| outlet[k]);
    let open = (0..d).find(|&k| tok(k) == "(");
    let comma = (0..d).find(|&k| tok(k) == ",");
    match (open, comma) {
        // "Jakarta (ANTARA) -", "SPRINGFIELD, Ill. (AP) —": one word in
        // brackets, "(ANTARA)", "(Reuters)", "(AP)".
        (Some(o), c) if d == o + 3 && tok(d - 1) == ")" && c.is_none_or(|c| c < o) => {
            let place = 0..c.unwrap_or(o);
            (place_ok(&place) && kinds[o + 1] & 2 != 0 && tok(o + 1).len() > 1)
                .then_some((place, Some(o + 1..o + 2)))
        }
        // "SURABAYA, KOMPAS.com -" or "TEMPO.CO, Jakarta -"
        (None, Some(c)) => {
            let (left, right) = (0..c, c + 1..d);
            if place_ok(&left) && outlet_ok(&right) {
                Some((left, None))
            } else if place_ok(&right) && outlet_ok(&left) {
                Some((right, None))
            } else {
                None
            }
        }
        // "Jakarta -": a known place only.
        (None, None) => {
            let place = 0..d;
            let known = || {
                let mut h = [0u64; 3];
                for (x, t) in h.iter_mut().zip(&toks[place.clone()]) {
                    *x = features::word_hash(text.get(t.clone()).unwrap_or(""));
                }
                lex.classes(h[..place.len()].iter().copied()) & LOC != 0
            };
            (place_ok(&place) && known()).then_some((place, None))
        }
        _ => None,
    }
}

/// A tagged window of a sentence as the English rules after tagging see it:
/// the text, the sentence's tokens, the facts of its tokens from `ra` on,
/// the window's tokens `a..b`, and where the window's mentions start in the
/// output.
#[derive(Clone, Copy)]
struct Window<'a> {
    text: &'a str,
    toks: &'a [Range<usize>],
    info: &'a [TokInfo],
    ra: usize,
    a: usize,
    b: usize,
    from: usize,
}

impl<'a> Window<'a> {
    /// The facts of token `k` of the sentence (from `ra` on).
    fn fact(&self, k: usize) -> &'a TokInfo {
        &self.info[k - self.ra]
    }

    /// The text of token `k` of the sentence ("" past the end).
    fn tok(&self, k: usize) -> &'a str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.clone()))
            .unwrap_or("")
    }
}

/// Whether a mention of `out` overlaps byte range `r`.
fn covered(out: &[Mention], r: &Range<usize>) -> bool {
    out.iter()
        .any(|m| m.range.start < r.end && r.start < m.range.end)
}

/// Appends a mention of tokens `k` (not empty) of `toks` unless one of
/// `out[from..]` overlaps them (one copy of this code for the English rules).
fn push_free(
    out: &mut Vec<Mention>,
    from: usize,
    toks: &[Range<usize>],
    k: Range<usize>,
    kind: EntityType,
    sure: bool,
) {
    let range = toks[k.start].start..toks[k.end - 1].end;
    if !covered(&out[from..], &range) {
        out.push(Mention {
            range,
            kind,
            toks: k,
            sure,
            within: false,
        });
    }
}

/// English rules on capitalised words the tagger left out, in one pass over
/// tokens `a..b` of the window (mentions of the window start at `from`):
/// - an unknown acronym after "the", before "'s" (not inside a longer name:
///   "Rat ASCII's") or after a person's name and "of" is an organisation:
///   "DAB 's Ben Chan", "the KPA fired", "Michael Tien of NPP";
/// - a short capitalised word and a hyphenated given name are a person:
///   "Kwok Ka-ki", "Hui Chi-fung", "Kim Shin-Wook" (Chinese and Korean names
///   in Latin letters); not beside another capitalised word, and both halves
///   of the given name have 2–5 letters ("Goli Bolagh-e", "Happy B-Day" are
///   none);
/// - two or three unknown capitalised words or given names before a verb in
///   the past tense, not after another capitalised word, are a person:
///   "Takuya Takagi scored";
/// - capitalised words that end in an organisation's head word or suffix are
///   an organisation: "the Saudi Interior Ministry", "Civil Defense
///   Authority", "the interim Governing Council"; one to three words before
///   the head word, none of them a time, title or honorific, and no
///   capitalised word right after it.
fn capitalised_rules(win: Window<'_>, out: &mut Vec<Mention>) {
    let Window { a, b, .. } = win;
    let at = |j: usize| win.info.get(j.wrapping_sub(win.ra)).filter(|_| j >= win.ra);
    let tok = |j: usize| win.tok(j);
    let name_word = |j: usize| at(j).is_some_and(|t| t.is_cap() && t.has_lower());
    for k in a..b {
        let t = win.fact(k);
        // Every rule starts at a capitalised word: the flags first, the
        // words around after. Every rule's mention holds this word, so none
        // is added where a mention has it already.
        if !t.is_cap() || covered(&out[win.from..], &win.toks[k]) {
            continue;
        }
        let prev_cap = || k > 0 && at(k - 1).is_some_and(TokInfo::is_cap);
        if t.is_all_caps() {
            if !(2..=5).contains(&t.len_chars())
                || !tok(k).bytes().all(|c| c.is_ascii_uppercase())
                || t.word != 0
                || (k > 0 && at(k - 1).is_some_and(TokInfo::is_all_caps))
                || at(k + 1).is_some_and(TokInfo::is_all_caps)
            {
                continue;
            }
            // After a person's name and "of" ("Michael Tien of NPP"); in
            // brackets right after an organisation, its acronym ("Hungarian
            // Democratic Union ( UDMR )"); after "the"; before "'s", which
            // the tokens split in two ("DAB", "'", "s").
            let name_before = (k > 1)
                .then(|| {
                    out[win.from..]
                        .iter()
                        .find(|m| m.range.end == win.toks[k - 2].end)
                        .map(|m| m.kind)
                })
                .flatten();
            // (`name_before` first: it is `None` for k < 2.)
            let of_person = name_before == Some(EntityType::Per) && tok(k - 1) == "of";
            let bracketed =
                name_before == Some(EntityType::Org) && tok(k - 1) == "(" && tok(k + 1) == ")";
            if of_person
                || bracketed
                || (k > 0 && matches!(tok(k - 1), "the" | "The"))
                || (matches!(tok(k + 1), "'" | "\u{2019}") && tok(k + 2) == "s" && !prev_cap())
            {
                push_free(out, win.from, win.toks, k..k + 1, EntityType::Org, false);
            }
            continue;
        }
        if !t.has_lower() {
            continue;
        }
        let next_cap = at(k + 1).is_some_and(TokInfo::is_cap);
        // A hyphenated given name after this word.
        if next_cap
            && (2..=6).contains(&t.len_chars())
            && (!prev_cap() || at(k - 1).is_some_and(TokInfo::is_initial))
            && !at(k + 2).is_some_and(TokInfo::is_cap)
            && (5..=11).contains(&win.fact(k + 1).len_chars())
        {
            // "Xx-yy" with 2–5 letters a half, the rest lower-case.
            let w = tok(k + 1).as_bytes();
            let d = w.iter().position(|&c| c == b'-').unwrap_or(0);
            let ok = (2..=5).contains(&d)
                && (3..=6).contains(&(w.len() - d))
                && w.iter().enumerate().all(|(i, &c)| {
                    i == d
                        || c.is_ascii_lowercase()
                        || (i == d + 1 && c.is_ascii_uppercase())
                        || i == 0
                });
            if ok && t.word & (LOC | ORG | NAT | TIME | TITLES | COMMON | HONORIFIC) == 0 {
                push_free(out, win.from, win.toks, k..k + 2, EntityType::Per, false);
                continue;
            }
        }
        // Two or three unknown capitalised words or given names before a
        // verb in the past tense, not after another capitalised word, are a
        // person: "Takuya Takagi scored", "trainer Anghel Iordanescu called".
        let plain = |j: usize| {
            at(j).is_some_and(|t| {
                t.is_cap() && t.has_lower() && !t.is_all_caps() && t.word & !(PER | FIRST_NAME) == 0
            })
        };
        if next_cap && plain(k) && !prev_cap() {
            let mut e = k + 1;
            while e < b && e - k < 4 && plain(e) {
                e += 1;
            }
            let verb = tok(e).bytes().all(|c| c.is_ascii_lowercase())
                && (tok(e).ends_with("ed") || at(e).is_some_and(|t| t.word & SAYS_EN != 0));
            if (2..=3).contains(&(e - k)) && verb {
                push_free(out, win.from, win.toks, k..e, EntityType::Per, false);
                continue;
            }
        }
        // An organisation's head word after capitalised words.
        if !next_cap && k > win.ra && name_word(k - 1) && t.word & (ORG_CUE | COMPANY_SUFFIX) != 0 {
            let bad = TIME | TITLES | HONORIFIC | LOC_CUE;
            let mut s = k;
            while s > win.ra && k - s < 3 && name_word(s - 1) && win.fact(s - 1).word & bad == 0 {
                s -= 1;
            }
            // Not a common word that opens the sentence ("The", "Our").
            if win.fact(s).is_initial() && win.fact(s).word & COMMON != 0 {
                s += 1;
            }
            if s < k {
                push_free(out, win.from, win.toks, s..k + 1, EntityType::Org, false);
            }
        }
    }
}

/// English: capitalised words after an honorific or title (`HON` in
/// `data/rules_en.txt`) that the tagger left out are a person's name: "Mr.
/// Thatcher said", "Gov. Gavin Newsom criticised" (news writes "Mr." far
/// more than the training splits do).
/// Tokens `a..b` of the window; mentions of the window start at `from`.
fn honorific_names(win: Window<'_>, out: &mut Vec<Mention>) {
    let Window { a, b, .. } = win;
    let tok = |k: usize| win.tok(k);
    let mut k = a;
    while k < b {
        let t = win.fact(k);
        if !t.is_cap() || t.word & HONORIFIC == 0 {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        if j < b && tok(j) == "." && win.toks[j].start == win.toks[k].end {
            j += 1;
        }
        // Up to three words; an initial with its dot inside ("Sen. Wayne
        // L. Morse") but not at the end.
        let mut e = j;
        let mut words = 0;
        while e < b && words < 3 {
            let w = win.fact(e);
            let bad = TIME | TITLES | NAT | LOC_CUE | ORG_CUE;
            let initial = e > j
                && w.len_chars() == 1
                && w.is_cap()
                && e + 2 < b
                && tok(e + 1) == "."
                && win.fact(e + 2).is_cap()
                && win.fact(e + 2).has_lower();
            if initial {
                e += 2;
                continue;
            }
            if !(w.is_cap() && w.has_lower()) || w.word & bad != 0 {
                break;
            }
            e += 1;
            words += 1;
        }
        if e == j {
            k += 1;
            continue;
        }
        if span_classes(win.info, j - win.ra, e - win.ra) & (LOC | ORG) == 0 {
            push_free(out, win.from, win.toks, j..e, EntityType::Per, true);
        }
        k = e;
    }
}

/// English: a place or organisation the tagger found that is a common given
/// name alone ("Vernon", "Elyse" in "Steve , Rod and Elyse") or a given name
/// and one unknown word, not a head word ("Frank Sinatra", "Matthew Ingram";
/// not "Douglas County"), is a person, unless a list says otherwise.
/// Mentions of the window start at `from`.
fn given_names(win: Window<'_>, out: &mut [Mention]) {
    for m in &mut out[win.from..] {
        if m.sure || m.kind == EntityType::Per || m.toks.len() > 2 {
            continue;
        }
        let k = win.toks.partition_point(|t| t.start < m.range.start);
        if k < win.ra || k + m.toks.len() > win.ra + win.info.len() {
            continue;
        }
        let other = LOC | ORG | NAT | TIME | TITLES | COMMON;
        let first = win.fact(k).word;
        let given = first & FIRST_NAME != 0 && first & other == 0;
        // (Not before a head word: "Douglas County" is a place.)
        let rest_unknown = m.toks.len() == 1 || {
            let w = win.fact(k + 1);
            w.is_cap()
                && w.has_lower()
                && w.word & (other | LOC_CUE | ORG_CUE) == 0
                && rule_word(win.tok(k + 1)) & (LOC_HEAD | ORG_HEAD) == 0
        };
        if given && rest_unknown {
            m.kind = EntityType::Per;
        }
    }
}

/// English: a common given name the tagger left out, standing alone (not
/// before another capitalised word), is a person: "Tom , please call",
/// "Steve , Rod and Elyse". Tokens `a..b`; mentions of the window start at
/// `from`. A name inside a word, file name or address ("Lisa_cv.doc",
/// "Kevin.Boone@…") is none.
fn lone_given_names(win: Window<'_>, out: &mut Vec<Mention>) {
    let Window { a, b, .. } = win;
    let other = LOC | ORG | NAT | TIME | TITLES | COMMON;
    for k in a..b {
        let t = win.fact(k);
        // The flags first: most tokens are no capitalised word; then a
        // word in a mention already (no mention is added there).
        if !t.is_cap() || !t.has_lower() || covered(&out[win.from..], &win.toks[k]) {
            continue;
        }
        let c = t.word;
        if c & FIRST_NAME == 0 || c & other != 0 {
            continue;
        }
        let next_cap = k + 1 < win.ra + win.info.len() && win.fact(k + 1).is_cap();
        let prev_cap = k > win.ra && win.fact(k - 1).is_cap() && !win.fact(k - 1).is_initial();
        let r = win.toks[k].clone();
        let before = win.text.get(..r.start).and_then(|t| t.chars().next_back());
        let mut after = win.text.get(r.end..).unwrap_or("").chars();
        let free_before =
            before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '“' | '‘'));
        let free_after = match after.next() {
            None => true,
            Some('.') => after.next().is_none_or(char::is_whitespace),
            Some(c) => {
                c.is_whitespace()
                    || matches!(
                        c,
                        ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '”' | '’'
                    )
            }
        };
        if !next_cap && !prev_cap && free_before && free_after {
            push_free(out, win.from, win.toks, k..k + 1, EntityType::Per, false);
        } else if free_before {
            // A given name the tagger left before a person's name is its
            // first word: "Fed Chair Jerome Powell".
            let next = out[win.from..]
                .iter_mut()
                .find(|m| m.kind == EntityType::Per && m.toks.start == k + 1);
            if let Some(m) = next {
                m.range.start = r.start;
                m.toks.start = k;
            }
        }
    }
}

/// English: a person's name goes on over lower-case particles to the next
/// capitalised word: "Nikolaus van der Pas", "Erik ten Hag", "Ludwig van
/// Beethoven" (the tagger stops at the particle). Mentions of the window
/// start at `from`, sorted.
fn name_particles(win: Window<'_>, out: &mut Vec<Mention>) {
    let particle = |k: usize| !win.fact(k).has_upper() && win.fact(k).word & PARTICLE != 0;
    let end = win.ra + win.info.len();
    let name_word = |k: usize| win.fact(k).is_cap() && win.fact(k).has_lower();
    let mut i = win.from;
    while i < out.len() {
        if out[i].kind != EntityType::Per {
            i += 1;
            continue;
        }
        // Forward: particles, then a capitalised word (and the mention there).
        let k0 = win.toks.partition_point(|t| t.start < out[i].range.end);
        let mut k = k0;
        while k < end && k < k0 + 3 && particle(k) {
            k += 1;
        }
        if k > k0 && k >= win.ra && k < end && name_word(k) {
            let mut stop = win.toks[k].end;
            let mut last = k;
            if out
                .get(i + 1)
                .is_some_and(|n| n.range.start == win.toks[k].start)
            {
                let n = out.remove(i + 1);
                stop = n.range.end;
                last = win.toks.partition_point(|t| t.start < stop) - 1;
            } else if out.get(i + 1).is_some_and(|n| n.range.start < stop) {
                i += 1;
                continue;
            }
            let m = &mut out[i];
            debug_assert_eq!(m.toks.end, k0);
            m.toks.end = last + 1;
            m.range.end = stop;
            m.sure = true;
        }
        // Backward: an untagged capitalised word, then particles.
        let s0 = win.toks.partition_point(|t| t.start < out[i].range.start);
        let mut k = s0;
        while k > win.ra && k + 3 > s0 && particle(k - 1) {
            k -= 1;
        }
        let free = i == win.from || out[i - 1].range.end <= win.toks[k.saturating_sub(1)].start;
        if k < s0 && k > win.ra && name_word(k - 1) && !win.fact(k - 1).is_initial() && free {
            let m = &mut out[i];
            debug_assert_eq!(m.toks.start, s0);
            m.toks.start = k - 1;
            m.range.start = win.toks[k - 1].start;
            m.sure = true;
        } else if k == s0
            && k > win.ra
            && free
            && win.fact(k - 1).is_initial()
            && win.fact(k - 1).word & PARTICLE != 0
        {
            // A particle opening the sentence, capitalised there, before a
            // surname: "De Gaulle was …", "Bin Salman met …".
            let m = &mut out[i];
            m.toks.start = k - 1;
            m.range.start = win.toks[k - 1].start;
        }
        i += 1;
    }
}

/// English: a person's name of two or more words goes on over a hyphen
/// written between spaces to a lower-case syllable that is no common word:
/// "Lee Cheuk - yan", "Kim Jong - un" (text tokenised as GUM or OntoNotes
/// tokenise it; the tagger stops at the hyphen; not "Jackie Taylor - she").
/// Mentions of the window start at `from`.
fn spaced_hyphen_names(win: Window<'_>, out: &mut [Mention]) {
    let end = win.ra + win.info.len();
    for m in &mut out[win.from..] {
        // The bytes first: most names have no " - " after them.
        if win.text.as_bytes().get(m.range.end..m.range.end + 3) != Some(b" - ")
            || m.kind != EntityType::Per
            || m.toks.len() < 2
        {
            continue;
        }
        let k = win.toks.partition_point(|t| t.start < m.range.end);
        if k <= win.ra || k + 1 >= end {
            continue;
        }
        let (last, y) = (win.fact(k - 1), win.fact(k + 1));
        if last.len_chars() <= 6
            && (2..=6).contains(&y.len_chars())
            && y.word & COMMON == 0
            && win.toks[k + 1].start == m.range.end + 3
            && win.text.as_bytes()[win.toks[k + 1].start].is_ascii_lowercase()
        {
            debug_assert_eq!(m.toks.end, k);
            m.toks.end = k + 2;
            m.range.end = win.toks[k + 1].end;
            m.sure = true;
        }
    }
}

/// English: an organisation's name the tagger cut in two is one: a place or
/// organisation right before an organisation ("New Zealand Herald", "United
/// States Navy"), an organisation, "of" or "for" (and "the") and a name
/// ("Supreme Court of Cassation", "Warhol Foundation for the Visual Arts").
fn join_orgs(win: Window<'_>, out: &mut Vec<Mention>) {
    let word = |k: usize| win.tok(k);
    let mut i = win.from;
    while i + 1 < out.len() {
        let (m, n) = (&out[i], &out[i + 1]);
        let ke = win.toks.partition_point(|t| t.start < m.range.end);
        let ks = win.toks.partition_point(|t| t.start < n.range.start);
        let join = match ks - ke {
            0 => {
                n.range.start > m.range.end
                    && n.kind == EntityType::Org
                    && m.kind != EntityType::Per
            }
            g => {
                g < 3
                    && m.kind == EntityType::Org
                    && n.kind != EntityType::Per
                    && matches!(word(ke), "of" | "for")
                    && (g == 1 || word(ke + 1) == "the")
            }
        };
        if join {
            let n = out.remove(i + 1);
            let m = &mut out[i];
            debug_assert!(m.toks.end == ke && n.toks.start == ks);
            m.toks.end = n.toks.end;
            m.range.end = n.range.end;
            m.kind = EntityType::Org;
            m.sure = true;
        } else {
            i += 1;
        }
    }
}

/// English: an organisation ending in its head word takes in the capitalised
/// words before it and goes on over "of" or "for" (and "the") to the
/// capitalised words after it, which the tagger left out: "Greater
/// Manchester Police", "Federal Bureau of Investigation", "Department of
/// Commerce and Economic Opportunity", "Federal Ministry for Economic
/// Affairs". Mentions of the window start at `from`, sorted.
fn heads_of(win: Window<'_>, out: &mut [Mention]) {
    let end = win.ra + win.info.len();
    let the = features::word_hash("the");
    for i in win.from..out.len() {
        // A head word the tagger left after a place or an organisation is
        // the name's end: "Manchester Crown Court".
        let after = out[i].toks.end;
        if out[i].kind != EntityType::Per
            && after < end
            && win.fact(after).is_cap()
            && rule_word(win.tok(after)) & ORG_HEAD != 0
            && out.get(i + 1).is_none_or(|n| n.toks.start > after)
        {
            let m = &mut out[i];
            m.toks.end += 1;
            m.range.end = win.toks[after].end;
            m.kind = EntityType::Org;
        }
        let m = &out[i];
        let last = m.toks.end;
        if m.kind != EntityType::Org || last == 0 || rule_word(win.tok(last - 1)) & ORG_HEAD == 0 {
            continue;
        }
        // Before it, capitalised words (common ones before "and") the tagger
        // left out: "Greater Manchester Police", "Food and Drug
        // Administration" (not "Barclays and Lloyds Bank").
        let prev_end = if i > win.from {
            out[i - 1].range.end
        } else {
            0
        };
        // (Not "The", nor the sentence's first word: "In".)
        let free = |k: usize| {
            k > 0
                && k >= win.ra
                && win.fact(k).lower != the
                && win.toks[k].start >= prev_end
                && win.fact(k).is_cap()
                && win.fact(k).has_lower()
                && win.fact(k).word & (TITLES | TIME | LOC | PER) == 0
        };
        let mut first = m.toks.start;
        loop {
            if first > 0 && free(first - 1) {
                first -= 1;
            } else if first > 1
                && win.tok(first - 1) == "and"
                && free(first - 2)
                && win.fact(first - 2).word & COMMON != 0
            {
                first -= 2;
            } else {
                break;
            }
        }
        let m = &mut out[i];
        m.range.start = win.toks[first].start;
        m.toks.start = first;
        if !matches!(win.tok(last), "of" | "for") {
            continue;
        }
        let mut k = last + 1;
        if win.tok(k) == "the" {
            k += 1;
        }
        let name = |k: usize| k < end && win.fact(k).is_cap() && win.fact(k).has_lower();
        if !name(k) {
            continue;
        }
        let mut stop = k;
        while name(stop) || (win.tok(stop) == "and" && name(stop + 1)) {
            stop += 1;
        }
        let next_start = out.get(i + 1).map_or(usize::MAX, |n| n.range.start);
        if win.toks[stop - 1].end > next_start {
            continue;
        }
        let m = &mut out[i];
        m.range.end = win.toks[stop - 1].end;
        m.toks.end = stop;
    }
}

/// A company or club suffix the tagger left after a name is part of it and
/// makes it an organisation: "Barratt Redrow plc", "Volkswagen AG", "Acme
/// Corp." (with its dot), "Bali United". Mentions of the window start at
/// `from`, sorted.
fn company_suffixes(win: Window<'_>, out: &mut [Mention]) {
    let end = win.ra + win.info.len();
    for i in win.from..out.len() {
        let k = win.toks.partition_point(|t| t.start < out[i].range.end);
        let next_start = out.get(i + 1).map_or(usize::MAX, |n| n.range.start);
        if k >= end
            || (win.fact(k).word & COMPANY_SUFFIX == 0 && rule_word(win.tok(k)) & CLUB == 0)
            || win.text.get(out[i].range.end..win.toks[k].start) != Some(" ")
            || win.toks[k].start >= next_start
        {
            continue;
        }
        let mut stop = win.toks[k].end;
        let mut last = k + 1;
        let dot = win.tok(k + 1) == "." && win.toks.get(k + 1).is_some_and(|t| t.start == stop);
        if dot && ABBREV_ENDS.contains(&win.fact(k).lower) && k + 1 < end {
            stop += 1;
            last += 1;
        }
        let m = &mut out[i];
        m.range.end = stop;
        m.toks.end = last;
        m.kind = EntityType::Org;
        m.sure = true;
    }
}

/// A person's name followed directly by a short all-capitals word is one
/// name: "Widodo AS", "Soedarto SH" (not the place "AS"). In Indonesian so
/// is a person's name followed directly by another (news never writes two
/// people's names side by side without a word or a comma between them): the
/// tagger's "Sri Mulyani" + "Indrawati", where the lexicon knows the first.
fn join_adjacent(
    text: &str,
    from: usize,
    style: Style,
    out: &mut Vec<Mention>,
    kept: &mut Vec<Mention>,
) {
    let indonesian = style.indonesian;
    if out.len() < from + 2 {
        return;
    }
    kept.clear();
    for n in out.drain(from..) {
        if let Some(m) = kept.last_mut() {
            let short = text.get(n.range.clone()).is_some_and(|w| {
                (2..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
            });
            let adjacent =
                m.range.end < n.range.start && text.get(m.range.end..n.range.start) == Some(" ");
            let both = indonesian && n.kind == EntityType::Per;
            // Indonesian: an organisation and the place right after it are
            // one organisation ("KPU DKI Jakarta", "Polda Jawa Barat",
            // "PSMS Medan"), as the training splits mostly write them.
            let seat = indonesian
                && !style.lower
                && m.kind == EntityType::Org
                && n.kind == EntityType::Loc;
            if seat && adjacent {
                m.range.end = n.range.end;
                debug_assert_eq!(m.toks.end, n.toks.start);
                m.toks.end = n.toks.end;
                continue;
            }
            // English: a place that is also a given name before a person's
            // name is theirs: "Charlotte Wood", "Paris Hilton".
            let given_place = !indonesian
                && m.kind == EntityType::Loc
                && n.kind == EntityType::Per
                && m.toks.len() == 1
                && text
                    .get(m.range.clone())
                    .is_some_and(|w| LEXICON.word(features::word_hash(w)) & FIRST_NAME != 0);
            if given_place && adjacent {
                m.range.end = n.range.end;
                m.toks.end = n.toks.end;
                m.kind = EntityType::Per;
                m.sure = n.sure;
                continue;
            }
            if m.kind == EntityType::Per && (short || both) && adjacent {
                m.range.end = n.range.end;
                // Only a space between: no token.
                debug_assert_eq!(m.toks.end, n.toks.start);
                m.toks.end = n.toks.end;
                m.sure = true;
                continue;
            }
        }
        kept.push(n);
    }
    out.append(kept);
}

/// How a sentence is written: all in lower case, and in which language.
#[derive(Clone, Copy)]
struct Style {
    lower: bool,
    indonesian: bool,
}

/// Appends the mention of tokens `a..b` (indices into `toks`; `info` starts
/// at token `ra`), after trimming punctuation and titles and checking it.
#[allow(clippy::too_many_arguments)]
fn push_span(
    text: &str,
    toks: &[Range<usize>],
    info: &[TokInfo],
    ra: usize,
    mut a: usize,
    mut b: usize,
    mut kind: EntityType,
    sure: bool,
    style: Style,
    out: &mut Vec<Mention>,
) {
    let lower_text = style.lower;
    let word_classes = |k: usize| info[k - ra].word;
    let tok = |k: usize| text.get(toks[k].clone()).unwrap_or("");
    // Unbalanced brackets cut the span: "BEI) Medan" → "Medan", "PT X (Persero" → "PT X".
    // The same pass finds the first opening bracket from the cut on: the
    // span only shrinks, so "has an opening bracket" is whether it is still
    // inside.
    let mut depth = 0i32;
    let mut cut = a;
    let mut first_open = None;
    for k in a..b {
        match tok(k) {
            "(" | "[" => {
                depth += 1;
                first_open = first_open.or(Some(k));
            }
            ")" | "]" if depth == 0 => {
                cut = k + 1;
                first_open = None;
            }
            ")" | "]" => depth -= 1,
            _ => {}
        }
    }
    a = cut;
    if depth > 0 {
        let mut open = 0i32;
        for k in (a..b).rev() {
            match tok(k) {
                ")" | "]" => open += 1,
                "(" | "[" if open == 0 => b = k,
                "(" | "[" => open -= 1,
                _ => {}
            }
        }
        first_open = first_open.filter(|&o| o < b);
    }
    // In normal text a word of at most three letters, not in capitals, is
    // no acronym the lexicon lists in capitals ("Ma" of "Ma Mingqiang" is no
    // "MA").
    let acronym_cased = |k: usize, len: usize| {
        len > 1 || lower_text || info[k - ra].len_chars() > 3 || !info[k - ra].has_lower()
    };
    // (`c`: the classes of word `k`, which each loop pass looks up once.)
    let lower_common = |k: usize, c: u16| {
        let t = &info[k - ra];
        t.is_word() && !t.is_cap() && c & COMMON != 0 && c & (LOC_CUE | ORG_CUE) == 0
    };
    // A lower-case last word is not part of a name ("Israeli occupation"),
    // except in lower-cased text and for direction words ("Sumatera selatan").
    let trailing_lower = |k: usize| {
        let t = &info[k - ra];
        !lower_text
            && t.has_lower()
            && !t.has_upper()
            && !matches!(
                tok(k),
                "utara" | "selatan" | "timur" | "barat" | "tengah" | "raya" | "baru"
            )
    };
    // A day or month name after a name is no part of it ("Amanda Vanstone
    // Selasa"), unless the whole is a known name or the word before is a head
    // word or a common word ("Pasar Minggu", "Hari Minggu").
    let trailing_time = |a: usize, b: usize, last: u16| {
        style.indonesian
            && last & (TIME | LOC | ORG | PER) == TIME
            && word_classes(b - 2) & (LOC_CUE | ORG_CUE | COMMON) == 0
            && b - a <= LEXICON.max_len()
            && span_classes(info, a - ra, b - ra) & (LOC | ORG | PER) == 0
    };
    // Every lexicon phrase has at most this many tokens: no longer prefix or
    // side is looked up, which keeps a giant span linear.
    let max_len = LEXICON.max_len();
    // A title phrase that began before the span and ends inside it or at its
    // end: the tagger's "State" (or "State Antony Blinken") after "Secretary of".
    let mut titled = false;
    {
        let mut cut = a;
        for s0 in a.saturating_sub(max_len).max(ra)..a {
            phrases(info, s0 - ra, b.min(s0 + max_len) - ra, |len, c| {
                if s0 + len >= a && c & TITLES != 0 {
                    cut = cut.max(s0 + len);
                    titled = true;
                }
            });
        }
        a = cut;
    }
    // Indonesian: after a title, a known place or organisation opening a
    // span of other capitalised words is the title's and the rest a person:
    // "Wali Kota Bogor Dedie A. Rachim", "Gubernur Bank Indonesia Perry
    // Warjiyo", "Pelatih Jepang Kodai Naraoka".
    if titled && style.indonesian && kind != EntityType::Per && !sure {
        let mut known = None;
        phrases(info, a - ra, b.min(a + max_len) - ra, |len, c| {
            if let Some(k) = lexicon_kind(c).filter(|&k| k != EntityType::Per) {
                known = Some((len, k));
            }
        });
        if let Some((p, k)) = known {
            let rest = a + p;
            if rest < b
                && info[rest - ra].is_cap()
                && word_classes(rest) & (LOC | ORG | TITLES | COMMON) == 0
            {
                push_span(text, toks, info, ra, a, rest, k, true, style, out);
                push_span(
                    text,
                    toks,
                    info,
                    ra,
                    rest,
                    b,
                    EntityType::Per,
                    false,
                    style,
                    out,
                );
                return;
            }
        }
    }
    loop {
        if a >= b {
            return;
        }
        // The longest title phrase that opens a person's name: "Juru Bicara".
        let mut title_len = 0;
        phrases(info, a - ra, b - ra, |len, c| {
            if c & TITLES != 0 {
                title_len = len;
            }
        });
        // A title before two or more plain capitalised words makes a
        // "place" or "organisation" a person: "President Volodymyr
        // Zelenskiy" (not "General Motors", "King's College London").
        if kind != EntityType::Per && title_len > 0 {
            let rest = a + title_len..b;
            let plain = rest.len() >= 2
                && !info[a - ra].is_all_caps()
                && rule_word(tok(a)) & ORG_TITLE == 0
                && !(a..b).any(|k| tok(k) == "'" || tok(k) == "\u{2019}")
                && rest.clone().all(|k| {
                    let t = &info[k - ra];
                    t.is_cap()
                        && t.has_lower()
                        && word_classes(k) & (LOC | ORG | NAT | LOC_CUE | ORG_CUE | COMMON) == 0
                })
                && span_classes(info, a - ra, b - ra) & (LOC | ORG) == 0;
            if plain {
                kind = EntityType::Per;
            } else if !(style.indonesian && span_classes(info, rest.start - ra, b - ra) & LOC != 0)
            {
                // (Indonesian: an office of a known place is the place:
                // "Duta Besar Indonesia untuk Jepang".)
                title_len = 0;
            }
        }
        let strip_title = title_len > 0;
        let closes =
            matches!(tok(b - 1), ")" | "]") && first_open.is_some_and(|o| (a..b).contains(&o));
        // (Not when the whole span is a known name: "Real Madrid beat …".)
        let first = word_classes(a);
        // (Not a given name before a surname: "Mark Carney said …".)
        let initial_common = info[a - ra].is_initial()
            && first & COMMON != 0
            && !(kind == EntityType::Per && first & FIRST_NAME != 0 && b - a >= 2)
            && first & (LOC | ORG | PER | LOC_CUE | ORG_CUE) == 0
            && (b - a > max_len || span_classes(info, a - ra, b - ra) & (LOC | ORG | PER) == 0);
        // A nationality word before a lower-case word, another nationality
        // word or a person's name is no part of a name: "Palestinian group
        // Hamas", "Sunni Arab", "Uruguayan Marcelo Otero".
        let nat_before = b - a > 1
            && first & (NAT | LOC | ORG | PER) == NAT
            && (!info[a + 1 - ra].is_cap()
                || word_classes(a + 1) & NAT != 0
                || kind == EntityType::Per
                    && b - a > 2
                    && (a + 1..b).all(|k| word_classes(k) & (COMMON | FIRST_NAME) != COMMON))
            && (a + 2..=b).all(|e| span_classes(info, a - ra, e - ra) & (LOC | ORG | PER) == 0);
        let last = &info[b - 1 - ra];
        if b - a > 1 && !last.has_upper() && !last.has_lower() && last.len_chars() > 4 {
            // A date after a dateline's place, first: "NEW YORK 1996-12-06"
            // (not a year or number in a name: "Piala Dunia 2014", "SMP
            // Negeri 1", "Boeing 737").
            b -= 1;
        } else if !info[a - ra].is_word()
            || strip_title
            || nat_before
            || ((lower_common(a, first) || initial_common) && b - a > 1)
        {
            a += title_len.max(1);
        } else if (!info[b - 1 - ra].is_word() && !closes)
            || (b - a > 1 && {
                let last = word_classes(b - 1);
                lower_common(b - 1, last)
                    || trailing_lower(b - 1)
                    || (last & TITLES != 0 && last & (LOC | ORG | PER) == 0)
                    || trailing_time(a, b, last)
            })
        {
            b -= 1;
        } else if kind == EntityType::Per && b - a > 1 {
            // A place or organisation before a name: "China Xi Jinping".
            let (mut best, mut c) = (0, 0);
            phrases(info, a - ra, b - 1 - ra, |len, classes| {
                if classes & (LOC | ORG) != 0 && classes & PER == 0 && acronym_cased(a, len) {
                    (best, c) = (len, classes);
                }
            });
            if best == 0 {
                // Indonesian: an office title inside (not an abbreviated
                // degree, "Irianto MS Syaifuddin"): what comes before it is
                // the office's place or body, "Metro Jaya" of "Kapolda Metro
                // Jaya Irjen Karyoto" (not a word that is also a name:
                // "Annisa Putri Ayu").
                let Some(t) = (a + 1..b - 1).find(|&k| {
                    style.indonesian
                        && word_classes(k) & TITLES != 0
                        && word_classes(k) & (LOC | ORG | PER) == 0
                        && info[k - ra].is_cap()
                        && !info[k - ra].is_all_caps()
                        && rule_word(tok(k)) & NAME_TITLE == 0
                }) else {
                    break;
                };
                let c = span_classes(info, a - ra, t - ra);
                let k = lexicon_kind(c).unwrap_or(EntityType::Org);
                push_span(text, toks, info, ra, a, t, k, c != 0, style, out);
                a = t;
                continue;
            }
            let k = lexicon_kind(c).unwrap_or(EntityType::Loc);
            push_span(text, toks, info, ra, a, a + best, k, true, style, out);
            a += best;
        } else {
            break;
        }
    }
    // A verb or function word inside a span ends a name: "Kementerian Sosial
    // mengajak Himpunan Mahasiswa Islam", "Pantura seperti Cirebon"; in
    // English any lower-case word but the few names hold ("of", "and", "van"):
    // "Nancy Brasel said Jordan Pham", "Packers quarterback Jordan Love".
    let breaks = |k: usize| {
        if style.indonesian {
            breaks_name(tok(k))
        } else {
            breaks_name_en(tok(k)) && word_classes(k) & PARTICLE == 0
                // "Leeds Crown Court on Tuesday".
                // (The day first: a class bit, before a word lookup.)
                || k + 1 < b && word_classes(k + 1) & TIME != 0 && rule_word(tok(k)) & CONNECTOR != 0
        }
    };
    if !lower_text && b - a > 2 {
        if let Some(k) = (a + 1..b - 1).find(|&k| breaks(k)) {
            let mut r = k + 1;
            while r < b && breaks(r) {
                r += 1;
            }
            push_span(text, toks, info, ra, a, k, kind, sure, style, out);
            push_span(text, toks, info, ra, r, b, kind, sure, style, out);
            return;
        }
    }
    // English: a given name and a surname beside another name are two
    // mentions: "Gary Chan of DAB", "DAB 's Horace Cheung", "DAB and Eunice
    // Yung" (the other name keeps its known type, else the span's, else ORG).
    if !lower_text && !style.indonesian && b - a > 2 {
        let given = |k: usize| {
            k + 1 < b
                && word_classes(k) & FIRST_NAME != 0
                && info[k - ra].is_cap()
                && info[k + 1 - ra].is_cap()
        };
        for k in a + 1..b - 1 {
            let of = tok(k) == "of";
            // The tokens split "'s" in two ("DAB", "'", "s"): the name after
            // a possessive starts two tokens on.
            let poss = matches!(tok(k), "'" | "\u{2019}") && tok(k + 1) == "s";
            // (Not "Charles I of Hungary", "John Bligh , 4th Earl of Darnley".)
            let split = if of {
                (2..=3).contains(&(k - a))
                    && given(a)
                    && info[k + 1 - ra].is_cap()
                    && (a..k).all(|j| {
                        info[j - ra].is_cap()
                            && info[j - ra].has_lower()
                            && word_classes(j) & TITLES == 0
                    })
            } else if poss {
                given(k + 2)
            } else {
                tok(k) == "and" && given(k + 1)
            };
            if split {
                let (oa, ob) = if of { (k + 1, b) } else { (a, k) };
                let c = span_classes(info, oa - ra, ob - ra);
                let other = lexicon_kind(c).unwrap_or(if kind == EntityType::Per {
                    EntityType::Org
                } else {
                    kind
                });
                let (pa, pb) = if of {
                    (a, k)
                } else {
                    (k + 1 + usize::from(poss), b)
                };
                push_span(
                    text,
                    toks,
                    info,
                    ra,
                    pa,
                    pb,
                    EntityType::Per,
                    sure,
                    style,
                    out,
                );
                push_span(text, toks, info, ra, oa, ob, other, sure, style, out);
                return;
            }
        }
    }
    // "Komisi Pemberantasan Korupsi (KPK)", "Kementerian Kesehatan
    // (Kemenkes)": the name and its acronym are two mentions of one entity
    // (linked by `acronym_links`).
    if b - a >= 4 && tok(b - 1) == ")" {
        if let Some(open) = (a + 1..b - 2).rev().find(|&k| tok(k) == "(") {
            let inner_caps = (open + 1..b - 1).all(|k| !info[k - ra].has_lower());
            let short = b - 1 == open + 2
                && text
                    .get(toks[a].start..toks[open - 1].end)
                    .is_some_and(|outer| short_form(tok(open + 1), outer));
            if inner_caps || short {
                push_span(text, toks, info, ra, a, open, kind, sure, style, out);
                push_span(
                    text,
                    toks,
                    info,
                    ra,
                    open + 1,
                    b - 1,
                    kind,
                    sure,
                    style,
                    out,
                );
                return;
            }
        }
    }
    // Two known names joined by a conjunction are two mentions: "China dan Rusia".
    for k in a + 1..b.saturating_sub(1) {
        if k - a <= max_len
            && b - k - 1 <= max_len
            && matches!(tok(k), "dan" | "and" | "atau" | "or" | "serta" | "&")
        {
            let left = span_classes(info, a - ra, k - ra);
            let right = span_classes(info, k + 1 - ra, b - ra);
            if let (Some(l), Some(r)) = (lexicon_kind(left), lexicon_kind(right)) {
                push_span(text, toks, info, ra, a, k, l, true, style, out);
                push_span(text, toks, info, ra, k + 1, b, r, true, style, out);
                return;
            }
        }
    }
    // A name has a letter ("1996-12-06" is none).
    if !(a..b).any(|k| info[k - ra].has_upper() || info[k - ra].has_lower()) {
        return;
    }
    // In normal text a name has a capitalised word ("List of" → "of" is none).
    if !lower_text
        && !(a..b).any(|k| info[k - ra].is_cap())
        && (a..b).any(|k| info[k - ra].has_lower())
    {
        return;
    }
    let classes = span_classes(info, a - ra, b - ra);
    if classes & NOT_NAME != 0 {
        return;
    }
    // English: a "person" whose every word is a common lower-case word and
    // none a given name is a capitalised phrase ("Grand Slam", "Industrial
    // Average", "Prime Rib").
    if !style.indonesian
        && !lower_text
        && kind == EntityType::Per
        && !sure
        && b - a > 1
        && classes & (LOC | ORG | PER) == 0
        && (a..b).all(|k| word_classes(k) & (COMMON | FIRST_NAME | PER) == COMMON)
    {
        return;
    }
    // English: a nationality word after direction words is one too: "South
    // Korean", "North African" (not "South Africa").
    if !style.indonesian
        && classes & (LOC | ORG | PER) == 0
        && word_classes(b - 1) & NAT != 0
        && (a..b - 1).all(|k| {
            ["north", "south", "east", "west", "central"]
                .iter()
                .any(|d| tok(k).eq_ignore_ascii_case(d))
        })
    {
        return;
    }
    // An academic degree after a name and a comma is none: "Ova Emilia,
    // M.Med.Ed., Sp.OG(K), Ph.D.", "Budi Santoso, S.H., M.Hum."
    if degree(text, toks[a].start, style.indonesian) {
        return;
    }
    // English: a party-and-state tag is none ("R-La.", "D-Calif.", "I-Vt.").
    if !style.indonesian && b - a == 1 {
        let w = tok(a).as_bytes();
        if w.len() >= 4
            && matches!(w[0], b'R' | b'D' | b'I')
            && w[1] == b'-'
            && w[2].is_ascii_uppercase()
            && w[3..].iter().all(u8::is_ascii_alphabetic)
        {
            return;
        }
    }
    // A nationality or group phrase is none ("New Zealander", "Sri Lankan";
    // English "Swiss", which Indonesian writes for Switzerland).
    if classes & (NAT | LOC | ORG | PER) == NAT
        || !style.indonesian && classes & (NAT | ORG | PER) == NAT
    {
        return;
    }
    if b - a == 1 && classes & (LOC | ORG | PER) == 0 {
        let t = &info[a - ra];
        // Day names, titles, nationality words; a capitalised common word
        // ("Aku", "Thanks"; in Indonesian only at the sentence start, as many
        // names are words too: "Made", "Didik"); "-nya" forms ("Dasarnya").
        let common_word =
            (t.is_initial() || !style.indonesian) && !t.is_all_caps() && classes & COMMON != 0;
        let nya = t.len_chars() > 5
            && !t.is_all_caps()
            && text
                .get(toks[a].clone())
                .is_some_and(|w| w.ends_with("nya"));
        if classes & (TIME | TITLES) != 0 || common_word || nya {
            return;
        }
    }
    // A lower-case administrative head word before a place is part of its
    // name: "desa Kramas", "kecamatan Gabus" ("kota" and "wilayah" are not:
    // the training splits disagree on them). English: so is a capitalised
    // "New" before an organisation, which the tagger drops as a common word
    // ("New People Party", "New Democratic Party"; at the start of a
    // sentence only before two or more words: "New Google phones").
    if !lower_text
        && a > ra
        && match kind {
            EntityType::Loc => matches!(
                tok(a - 1),
                "desa" | "kecamatan" | "kelurahan" | "dusun" | "kabupaten" | "jalan"
            ),
            EntityType::Org => {
                !style.indonesian
                    && tok(a - 1) == "New"
                    && (b - a > 1 || !info[a - 1 - ra].is_initial())
            }
            _ => false,
        }
    {
        a -= 1;
    }
    // Keep the dot of an abbreviation that ends the name: "U.S.", "Corp.".
    let mut end = toks[b - 1].end;
    if let Some(next) = toks.get(b) {
        let last = &info[b - 1 - ra];
        let abbrev = last.is_cap() && (last.len_chars() == 1 || ABBREV_ENDS.contains(&last.lower));
        if next.start == end && abbrev && text.get(next.clone()) == Some(".") {
            end = next.end;
            b += 1;
        }
    }
    if merge::legal_form_alone(text, &toks[a..b]) {
        // No name: "Inc." of "Amazon.com Inc." (split at its periods).
        return;
    }
    // A "place" or "organisation" in quotes, the quotation all of it, is a
    // work's title, no name: "Road House", "Just For Yesterday" (unless the
    // lexicon knows it; a quoted person's name stays: a role, a sender).
    if !sure
        && kind != EntityType::Per
        && classes & (LOC | ORG | PER) == 0
        && quoted_whole(text, toks[a].start, end)
    {
        return;
    }
    let mut sure = sure;
    if let Some(k) = lexicon_kind(classes).filter(|_| acronym_cased(a, b - a)) {
        kind = k;
        sure = true;
    } else if b - a > 1
        && (a..b).rev().find(|&k| tok(k) != ".").is_some_and(|k| {
            word_classes(k) & COMPANY_SUFFIX != 0 && !tok(k).eq_ignore_ascii_case("co")
        })
    {
        // A company suffix ends it: "Daimler-Benz AG", "Acme Holdings Inc.".
        kind = EntityType::Org;
        sure = true;
    } else if !style.indonesian && b - a > 1 {
        // English: the head word at the end tells the type: "Hennepin
        // County", "Etihad Stadium", "Manchester City Council".
        let head = rule_word(tok(b - 1));
        if head & LOC_HEAD != 0 {
            kind = EntityType::Loc;
        } else if head & ORG_HEAD != 0 {
            kind = EntityType::Org;
        }
    }
    // English: an event is another kind of name: "the World Cup", "Asian
    // Games", "Zimbabwe Open" (and holds no place: "Zimbabwe").
    if !style.indonesian && word_classes(b - 1) & NOT_NAME != 0 {
        kind = EntityType::Misc;
    }
    if style.indonesian && b - a > 1 && rule_word(tok(a)) & BUILDING != 0 {
        // A building is a place, as Indonesian news annotation has it, even
        // where the lexicon lists its institution: "Istana Negara", "Gedung
        // Merah Putih", "Stadion Gelora Bung Karno".
        kind = EntityType::Loc;
    }
    // A web address's ending glued to the name makes it a site, an
    // organisation: "KOMPAS.com", "Tempo.co", "Republika.co.id". (Last: its
    // tokens may lie past the window's facts, `info`, which nothing after
    // this reads.)
    while let (Some(dot), Some(tld)) = (toks.get(b), toks.get(b + 1)) {
        if dot.start != end
            || tld.start != dot.end
            || text.get(dot.clone()) != Some(".")
            || !text.get(tld.clone()).is_some_and(web_ending)
        {
            break;
        }
        end = tld.end;
        b += 2;
        kind = EntityType::Org;
    }
    out.push(Mention {
        range: toks[a].start..end,
        kind,
        toks: a..b,
        sure,
        within: false,
    });
}

/// The classes of the lexicon phrase that tokens `a..b` of `info` are (0:
/// none; not inlined: one copy of the lookup for the rules' many spans).
#[inline(never)]
fn span_classes(info: &[TokInfo], a: usize, b: usize) -> u16 {
    LEXICON.classes(info.get(a..b).unwrap_or_default().iter().map(|t| t.lower))
}

/// Calls `f(len, classes)` for the lexicon phrases and prefixes that tokens
/// `a..a + len` of `info` are, `len` growing from 1 while `a + len <= end`,
/// and stops at the first token sequence no phrase begins with: one hash step
/// and one lookup a token, where looking up each span anew costs a hash of
/// the whole span each time.
fn phrases(info: &[TokInfo], a: usize, end: usize, mut f: impl FnMut(usize, u16)) {
    let mut h = features::PHRASE_SEED;
    for (len, t) in info.get(a..end).unwrap_or_default().iter().enumerate() {
        h = features::mix(h, t.lower);
        // The first word's lookup is in its facts already.
        let c = if len == 0 && t.starts_phrase() {
            t.word
        } else if len == 0 {
            return;
        } else {
            match LEXICON.lookup(h) {
                Some(c) => c,
                None => return,
            }
        };
        f(len + 1, c);
    }
}

/// Whether lower-case word `w` cannot stand inside a name: an Indonesian verb
/// form ("mengajak", "dikejutkan", "bertemu") or a function word ("yang",
/// "seperti"); "dan", "of", "de", "al" and lower-case nouns ("Kementerian
/// Luar negeri") can.
fn breaks_name(w: &str) -> bool {
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let verb = w.len() >= 6 && ["me", "di", "ber", "ter"].iter().any(|p| w.starts_with(p));
    verb || matches!(
        w,
        "yang"
            | "seperti"
            | "untuk"
            | "kepada"
            | "adalah"
            | "akan"
            | "telah"
            | "sudah"
            | "juga"
            | "bahwa"
            | "ketika"
            | "saat"
            | "oleh"
            | "pada"
            | "ini"
            | "itu"
            | "tidak"
            | "bisa"
            | "dapat"
            | "masih"
            | "sedang"
            | "harus"
            | "mau"
            | "ingin"
            | "kata"
            | "ujar"
            | "jelas"
            | "tegas"
            | "menurut"
            | "ke"
            | "dari"
            | "atau"
    )
}

/// Whether the word glued together at `start` of `text` (up to a space or a
/// comma) is an academic degree after a comma: dotted parts of one to four
/// letters, each opening with a capital ("M.Sc.", "Ph.D.", "Sp.OG(K)"; a
/// bracketed qualifier is dropped). In English one of its letters must be
/// lower case ("D.C." after "Washington," is a place); in Indonesian
/// capitals alone are one too ("S.H.", "M.M.").
fn degree(text: &str, start: usize, indonesian: bool) -> bool {
    if !text[..start].trim_end_matches(' ').ends_with(',') {
        return false;
    }
    let rest = &text.as_bytes()[start..];
    let end = rest
        .iter()
        .position(|&c| matches!(c, b' ' | b',' | b'\n' | b'\t' | b'('))
        .unwrap_or(rest.len());
    let word = &rest[..end];
    let (mut n, mut lower) = (0, false);
    for p in word.split(|&c| c == b'.').filter(|p| !p.is_empty()) {
        if p.len() > 4 || !p[0].is_ascii_uppercase() || !p.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        lower |= p.iter().any(u8::is_ascii_lowercase);
        n += 1;
    }
    (n >= 2 || word.starts_with(b"Sp.")) && (lower || indonesian)
}

/// Whether the text from `start` to `end` is a whole quotation: a double
/// quote before and after it (a space between allowed).
fn quoted_whole(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ').chars().next_back();
    let after = text[end..].trim_start_matches(' ').chars().next();
    matches!(before, Some('"' | '“')) && matches!(after, Some('"' | '”'))
}

/// Kinds of the words in `data/rule_words.txt` (flags; see its header).
const LOC_HEAD: u8 = 1;
const ORG_HEAD: u8 = 2;
const BUILDING: u8 = 4;
const CLUB: u8 = 8;
pub(crate) const ADMIN: u8 = 16;
const NAME_TITLE: u8 = 32;
const ORG_TITLE: u8 = 64;
const CONNECTOR: u8 = 128;

/// The words the rules look up, as written, with their kinds.
static RULE_WORDS: LazyLock<crate::lang::WordMap> = LazyLock::new(|| {
    let mut map = crate::lang::WordMap::default();
    static TEXT: LazyLock<String> =
        LazyLock::new(|| lexicon::unfront(list!("entity/data/rule_words.txt")));
    for line in crate::lang::parse_word_list(TEXT.as_str()) {
        let (kind, word) = line.split_once(' ').unwrap_or((line, ""));
        let flag = match kind {
            "LOCHEAD" => LOC_HEAD,
            "ORGHEAD" => ORG_HEAD,
            "BUILDING" => BUILDING,
            "CLUB" => CLUB,
            "ADMIN" => ADMIN,
            "NAMETITLE" => NAME_TITLE,
            "ORGTITLE" => ORG_TITLE,
            _ => CONNECTOR,
        };
        *map.entry(word).or_insert(0) |= flag;
    }
    map
});

/// The kinds of word `w` in `data/rule_words.txt` (0: none), looked up as
/// written, then (for a word in lower case) capitalised: "kota" → "Kota".
#[inline(never)]
pub(crate) fn rule_word(w: &str) -> u8 {
    if let Some(&f) = RULE_WORDS.get(w) {
        return f;
    }
    let b = w.as_bytes();
    let mut buf = [0u8; 16];
    if b.len() > buf.len() || !b.first().is_some_and(u8::is_ascii_lowercase) {
        return 0;
    }
    buf[..b.len()].copy_from_slice(b);
    buf[0] = buf[0].to_ascii_uppercase();
    std::str::from_utf8(&buf[..b.len()])
        .ok()
        .and_then(|c| RULE_WORDS.get(c).copied())
        .unwrap_or(0)
}

/// Whether the English word `w` inside a span ends a name: a lower-case word
/// that names do not hold ("said", "quarterback"; not "of", "and", "the",
/// "for", "on", "upon", …).
fn breaks_name_en(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase()) && rule_word(w) & CONNECTOR == 0
}

/// Counts every occurrence of a name the tagger found somewhere in the text:
/// the same capitalised token sequence elsewhere becomes a mention too, and so
/// does a person's first or last word standing alone.
fn propagate(text: &str, toks: &[Range<usize>], mentions: &mut Vec<Mention>) {
    // Surface hash → the first mention with that surface (an index, u32 as
    // in `merge`), or `PREFIX` for the surface of a name's first tokens only,
    // or `PART` for a person's first or last word (a prefix too, maybe):
    // the scan below stops at the first token sequence that is neither.
    const PREFIX: u32 = u32::MAX;
    const PART: u32 = u32::MAX - 1;
    let mut names: lexicon::HashKeyed<u32> = lexicon::HashKeyed::default();
    let mut max_len = 0;
    // At most one entry a token of a name: no growing and rehashing.
    names.reserve(
        mentions
            .iter()
            .map(|m| m.toks.len())
            .filter(|&l| l <= 8)
            .sum(),
    );
    // The surface hashes of a name's first tokens.
    let mut prefix = [0u64; 8];
    // A word's own lexicon classes.
    let word_classes =
        |t: &Range<usize>| LEXICON.word(features::word_hash(text.get(t.clone()).unwrap_or("")));
    for (k, m) in mentions.iter().enumerate() {
        let len = m.toks.len();
        if len > prefix.len() {
            continue;
        }
        let mut h = lexicon::SURFACE_SEED;
        for (p, t) in prefix.iter_mut().zip(&toks[m.toks.clone()]) {
            h = lexicon::surface_step(h, text, t);
            *p = h;
        }
        // Written as an earlier name (the same tokens): it and its prefixes
        // are there, and a word passed the lexicon's check before.
        if names.get(&h).is_some_and(|&v| v < PART) {
            continue;
        }
        if len == 1 {
            let c = word_classes(&toks[m.toks.start]);
            if c & (COMMON | TIME | TITLES | NAT) != 0 && c & (LOC | ORG | PER) == 0 {
                continue;
            }
        }
        for (j, &h) in prefix[..len].iter().enumerate() {
            let v = names.entry(h).or_insert(PREFIX);
            if j + 1 == len && *v >= PART {
                *v = k as u32;
            }
        }
        max_len = max_len.max(len);
        // A person's first and last word alone name them too ("Xi" after
        // "Xi Jinping"): merging links such a part to its one full name, or
        // leaves it alone when two people share it.
        if m.kind == EntityType::Per && (2..=3).contains(&len) {
            for t in [&toks[m.toks.start], &toks[m.toks.end - 1]] {
                let word = text.get(t.clone()).unwrap_or("");
                let c = word_classes(t);
                if word.len() >= 2
                    && word.starts_with(|ch: char| ch.is_uppercase())
                    && c & (COMMON | TIME | TITLES | NAT | LOC | ORG) == 0
                {
                    let h = lexicon::surface_step(lexicon::SURFACE_SEED, text, t);
                    names
                        .entry(h)
                        .and_modify(|v| {
                            if *v == PREFIX {
                                *v = PART;
                            }
                        })
                        .or_insert(PART);
                }
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let mut taken: Vec<Range<usize>> = mentions.iter().map(|m| m.range.clone()).collect();
    crate::sort::sort_by_key(&mut taken, |r| r.start);
    // The first taken range that ends after a start: the starts asked about
    // only grow, so where the ends grow too (mentions that do not nest, as
    // good as always) a cursor that moves forward finds it; else a binary
    // search.
    let ends_grow = taken.windows(2).all(|w| w[0].end <= w[1].end);
    let mut cursor = 0;
    let mut covered = |taken: &[Range<usize>], r: &Range<usize>| {
        let i = if ends_grow {
            while taken.get(cursor).is_some_and(|t| t.end <= r.start) {
                cursor += 1;
            }
            cursor
        } else {
            taken.partition_point(|t| t.end <= r.start)
        };
        taken.get(i).is_some_and(|t| t.start < r.end)
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // The first byte decides for ASCII; other letters are decoded.
        let starts_cap = match text.as_bytes().get(toks[i].start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text
                .get(toks[i].clone())
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase),
        };
        if !starts_cap {
            i += 1;
            continue;
        }
        let mut best = None;
        let mut part = false;
        let mut h = lexicon::SURFACE_SEED;
        for len in 1..=max_len.min(toks.len() - i) {
            h = lexicon::surface_step(h, text, &toks[i + len - 1]);
            match names.get(&h) {
                // No name begins with these tokens: none is longer either.
                None => break,
                Some(&PREFIX) => {}
                Some(&PART) => part = len == 1,
                Some(&k) => {
                    let m = &mentions[k as usize];
                    if m.toks.len() == len {
                        best = Some((len, m.kind));
                    }
                }
            }
        }
        if best.is_none() && part {
            best = Some((1, EntityType::Per));
        }
        match best {
            Some((len, kind)) => {
                let r = toks[i].start..toks[i + len - 1].end;
                // Only whole tokens: not inside a longer word sequence's
                // mention, nor inside an address.
                if !covered(&taken, &r) && !glued(text, &r) {
                    added.push(Mention {
                        range: r,
                        kind,
                        toks: i..i + len,
                        sure: false,
                        within: false,
                    });
                }
                i += len;
            }
            None => i += 1,
        }
    }
    mentions.extend(added);
}

/// Whether `short` (one word, capitalised, not in capitals throughout) is a
/// short form of the name `outer` made of the starts of its syllables:
/// "Kemenkes" of "Kementerian Kesehatan", "Kejagung" of "Kejaksaan Agung",
/// "Pertamina" of "Perusahaan Tambang Minyak Nasional". Its letters appear in
/// order in the name's (the first the name's first), taking letters from at
/// least two of its words; case is ignored.
fn short_form(short: &str, outer: &str) -> bool {
    // (ASCII: the short forms of Indonesian and English names are.)
    let sb = short.as_bytes();
    if sb.len() < 4
        || !sb[0].is_ascii_uppercase()
        || !sb.iter().all(u8::is_ascii_alphabetic)
        || !sb[1..].iter().any(u8::is_ascii_lowercase)
    {
        return false;
    }
    let mut next = 0;
    let (mut words_used, mut in_word_used) = (0, false);
    for (i, &c) in outer.as_bytes().iter().enumerate() {
        if c == b' ' {
            in_word_used = false;
        } else if next < sb.len() && c.eq_ignore_ascii_case(&sb[next]) {
            next += 1;
            words_used += usize::from(!in_word_used);
            in_word_used = true;
        } else if i == 0 {
            return false;
        }
    }
    next == sb.len() && words_used >= 2
}

/// Whether the token at `r` is glued into an address, a handle or a path
/// ("Kevin.A.Boone@accenture.com", "example.com/Boone").
fn glued(text: &str, r: &Range<usize>) -> bool {
    let b = text.as_bytes();
    let before = r.start.checked_sub(1).and_then(|i| b.get(i));
    let after = b.get(r.end);
    matches!(before, Some(b'.' | b'@' | b'/' | b'_'))
        || matches!(after, Some(b'@' | b'/' | b'_'))
        || (after == Some(&b'.') && b.get(r.end + 1).is_some_and(u8::is_ascii_alphanumeric))
}

/// Links a name followed by its acronym in parentheses, "Dewan Keamanan
/// Perserikatan Bangsa-Bangsa (DK PBB)", adding the acronym as a mention if
/// the tagger missed it (and the reverse, "KPK (Komisi …)").
///
/// In Indonesian a name and the acronym after it are one mention, "Komisi
/// Pemilihan Umum (KPU)", "Syahrul Yasin Limpo (SYL)", as Indonesian news
/// annotation mostly writes them (idner-news-2k, NER-UGM) and as they are
/// one reference: the acronym stays an alias, `within` the name's mention.
/// English keeps both ("the World Health Organization (WHO)", as UD English
/// and GUM).
fn acronym_links(
    text: &str,
    toks: &[Range<usize>],
    first: usize,
    lang: Lang,
    mentions: &mut Vec<Mention>,
    links: &mut Vec<(usize, usize)>,
) {
    let tok_at = |pos: usize| {
        let i = toks.partition_point(|t| t.start < pos);
        (i < toks.len()).then_some(i)
    };
    // Most sentences have no bracket at all: nothing to link, nothing to build.
    if !toks
        .iter()
        .any(|t| text.as_bytes().get(t.start) == Some(&b'('))
    {
        return;
    }
    // Mentions by range (keyed by a hash of it; the range is checked on
    // lookup; indices as u32, as in `merge`), built only for a sentence of
    // many mentions: for a few, a linear search costs less than the map.
    const FEW: usize = 24;
    let key = |r: &Range<usize>| features::mix(features::mix(0x5eed, r.start as u64), r.end as u64);
    let few = mentions.len() - first <= FEW;
    let mut by_range: lexicon::HashKeyed<u32> = lexicon::HashKeyed::default();
    if !few {
        by_range.extend((first..mentions.len()).map(|k| (key(&mentions[k].range), k as u32)));
    }
    let word = |k: usize| text.get(toks[k].clone()).unwrap_or("");
    let end = mentions.len();
    for m in first..end {
        let Some(open) = tok_at(mentions[m].range.end) else {
            continue;
        };
        if word(open) != "(" {
            continue;
        }
        let Some(close) = (open + 1..toks.len().min(open + 8)).find(|&k| word(k) == ")") else {
            continue;
        };
        if close == open + 1 {
            continue;
        }
        let inner = toks[open + 1].start..toks[close - 1].end;
        let inner_caps = (open + 1..close).all(|k| {
            let w = word(k);
            w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase)
        });
        let outer_caps = {
            let w = text.get(mentions[m].range.clone()).unwrap_or("");
            !w.chars().any(char::is_lowercase)
        };
        let outer_text = text.get(mentions[m].range.clone()).unwrap_or("");
        let outer_initial = outer_text.chars().next();
        let inner_initial = text.get(inner.clone()).and_then(|w| w.chars().next());
        // A short form of syllables: "Kementerian Kesehatan (Kemenkes)".
        let short = close == open + 2 && !outer_caps && short_form(word(open + 1), outer_text);
        if !short && (outer_initial != inner_initial || inner_caps == outer_caps) {
            continue;
        }
        // The sentence's last mention of that range.
        let existing = if few {
            (first..mentions.len())
                .rev()
                .find(|&k| mentions[k].range == inner)
        } else {
            by_range
                .get(&key(&inner))
                .map(|&k| k as usize)
                .filter(|&k| mentions[k].range == inner)
        };
        let other = match existing {
            Some(k) => k,
            None => {
                if !inner_caps && !short {
                    continue;
                }
                mentions.push(Mention {
                    range: inner.clone(),
                    kind: mentions[m].kind,
                    toks: open + 1..close,
                    sure: false,
                    within: false,
                });
                if !few {
                    by_range.insert(key(&inner), (mentions.len() - 1) as u32);
                }
                mentions.len() - 1
            }
        };
        // (A person's short name stays a mention: "Joko Widodo (Jokowi)",
        // as idner-news-2k writes it; their acronym does not: "(SBY)".)
        if lang == Lang::Id && (inner_caps || short && mentions[m].kind != EntityType::Per) {
            mentions[m].range.end = toks[close].end;
            mentions[other].within = true;
        }
        links.push((m, other));
    }
}
