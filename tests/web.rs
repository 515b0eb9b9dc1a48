//! Browser component tests: the page's components mounted in a real headless Chromium
//! (wasm-bindgen-test). Run by `bash setup.sh test`; by hand: `CHROMEDRIVER=/usr/bin/chromedriver
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use marrow_factory::app::{App, LabPanel, WhyPanel};
use marrow_factory::model::{LabKey, SettingKey};
use marrow_factory::presets::{Preset, PRESETS};
use marrow_factory::view::lab_report::panel_keys;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Element, Event, EventInit, HtmlCanvasElement, HtmlElement, HtmlInputElement, HtmlSelectElement,
    KeyboardEvent, KeyboardEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted in a fresh element; unmounted (frame loop and key listener removed) on drop.
struct MountedApp {
    host: Element,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for MountedApp {
    fn drop(&mut self) {
        self.host.remove();
    }
}

/// Mounts any view in a fresh element.
async fn mount_view(render: impl FnOnce() -> AnyView + 'static) -> MountedApp {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = mount_to(host.clone().unchecked_into::<HtmlElement>(), render);
    tick().await;
    MountedApp {
        host,
        _handle: handle,
    }
}

async fn mount_app() -> MountedApp {
    let app = mount_view(|| view! { <App/> }.into_any()).await;
    // Start paused so the tests decide when time moves.
    if by_test_id::<Element>(&app.host, "play-pause")
        .get_attribute("aria-pressed")
        .as_deref()
        == Some("true")
    {
        click(&app.host, "play-pause").await;
    }
    app
}

fn by_test_id<T: JsCast>(host: &Element, test_id: &str) -> T {
    host.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("data-testid={test_id} has the wrong element type"))
}

fn text(host: &Element, test_id: &str) -> String {
    by_test_id::<Element>(host, test_id)
        .text_content()
        .unwrap_or_default()
}

fn flag(host: &Element, key: &str) -> String {
    by_test_id::<Element>(host, &format!("lab-{key}"))
        .get_attribute("data-flag")
        .unwrap_or_default()
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

async fn click(host: &Element, test_id: &str) {
    by_test_id::<HtmlElement>(host, test_id).click();
    tick().await;
}

/// Sets a range input as a user's drag would: a new value, then a bubbling `input` event.
async fn drag_slider(host: &Element, key: &str, value: &str) {
    let slider: HtmlInputElement = by_test_id(host, &format!("slider-{key}"));
    slider.set_value(value);
    slider.dispatch_event(&bubbling("input")).unwrap();
    tick().await;
}

async fn choose(host: &Element, test_id: &str, value: &str) {
    let select: HtmlSelectElement = by_test_id(host, test_id);
    select.set_value(value);
    select.dispatch_event(&bubbling("change")).unwrap();
    tick().await;
}

/// Lets the executor run until `condition` holds, at most 100 turns (effects that follow other
/// effects need more than one).
async fn ticks_until(condition: impl Fn() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        tick().await;
    }
}

async fn press(code: &str, alt: bool) {
    let init = KeyboardEventInit::new();
    init.set_code(code);
    init.set_alt_key(alt);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .dispatch_event(&event)
        .unwrap();
    tick().await;
}

#[wasm_bindgen_test]
async fn every_setting_has_a_labelled_slider_with_its_unit_and_landmarks() {
    let app = mount_app().await;
    for key in SettingKey::ALL {
        let spec = key.spec();
        let slider: HtmlInputElement = by_test_id(&app.host, &format!("slider-{}", spec.key));
        assert_eq!(slider.type_(), "range");
        assert_eq!(slider.value().parse::<f64>().unwrap(), spec.healthy);
        let label = app
            .host
            .query_selector(&format!("label[for=\"slider-{}\"]", spec.key))
            .unwrap();
        assert!(label.is_some(), "{} has no label", spec.key);
        let output = app
            .host
            .query_selector(&format!("#value-{}", spec.key))
            .unwrap()
            .unwrap();
        assert!(output.text_content().unwrap().ends_with(spec.unit));
        let landmarks = app
            .host
            .query_selector_all(&format!("#landmarks-{} option", spec.key))
            .unwrap();
        assert!(landmarks.length() > 0, "{} has no landmarks", spec.key);
    }
}

#[wasm_bindgen_test]
async fn the_lab_panel_shows_every_panel_lab_with_a_flag_and_a_trend() {
    let app = mount_app().await;
    for key in panel_keys().map(|lab| lab.key()) {
        let value = text(&app.host, &format!("lab-{key}"));
        assert!(value.parse::<f64>().is_ok(), "lab-{key} shows {value:?}");
        assert!(
            ["low", "normal", "high"].contains(&flag(&app.host, key).as_str()),
            "lab-{key}"
        );
        let trend: Element = by_test_id(&app.host, &format!("trend-{key}"));
        assert!(trend.get_attribute("data-trend").is_some());
    }
    assert_eq!(flag(&app.host, "hb_g_dl"), "normal");
}

