//! Browser tests: the wasm API in real Chromium (`wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REFERENCE: &str = include_str!("../../shared/data/samples/000_8979b68690ae2a27.txt");

#[wasm_bindgen_test]
fn analyse_reference_article() {
    let out = teks::wasm::analyse(JsValue::from_str(REFERENCE), JsValue::UNDEFINED).unwrap();
    let lang = js_sys::Reflect::get(&out, &"language".into()).unwrap();
    assert_eq!(lang.as_string().as_deref(), Some("id"));
}
