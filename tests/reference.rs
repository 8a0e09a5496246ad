//! The reference article end to end through the library.

use teks::{analyse, Lang, Options};

/// UTF-16 slice of `text`, like JavaScript's `text.slice(start, end)`.
pub fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("span on UTF-16 boundaries")
}

#[test]
fn reference_article_is_indonesian_with_exact_offsets() {
    let text = crate::reference_article();
    let a = analyse(&text, &Options::default());
    assert_eq!(a.language, Lang::Id);
    assert!(a.sentences.len() >= 10, "{} sentences", a.sentences.len());
    for s in &a.sentences {
        let span = js_slice(&text, s.start, s.end);
        assert_eq!(
            span.split_whitespace().collect::<Vec<_>>(),
            s.text.split_whitespace().collect::<Vec<_>>()
        );
    }
    for e in &a.entities {
        assert_eq!(e.count, e.mentions.len());
        for m in &e.mentions {
            assert_eq!(js_slice(&text, m.start, m.end), m.text);
        }
    }
    for r in &a.removed {
        assert_eq!(js_slice(&text, r.start, r.end), r.text);
    }
    let promos = a
        .removed
        .iter()
        .filter(|r| r.text.starts_with("BACA JUGA"))
        .count();
    assert_eq!(promos, 3);
}
