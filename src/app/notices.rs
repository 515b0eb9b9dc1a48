//! Notices for the student: what a link asked for that could not be used, and the like.

use leptos::prelude::*;

use crate::strings::t;

/// The list of notices, each dismissable; nothing is shown when there are none.
///
/// - `notices`: the notices; dismissing one removes it here.
#[component]
pub fn Notices(notices: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|notices| !notices.is_empty())>
            <section class="notices" role="status" aria-label=t().notices_heading>
                <ul>
                    {move || {
                        notices
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(index, notice)| {
                                view! {
                                    <li data-testid="notice">
                                        <span>{notice}</span>
                                        " "
                                        <button
                                            type="button"
                                            class="dismiss"
                                            on:click=move |_| {
                                                notices.update(|notices| {
                                                    if index < notices.len() {
                                                        notices.remove(index);
                                                    }
                                                })
                                            }
                                        >
                                            {t().dismiss}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
