//! Browser tests: the wasm API in real Chromium, through the same exports the
//! page uses (`wasm-pack test --headless --chrome -- --test web`).
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Reflect};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The sentence fixtures and tests, run in the browser too.
#[path = "sentences.rs"]
mod sentences;

const REFERENCE: &str = include_str!("../../shared/data/samples/000_8979b68690ae2a27.txt");

/// Turns a result back into JSON to assert on it.
fn json(value: &JsValue) -> Value {
    serde_wasm_bindgen::from_value(value.clone()).expect("result is plain JSON-compatible data")
}

/// `text.slice(start, end)` in JavaScript.
fn js_slice(text: &JsString, start: &Value, end: &Value) -> String {
    let (start, end) = (start.as_u64().unwrap() as u32, end.as_u64().unwrap() as u32);
    String::from(text.slice(start, end))
}

fn error_message(err: JsValue) -> String {
    let err: js_sys::Error = err.dyn_into().expect("thrown value is an Error");
    String::from(err.message())
}

#[wasm_bindgen_test]
fn analyse_reference_article() {
    let input = JsString::from(REFERENCE);
    let out = json(&teks::wasm::analyse(input.clone().into(), JsValue::UNDEFINED).unwrap());
    assert_eq!(out["language"], "id");
    let sentences = out["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 10, "{} sentences", sentences.len());
    assert_eq!(
        out["stats"]["sentences"].as_u64().unwrap() as usize,
        sentences.len()
    );
    for s in sentences {
        let span = js_slice(&input, &s["start"], &s["end"]);
        let words: Vec<&str> = span.split_whitespace().collect();
        assert_eq!(
            words,
            s["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
        );
    }
    let entities = out["entities"].as_array().unwrap();
    assert!(!entities.is_empty());
    for e in entities {
        let mentions = e["mentions"].as_array().unwrap();
        assert_eq!(e["count"].as_u64().unwrap() as usize, mentions.len());
        for m in mentions {
            assert_eq!(
                js_slice(&input, &m["start"], &m["end"]),
                m["text"].as_str().unwrap()
            );
        }
    }
    let promos: Vec<&Value> = out["removed"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reason"] == "promo")
        .collect();
    assert_eq!(promos.len(), 3);
    for r in promos {
        assert!(js_slice(&input, &r["start"], &r["end"]).starts_with("BACA JUGA"));
    }
    let kim = entities
        .iter()
        .find(|e| e["name"] == "Kim Jong-Un")
        .expect("Kim Jong-Un found");
    assert_eq!(kim["type"], "PER");
}

#[wasm_bindgen_test]
fn offsets_are_utf16_with_emoji_and_lone_surrogates() {
    // "😀" is two UTF-16 units; a lone surrogate is one (it arrives as U+FFFD).
    let units: Vec<u16> =
        "😀 Budi tinggal di Jakarta. \u{fffd} Dia bertemu Joko Widodo di Bandung."
            .chars()
            .flat_map(|c| {
                if c == '\u{fffd}' {
                    vec![0xd800]
                } else {
                    let mut b = [0u16; 2];
                    c.encode_utf16(&mut b).to_vec()
                }
            })
            .collect();
    let input = JsString::from_char_code(&units);
    let out = json(&teks::wasm::analyse(input.clone().into(), JsValue::UNDEFINED).unwrap());
    for s in out["sentences"].as_array().unwrap() {
        let end = s["end"].as_u64().unwrap() as u32;
        assert!(end <= input.length());
    }
    for e in out["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            assert_eq!(
                js_slice(&input, &m["start"], &m["end"]),
                m["text"].as_str().unwrap()
            );
        }
    }
    assert_eq!(
        out["stats"]["inputLength"].as_u64().unwrap() as u32,
        input.length()
    );
}

#[wasm_bindgen_test]
fn errors_are_thrown_as_error_objects_and_the_module_keeps_working() {
    let bad_options = js_sys::JSON::parse(r#"{"lang":"xx"}"#).unwrap();
    let err = teks::wasm::analyse(JsValue::from_str("Halo."), bad_options).unwrap_err();
    let msg = error_message(err.into());
    assert!(msg.contains("xx"), "{msg}");

    let unknown = js_sys::JSON::parse(r#"{"colour":"blue"}"#).unwrap();
    let msg = error_message(
        teks::wasm::analyse(JsValue::from_str("Halo."), unknown)
            .unwrap_err()
            .into(),
    );
    assert!(msg.contains("colour"), "{msg}");

    let msg = error_message(
        teks::wasm::analyse(JsValue::from_f64(3.0), JsValue::NULL)
            .unwrap_err()
            .into(),
    );
    assert!(msg.contains("string"), "{msg}");

    for (bad, named) in [
        (r#"{"cleanRules":{"bogus":true}}"#, "bogus"),
        (r#"{"cleanRules":{"promo":"yes"}}"#, "promo"),
        (r#"{"entityTypes":["PER","XYZ"]}"#, "XYZ"),
        (r#"{"entityTypes":"PER"}"#, "entityTypes"),
        (r#"{"input":"pdf"}"#, "pdf"),
        (r#"{"clean":1}"#, "clean"),
        (r#""id""#, "options"),
    ] {
        let opts = js_sys::JSON::parse(bad).unwrap();
        let msg = error_message(
            teks::wasm::analyse(JsValue::from_str("Halo."), opts)
                .unwrap_err()
                .into(),
        );
        assert!(msg.contains(named), "{bad}: {msg}");
    }
    let opts = js_sys::JSON::parse(
        r#"{"lang":"auto","clean":true,"input":"text","cleanRules":{"straightQuotes":true},"entityTypes":null}"#,
    )
    .unwrap();
    assert!(teks::wasm::analyse(JsValue::from_str("Halo."), opts).is_ok());

    let ok = json(&teks::wasm::analyse(JsValue::from_str(""), JsValue::NULL).unwrap());
    assert_eq!(ok["sentences"].as_array().unwrap().len(), 0);
    let ok = json(
        &teks::wasm::split_sentences(JsValue::from_str("Satu. Dua."), JsValue::UNDEFINED).unwrap(),
    );
    assert_eq!(ok.as_array().unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn every_export_answers() {
    let text =
        JsValue::from_str("BACA JUGA: Lain\nPresiden Joko Widodo tiba di Jakarta. Jokowi senang.");
    let opts = js_sys::JSON::parse(r#"{"lang":"id","entityTypes":["PER","LOC"]}"#).unwrap();
    let cleaned = json(&teks::wasm::clean(text.clone(), opts.clone()).unwrap());
    assert_eq!(cleaned["removed"][0]["reason"], "promo");
    let entities = json(&teks::wasm::count_entities(text.clone(), opts).unwrap());
    assert!(entities
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["type"] == "PER" || e["type"] == "LOC"));
    assert!(Reflect::get(
        &teks::wasm::analyse(text, JsValue::UNDEFINED).unwrap(),
        &"stats".into()
    )
    .is_ok());
    assert!(!teks::wasm::version().is_empty());
}
