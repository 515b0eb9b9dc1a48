//! The factory's parts as focusable, tappable regions over the canvas (`scene-part-ID`), with an
//! info line that names the part under the pointer, finger or focus, says what it does and shows
//! its value now. Parts the why-panel talks about are highlighted.

use leptos::prelude::*;

use crate::strings::t;
use crate::view::drawing::factory_scene::{FactoryScene, ScenePart, SCENE_HEIGHT, SCENE_WIDTH};

/// The regions and the info line.
///
/// - `scene`: what the factory shows now (the parts' values).
/// - `highlighted`: ids of the parts to highlight (from the why-panel; later, tours).
#[component]
pub fn FactoryParts(
    scene: Signal<FactoryScene>,
    highlighted: Signal<Vec<&'static str>>,
) -> impl IntoView {
    let active = RwSignal::new(None::<ScenePart>);
    let info = move || {
        active.get().map(|part| {
            (
                t().scene_part_name(part),
                t().scene_part_role(part),
                scene.with(|scene| part.value(scene, t())),
            )
        })
    };
    let regions = ScenePart::ALL
        .into_iter()
        .map(|part| {
            let (left, top, width, height) = part.area();
            // The size goes in container units, so the style sheet can grow a thin part to a
            // 44 px touch target around its centre. Set property by property (CSSOM), which a
            // strict Content-Security-Policy allows; a `style` attribute it refuses.
            let left = format!("{:.2}%", left / SCENE_WIDTH * 100.0);
            let top = format!("{:.2}%", top / SCENE_HEIGHT * 100.0);
            let width = format!("{:.2}cqw", width / SCENE_WIDTH * 100.0);
            let height = format!("{:.2}cqh", height / SCENE_HEIGHT * 100.0);
            // A memo: the attribute changes in the DOM only when the words do, not every frame.
            let label = Memo::new(move |_| scene.with(|scene| part.label(scene, t())));
            view! {
                <button
                    type="button"
                    class="scene-part"
                    class:highlighted=move || highlighted.with(|ids| ids.contains(&part.id()))
                    class:active=move || active.get() == Some(part)
                    data-testid=format!("scene-part-{}", part.id())
                    data-part=part.id()
                    style:left=left
                    style:top=top
                    style:--w=width
                    style:--h=height
                    aria-label=label
                    aria-describedby="scene-part-info"
                    on:mouseenter=move |_| active.set(Some(part))
                    on:focus=move |_| active.set(Some(part))
                    on:click=move |_| active.set(Some(part))
                ></button>
            }
        })
        .collect_view();
    view! {
        <div class="scene-parts">{regions}</div>
        <p class="scene-part-info" id="scene-part-info" data-testid="scene-part-info" aria-live="polite">
            {move || match info() {
                Some((name, role, value)) => view! {
                    <strong>{name}</strong>
                    " — "
                    {role}
                    " "
                    <span class="scene-part-value">{value}</span>
                }
                .into_any(),
                None => view! { <span>{t().scene_parts_hint()}</span> }.into_any(),
            }}
        </p>
    }
}
