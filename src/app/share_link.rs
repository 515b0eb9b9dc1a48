//! The share link (`share-link`): shows, selects and copies the link to the current state.

use leptos::html::Input;
use leptos::prelude::*;

use super::page_context::PageContext;
use crate::strings::t;

/// This page's address without its query: where share links and embed snippets point.
pub(super) fn page_base() -> String {
    web_sys::window()
        .and_then(|window| {
            let location = window.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// A button that shows the link to this preset, these settings and this day (in these units),
/// selected for copying.
#[component]
pub fn ShareLink() -> impl IntoView {
    let context = PageContext::get();
    let link = RwSignal::new(String::new());
    let input_ref = NodeRef::<Input>::new();
    let show_link = move |_| {
        let query = context.share_query();
        link.set(format!("{}{query}", page_base()));
        if let Some(input) = input_ref.get() {
            input.set_value(&link.get_untracked());
            input.select();
        }
    };
    view! {
        <div class="share">
            <button
                type="button"
                data-testid="share-link"
                title=t().share_link_hint
                on:click=show_link
            >
                {t().share_link}
            </button>
            <input
                node_ref=input_ref
                type="text"
                readonly
                class="share-url"
                data-testid="share-link-url"
                aria-label=t().share_link_hint
                prop:value=move || link.get()
                class:hidden=move || link.with(String::is_empty)
            />
        </div>
    }
}
