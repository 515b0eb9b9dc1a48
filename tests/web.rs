//! Browser component tests: the app mounted in a real headless Chromium (wasm-bindgen-test).
//! Run by `bash setup.sh test`; by hand: `CHROMEDRIVER=/usr/bin/chromedriver
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::task::tick;
use marrow_factory::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlCanvasElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the whole app in a fresh element and returns that element.
async fn mount_app() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone().unchecked_into::<HtmlElement>(), App).forget();
    tick().await;
    host
}

fn by_test_id<T: JsCast>(host: &Element, test_id: &str) -> T {
    host.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("data-testid={test_id} has the wrong element type"))
}

/// Sets a range input as a user's drag would: a new value, then a bubbling `input` event.
async fn drag_slider(slider: &HtmlInputElement, value: &str) {
    slider.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    slider
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    tick().await;
}

#[wasm_bindgen_test]
async fn the_page_shows_its_name_the_factory_and_the_iron_slider() {
    let host = mount_app().await;
    assert!(host
        .query_selector("h1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Marrow Factory"));
    let _canvas: HtmlCanvasElement = by_test_id(&host, "factory-canvas");
    let slider: HtmlInputElement = by_test_id(&host, "slider-iron_intake_mg_per_day");
    assert_eq!(slider.type_(), "range");
    assert_eq!(slider.value(), "14");
    let label = host
        .query_selector("label[for=\"slider-iron_intake_mg_per_day\"]")
        .unwrap();
    assert!(label.is_some(), "the slider has an accessible label");
}

#[wasm_bindgen_test]
async fn moving_the_iron_slider_updates_its_readout_and_redraws_the_chart() {
    let host = mount_app().await;
    let slider: HtmlInputElement = by_test_id(&host, "slider-iron_intake_mg_per_day");
    let chart: HtmlCanvasElement = by_test_id(&host, "time-chart");
    let chart_before = chart.to_data_url().unwrap();

    drag_slider(&slider, "4").await;

    let readout = host
        .query_selector("#value-iron_intake_mg_per_day")
        .unwrap()
        .unwrap();
    assert_eq!(readout.text_content().unwrap(), "4 mg/day");
    assert_ne!(
        chart.to_data_url().unwrap(),
        chart_before,
        "the chart did not redraw"
    );
}
