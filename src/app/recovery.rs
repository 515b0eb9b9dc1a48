//! Crash recovery (issue 12): a panic never leaves a dead page.
//!
//! The page keeps its last good state in the browser as the share link's query (the one format
//! that already rebuilds a patient lab for lab). When anything panics, the panic hook puts an
//! overlay (`error-overlay`) over the page that says what happened and offers to reopen the page
//! at that state, or to start again.
//!
//! After a panic the WebAssembly instance may be poisoned: the panic aborts with borrows still
//! held, so the reactive graph, the simulation and any event handler must not be relied on. The
//! overlay is therefore built once, inside the hook, with plain DOM calls, and its two choices are
//! ordinary links: following them needs no code of ours to run.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::page_context::PageContext;
use crate::strings::t;

/// Where the last good state is kept in the browser (`localStorage`).
const LAST_GOOD_STATE_KEY: &str = "marrow-factory.last-good-state";

/// Wall-clock milliseconds between saves of the state while the clock runs (a student's own
/// changes are saved at once). Chosen, not measured: a crash loses at most 2 s of play (60
/// simulated days at the fastest speed, 30 days/s), and the browser's storage is written with a
/// few hundred bytes every 2 s instead of on every frame.
pub const SAVE_EVERY_MS: f64 = 2000.0;

/// Whether the overlay is up: a poisoned page may panic again (every event that touches a held
/// borrow does); the first panic's overlay stays.
static OVERLAY_SHOWN: AtomicBool = AtomicBool::new(false);

/// Set by [`force_panic_for_tests`]: the next animation frame panics.
static PANIC_ASKED: AtomicBool = AtomicBool::new(false);

/// The page's own copy of what it saved, for the overlay: another tab of the page may have saved
/// its own state in the shared `localStorage` since.
#[derive(Clone, Debug, Default)]
struct KeptState {
    /// The share link's query of the last good state (`?preset=…&log=…&day=…`).
    restore_query: String,
    /// The query that starts again: no patient state, the teacher's choices kept (`&embed=1…`).
    start_again_query: String,
    /// When the state was last saved, ms on the page's clock (`performance.now()`).
    saved_at_ms: f64,
}

thread_local! {
    static KEPT: RefCell<Option<KeptState>> = const { RefCell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// Installs the panic hook: the panic is written to the console (as `console_error_panic_hook`
/// does), then the error overlay goes up over the page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if !OVERLAY_SHOWN.swap(true, Ordering::SeqCst) {
            show_error_overlay(&info.to_string());
        }
    }));
}

/// Keeps `restore_query` (the share link's query of the page as it stands) as the last good
/// state, in the browser's storage and in the page's memory; `start_again_query` is the query
/// that opens the page afresh with the teacher's choices.
pub fn keep_state(restore_query: &str, start_again_query: &str) {
    let kept = KeptState {
        restore_query: restore_query.to_string(),
        start_again_query: start_again_query.to_string(),
        saved_at_ms: now_ms(),
    };
    KEPT.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(kept);
        }
    });
    if let Some(storage) = storage() {
        // Storage may be full or switched off; the copy in memory still serves the overlay.
        let _ = storage.set_item(LAST_GOOD_STATE_KEY, restore_query);
    }
}

/// Whether the state saved last is at least [`SAVE_EVERY_MS`] old (or none was saved yet).
pub fn save_due() -> bool {
    let saved_at_ms = KEPT.with(|cell| {
        cell.try_borrow()
            .ok()
            .and_then(|kept| kept.as_ref().map(|kept| kept.saved_at_ms))
    });
    saved_at_ms.is_none_or(|saved_at_ms| now_ms() - saved_at_ms >= SAVE_EVERY_MS)
}

/// The queries the overlay links to: (restore, start again). The page's own copy first, else what
/// the browser's storage holds, else the page's address as it was opened.
fn recovery_queries() -> (String, String) {
    let kept = KEPT.with(|cell| cell.try_borrow().ok().and_then(|kept| kept.clone()));
    match kept {
        Some(kept) => (kept.restore_query, kept.start_again_query),
        None => {
            let opened = web_sys::window()
                .and_then(|window| window.location().search().ok())
                .unwrap_or_default();
            let stored = storage()
                .and_then(|storage| storage.get_item(LAST_GOOD_STATE_KEY).ok().flatten())
                .unwrap_or(opened);
            (stored, String::new())
        }
    }
}

