//! The export buttons (`export-csv`, `export-png`, `print-summary`): the time series as a CSV file,
//! the first chart as a PNG, and the printed one-page summary (the print stylesheet lays it out).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::later::split_point;
use super::page_context::PageContext;
use crate::strings::t;
use crate::view::export::{file_name, history_csv};

/// How long an object URL outlives the click that downloads it, so the browser has read it.
const OBJECT_URL_LIFETIME: std::time::Duration = std::time::Duration::from_secs(10);

/// Saves `href` as `name` through a temporary `<a download>`.
fn download(href: &str, name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(href);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body()?;
    body.append_child(&link).ok()?;
    link.click();
    link.remove();
    Some(())
}

/// Saves `text` as a CSV file.
fn download_csv(text: &str, name: &str) -> Option<()> {
    download_text(text, name, "text/csv;charset=utf-8")
}

/// Saves `text` as a file of MIME type `mime` (through a Blob and an object URL).
pub(super) fn download_text(text: &str, name: &str, mime: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    download(&url, name);
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        OBJECT_URL_LIFETIME,
    );
    Some(())
}

/// Saves the first chart on the page as a PNG; returns nothing when no chart is shown.
fn download_first_chart(preset: &str, day: f64) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = document
        .query_selector(".chart-grid canvas.time-chart")
        .ok()??
        .dyn_into()
        .ok()?;
    // The hook is `chart-KEY`: the key names the file.
    let key = canvas
        .get_attribute("data-testid")
        .and_then(|id| id.strip_prefix("chart-").map(str::to_string));
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    download(&url, &file_name(preset, day, key.as_deref(), "png"))
}

split_point!(export:
    /// Saves the time series as a CSV file.
    fn export_csv(context: PageContext) {
        let (csv, name) = context.with_simulation(|simulation| {
            (
                history_csv(simulation.history()),
                file_name(simulation.preset(), simulation.day(), None, "csv"),
            )
        });
        download_csv(&csv, &name);
    }
);

split_point!(export:
    /// Saves the first chart as a PNG.
    fn export_png(context: PageContext) {
        let (preset, day) =
            context.with_simulation(|simulation| (simulation.preset(), simulation.day()));
        download_first_chart(preset, day);
    }
);

/// The three export buttons, beside the charts. The exports arrive when first used
/// (src/app/later.rs).
#[component]
pub fn ExportBar() -> impl IntoView {
    let context = PageContext::get();
    let export_csv = move |_| leptos::task::spawn_local(export_csv(context));
    let export_png = move |_| leptos::task::spawn_local(export_png(context));
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="export-bar" role="group" aria-label=t().export_label()>
            <button
                type="button"
                data-testid="export-csv"
                title=t().export_csv_hint()
                on:click=export_csv
            >
                {t().export_csv()}
            </button>
            <button
                type="button"
                data-testid="export-png"
                title=t().export_png_hint()
                on:click=export_png
            >
                {t().export_png()}
            </button>
            <button
                type="button"
                data-testid="print-summary"
                title=t().print_summary_hint()
                on:click=print
            >
                {t().print_summary()}
            </button>
        </div>
    }
}
