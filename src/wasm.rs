//! The JavaScript API (built for `wasm32` only). Thin: converts arguments,
//! calls the core, serialises results. No analysis logic lives here.
//!
//! The boundary is measured (`bench/boundary.mjs`, the 1 MiB Indonesian
//! benchmark text, Node 20 = Chromium's V8, medians of 7):
//! - text in: `JsValue::as_string` (wasm-bindgen's `TextEncoder.encodeInto`
//!   straight into wasm memory) ≈ 0.9 ms per MiB, against 3–10 ms for
//!   `TextEncoder.encode` + copy. A lone surrogate becomes U+FFFD, also one
//!   UTF-16 unit, so offsets into the JS string stay exact.
//! - results out (a 4 MB result: 7,262 sentences, 8,735 entities, 19,286
//!   mentions): the compact form of [`crate::compact`] (one `Uint32Array` +
//!   one string table, objects built by a 40-line JS decoder that slices
//!   mention and removal texts from the input) ≈ 20 ms, against 36–55 ms
//!   for serde-wasm-bindgen and 61–71 ms for serde_json + `JSON.parse`
//!   (which also costs ~8 KB of gzipped wasm). All three give the same
//!   objects (checked by the benchmark). Small results (`clean`,
//!   `splitSentences`, `countEntities`, progress) use serde-wasm-bindgen.
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

use crate::options::{CLEAN_RULE_FIELDS, OPTION_FIELDS};
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
/** Progress of an `Analyser` (UTF-16 units of input received and analysed). */
export interface Progress {
  received: number; analysed: number; sentences: number; entities: number; mentions: number;
}
"#;

#[wasm_bindgen(inline_js = r#"
export function decodeAnalysis(n, s, input) {
  let i = 0;
  const str = () => { const a = n[i++]; return s.substr(a, n[i++]); };
  const language = n[i++] === 0 ? "id" : "en";
  const cleaned = str();
  const removed = new Array(n[i++]);
  for (let k = 0; k < removed.length; k++) {
    const start = n[i++], end = n[i++];
    removed[k] = { start, end, reason: str(), text: input.slice(start, end) };
  }
  const sentences = new Array(n[i++]);
  for (let k = 0; k < sentences.length; k++) {
    const start = n[i++], end = n[i++];
    const text = n[i++] === 0 ? cleaned.slice(n[i++], n[i++]) : str();
    sentences[k] = { start, end, text };
  }
  const entities = new Array(n[i++]);
  for (let k = 0; k < entities.length; k++) {
    const name = str(), type = str(), count = n[i++];
    const aliases = new Array(n[i++]);
    for (let a = 0; a < aliases.length; a++) aliases[a] = str();
    const mentions = new Array(n[i++]);
    for (let m = 0; m < mentions.length; m++) {
      const start = n[i++], end = n[i++];
      mentions[m] = { start, end, text: input.slice(start, end) };
    }
    entities[k] = { name, type, count, aliases, mentions };
  }
  const stats = {
    inputLength: n[i++], characters: n[i++], words: n[i++], sentences: n[i++],
    entities: n[i++], mentions: n[i++], removed: n[i++],
  };
  return { language, cleaned, removed, sentences, entities, stats };
}
"#)]
extern "C" {
    /// The JS half of [`crate::compact`]: builds the result objects.
    #[wasm_bindgen(js_name = decodeAnalysis)]
    fn decode_analysis(nums: &[u32], strings: &str, input: &JsValue) -> JsValue;
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

/// Rejects keys a struct does not have (like serde's `deny_unknown_fields`).
fn check_keys(value: &js_sys::Object, fields: &[&str], what: &str) -> Result<(), JsError> {
    for key in js_sys::Object::keys(value).iter() {
        let key = key.as_string().unwrap_or_default();
        if !fields.contains(&key.as_str()) {
            return Err(invalid(&format!(
                "unknown field `{key}` in {what}, expected one of {}",
                fields.join(", ")
            )));
        }
    }
    Ok(())
}

fn invalid(message: &str) -> JsError {
    JsError::new(&format!("teks: invalid options: {message}"))
}

/// Field `key` of `object` when it is set (not `undefined`).
fn field(object: &js_sys::Object, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// The plain object `value`, or an error naming `what`.
fn object<'a>(value: &'a JsValue, what: &str) -> Result<&'a js_sys::Object, JsError> {
    if value.is_object() && !js_sys::Array::is_array(value) {
        Ok(value.unchecked_ref())
    } else {
        Err(invalid(&format!("{what} must be an object")))
    }
}

fn string_field(object: &js_sys::Object, key: &str) -> Result<Option<String>, JsError> {
    field(object, key)
        .map(|v| {
            v.as_string()
                .ok_or_else(|| invalid(&format!("`{key}` must be a string")))
        })
        .transpose()
}

fn bool_field(object: &js_sys::Object, key: &str, out: &mut bool) -> Result<(), JsError> {
    if let Some(v) = field(object, key) {
        *out = v
            .as_bool()
            .ok_or_else(|| invalid(&format!("`{key}` must be a boolean")))?;
    }
    Ok(())
}

