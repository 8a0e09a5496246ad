//! Property tests: on arbitrary input (random Unicode mixed with the shapes
//! that stress each stage) `analyse` never panics and its result is
//! well-formed for every option combination.

use proptest::prelude::*;
use teks::{analyse, CleanRules, InputFormat, Lang, Options};

/// Fragments that exercise cleaning, splitting and recognition.
const FRAGMENTS: &[&str] = &[
    "Dr. ",
    "A. ",
    "Jl. KH. Mukmin no. 67. ",
    "Rp. 2.375.000. ",
    "...",
    "?!",
    ". ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "😀",
    "👩‍👩‍👧",
    "é",
    "e\u{301}",
    "Ã©",
    "Ã¢â‚¬â„¢",
    "BACA JUGA: Berita lain",
    "Read more: x",
    "| KNCA--",
    "(Foto: Antara)",
    "ADVERTISEMENT",
    "<p>",
    "</p>",
    "<script>x</script>",
    "&amp;",
    "&#x1F600;",
    "<!--",
    "Presiden Joko Widodo",
    "Kim Jong-Un",
    "AS",
    "Amerika Serikat",
    "(DK PBB)",
    "Donald Trump",
    "Senin",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "Prof. Dr. M. Zulman",
    "www.example.com",
    "a@b.co",
    "#tag",
    "@user",
    "$3.5bn",
    "12,5%",
    "09.00",
    "jakarta",
    "KOREA UTARA",
    "-",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "ا",
    "中文",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[a-zA-Z .,]{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = Options> {
    (
        proptest::sample::select(vec![None, Some(Lang::Id), Some(Lang::En)]),
        any::<bool>(),
        any::<bool>(),
        proptest::array::uniform6(any::<bool>()),
    )
        .prop_map(|(lang, clean, html, r)| Options {
            lang,
            clean,
            input: if html {
                InputFormat::Html
            } else {
                InputFormat::Text
            },
            clean_rules: CleanRules {
                promo: r[0],
                credits: r[1],
                navigation: r[2],
                mojibake: r[3],
                whitespace: r[4],
                straight_quotes: r[5],
            },
            entity_types: Some(teks::EntityType::ALL.to_vec()),
        })
}

/// UTF-16 offsets at which a span may start or end (not inside a pair).
fn boundaries(text: &str) -> Vec<bool> {
    let mut ok = vec![false; text.encode_utf16().count() + 1];
    let mut at = 0;
    for c in text.chars() {
        ok[at] = true;
        at += c.len_utf16();
    }
    ok[at] = true;
    ok
}

fn slice16(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16(&units[start..end]).unwrap()
}

/// The invariants of a result: offsets on UTF-16 boundaries inside the
/// input, sentences in order and disjoint, mentions inside a sentence and
/// equal to their input slice, counts equal mentions, removals disjoint.
fn well_formed(text: &str, options: &Options) -> Result<(), TestCaseError> {
    let a = analyse(text, options);
    let units: Vec<u16> = text.encode_utf16().collect();
    let ok = boundaries(text);
    let valid = |s: usize, e: usize| s <= e && e <= units.len() && ok[s] && ok[e];
    prop_assert_eq!(a.stats.input_length, units.len());

    let mut prev_end = 0;
    for s in &a.sentences {
        prop_assert!(valid(s.start, s.end), "sentence {:?}", s);
        prop_assert!(s.start >= prev_end, "sentences overlap or are out of order");
        prop_assert!(!s.text.trim().is_empty());
        prev_end = s.end;
    }
    prop_assert_eq!(a.stats.sentences, a.sentences.len());

    let mut mentions = 0;
    for e in &a.entities {
        prop_assert_eq!(e.count, e.mentions.len());
        prop_assert!(e.count > 0);
        mentions += e.count;
        for m in &e.mentions {
            prop_assert!(valid(m.start, m.end), "mention {:?}", m);
            prop_assert_eq!(&slice16(&units, m.start, m.end), &m.text);
            prop_assert!(
                a.sentences
                    .iter()
                    .any(|s| s.start <= m.start && m.end <= s.end),
                "mention {:?} outside every sentence",
                m
            );
        }
    }
    prop_assert_eq!(a.stats.mentions, mentions);
    prop_assert!(
        a.entities.windows(2).all(|w| w[0].count >= w[1].count),
        "not ranked by count"
    );

    let mut prev_end = 0;
    for r in &a.removed {
        prop_assert!(valid(r.start, r.end), "removal {:?}", r);
        prop_assert!(r.start >= prev_end, "removals overlap or are out of order");
        prop_assert!(r.start < r.end);
        prop_assert_eq!(&slice16(&units, r.start, r.end), &r.text);
        prev_end = r.end;
    }
    if !options.clean && options.input == InputFormat::Text {
        prop_assert_eq!(&a.cleaned, &text);
        prop_assert!(a.removed.is_empty());
    }
    Ok(())
}

/// 600 cases from a fixed seed, so CI is repeatable; set `PROPTEST_CASES`
/// and `PROPTEST_RNG_SEED` to explore further (e.g. 20000 cases, any seed).
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 600;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = proptest::test_runner::RngSeed::Fixed(0x7e45);
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn analysis_is_well_formed(text in text(), options in options()) {
        well_formed(&text, &options)?;
    }

    #[test]
    fn other_entry_points_agree_with_analyse(text in text(), options in options()) {
        let a = analyse(&text, &options);
        prop_assert_eq!(teks::split_sentences(&text, &options), a.sentences);
        prop_assert_eq!(teks::count_entities(&text, &options), a.entities);
        let c = teks::clean(&text, &options);
        prop_assert_eq!(c.cleaned, a.cleaned);
        prop_assert_eq!(c.removed, a.removed);
    }
}

/// Inputs the property tests once failed on (kept as regressions), under
/// every combination of the options that matter.
#[test]
fn regressions_found_by_property_tests() {
    let cases = [
        "\u{200b}\u{200b}Rp. 2.375.000. ",
        "Rp. 2.375.000. ",
        "Ã¢â‚¬â„¢.\u{a0}\u{200b}",
        "Ã©?\u{a0}\u{85}",
        "Dr. Jl. KH. Mukmin no. 67. Jl. KH. Mukmin no. 67. ,Jl. KH. Mukmin no. 67. ",
        "Dr. Budi datang.  \"Halo!\" katanya. 😀 Emoji di sini... Lalu?\n\nSelesai",
    ];
    for text in cases {
        for lang in [None, Some(Lang::Id), Some(Lang::En)] {
            for clean in [true, false] {
                let options = Options {
                    lang,
                    clean,
                    entity_types: Some(teks::EntityType::ALL.to_vec()),
                    ..Options::default()
                };
                if let Err(e) = well_formed(text, &options) {
                    panic!("{text:?} {lang:?} clean={clean}: {e}");
                }
            }
        }
    }
}
