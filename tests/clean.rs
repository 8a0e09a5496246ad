//! Integration tests: clean.
//!
//! Fixtures in `tests/data/clean/cases.txt` (input, expected cleaned text and
//! removals), the reference article, rule switches, offsets and shape of the
//! removals, and inputs that must not break the cleaner.

use teks::{clean, Cleaned, InputFormat, Options, Reason};

/// UTF-16 slice of `text`, like JavaScript's `text.slice(start, end)`.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("span on UTF-16 boundaries")
}

/// Replaces `\u{XXXX}` escapes.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\\u{") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('}').expect("closed escape") + i;
        let code = u32::from_str_radix(&rest[i + 3..end], 16).expect("hex escape");
        out.push(char::from_u32(code).expect("scalar value"));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

struct Case {
    name: String,
    options: Options,
    input: String,
    cleaned: String,
    removed: Vec<(String, String)>,
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/clean/cases.txt");
    let mut cases = Vec::new();
    for block in data.split("\n=== ").skip(1) {
        let (header, body) = block.split_once('\n').expect("case header");
        let (name, flags) = header.split_once(" | ").unwrap_or((header, ""));
        let mut options = Options::default();
        for flag in flags.split_whitespace() {
            let r = &mut options.clean_rules;
            match flag {
                "html" => options.input = InputFormat::Html,
                "no-promo" => r.promo = false,
                "no-credits" => r.credits = false,
                "no-navigation" => r.navigation = false,
                "no-mojibake" => r.mojibake = false,
                "no-whitespace" => r.whitespace = false,
                other => panic!("case {name}: unknown flag {other}"),
            }
        }
        let (input, rest) = body
            .split_once("\n--- cleaned\n")
            .unwrap_or_else(|| panic!("case {name}: no '--- cleaned'"));
        let (cleaned, removed) = rest
            .split_once("\n--- removed\n")
            .or_else(|| rest.strip_suffix("\n--- removed").map(|c| (c, "")))
            .or_else(|| rest.split_once("\n--- removed"))
            .unwrap_or_else(|| panic!("case {name}: no '--- removed'"));
        let removed = removed
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let (why, text) = l
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("case {name}: bad removal line {l:?}"));
                (why.to_string(), unescape(text))
            })
            .collect();
        cases.push(Case {
            name: name.to_string(),
            options,
            input: unescape(input),
            cleaned: unescape(cleaned.trim_end_matches('\n')),
            removed,
        });
    }
    assert!(
        cases.len() >= 10,
        "fixture file parsed into {} cases",
        cases.len()
    );
    cases
}

/// The serialized (kebab-case) name of a reason, from its Debug name.
fn reason_name(r: Reason) -> String {
    let mut out = String::new();
    for (i, c) in format!("{r:?}").chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Removals are real, sorted, disjoint text of the input, with exact offsets.
fn check_shape(input: &str, c: &Cleaned) {
    let mut last_end = 0;
    for r in &c.removed {
        assert!(r.start < r.end, "empty removal {r:?}");
        assert!(
            r.start >= last_end,
            "removals overlap or are unsorted: {r:?}"
        );
        last_end = r.end;
        assert_eq!(js_slice(input, r.start, r.end), r.text);
        assert!(!r.text.trim().is_empty(), "pure-whitespace removal {r:?}");
    }
}

#[test]
fn fixtures() {
    for case in cases() {
        let c = clean(&case.input, &case.options);
        assert_eq!(c.cleaned, case.cleaned, "case {}", case.name);
        check_shape(&case.input, &c);
        let got: Vec<(String, String)> = c
            .removed
            .iter()
            .filter(|r| {
                !(case.options.input == InputFormat::Html && r.reason == Reason::HtmlMarkup)
            })
            .map(|r| (reason_name(r.reason), r.text.clone()))
            .collect();
        assert_eq!(got, case.removed, "case {}", case.name);
    }
}

#[test]
fn reference_article_loses_only_promos_and_the_credit() {
    let text = crate::reference_article();
    let c = clean(&text, &Options::default());
    check_shape(&text, &c);
    let removed: Vec<&str> = c.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(removed.len(), 4, "{removed:?}");
    assert_eq!(
        removed
            .iter()
            .filter(|t| t.starts_with("BACA JUGA:"))
            .count(),
        3
    );
    assert!(removed.contains(&"| KNCA--"));
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("BACA JUGA"))
    {
        let kept = line.replace("| KNCA--", "");
        assert!(c.cleaned.contains(kept.trim()), "lost line {line:?}");
    }
}

#[test]
fn html_markup_is_coalesced_and_kept_text_maps_back() {
    let mut html = String::from("<html><body><article>");
    for i in 0..200 {
        html.push_str(&format!(
            "<p class=\"para\">Paragraf nomor {i} berisi kalimat panjang, dengan koma, tentang <b>berita</b> hari ini.</p>\n"
        ));
    }
    html.push_str("</article></body></html>");
    let options = Options {
        input: InputFormat::Html,
        ..Options::default()
    };
    let c = clean(&html, &options);
    check_shape(&html, &c);
    // One removal per run of markup between kept text, not one per tag.
    assert!(
        c.removed.len() <= 3 * 200 + 2,
        "{} removals",
        c.removed.len()
    );
    assert_eq!(c.cleaned.matches("Paragraf nomor").count(), 200);
    assert!(c.cleaned.contains("tentang berita hari ini."));
    let a = teks::analyse(&html, &options);
    for s in &a.sentences {
        let span = js_slice(&html, s.start, s.end);
        assert!(span.starts_with("Paragraf"), "{span:?}");
    }
}

#[test]
fn html_without_cleaning_is_still_text() {
    let html = "<p>Satu &amp; dua</p><script>x()</script><p>BACA JUGA: tiga</p>";
    let options = Options {
        input: InputFormat::Html,
        clean: false,
        ..Options::default()
    };
    let c = clean(html, &options);
    assert_eq!(c.cleaned, "Satu & dua\n\nBACA JUGA: tiga");
    assert!(c.removed.iter().all(|r| r.reason == Reason::HtmlMarkup));
}

#[test]
fn cleaning_off_passes_text_unchanged() {
    let text = "BACA JUGA: x\nIsi\u{a0}berita gÃ¢teaux.\r\n";
    let options = Options {
        clean: false,
        ..Options::default()
    };
    let c = clean(text, &options);
    assert_eq!(c.cleaned, text);
    assert!(c.removed.is_empty());
}

#[test]
fn hostile_inputs_do_not_break_the_cleaner() {
    let inputs = [
        ".".repeat(100_000),
        "Ã©".repeat(50_000),
        "A. ".repeat(20_000),
        "<div>".repeat(20_000) + "teks" + &"</span>".repeat(10_000),
        "<".repeat(10_000),
        "&#".repeat(10_000),
        "\u{301}".repeat(1_000),
        "a\u{301}\u{302}\u{303}".repeat(1_000),
        "\r\n\r\n\u{2029}\u{0}\u{85}".repeat(1_000),
        "Baca juga: x\n".repeat(5_000),
        "é|".repeat(5_000),
        "<p>😀 &nbsp; &#x1F600; &bogus; &#99999999;</p>".repeat(100),
    ];
    for text in &inputs {
        for input in [InputFormat::Text, InputFormat::Html] {
            let options = Options {
                input,
                ..Options::default()
            };
            let c = clean(text, &options);
            check_shape(text, &c);
        }
    }
}
