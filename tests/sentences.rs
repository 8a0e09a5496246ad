//! Integration tests: sentences.
//!
//! The fixtures in `tests/data/sentences/<lang>.txt` are read with
//! `include_str!`, so the same cases can run natively and in the browser:
//! `tests/web.rs` can take this file in with `#[path = "sentences.rs"] mod
//! sentences;` (every test is a `wasm_bindgen_test` on wasm32).

use teks::{split_sentences, Lang, Options};

/// One fixture case: input and expected sentences.
struct Case<'a> {
    line: usize,
    input: String,
    expected: Vec<&'a str>,
}

/// Parses a fixture file: cases of input lines, `---`, expected lines, `===`;
/// `#` lines are comments. Panics on a malformed case.
fn parse<'a>(name: &str, data: &'a str) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    let mut input: Vec<&str> = Vec::new();
    let mut expected: Option<Vec<&str>> = None;
    let mut start = 0;
    for (n, raw) in data.split('\n').enumerate() {
        // Keep a "\r" inside an input line (raw CRLF input), drop one ending a separator.
        let line = raw;
        let bare = raw.trim_end_matches('\r');
        if bare.starts_with('#') || (input.is_empty() && expected.is_none() && bare.is_empty()) {
            continue;
        }
        if input.is_empty() && expected.is_none() {
            start = n + 1;
        }
        match bare {
            "---" => {
                assert!(
                    !input.is_empty() && expected.is_none(),
                    "{name}:{}: malformed case: `---` without input or twice",
                    n + 1
                );
                expected = Some(Vec::new());
            }
            "===" => {
                let exp = expected.take().unwrap_or_else(|| {
                    panic!("{name}:{}: malformed case: `===` without `---`", n + 1)
                });
                assert!(
                    !exp.is_empty(),
                    "{name}:{}: malformed case: no expected sentences",
                    n + 1
                );
                cases.push(Case {
                    line: start,
                    input: input.join("\n"),
                    expected: exp,
                });
                input.clear();
            }
            _ => match expected.as_mut() {
                Some(exp) => exp.push(bare),
                None => input.push(line),
            },
        }
    }
    assert!(
        input.is_empty() && expected.is_none(),
        "{name}: malformed case at the end (no `===`) from line {start}"
    );
    assert!(!cases.is_empty(), "{name}: no cases");
    cases
}

/// Runs every case of a fixture file; reports all failures at once.
fn run(name: &str, data: &str, lang: Lang) {
    let options = Options {
        lang: Some(lang),
        clean: false,
        ..Options::default()
    };
    let mut failures = Vec::new();
    let cases = parse(name, data);
    for case in &cases {
        let got = split_sentences(&case.input, &options);
        let texts: Vec<&str> = got.iter().map(|s| s.text.as_str()).collect();
        if texts != case.expected {
            failures.push(format!(
                "{name}:{}: {:?}\n  expected {:?}\n  got      {:?}",
                case.line, case.input, case.expected, texts
            ));
        }
        // Offsets are UTF-16 units into the input and point at the sentence.
        let utf16: Vec<u16> = case.input.encode_utf16().collect();
        let mut end = 0;
        for s in &got {
            assert!(end <= s.start && s.start < s.end && s.end <= utf16.len());
            let slice = String::from_utf16(&utf16[s.start..s.end]).unwrap();
            let normalised: Vec<&str> = slice.split_whitespace().collect();
            assert_eq!(normalised.join(" "), s.text, "{name}:{}", case.line);
            end = s.end;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn indonesian_fixtures() {
    run("id.txt", include_str!("data/sentences/id.txt"), Lang::Id);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn english_fixtures() {
    run("en.txt", include_str!("data/sentences/en.txt"), Lang::En);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[should_panic(expected = "malformed case")]
fn malformed_fixture_fails() {
    parse("bad.txt", "Satu. Dua.\n---\nSatu.\n---\nDua.\n===\n");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[should_panic(expected = "malformed case")]
fn unterminated_fixture_fails() {
    parse("bad.txt", "Satu. Dua.\n---\nSatu.\nDua.\n");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn sentences_cover_the_text_in_order() {
    let options = Options {
        lang: Some(Lang::Id),
        ..Options::default()
    };
    let text = "Dr. Budi datang.  \"Halo!\" katanya. 😀 Emoji di sini... Lalu?\n\nSelesai";
    let got = split_sentences(text, &options);
    let texts: Vec<&str> = got.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Dr. Budi datang.",
            "\"Halo!\" katanya.",
            "😀 Emoji di sini...",
            "Lalu?",
            "Selesai"
        ]
    );
}