/// Reads the options object by hand: the same names, defaults and checks as
/// the serde derive on [`Options`] (which the CLI uses), without linking
/// serde's deserializer and its number formatting into the wasm (~10 KB
/// gzip, measured).
fn options_arg(options: &JsValue) -> Result<Options, JsError> {
    let mut o = Options::default();
    if options.is_undefined() || options.is_null() {
        return Ok(o);
    }
    let options = object(options, "options")?;
    check_keys(options, &OPTION_FIELDS, "options")?;
    let err = |e: crate::Error| invalid(&e.to_string());
    if let Some(lang) = string_field(options, "lang")? {
        o.lang = Options::parse_lang(&lang).map_err(err)?;
    }
    bool_field(options, "clean", &mut o.clean)?;
    if let Some(input) = string_field(options, "input")? {
        o.input = input.parse().map_err(err)?;
    }
    if let Some(rules) = field(options, "cleanRules") {
        let rules = object(&rules, "cleanRules")?;
        check_keys(rules, &CLEAN_RULE_FIELDS, "cleanRules")?;
        let r = &mut o.clean_rules;
        for (key, flag) in [
            ("promo", &mut r.promo),
            ("credits", &mut r.credits),
            ("navigation", &mut r.navigation),
            ("mojibake", &mut r.mojibake),
            ("whitespace", &mut r.whitespace),
            ("straightQuotes", &mut r.straight_quotes),
        ] {
            bool_field(rules, key, flag)?;
        }
    }
    match field(options, "entityTypes") {
        None => {}
        Some(v) if v.is_null() => {}
        Some(v) if js_sys::Array::is_array(&v) => {
            let mut types = Vec::new();
            for t in v.unchecked_into::<js_sys::Array>().iter() {
                let name = t
                    .as_string()
                    .ok_or_else(|| invalid("`entityTypes` must hold strings"))?;
                let kind = crate::EntityType::ALL
                    .into_iter()
                    .find(|k| k.as_str() == name)
                    .ok_or_else(|| err(crate::Error::unknown_entity_type(&name)))?;
                types.push(kind);
            }
            o.entity_types = Some(types);
        }
        Some(_) => return Err(invalid("`entityTypes` must be an array")),
    }
    Ok(o)
}

/// Converts a small result (cleaning, sentences, entities, progress) to JS,
/// field by field (serde-wasm-bindgen).
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
    let options = options_arg(&options)?;
    // Through the compact form ([`crate::compact`]): one `Uint32Array` and
    // one string cross the boundary; texts of mentions and removals are
    // sliced from `text` in JS.
    let (nums, strings) = crate::analyse_compact(&text_arg(&text)?, &options);
    Ok(decode_analysis(&nums, &strings, &text))
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

    /// Converts a whole analysis of `input` to JS through the compact form
    /// ([`crate::compact`]), as `analyse` does.
    fn analysis_to_js(a: &crate::Analysis, input: &JsValue) -> JsValue {
        let (nums, strings) = crate::compact::encode(a);
        decode_analysis(&nums, &strings, input)
    }

    thread_local! {
        static HELD: RefCell<Option<crate::Analysis>> = const { RefCell::new(None) };
        static INPUT: RefCell<JsValue> = const { RefCell::new(JsValue::UNDEFINED) };
    }

    /// Analyses `text` and holds the result for the `benchEmit*` functions.
    #[wasm_bindgen(js_name = benchPrepare)]
    pub fn prepare(text: JsValue) {
        let a = crate::analyse(&text.as_string().unwrap_or_default(), &Options::default());
        HELD.with(|h| *h.borrow_mut() = Some(a));
        INPUT.with(|i| *i.borrow_mut() = text);
    }

    /// The held result through the compact form (what `analyse` does).
    #[wasm_bindgen(js_name = benchEmitCompact)]
    pub fn emit_compact() -> JsValue {
        HELD.with(|h| {
            INPUT.with(|i| match &*h.borrow() {
                Some(a) => analysis_to_js(a, &i.borrow()),
                None => JsValue::NULL,
            })
        })
    }

    /// The held result through serde-wasm-bindgen (object by object).
    #[wasm_bindgen(js_name = benchEmitSwb)]
    pub fn emit_swb() -> Result<JsValue, JsError> {
        HELD.with(|h| to_js(&*h.borrow()))
    }

    /// The held result as JSON text (serde_json), parsed by the engine.
    #[wasm_bindgen(js_name = benchEmitJson)]
    pub fn emit_json() -> Result<JsValue, JsError> {
        js_sys::JSON::parse(&json_string()).map_err(|_| JsError::new("not JSON"))
    }

    fn json_string() -> String {
        HELD.with(|h| serde_json::to_string(&*h.borrow()).unwrap_or_default())
    }

    /// The held result as a JSON string (no parse).
    #[wasm_bindgen(js_name = benchEmitJsonString)]
    pub fn emit_json_string() -> String {
        json_string()
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