/// A test hook, not a student's control: the next animation frame panics inside the simulation's
/// update, as a bug in the model would (the end-to-end test calls it through Trunk's
/// `window.wasmBindings`). Nothing in the page calls it and no link parameter reaches it.
#[wasm_bindgen]
pub fn force_panic_for_tests() {
    PANIC_ASKED.store(true, Ordering::SeqCst);
}

/// Panics if [`force_panic_for_tests`] asked for it (called by the frame loop, with the simulation
/// borrowed, so the panic leaves the page as poisoned as a real one would).
pub fn panic_if_asked() {
    if PANIC_ASKED.swap(false, Ordering::SeqCst) {
        panic!("forced by the test hook force_panic_for_tests");
    }
}

/// An element with `class` and, if not empty, `text`.
fn element(document: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    Some(element)
}

/// A link styled as a button that opens the page at `query` (a fresh page load).
fn choice_link(document: &Document, text: &str, test_id: &str, query: &str) -> Option<Element> {
    let link = element(document, "a", "button error-choice", text)?;
    let path = web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_else(|| "/".to_string());
    let query = query.trim_start_matches(['?', '&']);
    let href = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    link.set_attribute("href", &href).ok()?;
    link.set_attribute("data-testid", test_id).ok()?;
    Some(link)
}

/// Puts the error overlay over the page: what happened, the panic message folded away, and the two
/// ways on. Plain DOM calls only (see the module's notes); text goes in as text, never as markup.
fn show_error_overlay(message: &str) {
    // If the page cannot even build the overlay there is nothing better to do than the console
    // message already written.
    let _ = build_error_overlay(message);
}

fn build_error_overlay(message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let (restore_query, start_again_query) = recovery_queries();

    let overlay = element(&document, "div", "error-overlay", "")?;
    overlay.set_attribute("data-testid", "error-overlay").ok()?;
    overlay.set_attribute("role", "alertdialog").ok()?;
    overlay.set_attribute("aria-modal", "true").ok()?;
    overlay
        .set_attribute("aria-labelledby", "error-overlay-heading")
        .ok()?;
    overlay
        .set_attribute("aria-describedby", "error-overlay-text")
        .ok()?;
    let panel = element(&document, "div", "error-overlay-panel", "")?;
    let heading = element(&document, "h2", "", t().error_overlay_heading())?;
    heading.set_id("error-overlay-heading");
    let text = element(&document, "p", "", t().error_overlay_text())?;
    text.set_id("error-overlay-text");
    let details = element(&document, "details", "error-overlay-details", "")?;
    let summary = element(&document, "summary", "", t().error_overlay_details())?;
    let reported = element(&document, "pre", "", message)?;
    reported
        .set_attribute("data-testid", "error-message")
        .ok()?;
    details.append_child(&summary).ok()?;
    details.append_child(&reported).ok()?;
    let choices = element(&document, "p", "error-overlay-choices", "")?;
    let restore = choice_link(
        &document,
        t().error_overlay_restore(),
        "error-restore",
        &restore_query,
    )?;
    let start_again = choice_link(
        &document,
        t().error_overlay_start_again(),
        "error-start-again",
        &start_again_query,
    )?;
    restore.set_class_name("button primary error-choice");
    choices.append_child(&restore).ok()?;
    choices.append_child(&start_again).ok()?;
    for part in [&heading, &text, &details, &choices] {
        panel.append_child(part).ok()?;
    }
    overlay.append_child(&panel).ok()?;

    // The dead page behind stays visible but out of reach of the pointer, keys and screen readers.
    if let Ok(Some(page)) = document.query_selector(".page") {
        let _ = page.set_attribute("inert", "");
    }
    body.append_child(&overlay).ok()?;
    if let Ok(restore) = restore.dyn_into::<web_sys::HtmlElement>() {
        let _ = restore.focus();
    }
    Some(())
}

/// Keeps the page's state now, and again whenever the view a share link carries changes
/// (projector mode, units). The simulation's own changes are kept by `PageContext::change` (every
/// student action) and by the frame loop (every [`SAVE_EVERY_MS`] while the clock runs).
pub fn keep_state_from_now_on(context: PageContext) {
    Effect::new(move || {
        context.projector.track();
        context.units.track();
        context.keep_state();
    });
}
