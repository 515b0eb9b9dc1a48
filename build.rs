//! The page's split build (cargo feature `split`, set in index.html) keeps the linker's relocations
//! in the WebAssembly: tools/split-wasm.mjs reads them to cut the file into the first download and
//! the parts fetched later (src/app/later.rs). Every other build is unchanged.

fn main() {
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bin=marrow-factory=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
