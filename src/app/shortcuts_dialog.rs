//! The keyboard shortcuts (`shortcuts-dialog`), opened by `?` or its button, closed by Esc or
//! Close; focus returns to where it was.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::strings::t;

/// The dialog and the button that opens it.
///
/// - `open`: set to `true` (by the `?` key) to open the dialog.
#[component]
pub fn ShortcutsDialog(open: RwSignal<bool>) -> impl IntoView {
    let dialog_ref = NodeRef::<Dialog>::new();
    Effect::new(move || {
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if open.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
    view! {
        <button type="button" class="shortcuts-open" on:click=move |_| open.set(true)>
            {t().shortcuts_open()}
        </button>
        <dialog
            node_ref=dialog_ref
            class="shortcuts-dialog"
            data-testid="shortcuts-dialog"
            aria-labelledby="shortcuts-heading"
            on:close=move |_| open.set(false)
        >
            <h2 id="shortcuts-heading">{t().shortcuts_heading()}</h2>
            <table>
                <tbody>
                    {t()
                        .shortcuts()
                        .into_iter()
                        .map(|(keys, what)| view! {
                            <tr>
                                <th scope="row"><kbd>{keys}</kbd></th>
                                <td>{what}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
            <button type="button" on:click=move |_| open.set(false)>{t().shortcuts_close()}</button>
        </dialog>
    }
}
