//! Where the time goes: times each public stage of the pipeline on text
//! files (`clean`, `split_sentences`, `count_entities`, `analyse`; each
//! includes the stages before it) and prints MB/s, best of 5 runs.
//!
//! ```text
//! cargo run --release --example stages -- FILE...
//! ```
//!
//! Not a test: it measures wall-clock time.

use std::time::{Duration, Instant};

fn best<T>(f: impl Fn() -> T) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let opts = teks::Options::default();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let mb = text.len() as f64 / 1e6;
        println!("{path} ({mb:.2} MB)");
        let stages: [(&str, Duration); 4] = [
            ("clean", best(|| teks::clean(&text, &opts))),
            (
                "split_sentences",
                best(|| teks::split_sentences(&text, &opts)),
            ),
            (
                "count_entities",
                best(|| teks::count_entities(&text, &opts)),
            ),
            ("analyse", best(|| teks::analyse(&text, &opts))),
        ];
        for (name, d) in stages {
            let s = d.as_secs_f64();
            println!("  {name:<16} {:>8.1} ms {:>8.1} MB/s", s * 1e3, mb / s);
        }
    }
}
