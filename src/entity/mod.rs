//! Entities: recognition of mentions, alias merging and counting.

use crate::{Error, Lang, Options};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

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

const TITLES: &[&str] = &[
    "Presiden",
    "Wakil",
    "Menteri",
    "Gubernur",
    "Bupati",
    "Walikota",
    "Ketua",
    "Direktur",
    "Pak",
    "Bu",
    "Bapak",
    "Ibu",
    "President",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sir",
];
const NOT_NAMES: &[&str] = &[
    "Senin",
    "Selasa",
    "Rabu",
    "Kamis",
    "Jumat",
    "Sabtu",
    "Minggu",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "May",
    "June",
    "July",
    "August",
    "October",
    "December",
    "The",
    "A",
    "I",
    "Pada",
    "Dengan",
    "Sejak",
    "Pemimpin",
    "Hari",
    "Tahun",
    "Baru",
    "Ini",
    "Itu",
    "Dia",
    "Ia",
];
const PLACES: &[&str] = &[
    "Indonesia",
    "Jakarta",
    "AS",
    "Amerika Serikat",
    "China",
    "Rusia",
    "Ukraina",
    "Israel",
    "Gaza",
    "Korea Utara",
    "Korea Selatan",
    "Pyongyang",
    "Asia",
    "Bandung",
    "Surabaya",
];
const ORGS: &[&str] = &[
    "PBB", "DK PBB", "KPK", "KCNA", "KNCA", "DPR", "UN", "EU", "NATO",
];
const ACRONYMS: &[(&str, &str)] = &[
    ("AS", "Amerika Serikat"),
    ("US", "United States"),
    ("PBB", "Perserikatan Bangsa-Bangsa"),
    ("UN", "United Nations"),
];

fn is_cap_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Finds the entities of `text`, ranked by count, then by first mention.
pub(crate) fn recognise(
    text: &str,
    sentences: &[Range<usize>],
    _lang: Lang,
    options: &Options,
) -> Vec<Found> {
    let mut spans: Vec<(Range<usize>, EntityType)> = Vec::new();
    for s in sentences {
        let words: Vec<Range<usize>> = crate::token::words(&text[s.clone()])
            .map(|w| s.start + w.start..s.start + w.end)
            .collect();
        let mut i = 0;
        while i < words.len() {
            let w = &text[words[i].clone()];
            if !is_cap_word(w) || NOT_NAMES.contains(&w) || TITLES.contains(&w) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len()
                && is_cap_word(&text[words[j].clone()])
                && text[words[j - 1].end..words[j].start].trim() == ""
                && !NOT_NAMES.contains(&&text[words[j].clone()])
            {
                j += 1;
            }
            let span = words[i].start..words[j - 1].end;
            let name = &text[span.clone()];
            let kind = if PLACES.contains(&name) {
                EntityType::Loc
            } else if ORGS.contains(&name) || name.chars().all(|c| c.is_uppercase() || c == ' ') {
                EntityType::Org
            } else if i == 0 && j == 1 {
                i = j;
                continue;
            } else {
                EntityType::Per
            };
            spans.push((span, kind));
            i = j;
        }
    }
    merge(text, spans, options)
}

/// Groups mentions into entities by name, acronym and surname.
fn merge(text: &str, spans: Vec<(Range<usize>, EntityType)>, options: &Options) -> Vec<Found> {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut found: Vec<Found> = Vec::new();
    for (span, kind) in spans {
        if !options.wants(kind) {
            continue;
        }
        let name = text[span.clone()].to_string();
        let key = ACRONYMS
            .iter()
            .find(|(a, _)| *a == name)
            .map_or(name.clone(), |(_, e)| e.to_string());
        let idx = *by_name.entry(key.clone()).or_insert_with(|| {
            found.push(Found {
                name: key.clone(),
                kind,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            found.len() - 1
        });
        let f = &mut found[idx];
        if name != f.name && !f.aliases.contains(&name) {
            f.aliases.push(name);
        }
        f.mentions.push(span);
    }
    // Single-word person names merge into the one longer name ending or starting with them.
    let names: Vec<(String, EntityType)> = found.iter().map(|f| (f.name.clone(), f.kind)).collect();
    let mut merged_into = vec![None; found.len()];
    for (i, (n, k)) in names.iter().enumerate() {
        if n.contains(' ') {
            continue;
        }
        let fulls: Vec<usize> = names
            .iter()
            .enumerate()
            .filter(|(j, (m, mk))| {
                *j != i
                    && (*mk == EntityType::Per || *k == EntityType::Per)
                    && m.split(' ').count() > 1
                    && (m.ends_with(&format!(" {n}")) || m.starts_with(&format!("{n} ")))
            })
            .map(|(j, _)| j)
            .collect();
        if let [j] = fulls[..] {
            merged_into[i] = Some(j);
        }
    }
    for i in 0..found.len() {
        if let Some(j) = merged_into[i] {
            let from = std::mem::take(&mut found[i].mentions);
            let alias = found[i].name.clone();
            let into = &mut found[j];
            into.mentions.extend(from);
            into.mentions.sort_by_key(|r| r.start);
            if !into.aliases.contains(&alias) {
                into.aliases.push(alias);
            }
        }
    }
    found.retain(|f| !f.mentions.is_empty());
    found.sort_by_key(|f| (std::cmp::Reverse(f.mentions.len()), f.mentions[0].start));
    found
}
