//! Parts of the page that arrive when first used (issue 12: the first download). Each function here
//! is a split point: in the page's build (cargo feature `split`, set in `index.html`) its code and
//! whatever only it uses go into a WebAssembly file of their own, which the browser fetches the
//! first time the function is called (`tools/split-wasm.mjs` cuts the file after the build). In
//! every other build (the browser component tests, clippy) the same function is an `async fn`
//! that is ready at once.
//!
//! The parts that are views are declared here and shown with `arriving`; the parts that are work
//! (reading a file, building a link, an export) sit beside the code that calls them
//! (`about_model`, `scenario_files`, `teacher_panel`, `export_bar`). Declared as
//! `split_point!(chunk: fn ...)`; a function's arguments and result are handed over as they are.

use std::future::Future;

use leptos::prelude::*;

use super::page_context::PageContext;
use super::{CasePanel, SecondPatient, TourPanel, WhyPanel};
use crate::model::{CausalChain, LabKey};
use crate::strings::{Catalogue, Lang, Strings, ENGLISH};
use crate::teaching::case::{Case, CaseProgress};
use crate::teaching::cases::CaseFile;
use crate::teaching::tour::TourProgress;
use crate::view::units::Units;

/// Declares a split point: `split_point!(chunk: fn name(arg: Type, ...) -> Output { body })`
/// makes `async fn name(arg: Type, ...) -> Output`. Functions naming the same `chunk` share one
/// file. The arguments and the output cross into the part as they are (both sides are this crate,
/// built together), so they are plain values: no references, no generics.
macro_rules! split_point {
    ($chunk:ident: $(#[$meta:meta])* fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $output:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name($($arg: $ty),*) -> $output $body

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> $output $body
    };
    ($chunk:ident: $(#[$meta:meta])* fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name($($arg: $ty),*) $body

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) $body
    };
}
pub(crate) use split_point;

/// Shows the part that `part` brings, where it is called; nothing until it has arrived.
pub fn arriving(part: impl Future<Output = AnyView> + 'static) -> impl IntoView {
    // `Suspend` asks for a future that may move between threads; the page has one thread, and the
    // wrapper (the one Leptos's own `#[lazy]` uses) checks that it never moves.
    Suspend::new(leptos::__reexports::send_wrapper::SendWrapper::new(part))
}

split_point!(tour:
    /// A guided tour in progress (`TourPanel`).
    fn tour_panel(progress: RwSignal<Option<TourProgress>>) -> AnyView {
        view! { <TourPanel progress=progress/> }.into_any()
    }
);

split_point!(case:
    /// A mystery patient being worked out (`CasePanel`).
    fn case_panel(progress: RwSignal<Option<CaseProgress>>) -> AnyView {
        view! { <CasePanel progress=progress/> }.into_any()
    }
);

split_point!(why:
    /// The causal chain of the chosen lab (`WhyPanel`).
    fn why_panel(
        chain: Signal<Option<(LabKey, CausalChain)>>,
        on_close: Callback<()>,
        units: Signal<Units>,
    ) -> AnyView {
        view! { <WhyPanel chain=chain on_close=on_close units=units/> }.into_any()
    }
);

split_point!(compare:
    /// Compare mode's second patient (`SecondPatient`).
    fn second_patient(patient: PageContext) -> AnyView {
        view! { <SecondPatient patient=patient/> }.into_any()
    }
);

split_point!(case:
    /// A case's file read and checked (`CaseFile::read`); a refusal says why.
    fn read_case(file: CaseFile, json: String) -> Result<Case, String> {
        file.read(&json).map_err(|error| error.0)
    }
);

split_point!(language:
    /// A language's catalogue files (name, text) read, and the page's words in that language.
    fn read_catalogue(
        lang: Lang,
        files: Vec<(&'static str, String)>,
    ) -> Result<&'static Strings, String> {
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(name, text)| (*name, text.as_str()))
            .collect();
        let catalogue: &'static Catalogue =
            Box::leak(Box::new(Catalogue::parse(lang, &borrowed)?));
        Ok(Box::leak(Box::new(ENGLISH.translated(catalogue))))
    }
);
