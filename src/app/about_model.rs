//! "About the model" (`about-model`): the teachers' notes of `src/model/README.md` (what is
//! modelled, what is simplified, the validation tables with their sources) in a `<details>` at the
//! foot of the page. The notes are read by `view::about`; this component only shows the tree, and
//! builds it the first time the section is opened (the tables are long).

use leptos::prelude::*;

use crate::strings::ENGLISH;
use crate::view::about::{model_notes, Block, Inline};

/// The model's notes, closed until the student opens them.
#[component]
pub fn AboutModel() -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details
            class="about-model"
            data-testid="about-model"
            on:toggle=move |_| opened.set(true)
        >
            <summary>{ENGLISH.about_heading}</summary>
            <p class="about-intro">{ENGLISH.about_intro}</p>
            <Show when=move || opened.get()>
                {model_notes().blocks.into_iter().map(block_view).collect_view()}
            </Show>
        </details>
    }
}

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
