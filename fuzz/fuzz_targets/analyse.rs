//! Fuzzes `analyse` with every option combination: the first two bytes pick
//! the options, the rest (as UTF-8, lossily) is the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use teks::{CleanRules, EntityType, InputFormat, Lang, Options};

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(2));
    let a = head.first().copied().unwrap_or(0);
    let b = head.get(1).copied().unwrap_or(0);
    let options = Options {
        lang: [None, Some(Lang::Id), Some(Lang::En)][usize::from(a % 3)],
        clean: a & 4 == 0,
        input: if a & 8 == 0 { InputFormat::Text } else { InputFormat::Html },
        clean_rules: CleanRules {
            promo: b & 1 == 0,
            credits: b & 2 == 0,
            navigation: b & 4 == 0,
            mojibake: b & 8 == 0,
            whitespace: b & 16 == 0,
            straight_quotes: b & 32 != 0,
        },
        entity_types: (a & 16 != 0).then(|| EntityType::ALL.to_vec()),
    };
    let text = String::from_utf8_lossy(rest);
    let result = teks::analyse(&text, &options);
    let len = text.encode_utf16().count();
    for s in &result.sentences {
        assert!(s.start <= s.end && s.end <= len);
    }
    for e in &result.entities {
        assert_eq!(e.count, e.mentions.len());
        for m in &e.mentions {
            assert!(m.start <= m.end && m.end <= len);
        }
    }
});
