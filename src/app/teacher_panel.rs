//! The teacher panel (`teacher-panel` opens it): pick where the class starts (a preset, a case or a
//! tour), lock or hide sliders and panels, set the speed and the charted labs, then build the link
//! and an iframe snippet to copy into a learning platform. The form's markup and reading it back
//! are pure (`view::teacher_form`); this component shows it and handles its buttons.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};

use super::later::split_point;
use super::share_link::page_base;
use crate::strings::t;
use crate::view::session::classroom::teacher_query;
use crate::view::teacher_form::{iframe_snippet, read_form, teacher_form_html};

/// The form control with this `data-testid` inside `dialog`.
fn control(dialog: &Element, test_id: &str) -> Option<Element> {
    dialog
        .query_selector(&["[data-testid=\"", test_id, "\"]"].concat())
        .ok()
        .flatten()
}

/// A control's `value` (inputs, selects and text areas alike).
fn value_of(dialog: &Element, test_id: &str) -> String {
    control(dialog, test_id)
        .and_then(|element| js_sys::Reflect::get(&element, &JsValue::from_str("value")).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

fn set_value(dialog: &Element, test_id: &str, value: &str) {
    if let Some(element) = control(dialog, test_id) {
        let _ = js_sys::Reflect::set(
            &element,
            &JsValue::from_str("value"),
            &JsValue::from_str(value),
        );
    }
}

fn checkbox(dialog: &Element, test_id: &str) -> Option<HtmlInputElement> {
    control(dialog, test_id).and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
}

/// Copies `text` to the clipboard (where the browser allows it).
fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

split_point!(teacher:
    /// The form's markup, in the page's language (`view::teacher_form`).
    fn teacher_form() -> String {
        teacher_form_html(t())
    }
);

split_point!(teacher:
    /// Reads the form in `dialog` and writes the class link and its iframe snippet into it.
    fn build_links(dialog: Element) {
        let ticked =
            |test_id: &str| checkbox(&dialog, test_id).is_some_and(|input| input.checked());
        let (start, mut classroom, projector) = read_form(
            ticked,
            &value_of(&dialog, "teacher-start"),
            &value_of(&dialog, "teacher-speed"),
        );
        let base = page_base();
        let link = format!("{base}{}", teacher_query(start, &classroom, projector));
        set_value(&dialog, "teacher-link", &link);
        classroom.embed = true;
        let embedded = format!("{base}{}", teacher_query(start, &classroom, projector));
        set_value(&dialog, "teacher-iframe", &iframe_snippet(t(), &embedded));
    }
);

/// The button that opens the panel, and the panel as a modal dialog. The form inside is made the
/// first time the panel opens (with the code that builds the link: a part fetched when first
/// used, src/app/later.rs).
///
/// - `projector`: the page's projector mode (the link's `mode=projector` starts from it).
#[component]
pub fn TeacherPanel(projector: RwSignal<bool>) -> impl IntoView {
    let dialog_ref = NodeRef::<Dialog>::new();
    let open = move |_| {
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if dialog.child_element_count() == 0 {
                dialog.set_inner_html(&teacher_form().await);
            }
            if let Some(input) = checkbox(&dialog, "teacher-projector") {
                input.set_checked(projector.get_untracked());
            }
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        });
    };
    // One listener for the form's buttons.
    let clicked = move |event: leptos::ev::MouseEvent| {
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        let action = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.get_attribute("data-testid"))
            .unwrap_or_default();
        match action.as_str() {
            "teacher-build" => leptos::task::spawn_local(build_links(dialog.into())),
            "teacher-copy" => copy(&value_of(&dialog, "teacher-link")),
            "teacher-copy-iframe" => copy(&value_of(&dialog, "teacher-iframe")),
            "teacher-close" => dialog.close(),
            _ => {}
        }
    };
    view! {
        <button type="button" data-testid="teacher-panel" aria-haspopup="dialog" on:click=open>
            {t().teacher_open()}
        </button>
        <dialog
            node_ref=dialog_ref
            class="teacher-dialog"
            data-testid="teacher-dialog"
            aria-labelledby="teacher-heading"
            on:click=clicked
        ></dialog>
    }
}
