/*!
teks analyses pasted text where it is pasted: it cleans the text, splits it into
sentences and finds and counts the people, places and organisations in it.
Indonesian is the first-class language, English the second.

The crate is plain Rust (`&str` in, plain structs out). The same core is
compiled to WebAssembly for the browser page in `www/` (see the `wasm` module,
built only for `wasm32`) and wrapped by the `teks` command-line tool.

Every offset in a result counts **UTF-16 code units into the original input,
end exclusive**, so in JavaScript `input.slice(start, end)` gives the span.

# Example

```
use teks::{analyse, EntityType, Lang, Options};

let text = "Presiden Joko Widodo bertemu Donald Trump di Jakarta. \
            Jokowi dan Trump membahas kerja sama.";
let analysis = analyse(text, &Options::default());
assert_eq!(analysis.language, Lang::Id);
assert_eq!(analysis.sentences.len(), 2);
let trump = analysis.entities.iter().find(|e| e.name == "Donald Trump").unwrap();
assert_eq!(trump.kind, EntityType::Per);
assert_eq!(trump.count, 2);
// Offsets are UTF-16 code units into `text`; it is ASCII here, so bytes match.
let first = &trump.mentions[0];
assert_eq!(&text[first.start..first.end], "Donald Trump");
```
*/
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]
#![forbid(unsafe_code)]

/// A word list of `src/` (path relative to it) as embedded: its comment lines
/// dropped by `build.rs`.
macro_rules! list {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $path))
    };
}

mod analysis;
mod bytes;
mod clean;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod compact;
mod entity;
mod error;
mod lang;
mod offsets;
mod options;
mod sentence;
mod sort;
mod token;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{
    analyse, clean, count_entities, split_sentences, Analyser, Analysis, Cleaned, Entity, Mention,
    Progress, Removal, Sentence, Stats,
};
pub use clean::Reason;
#[cfg(feature = "train")]
pub use entity::train;
pub use entity::EntityType;
pub use error::Error;
pub use lang::{detect_language, Lang};
pub use options::{CleanRules, InputFormat, Options};

/// The Rust half of the JavaScript `analyse()`: the compact result
/// (`src/compact.rs`) that the wasm module hands its JS decoder. Not a
/// stable API: public only so that `examples/callgrind` can count it natively.
#[doc(hidden)]
pub fn analyse_compact(text: &str, options: &Options) -> (Vec<u32>, String) {
    let (a, slices) = analysis::analyse_lean(text, options);
    compact::encode_lean(&a, &slices)
}
