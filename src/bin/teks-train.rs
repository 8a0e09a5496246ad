//! Trains the entity tagger models: `cargo run --release --features train
//! --bin teks-train -- ../shared/data/ner [src/entity/model] [--bits N] [--epochs N]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = teks::train::run(&args) {
        eprintln!("teks-train: {e}");
        std::process::exit(1);
    }
}
