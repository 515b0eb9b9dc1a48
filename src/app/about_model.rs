//! "About the model" (`about-model`): the teachers' notes of `src/model/README.md` (what is
//! modelled, what is simplified, the validation tables with their sources) in a `<details>` at the
//! foot of the page. The notes are fetched and read (by `view::about`) the first time the section
//! is opened; this component only shows the tree, or says why the notes could not be loaded.

use leptos::prelude::*;

use super::later::split_point;
use crate::strings::t;
use crate::view::about::{parse, Block, Inline, MODEL_NOTES_FILE};

/// Where the notes stand.
#[derive(Clone, Debug, PartialEq)]
enum Notes {
    NotAsked,
    Loading,
    /// The notes' Markdown, read and laid out by `notes_view` (a part fetched when first used).
    Loaded(String),
    Failed(String),
}

/// Fetches a text file from beside the page (the model's notes, a language's catalogue).
pub(super) async fn fetch_text(path: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let describe = |error: wasm_bindgen::JsValue| {
        error
            .as_string()
            .or_else(|| {
                error
                    .dyn_ref::<js_sys::Error>()
                    .map(|error| String::from(error.message()))
            })
            .unwrap_or_else(|| format!("{error:?}"))
    };
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// The model's notes, closed until the student opens them.
#[component]
pub fn AboutModel() -> impl IntoView {
    let notes = RwSignal::new(Notes::NotAsked);
    let load = move |_| {
        if notes.get_untracked() != Notes::NotAsked {
            return;
        }
        notes.set(Notes::Loading);
        leptos::task::spawn_local(async move {
            notes.set(match fetch_text(MODEL_NOTES_FILE).await {
                Ok(markdown) => Notes::Loaded(markdown),
                Err(reason) => Notes::Failed(reason),
            });
        });
    };
    view! {
        <details class="about-model" data-testid="about-model" on:toggle=load>
            <summary>{t().about_heading}</summary>
            <p class="about-intro">{t().about_intro}</p>
            {move || match notes.get() {
                Notes::NotAsked => ().into_any(),
                Notes::Loading => view! { <p>{t().about_loading}</p> }.into_any(),
                Notes::Loaded(markdown) => super::later::arriving(notes_view(markdown)).into_any(),
                Notes::Failed(reason) => view! {
                    <p class="about-failed" role="alert">
                        {crate::strings::fill(t().about_failed, &[("reason", &reason)])}
                    </p>
                }
                .into_any(),
            }}
        </details>
    }
}

split_point!(about:
    /// The notes read (`view::about`) and laid out.
    fn notes_view(markdown: String) -> AnyView {
        parse(&markdown).blocks.into_iter().map(block_view).collect_view().into_any()
    }
);

/// One block of the notes. Headings sit below the page's own `<h2>`s (`#` → `<h3>`).
fn block_view(block: Block) -> AnyView {
    match block {
        Block::Heading { level: 1, spans } => view! { <h3>{spans_view(spans)}</h3> }.into_any(),
        Block::Heading { level: 2, spans } => view! { <h4>{spans_view(spans)}</h4> }.into_any(),
        Block::Heading { spans, .. } => view! { <h5>{spans_view(spans)}</h5> }.into_any(),
        Block::Paragraph(spans) => view! { <p>{spans_view(spans)}</p> }.into_any(),
        Block::List(items) => view! {
            <ul>
                {items
                    .into_iter()
                    .map(|item| view! { <li>{spans_view(item)}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any(),
        Block::Table { header, rows } => view! {
            // Focusable so that a keyboard can scroll a wide table sideways.
            <div class="about-table" tabindex="0">
                <table>
                    <thead>
                        <tr>
                            {header
                                .into_iter()
                                .map(|cell| view! { <th scope="col">{spans_view(cell)}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                view! {
                                    <tr>
                                        {row
                                            .into_iter()
                                            .map(|cell| view! { <td>{spans_view(cell)}</td> })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
        Block::Code(code) => {
            view! { <pre class="about-diagram" tabindex="0">{code}</pre> }.into_any()
        }
    }
}

/// A line of inline runs.
fn spans_view(spans: Vec<Inline>) -> impl IntoView {
    spans
        .into_iter()
        .map(|span| match span {
            Inline::Text(text) => text.into_any(),
            Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
            Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
            Inline::Emphasis(text) => view! { <em>{text}</em> }.into_any(),
        })
        .collect_view()
}
