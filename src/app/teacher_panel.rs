//! The teacher panel (`teacher-panel` opens it): pick where the class starts (a preset, a case or a
//! tour), lock or hide sliders and panels, set the speed and the charted labs, then build the link
//! and an iframe snippet to copy into a learning platform.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::model::{LabKey, SettingKey};
use crate::presets::PRESETS;
use crate::strings::{fill, ENGLISH};
use crate::teaching::cases::CASES;
use crate::teaching::tours::TOURS;
use crate::view::lab_report::panel_keys;
use crate::view::session::classroom::{
    teacher_query, ClassStart, Classroom, HiddenPanel, MAX_CHARTS,
};
use crate::view::session::simulation::SPEEDS_DAYS_PER_SECOND;

/// The start a `teacher-start` option value names (`preset:ID`, `case:ID`, `tour:ID`).
fn read_start(value: &str) -> Option<ClassStart> {
    let (kind, id) = value.split_once(':')?;
    match kind {
        "preset" => PRESETS
            .iter()
            .find(|preset| preset.id == id)
            .map(|preset| ClassStart::Preset(preset.id)),
        "case" => CASES
            .iter()
            .find(|case| case.id == id)
            .map(|case| ClassStart::Case(case.id)),
        "tour" => TOURS
            .iter()
            .find(|tour| tour.id == id)
            .map(|tour| ClassStart::Tour(tour.id)),
        _ => None,
    }
}

/// The page's address without its query.
fn page_base() -> String {
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

/// Adds or removes `item` from a list signal.
fn toggle_in<T: PartialEq + Send + Sync + 'static>(list: RwSignal<Vec<T>>, item: T, on: bool) {
    list.update(|list| {
        if on && !list.contains(&item) {
            list.push(item);
        } else if !on {
            list.retain(|kept| *kept != item);
        }
    });
}

