//! The page's language (issue 11; contract section 5: `lang-select`, `lang=`). English is built in;
//! another language's catalogue is fetched the first time it is chosen, then the page renders
//! itself again in that language without a reload, keeping the patient, the tour or case and the
//! view (the state lives above the part that renders again, in `App`).

use std::cell::OnceCell;

use leptos::prelude::*;

use super::about_model::fetch_text;
use super::PageContext;
use crate::strings::{fill, set_current, t, Lang, Strings, ENGLISH};

thread_local! {
    /// Spanish, once fetched (a catalogue is read once per page).
    static SPANISH: OnceCell<&'static Strings> = const { OnceCell::new() };
}

/// Fetches and reads a language's catalogue files.
async fn load(lang: Lang) -> Result<&'static Strings, String> {
    let mut files = Vec::new();
    for name in lang.catalogue_files() {
        let text = fetch_text(&format!("i18n/{name}"))
            .await
            .map_err(|reason| format!("{name}: {reason}"))?;
        files.push((*name, text));
    }
    // Reading them is a part fetched when first used (src/app/later.rs).
    super::later::read_catalogue(lang, files).await
}

/// Shows the page in `lang`: at once if its words are at hand, after fetching them otherwise.
/// A catalogue that cannot be fetched leaves the page as it is, with a notice naming the reason.
/// The page shown then keeps its state for the page that replaces it (a fetch may end after
/// `context`'s page has been replaced, so the page live at that moment is asked).
pub fn switch_language(context: PageContext, lang: Lang) {
    let show = move |strings: &'static Strings| {
        context.renderings.update_value(|renderings| {
            if let Some(page) = renderings.live {
                renderings.next = page.state();
            }
        });
        set_current(strings);
        if let Some(root) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            // Screen readers pronounce the page by its `lang`.
            let _ = root.set_attribute("lang", lang.id());
        }
        context.lang.set(lang);
    };
    match lang {
        Lang::En => show(&ENGLISH),
        Lang::Es => match SPANISH.with(|spanish| spanish.get().copied()) {
            Some(strings) => show(strings),
            None => leptos::task::spawn_local(async move {
                match load(lang).await {
                    Ok(strings) => {
                        SPANISH.with(|spanish| spanish.set(strings).ok());
                        show(strings);
                    }
                    Err(reason) => {
                        if let Some(page) = context.live_page() {
                            page.context.notices.update(|notices| {
                                notices.push(fill(
                                    t().language_failed(),
                                    &[("language", lang.endonym()), ("reason", &reason)],
                                ))
                            })
                        }
                    }
                }
            }),
        },
    }
}

/// `lang-select`: the page's language, each named in itself.
#[component]
pub fn LanguageSelect() -> impl IntoView {
    let context = PageContext::get();
    let select_ref = NodeRef::<leptos::html::Select>::new();
    // The page has just rendered itself again in a new language: give the focus back to the
    // select the student used (keyboard and screen-reader users would otherwise start over).
    if context.lang_switched.get_untracked() {
        context.lang_switched.set(false);
        request_animation_frame(move || {
            if let Some(select) = select_ref.get_untracked() {
                let _ = select.focus();
            }
        });
    }
    view! {
        <label>
            {t().language_label()}
            " "
            <select
                data-testid="lang-select"
                node_ref=select_ref
                on:change=move |event| {
                    if let Some(lang) = Lang::from_id(&event_target_value(&event)) {
                        context.lang_switched.set(true);
                        switch_language(context, lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.id() selected=context.lang.get_untracked() == lang lang=lang.id()>
                                {lang.endonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
