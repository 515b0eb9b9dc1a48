//! The page's one clock: a `requestAnimationFrame` loop (style.md, principle 2).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The longest frame the model is advanced by, seconds: after a hidden tab or a debugger pause the
/// simulation resumes instead of leaping ahead.
pub const MAX_FRAME_SECONDS: f64 = 0.5;

/// The frame callback, shared so it can request the next frame with itself.
type SharedFrameCallback = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// Stops the loop when dropped or when `stop` is called.
#[derive(Clone, Debug)]
pub struct FrameLoopHandle {
    running: Arc<AtomicBool>,
}

impl FrameLoopHandle {
    pub fn stop(&self) {
        self.running.store(false, Ordering::Relaxed);
    }
}

/// Calls `on_frame(now_ms, elapsed_seconds)` on every animation frame until stopped; the elapsed
/// time is capped at [`MAX_FRAME_SECONDS`] and is 0 on the first frame.
pub fn start_frame_loop(mut on_frame: impl FnMut(f64, f64) + 'static) -> FrameLoopHandle {
    let running = Arc::new(AtomicBool::new(true));
    let handle = FrameLoopHandle {
        running: running.clone(),
    };
    let callback: SharedFrameCallback = Rc::new(RefCell::new(None));
    let next_frame = callback.clone();
    let mut previous_ms: Option<f64> = None;
    *callback.borrow_mut() = Some(Closure::new(move |now_ms: f64| {
        if !running.load(Ordering::Relaxed) {
            // Breaks the Rc cycle so the closure is freed.
            next_frame.borrow_mut().take();
            return;
        }
        let elapsed_seconds = previous_ms.map_or(0.0, |previous| {
            ((now_ms - previous) / 1000.0).clamp(0.0, MAX_FRAME_SECONDS)
        });
        previous_ms = Some(now_ms);
        on_frame(now_ms, elapsed_seconds);
        if let Some(closure) = next_frame.borrow().as_ref() {
            request_frame(closure);
        }
    }));
    if let Some(closure) = callback.borrow().as_ref() {
        request_frame(closure);
    }
    handle
}

fn request_frame(closure: &Closure<dyn FnMut(f64)>) {
    if let Some(window) = web_sys::window() {
        // A failed request only means no further frames; there is nothing better to do with it.
        let _ = window.request_animation_frame(closure.as_ref().unchecked_ref());
    }
}
