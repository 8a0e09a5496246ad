//! The JavaScript API (built for `wasm32` only). Thin: converts arguments,
//! calls the core, serialises results. No analysis logic lives here.
//!
//! The boundary is measured (`bench/boundary.mjs`, 1 MiB of Indonesian
//! news, Node 20):
//! - text in: `JsValue::as_string` (wasm-bindgen's `TextEncoder.encodeInto`
//!   straight into wasm memory) takes 1.5–2.6 ms per MiB, against 8–9 ms
//!   for `TextEncoder.encode` + copy. A lone surrogate becomes U+FFFD, also
//!   one UTF-16 unit, so offsets into the JS string stay exact.
//! - results out: one JSON string written by `serde_json` and turned into
//!   objects by the engine's `JSON.parse` takes about half the time of
//!   serde-wasm-bindgen's object-by-object conversion (145 vs 284 ms for a
//!   4 MB result), for about 8 KB more gzipped wasm. The objects are the
//!   same (`bench/boundary.mjs` checks it).
//!
//! Long texts: [`JsAnalyser`] (`new Analyser(options)`, `push(chunk)` →
//! progress, `finish()` → result) analyses a text in ~1 MiB pieces, so a
//! worker can show progress and cancel between chunks.
//!
//! ```javascript
//! import init, { analyse } from "./pkg/teks.js";
//! await init();
//! const result = analyse("Presiden Joko Widodo tiba di Jakarta.", { lang: "auto" });
//! for (const e of result.entities) console.log(e.name, e.type, e.count);
//! ```

use crate::Options;
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
/** Progress of an `Analyser` (UTF-16 units of input received and analysed). */
export interface Progress {
  received: number; analysed: number; sentences: number; entities: number; mentions: number;
}
"#;

#[wasm_bindgen(inline_js = "export function toJson(v) { return JSON.stringify(v); }")]
extern "C" {
    #[wasm_bindgen(js_name = toJson)]
    fn to_json_string(v: &JsValue) -> String;
}

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Copies a JS string argument into Rust as UTF-8: wasm-bindgen's string
/// conversion (`TextEncoder.encodeInto` straight into wasm memory), 3–5×
/// faster than `TextEncoder.encode` + copy (bench/boundary.mjs). A lone
/// surrogate becomes U+FFFD, also one UTF-16 unit, so offsets stay exact.
fn text_arg(text: &JsValue) -> Result<String, JsError> {
    text.as_string()
        .ok_or_else(|| JsError::new("teks: text must be a string"))
}

/// Reads the options object: `JSON.stringify` in JS, `serde_json` here (the
/// same deserialiser the CLI uses, so the JS and JSON option formats agree).
fn options_arg(options: &JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(JsError::new("teks: invalid options: expected an object"));
    }
    serde_json::from_str(&to_json_string(options))
        .map_err(|e| JsError::new(&format!("teks: invalid options: {e}")))
}

/// Converts a result to a JS value: serialised to JSON in Rust, then
/// `JSON.parse`d by the engine. For large results this is several times
/// faster than building the objects field by field across the boundary
/// (serde-wasm-bindgen); see `bench/boundary.mjs` for the measurement.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&json_string(value)?).map_err(|_| JsError::new("teks: result is not JSON"))
}

/// Serialises `value` into one buffer, reserved up front from a first
/// guess (64 KiB) so large results do not regrow it many times.
fn json_string<T: Serialize>(value: &T) -> Result<String, JsError> {
    let mut buf = Vec::with_capacity(64 * 1024);
    serde_json::to_writer(&mut buf, value).map_err(|e| JsError::new(&format!("teks: {e}")))?;
    // serde_json writes valid UTF-8.
    String::from_utf8(buf).map_err(|_| JsError::new("teks: result is not UTF-8"))
}

/// Analyses `text`: language, cleaned text, removed spans, sentences,
/// entities and stats. Throws an `Error` for a non-string `text` or
/// invalid options.
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyse(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_arg(&options)?;
    to_js(&crate::analyse(&text_arg(&text)?, &options))
}

/// Cleans `text`: `{ cleaned, removed }`.
#[wasm_bindgen(unchecked_return_type = "Cleaned")]
pub fn clean(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_arg(&options)?;
    to_js(&crate::clean(&text_arg(&text)?, &options))
}

/// Splits `text` into sentences (cleaned first unless `clean: false`).
#[wasm_bindgen(js_name = splitSentences, unchecked_return_type = "Sentence[]")]
pub fn split_sentences(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_arg(&options)?;
    to_js(&crate::split_sentences(&text_arg(&text)?, &options))
}

