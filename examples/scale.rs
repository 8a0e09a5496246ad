//! Scale check: is `teks::analyse` linear in the input length?
//!
//! For each input shape it times `analyse` on a small input and on one ten
//! times larger, and prints the time ratio (linear ≈ 10; the target is
//! ≤ 12). Shapes: pathological ones (a run of ".", one giant word, repeated
//! "A. ", repeated "Dr. ", repeated "Budi " — one capitalised word) and, when
//! given, real text files cut to size (`make bench` passes the generated
//! 1 MiB Indonesian and English texts).
//!
//! ```text
//! cargo run --release --example scale -- [--json] [--small BYTES] [--text NAME=PATH]...
//! ```
//!
//! Not a test: it measures wall-clock time, which tests must not assert on.

use std::time::{Duration, Instant};

fn cut(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    s.truncate(bytes);
    s
}

/// Fastest time of `analyse(text)` over up to 5 runs within about a second
/// (at least one run): the minimum is the least disturbed by other load on
/// the machine, which is what a complexity check needs.
fn time(text: &str) -> Duration {
    let opts = teks::Options::default();
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 && (times.is_empty() || start.elapsed() < Duration::from_secs(1)) {
        let t = Instant::now();
        let a = teks::analyse(text, &opts);
        times.push(t.elapsed());
        std::hint::black_box(a);
    }
    times.into_iter().min().unwrap_or_default()
}

fn main() {
    let mut json = false;
    let mut small = 64 * 1024;
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--small" => small = args.next().and_then(|v| v.parse().ok()).unwrap_or(small),
            "--text" => {
                let spec = args.next().unwrap_or_default();
                let Some((name, path)) = spec.split_once('=') else {
                    eprintln!("--text wants NAME=PATH");
                    std::process::exit(2);
                };
                match std::fs::read_to_string(path) {
                    Ok(t) => texts.push((name.to_string(), t)),
                    Err(e) => {
                        eprintln!("{path}: {e}");
                        std::process::exit(2);
                    }
                }
            }
            _ => {
                eprintln!("usage: scale [--json] [--small BYTES] [--text NAME=PATH]...");
                std::process::exit(2);
            }
        }
    }
    let large = small * 10;
    let mut shapes: Vec<(String, String, String)> = Vec::new();
    for (name, text) in &texts {
        shapes.push((
            name.clone(),
            cut(text, small).to_string(),
            cut(text, large).to_string(),
        ));
    }
    for (name, unit) in [
        ("dots", "."),
        ("one-word", "a"),
        ("A. ", "A. "),
        ("Dr. ", "Dr. "),
        ("cap-words", "Budi "),
        ("newlines", "\n"),
    ] {
        shapes.push((
            name.to_string(),
            repeat_to(unit, small),
            repeat_to(unit, large),
        ));
    }
    let mut rows = Vec::new();
    for (name, s, l) in &shapes {
        let ts = time(s);
        let tl = time(l);
        let ratio = tl.as_secs_f64() / ts.as_secs_f64().max(1e-9);
        if !json {
            println!(
                "{name:<10} {:>8} B {:>9.2} ms  → {:>9} B {:>9.2} ms  ratio {ratio:>6.1}  {}",
                s.len(),
                ts.as_secs_f64() * 1e3,
                l.len(),
                tl.as_secs_f64() * 1e3,
                if ratio <= 12.0 { "ok" } else { "NOT LINEAR" }
            );
        }
        rows.push(serde_json::json!({
            "name": name,
            "small_mb": (s.len() as f64 / 1048576.0 * 1000.0).round() / 1000.0,
            "large_mb": (l.len() as f64 / 1048576.0 * 1000.0).round() / 1000.0,
            "small_ms": (ts.as_secs_f64() * 1e5).round() / 100.0,
            "large_ms": (tl.as_secs_f64() * 1e5).round() / 100.0,
            "large_mbps": (l.len() as f64 / 1048576.0 / tl.as_secs_f64() * 10.0).round() / 10.0,
            "ratio": (ratio * 10.0).round() / 10.0,
        }));
    }
    if json {
        println!("{}", serde_json::json!({ "shapes": rows }));
    }
}
