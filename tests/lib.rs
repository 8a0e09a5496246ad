//! The one integration-test binary (one binary links once; see STYLE.md).
//! Each area has its own submodule file.

mod clean;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
mod entities;
#[cfg(not(target_arch = "wasm32"))]
mod prop;
mod reference;
mod sentences;

/// The reference article (Indonesian news as pasted), read from `../shared`.
pub fn reference_article() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/samples/000_8979b68690ae2a27.txt"
    );
    std::fs::read_to_string(path).expect("../shared/data/samples beside the repository")
}
