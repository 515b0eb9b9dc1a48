//! Scenario files (`save-scenario`, `open-scenario`): the patient saved as a contract section 2
//! file, and a file opened in its place. A refused file leaves the patient as it was.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::export_bar::download_text;
use super::later::split_point;
use super::page_context::PageContext;
use crate::model::Scenario;
use crate::strings::{fill, t};
use crate::view::export::file_name;
use crate::view::session::scenario_file::scenario_file;

split_point!(files:
    /// Saves the patient as a scenario file (a download); a case, or what a file cannot hold, is
    /// said in a notice.
    fn save_scenario(context: PageContext) {
        let notify = move |notice: String| context.notices.update(|notices| notices.push(notice));
        let saved = context.with_simulation(|simulation| {
            simulation.start_scenario().map(|start| {
                (
                    scenario_file(&start, simulation.actions(), simulation.day(), t()),
                    file_name(
                        simulation.preset(),
                        simulation.day(),
                        Some("scenario"),
                        "json",
                    ),
                )
            })
        });
        let Some((saved, name)) = saved else {
            notify(t().scenario_case_refused().to_string());
            return;
        };
        download_text(&saved.json, &name, "application/json");
        if !saved.jumps_left_out.is_empty() {
            let days: Vec<String> = saved
                .jumps_left_out
                .iter()
                .map(|day| format!("{day}"))
                .collect();
            notify(fill(
                t().scenario_jump_left_out(),
                &[("days", &days.join(", "))],
            ));
        }
    }
);

split_point!(files:
    /// A scenario file's text read (`Scenario::from_json`); a refusal says why.
    fn read_scenario(text: String) -> Result<Scenario, String> {
        Scenario::from_json(&text).map_err(|problem| problem.to_string())
    }
);

/// The save button and the file input, beside the share link.
#[component]
pub fn ScenarioFiles() -> impl IntoView {
    let context = PageContext::get();
    let notify = move |notice: String| context.notices.update(|notices| notices.push(notice));
    let save = move |_| leptos::task::spawn_local(save_scenario(context));
    let open = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Cleared so that choosing the same file again opens it again.
        input.set_value("");
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|text| text.as_string());
            let Some(text) = text else {
                notify(fill(t().scenario_unreadable(), &[("file", &file_name)]));
                return;
            };
            match read_scenario(text).await {
                Ok(scenario) => {
                    let name = scenario.name.clone();
                    context.change(|simulation| simulation.load_scenario(scenario));
                    notify(fill(
                        t().scenario_opened(),
                        &[("name", &name), ("file", &file_name)],
                    ));
                }
                Err(problem) => notify(fill(
                    t().scenario_refused(),
                    &[("file", &file_name), ("problem", &problem)],
                )),
            }
        });
    };
    let input_id = context.dom_id("open-scenario");
    view! {
        <div class="scenario-files" role="group" aria-label=t().scenario_files_label()>
            <button
                type="button"
                data-testid="save-scenario"
                title=t().save_scenario_hint()
                on:click=save
            >
                {t().save_scenario()}
            </button>
            // The label is the button a student sees, in the page's language (a file input's own
            // button speaks the browser's); the input stays in the Tab order, out of sight.
            <label class="file-button" for=input_id.clone() title=t().open_scenario_hint()>
                {t().open_scenario()}
            </label>
            <input
                id=input_id
                class="visually-hidden"
                type="file"
                accept=".json,application/json"
                data-testid="open-scenario"
                title=t().open_scenario_hint()
                on:change=open
            />
        </div>
    }
}