/// Finds and counts entities in `text`, most mentioned first.
#[wasm_bindgen(js_name = countEntities, unchecked_return_type = "Entity[]")]
pub fn count_entities(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_arg(&options)?;
    to_js(&crate::count_entities(&text_arg(&text)?, &options))
}

/// Chunked analysis of long texts (100 MB and more) with progress: feed the
/// text with `push(chunk)` (any sizes; each call analyses every ~1 MiB piece
/// that can be cut off at a paragraph/line/sentence boundary and returns a
/// `Progress`), then call `finish()` for the whole `Analysis`, with offsets
/// into the whole input. Between two `push` calls the caller may stop
/// (cancel) and drop the object (`free()`). Do not split a chunk inside a
/// surrogate pair. See [`crate::Analyser`].
#[wasm_bindgen(js_name = Analyser)]
pub struct JsAnalyser {
    inner: Option<crate::Analyser>,
}

#[wasm_bindgen(js_class = Analyser)]
impl JsAnalyser {
    /// Starts a chunked analysis with `options` (as for `analyse`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AnalyseOptions | undefined")] options: JsValue,
    ) -> Result<JsAnalyser, JsError> {
        Ok(JsAnalyser {
            inner: Some(crate::Analyser::new(options_arg(&options)?)),
        })
    }

    /// Adds the next chunk of the text; analyses what can be cut off.
    #[wasm_bindgen(unchecked_return_type = "Progress")]
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] chunk: JsValue,
    ) -> Result<JsValue, JsError> {
        let chunk = text_arg(&chunk)?;
        let inner = self
            .inner
            .as_mut()
            .ok_or_else(|| JsError::new("teks: Analyser already finished"))?;
        to_js(&inner.push(&chunk))
    }

    /// Analyses the rest and returns the whole result (once).
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        let inner = self
            .inner
            .take()
            .ok_or_else(|| JsError::new("teks: Analyser already finished"))?;
        to_js(&inner.finish())
    }
}

/// The teks version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Extra exports for `bench/boundary.mjs` (feature `bench-boundary`, never
/// in the page build): each boundary cost measured on its own.
#[cfg(feature = "bench-boundary")]
mod boundary {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        static HELD: RefCell<Option<crate::Analysis>> = const { RefCell::new(None) };
    }

    /// Analyses `text` and holds the result for the `benchEmit*` functions.
    #[wasm_bindgen(js_name = benchPrepare)]
    pub fn prepare(text: &str) {
        let a = crate::analyse(text, &Options::default());
        HELD.with(|h| *h.borrow_mut() = Some(a));
    }

    /// The held result through serde-wasm-bindgen (object by object).
    #[wasm_bindgen(js_name = benchEmitSwb)]
    pub fn emit_swb() -> Result<JsValue, JsError> {
        HELD.with(|h| {
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            h.borrow()
                .serialize(&serializer)
                .map_err(|e| JsError::new(&e.to_string()))
        })
    }

    /// The held result as JSON text, parsed by the engine.
    #[wasm_bindgen(js_name = benchEmitJson)]
    pub fn emit_json() -> Result<JsValue, JsError> {
        HELD.with(|h| to_js(&*h.borrow()))
    }

    /// The held result as a JSON string (no parse).
    #[wasm_bindgen(js_name = benchEmitJsonString)]
    pub fn emit_json_string() -> String {
        HELD.with(|h| json_string(&*h.borrow()).unwrap_or_default())
    }

    /// Text in through `TextEncoder.encode` + copy (the first design).
    #[wasm_bindgen(js_name = benchTextEncoder)]
    pub fn text_encoder(text: JsValue) -> Result<usize, JsError> {
        let bytes = js_sys::Uint8Array::new(&encode_utf8(&text)).to_vec();
        String::from_utf8(bytes)
            .map(|s| s.len())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    #[wasm_bindgen(inline_js = "const enc = new TextEncoder();\
        export function encodeUtf8(s) { return enc.encode(s); }")]
    extern "C" {
        #[wasm_bindgen(js_name = encodeUtf8)]
        fn encode_utf8(s: &JsValue) -> JsValue;
    }

    /// Text in as `JsValue::as_string` (what `analyse` does).
    #[wasm_bindgen(js_name = benchTextAsString)]
    pub fn text_as_string(text: JsValue) -> Result<usize, JsError> {
        Ok(text_arg(&text)?.len())
    }

    /// Text in as wasm-bindgen's `&str` (encodeInto into wasm memory).
    #[wasm_bindgen(js_name = benchTextStr)]
    pub fn text_str(text: &str) -> usize {
        text.len()
    }
}
