//! One `analyse` per file, for instruction counts (deterministic, unlike
//! wall-clock time): the models and lexicons are built first on a short
//! text, then only `run` is counted.
//!
//! ```text
//! cargo build --release --example callgrind
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='callgrind::run' \
//!     target/release/examples/callgrind FILE
//! ```

#[inline(never)]
fn run(text: &str, opts: &teks::Options) -> teks::Analysis {
    teks::analyse(text, opts)
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
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let a = std::hint::black_box(run(&text, &opts));
        println!(
            "{path}: {} sentences, {} entities",
            a.stats.sentences, a.stats.entities
        );
    }
}
