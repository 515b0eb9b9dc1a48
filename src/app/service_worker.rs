//! Registers the service worker (`sw.js`, beside the page) that keeps the whole app for offline use
//! after one visit. The worker itself is plain JavaScript (`assets/sw.js`); registering it from
//! here keeps the page free of inline scripts.

/// The worker's script, relative to the page, so the app works under any path it is served from.
const SERVICE_WORKER_SCRIPT: &str = "sw.js";

/// Asks the browser to install the service worker. Browsers without service workers, or pages
/// not served over https or from localhost, simply go on without offline use.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // `navigator.serviceWorker` is undefined where service workers are unavailable.
    let navigator = window.navigator();
    let has_workers = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_workers {
        return;
    }
    let registering = navigator.service_worker().register(SERVICE_WORKER_SCRIPT);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = wasm_bindgen_futures::JsFuture::from(registering).await {
            // Offline use is a convenience: say why it is missing without failing the page.
            web_sys::console::warn_2(&"service worker not registered:".into(), &error);
        }
    });
}
