//! Fuzzes the HTML path of the cleaner.
#![no_main]

use libfuzzer_sys::fuzz_target;
use teks::{InputFormat, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = Options { input: InputFormat::Html, ..Options::default() };
    let cleaned = teks::clean(&text, &options);
    let len = text.encode_utf16().count();
    let mut prev = 0;
    for r in &cleaned.removed {
        assert!(prev <= r.start && r.start < r.end && r.end <= len);
        prev = r.end;
    }
});
