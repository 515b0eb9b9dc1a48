//! The factory's legend (`scene-legend`): each symbol's swatch, in the colour the scene draws it.

use leptos::prelude::*;

use crate::palette::Palette;
use crate::strings::t;
use crate::view::drawing::factory_scene::LegendEntry;

/// The legend.
///
/// - `palette`: the colours the scene is drawn with (standard or projector).
/// - `folded`: starts folded (projector mode keeps secondary panels closed).
#[component]
pub fn SceneLegend(palette: Signal<Palette>, folded: Signal<bool>) -> impl IntoView {
    view! {
        <details class="scene-legend" data-testid="scene-legend" prop:open=move || !folded.get()>
            <summary>{t().legend_heading()}</summary>
            <ul>
                {LegendEntry::ALL
                    .into_iter()
                    .map(|entry| {
                        view! {
                            <li data-entry=format!("{entry:?}")>
                                <span
                                    class="swatch"
                                    aria-hidden="true"
                                    style:background=move || entry.colour(&palette.get()).css()
                                ></span>
                                {t().legend_entry(entry)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}
