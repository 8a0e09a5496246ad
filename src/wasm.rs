//! The JavaScript API (built for `wasm32` only). Thin: converts arguments,
//! calls the core, serialises results. No analysis logic lives here.
//!
//! Text crosses the boundary as UTF-8 made by the browser's `TextEncoder`
//! (about 1 GB/s) rather than wasm-bindgen's per-character string copy.
//! `TextEncoder` turns a lone surrogate into U+FFFD, which is also one UTF-16
//! unit, so offsets into the JS string stay exact.
//!
//! ```javascript
//! import init, { analyse } from "./pkg/teks.js";
//! await init();
//! const result = analyse("Presiden Joko Widodo tiba di Jakarta.", { lang: "auto" });
//! for (const e of result.entities) console.log(e.name, e.type, e.count);
//! ```

use crate::options::field_names;
use crate::Options;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Options for every function; all fields are optional. */
export interface AnalyseOptions {
  /** Language: "auto" (default) detects it. */
  lang?: "auto" | "id" | "en";
  /** Clean the text first (default true). */
  clean?: boolean;
  /** What the input is (default "text"). */
  input?: "text" | "html";
  /** Which cleaning rule families run (all on, but straightQuotes, by default). */
  cleanRules?: {
    promo?: boolean; credits?: boolean; navigation?: boolean;
    mojibake?: boolean; whitespace?: boolean; straightQuotes?: boolean;
  };
  /** Entity types to return (default PER, LOC, ORG). */
  entityTypes?: EntityType[];
}
export type EntityType = "PER" | "LOC" | "ORG" | "MISC" | "EMAIL" | "URL" | "HASHTAG"
  | "MENTION" | "MONEY" | "PERCENT" | "DATE" | "TIME" | "NUMBER";
export type RemovalReason = "promo" | "caption-credit" | "navigation" | "html-markup" | "invisible";
/** Offsets are UTF-16 code units into the input, end exclusive: input.slice(start, end). */
export interface Span { start: number; end: number; }
export interface Removal extends Span { reason: RemovalReason; text: string; }
export interface Sentence extends Span { text: string; }
export interface Mention extends Span { text: string; }
export interface Entity {
  name: string; type: EntityType; count: number; aliases: string[]; mentions: Mention[];
}
export interface Stats {
  inputLength: number; characters: number; words: number; sentences: number;
  entities: number; mentions: number; removed: number;
}
export interface Analysis {
  language: "id" | "en"; cleaned: string; removed: Removal[];
  sentences: Sentence[]; entities: Entity[]; stats: Stats;
}
export interface Cleaned { cleaned: string; removed: Removal[]; }
"#;

#[wasm_bindgen(inline_js = "const enc = new TextEncoder();\
    export function encodeUtf8(s) { return enc.encode(s); }")]
extern "C" {
    #[wasm_bindgen(js_name = encodeUtf8)]
    fn encode_utf8(s: &JsValue) -> js_sys::Uint8Array;
}

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Copies a JS string argument into Rust as UTF-8.
fn text_arg(text: &JsValue) -> Result<String, JsError> {
    if !text.is_string() {
        return Err(JsError::new("teks: text must be a string"));
    }
    let bytes = encode_utf8(text).to_vec();
    // TextEncoder always produces valid UTF-8.
    String::from_utf8(bytes).map_err(|e| JsError::new(&format!("teks: {e}")))
}

/// Rejects keys a struct does not have (serde-wasm-bindgen reads only the
/// known ones, so `deny_unknown_fields` alone would let typos pass silently).
fn check_keys(value: &JsValue, fields: &[&str], what: &str) -> Result<(), JsError> {
    if !value.is_object() {
        return Ok(()); // serde reports the type error
    }
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !fields.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "teks: invalid options: unknown field `{key}` in {what}, expected one of {}",
                fields.join(", ")
            )));
        }
    }
    Ok(())
}

fn options_arg(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    check_keys(&options, field_names::<Options>(), "options")?;
    if let Ok(rules) = js_sys::Reflect::get(&options, &"cleanRules".into()) {
        check_keys(&rules, field_names::<crate::CleanRules>(), "cleanRules")?;
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("teks: invalid options: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("teks: {e}")))
}

/// Analyses `text`: language, cleaned text, removed spans, sentences,
/// entities and stats. Throws an `Error` for a non-string `text` or
/// invalid options.
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyse(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_arg(options)?;
    to_js(&crate::analyse(&text_arg(&text)?, &options))
}

/// Cleans `text`: `{ cleaned, removed }`.
#[wasm_bindgen(unchecked_return_type = "Cleaned")]
pub fn clean(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_arg(options)?;
    to_js(&crate::clean(&text_arg(&text)?, &options))
}

/// Splits `text` into sentences (cleaned first unless `clean: false`).
#[wasm_bindgen(js_name = splitSentences, unchecked_return_type = "Sentence[]")]
pub fn split_sentences(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_arg(options)?;
    to_js(&crate::split_sentences(&text_arg(&text)?, &options))
}

/// Finds and counts entities in `text`, most mentioned first.
#[wasm_bindgen(js_name = countEntities, unchecked_return_type = "Entity[]")]
pub fn count_entities(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_arg(options)?;
    to_js(&crate::count_entities(&text_arg(&text)?, &options))
}

/// The teks version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