#[wasm_bindgen_test]
async fn moving_a_slider_updates_the_lab_report_in_the_same_turn() {
    let app = mount_app().await;
    drag_slider(&app.host, "il6_pg_per_ml", "150").await;
    assert_eq!(text(&app.host, "lab-il6_pg_per_ml"), "150");
    assert_eq!(flag(&app.host, "il6_pg_per_ml"), "high");
    let readout = app
        .host
        .query_selector("#value-il6_pg_per_ml")
        .unwrap()
        .unwrap();
    assert_eq!(readout.text_content().unwrap(), "150 pg/mL");
}

#[wasm_bindgen_test]
async fn the_b12_relay_view_shows_what_gets_through() {
    let app = mount_app().await;
    let before = text(&app.host, "b12-absorbed");
    drag_slider(&app.host, "intrinsic_factor_percent", "0").await;
    let after = text(&app.host, "b12-absorbed");
    assert_ne!(before, after);
    // Only passive absorption is left: 1 % of 5 µg/day.
    assert!(after.starts_with("Absorbed 0.05 µg/day"), "{after}");
}

#[wasm_bindgen_test]
async fn time_controls_step_skip_play_and_reset() {
    let app = mount_app().await;
    let day = || text(&app.host, "sim-day").parse::<f64>().unwrap();
    let start = day();
    click(&app.host, "step").await;
    assert_eq!(day(), start + 1.0);
    click(&app.host, "skip-forward").await;
    assert_eq!(day(), start + 31.0);
    choose(&app.host, "speed", "30").await;
    let speed: HtmlSelectElement = by_test_id(&app.host, "speed");
    assert_eq!(speed.value(), "30");
    click(&app.host, "play-pause").await;
    let play: Element = by_test_id(&app.host, "play-pause");
    assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("true"));
    // Space pauses; Alt+R resets the model and the view.
    press("Space", false).await;
    assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("false"));
    drag_slider(&app.host, "iron_intake_mg_per_day", "2").await;
    press("KeyR", true).await;
    assert_eq!(day(), 0.0);
    // The reset patient plays at once, and the speed's select follows the published snapshot a
    // turn of the executor later than the day counter: wait for it, within a bound.
    ticks_until(|| speed.value() == "1").await;
    assert_eq!(speed.value(), "1");
    let iron: HtmlInputElement = by_test_id(&app.host, "slider-iron_intake_mg_per_day");
    assert_eq!(iron.value(), "14");
}

#[wasm_bindgen_test]
async fn presets_open_developed_and_explain_what_to_look_at() {
    let app = mount_app().await;
    let select: HtmlSelectElement = by_test_id(&app.host, "preset-select");
    let ids: Vec<String> = (0..select.length())
        .map(|index| {
            select
                .item(index)
                .unwrap()
                .dyn_into::<web_sys::HtmlOptionElement>()
                .unwrap()
                .value()
        })
        .collect();
    assert_eq!(
        ids,
        PRESETS.iter().map(|preset| preset.id).collect::<Vec<_>>()
    );
    let healthy_description = text(&app.host, "preset-description");
    choose(&app.host, "preset-select", "iron_deficiency").await;
    assert_ne!(text(&app.host, "preset-description"), healthy_description);
    assert_eq!(text(&app.host, "sim-day"), "0");
    for (key, expected) in [
        ("hb_g_dl", "low"),
        ("mcv_fl", "low"),
        ("ferritin_ng_ml", "low"),
        ("tibc_ug_dl", "high"),
    ] {
        assert_eq!(flag(&app.host, key), expected, "{key}");
    }
}

#[wasm_bindgen_test]
async fn charts_and_canvases_redraw_when_the_patient_changes() {
    let app = mount_app().await;
    tick().await;
    let scene: HtmlCanvasElement = by_test_id(&app.host, "factory-canvas");
    assert!(scene.width() > 0, "the scene has a backing store");
    let chart: HtmlCanvasElement = by_test_id(&app.host, "chart-hb_g_dl");
    let stain: HtmlCanvasElement = by_test_id(&app.host, "marrow-stain");
    let (scene_before, chart_before, stain_before) = (
        scene.to_data_url().unwrap(),
        chart.to_data_url().unwrap(),
        stain.to_data_url().unwrap(),
    );
    let blank: HtmlCanvasElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    assert_ne!(
        stain_before,
        blank.to_data_url().unwrap(),
        "the stain was drawn at first"
    );
    choose(&app.host, "preset-select", "inflammation").await;
    click(&app.host, "skip-forward").await;
    // Memo → memo → effect chains settle over a few turns of the task queue.
    for _ in 0..5 {
        tick().await;
    }
    assert_ne!(scene.to_data_url().unwrap(), scene_before, "scene");
    assert_ne!(chart.to_data_url().unwrap(), chart_before, "chart");
    assert_ne!(
        stain.to_data_url().unwrap(),
        stain_before,
        "stain: {} {}x{} client {}",
        text(&app.host, "marrow-stain-caption"),
        stain.width(),
        stain.height(),
        stain.client_width()
    );
    // Picking a lab adds its chart.
    let pick: HtmlInputElement = by_test_id(&app.host, "chart-pick-tsat_percent");
    pick.set_checked(true);
    pick.dispatch_event(&bubbling("change")).unwrap();
    tick().await;
    let _: HtmlCanvasElement = by_test_id(&app.host, "chart-tsat_percent");
}

