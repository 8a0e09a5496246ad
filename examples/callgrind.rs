//! One analysis per file, for instruction counts (deterministic, unlike
//! wall-clock time): the models and lexicons are built first on a short
//! text, then only `run` is counted. `run` is what the wasm `analyse()`
//! runs in Rust (`teks::analyse_compact`: the analysis and its compact
//! encoding for JS); `--plain` counts `teks::analyse` instead.
//!
//! ```text
//! cargo build --release --example callgrind
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='callgrind::run' \
//!     target/release/examples/callgrind FILE
//! ```

#[inline(never)]
fn run(text: &str, opts: &teks::Options, plain: bool) -> usize {
    if plain {
        teks::analyse(text, opts).stats.sentences
    } else {
        teks::analyse_compact(text, opts).0.len()
    }
}

fn main() {
    let opts = teks::Options::default();
    // Build both languages' lexicons and models outside the counted part.
    for warm in [
        "Presiden Joko Widodo tiba di Jakarta kemarin. Dia senang.",
        "President Donald Trump arrived in London yesterday. He was happy.",
    ] {
        std::hint::black_box(teks::analyse(warm, &opts));
    }
    let plain = std::env::args().any(|a| a == "--plain");
    for path in std::env::args().skip(1).filter(|a| a != "--plain") {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let n = std::hint::black_box(run(&text, &opts, plain));
        println!("{path}: {n}");
    }
}
