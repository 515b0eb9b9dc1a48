//! The marrow iron stain view: a Prussian-blue smear drawn from the macrophage iron grade and the
//! sideroblasts, redrawn only when they change visibly.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::palette::Palette;

use super::canvas_painter::{displayed_size, fit_canvas, CanvasPainter};
use crate::model::Labs;
use crate::strings::{fill, t};
use crate::view::drawing::marrow_stain::{
    draw_marrow_stain, MarrowStain, STAIN_HEIGHT, STAIN_WIDTH,
};
use crate::view::drawing::painter::ViewTransform;

/// The smear with its caption.
///
/// - `labs`: the labs the smear is drawn from (iron grade and sideroblasts).
/// - `palette`: standard or projector colours and line weight.
#[component]
pub fn MarrowStainView(labs: Signal<Labs>, palette: Signal<Palette>) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let size = displayed_size(canvas_ref);
    let stain = Memo::new(move |_| {
        let stain = labs.with(MarrowStain::from_labs);
        // Rounded to what the drawing can show, so the memo changes only when the smear would.
        (
            stain.granules_per_macrophage(),
            stain.sideroblasts_in_field(),
            stain,
        )
    });
    let shown = Memo::new(move |_| {
        let (granules, sideroblasts, _) = stain.get();
        (granules, sideroblasts)
    });
    Effect::new(move || {
        // Read, not only tracked: a memo that is never read never learns its own sources.
        let _shown = shown.get();
        let palette = palette.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let (_, _, stain) = stain.get_untracked();
        if let Some((context_2d, width, height)) = fit_canvas(&canvas, size.get()) {
            let transform = ViewTransform::fit(STAIN_WIDTH, STAIN_HEIGHT, width, height);
            context_2d.clear_rect(0.0, 0.0, width, height);
            draw_marrow_stain(
                &mut CanvasPainter::new(&context_2d, transform).with_line_weight(&palette),
                &stain,
                &palette,
            );
        }
    });
    let caption = Memo::new(move |_| {
        let (_, _, stain) = stain.get();
        fill(
            t().stain_caption,
            &[
                ("grade", &format!("{:.1}", stain.grade)),
                (
                    "sideroblasts",
                    &format!("{:.0}", stain.sideroblasts_percent),
                ),
            ],
        )
    });
    view! {
        <h2 id="stain-heading">{t().stain_heading}</h2>
        <canvas
            node_ref=canvas_ref
            class="stain-canvas"
            data-testid="marrow-stain"
            role="img"
            aria-label=t().stain_label
        ></canvas>
        <p class="stain-caption" data-testid="marrow-stain-caption">{caption}</p>
        <p class="stain-legend">{t().stain_legend}</p>
    }
}