async fn type_into(host: &Element, test_id: &str, value: &str) {
    let input: HtmlInputElement = by_test_id(host, test_id);
    input.set_value(value);
    input.dispatch_event(&bubbling("input")).unwrap();
    tick().await;
}

#[wasm_bindgen_test]
async fn a_treatment_is_given_from_the_page_and_a_bad_dose_is_refused() {
    let app = mount_app().await;
    choose(&app.host, "preset-select", "b12_deficiency").await;
    choose(&app.host, "treatment-select", "b12_injection").await;
    let dose: HtmlInputElement = by_test_id(&app.host, "treatment-dose");
    assert_eq!(dose.value(), "1000", "the usual dose is offered");
    // A dose beyond the allowed range is refused, named, and nothing is given.
    type_into(&app.host, "treatment-dose", "90000").await;
    click(&app.host, "treatment-give").await;
    let message: Element = by_test_id(&app.host, "treatment-message");
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert!(message.text_content().unwrap().contains("90000"));
    click(&app.host, "skip-forward").await;
    assert_eq!(flag(&app.host, "b12_pg_ml"), "low");
    // The usual dose, given, brings serum B12 back within days.
    type_into(&app.host, "treatment-dose", "1000").await;
    click(&app.host, "treatment-give").await;
    assert_eq!(message.get_attribute("role").as_deref(), Some("status"));
    for _ in 0..3 {
        click(&app.host, "step").await;
    }
    assert_eq!(flag(&app.host, "b12_pg_ml"), "normal");
    // Courses ask for their length; anti-IL-6 has no dose.
    choose(&app.host, "treatment-select", "anti_il6").await;
    assert!(app
        .host
        .query_selector("[data-testid=\"treatment-dose\"]")
        .unwrap()
        .is_none());
    let days: HtmlInputElement = by_test_id(&app.host, "treatment-days");
    assert_eq!(days.value(), "180");
}

/// The lab panel alone, given only the labs it shows: a lab value is a button that names the lab
/// whose causes the why-panel should show.
#[wasm_bindgen_test]
async fn lab_panel_alone_reports_the_lab_chosen_for_the_why_panel() {
    let patient = Preset::find("ckd").unwrap().patient();
    let labs = patient.labs();
    let why = RwSignal::new(None::<LabKey>);
    let shown = Signal::stored((labs.clone(), labs.clone()));
    let app = mount_view(move || view! { <LabPanel labs=shown why=why/> }.into_any()).await;
    assert_eq!(
        flag(&app.host, "rpi"),
        "low",
        "RPI judged against the anemia"
    );
    click(&app.host, "lab-hb_g_dl").await;
    assert_eq!(why.get_untracked(), Some(LabKey::Hemoglobin));
    assert_eq!(
        by_test_id::<Element>(&app.host, "lab-hb_g_dl")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

/// The why-panel alone, given a chain from the model: one `why-link` per link, in order, each
/// naming its quantity; closing it calls back.
#[wasm_bindgen_test]
async fn why_panel_alone_shows_the_chain_it_is_given() {
    let patient = Preset::find("inflammation").unwrap().patient();
    let chain = patient.causal_chain(LabKey::TransferrinSaturation);
    let expected = chain.keys();
    let closed = RwSignal::new(false);
    let given = Signal::stored(Some((LabKey::TransferrinSaturation, chain)));
    let on_close = Callback::new(move |()| closed.set(true));
    let app =
        mount_view(move || view! { <WhyPanel chain=given on_close=on_close/> }.into_any()).await;
    let links = app
        .host
        .query_selector_all("[data-testid=\"why-link\"]")
        .unwrap();
    let keys: Vec<String> = (0..links.length())
        .map(|index| {
            links
                .item(index)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-key")
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(keys, expected);
    assert_eq!(keys.first().map(String::as_str), Some("il6_pg_per_ml"));
    app.host
        .query_selector(".why-close")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    assert!(closed.get_untracked());
}

/// The clinical alarm prints the Hb in the page's units.
#[wasm_bindgen_test]
async fn life_alarm_prints_hemoglobin_in_the_chosen_units() {
    use marrow_factory::app::LifeAlarm;
    use marrow_factory::view::units::Units;
    let units = RwSignal::new(Units::Si);
    let alarm = Signal::stored(Some(4.2));
    let app =
        mount_view(move || view! { <LifeAlarm alarm=alarm units=units.into()/> }.into_any()).await;
    assert!(
        text(&app.host, "life-alarm").contains("42 g/L"),
        "{}",
        text(&app.host, "life-alarm")
    );
    units.set(Units::Conventional);
    tick().await;
    assert!(
        text(&app.host, "life-alarm").contains("4.2 g/dL"),
        "{}",
        text(&app.host, "life-alarm")
    );
}
