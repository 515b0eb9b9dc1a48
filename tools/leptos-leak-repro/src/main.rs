//! A render effect that is dropped stays listed by every signal it read (reactive_graph 0.2.16).
//!
//! Each round builds a child owner (as a keyed `For` row does) with `EFFECTS` render effects that
//! read one signal, then drops the effects and cleans the child up, and counts the bytes still
//! allocated (a counting global allocator). With the signal owned by the root (`cargo run
//! --release`), every round leaves its effects' entries behind in the signal's subscriber set: the
//! live bytes grow by about 185 bytes per effect per round (64-bit), for as long as the signal
//! lives, and writing the signal does not help (`-- write`). With the signal owned by the child
//! (`-- owned`, the page's workaround), the entries go with the signal; what is left is one
//! dead entry per round in the root owner's list of children (about 170 bytes).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use reactive_graph::effect::RenderEffect;
use reactive_graph::owner::Owner;
use reactive_graph::prelude::*;
use reactive_graph::signal::RwSignal;

/// Counts the bytes allocated and not yet freed.
struct Counting;
static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size() as isize, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE_BYTES.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Effects per round (the page had about 300 texts reading one root signal).
const EFFECTS: usize = 300;
/// Rounds (language switches).
const ROUNDS: usize = 200;

fn main() {
    any_spawner::Executor::init_futures_executor().expect("one executor");
    let mode = std::env::args().nth(1).unwrap_or_default();
    let root = Owner::new();
    root.set();
    let root_signal = RwSignal::new(0_u64);
    let mut live_bytes = Vec::new();
    for round in 0..ROUNDS {
        let child = root.child();
        let effects: Vec<RenderEffect<()>> = child.with(|| {
            let shown = if mode == "owned" {
                RwSignal::new(0_u64)
            } else {
                root_signal
            };
            (0..EFFECTS)
                .map(|_| RenderEffect::new(move |_| shown.track()))
                .collect()
        });
        any_spawner::Executor::poll_local();
        drop(effects);
        child.cleanup();
        drop(child);
        if mode == "write" {
            root_signal.update(|value| *value += 1);
        }
        any_spawner::Executor::poll_local();
        live_bytes.push(LIVE_BYTES.load(Ordering::Relaxed));
        if (round + 1) % 50 == 0 {
            println!("after round {:3}: {:9} bytes live", round + 1, live_bytes[round]);
        }
    }
    let half = ROUNDS / 2;
    let per_round = (live_bytes[ROUNDS - 1] - live_bytes[half - 1]) as f64 / half as f64;
    println!(
        "rounds {half}-{ROUNDS}: {per_round:.0} bytes per round, {:.0} per effect",
        per_round / EFFECTS as f64
    );
}
