//! The page's entry point: it only mounts the Leptos app (the app itself lives in the library).

#[cfg(target_arch = "wasm32")]
fn main() {
    marrow_factory::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("marrow-factory is the web page; build and serve it with `bash setup.sh serve`.");
    eprintln!("For the command-line simulator run `cargo run --release --bin marrow-sim -- SCENARIO.json`.");
    std::process::exit(2);
}