/// Copies `text` to the clipboard (where the browser allows it; the field stays selected).
fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The button that opens the panel, and the panel as a modal dialog.
///
/// - `projector`: the page's projector mode (the link's `mode=projector` starts from it).
#[component]
pub fn TeacherPanel(projector: RwSignal<bool>) -> impl IntoView {
    let dialog_ref = NodeRef::<Dialog>::new();
    let start = RwSignal::new(ClassStart::Preset(PRESETS[0].id));
    let locked = RwSignal::new(Vec::<SettingKey>::new());
    let hidden = RwSignal::new(Vec::<SettingKey>::new());
    let hidden_panels = RwSignal::new(Vec::<HiddenPanel>::new());
    let speed = RwSignal::new(None::<f64>);
    let charts = RwSignal::new(Vec::<LabKey>::new());
    let embed = RwSignal::new(false);
    let link_projector = RwSignal::new(projector.get_untracked());
    let link = RwSignal::new(String::new());
    let snippet = RwSignal::new(String::new());

    let open = move |_| {
        link_projector.set(projector.get_untracked());
        if let Some(dialog) = dialog_ref.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog_ref.get() {
            dialog.close();
        }
    };
    let build = move |_| {
        let mut classroom = Classroom {
            embed: embed.get_untracked(),
            locked: locked.get_untracked(),
            hidden: hidden.get_untracked(),
            hidden_panels: hidden_panels.get_untracked(),
            speed_days_per_second: speed.get_untracked(),
            charts: Some(charts.get_untracked()).filter(|charts| !charts.is_empty()),
        };
        let base = page_base();
        let projector = link_projector.get_untracked();
        link.set(format!(
            "{base}{}",
            teacher_query(start.get_untracked(), &classroom, projector)
        ));
        classroom.embed = true;
        let embedded = format!(
            "{base}{}",
            teacher_query(start.get_untracked(), &classroom, projector)
        );
        snippet.set(fill(
            ENGLISH.teacher_iframe_template(),
            &[("src", &embedded.replace('&', "&amp;"))],
        ));
    };
    let setting_rows = SettingKey::MAIN
        .into_iter()
        .map(|key| {
            let name = key.key();
            view! {
                <div class="teacher-setting">
                    <span>{ENGLISH.setting_label(key)}</span>
                    <label>
                        <input
                            type="checkbox"
                            data-testid=format!("teacher-lock-{name}")
                            prop:checked=move || locked.with(|keys| keys.contains(&key))
                            on:change=move |event| toggle_in(locked, key, event_target_checked(&event))
                        />
                        {ENGLISH.teacher_lock()}
                    </label>
                    <label>
                        <input
                            type="checkbox"
                            data-testid=format!("teacher-hide-{name}")
                            prop:checked=move || hidden.with(|keys| keys.contains(&key))
                            on:change=move |event| toggle_in(hidden, key, event_target_checked(&event))
                        />
                        {ENGLISH.teacher_hide()}
                    </label>
                </div>
            }
        })
        .collect_view();
    let panel_rows = HiddenPanel::ALL
        .into_iter()
        .map(|panel| {
            view! {
                <label>
                    <input
                        type="checkbox"
                        data-testid=format!("teacher-hide-{}", panel.key())
                        prop:checked=move || hidden_panels.with(|panels| panels.contains(&panel))
                        on:change=move |event| {
                            toggle_in(hidden_panels, panel, event_target_checked(&event))
                        }
                    />
                    {ENGLISH.teacher_panel_name(panel)}
                </label>
            }
        })
        .collect_view();
    let chart_rows = panel_keys()
        .map(|key| {
            let picked = move || charts.with(|charts| charts.contains(&key));
            view! {
                <label>
                    <input
                        type="checkbox"
                        data-testid=format!("teacher-chart-{}", key.key())
                        prop:checked=picked
                        disabled=move || !picked() && charts.with(|charts| charts.len() >= MAX_CHARTS)
                        on:change=move |event| toggle_in(charts, key, event_target_checked(&event))
                    />
                    {ENGLISH.lab_label(key)}
                </label>
            }
        })
        .collect_view();
    let start_value = move || match start.get() {
        ClassStart::Preset(id) => format!("preset:{id}"),
        ClassStart::Case(id) => format!("case:{id}"),
        ClassStart::Tour(id) => format!("tour:{id}"),
    };
    view! {
        <button type="button" data-testid="teacher-panel" aria-haspopup="dialog" on:click=open>
            {ENGLISH.teacher_open()}
        </button>
        <dialog
            node_ref=dialog_ref
            class="teacher-dialog"
            data-testid="teacher-dialog"
            aria-labelledby="teacher-heading"
        >
            <h2 id="teacher-heading">{ENGLISH.teacher_heading()}</h2>
            <p>{ENGLISH.teacher_intro()}</p>
            <label>
                {ENGLISH.teacher_start()}
                " "
                <select
                    data-testid="teacher-start"
                    prop:value=start_value
                    on:change=move |event| {
                        if let Some(chosen) = read_start(&event_target_value(&event)) {
                            start.set(chosen);
                        }
                    }
                >
                    <optgroup label=ENGLISH.teacher_presets()>
                        {PRESETS
                            .into_iter()
                            .map(|preset| {
                                let name = preset
                                    .scenario()
                                    .map(|scenario| scenario.name)
                                    .unwrap_or_else(|_| preset.id.to_string());
                                view! { <option value=format!("preset:{}", preset.id)>{name}</option> }
                            })
                            .collect_view()}
                    </optgroup>
                    <optgroup label=ENGLISH.teacher_cases()>
                        {CASES
                            .iter()
                            .map(|file| {
                                let title = file
                                    .case()
                                    .map(|case| case.title)
                                    .unwrap_or_else(|_| file.id.to_string());
                                view! { <option value=format!("case:{}", file.id)>{title}</option> }
                            })
                            .collect_view()}
                    </optgroup>
                    <optgroup label=ENGLISH.teacher_tours()>
                        {TOURS
                            .iter()
                            .map(|tour| view! { <option value=format!("tour:{}", tour.id)>{tour.title}</option> })
                            .collect_view()}
                    </optgroup>
                </select>
            </label>
            <fieldset>
                <legend>{ENGLISH.teacher_sliders()}</legend>
                <div class="teacher-grid">{setting_rows}</div>
            </fieldset>
            <fieldset>
                <legend>{ENGLISH.teacher_panels()}</legend>
                <div class="teacher-grid">{panel_rows}</div>
            </fieldset>
            <fieldset>
                <legend>{ENGLISH.teacher_charts()}</legend>
                <div class="teacher-grid">{chart_rows}</div>
            </fieldset>
            <div class="teacher-grid">
                <label>
                    {ENGLISH.teacher_speed()}
                    " "
                    <select
                        data-testid="teacher-speed"
                        on:change=move |event| speed.set(event_target_value(&event).parse::<f64>().ok())
                    >
                        <option value="">{ENGLISH.teacher_speed_default()}</option>
                        {SPEEDS_DAYS_PER_SECOND
                            .into_iter()
                            .map(|days| view! {
                                <option value=days.to_string()>
                                    {fill(ENGLISH.teacher_speed_option(), &[("days", &days.to_string())])}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <input
                        type="checkbox"
                        data-testid="teacher-projector"
                        prop:checked=move || link_projector.get()
                        on:change=move |event| link_projector.set(event_target_checked(&event))
                    />
                    {ENGLISH.teacher_projector()}
                </label>
                <label>
                    <input
                        type="checkbox"
                        data-testid="teacher-embed"
                        prop:checked=move || embed.get()
                        on:change=move |event| embed.set(event_target_checked(&event))
                    />
                    {ENGLISH.teacher_embed()}
                </label>
            </div>
            <div class="teacher-actions">
                <button type="button" class="primary" data-testid="teacher-build" on:click=build>
                    {ENGLISH.teacher_build()}
                </button>
                <button type="button" data-testid="teacher-copy" on:click=move |_| copy(&link.get_untracked())>
                    {ENGLISH.teacher_copy_link()}
                </button>
                <button type="button" data-testid="teacher-copy-iframe" on:click=move |_| copy(&snippet.get_untracked())>
                    {ENGLISH.teacher_copy_iframe()}
                </button>
                <button type="button" data-testid="teacher-close" on:click=close>
                    {ENGLISH.shortcuts_close()}
                </button>
            </div>
            <label>
                {ENGLISH.teacher_link_label()}
                <input type="text" readonly data-testid="teacher-link" prop:value=move || link.get()/>
            </label>
            <label>
                {ENGLISH.teacher_iframe_label()}
                <textarea readonly rows="3" data-testid="teacher-iframe" prop:value=move || snippet.get()></textarea>
            </label>
        </dialog>
    }
}
