//! The "why did this change?" panel (`why-panel`): the causal chain of the chosen lab, computed by
//! the model at this moment, each link a `why-link` with `data-key`, its value and one sentence.

use leptos::prelude::*;

use crate::model::{CausalChain, LabKey};
use crate::strings::{fill, t};
use crate::view::units::Units;
use crate::view::why_trace::why_lines;

/// The panel.
///
/// - `chain`: the chosen lab and its chain (`None` before a lab is chosen).
/// - `on_close`: called when the student closes the panel.
/// - `units`: the units labs are printed in (conventional if not given).
#[component]
pub fn WhyPanel(
    chain: Signal<Option<(LabKey, CausalChain)>>,
    on_close: Callback<()>,
    /// Prefix of the element ids (`b-` for the second patient).
    #[prop(default = "")]
    id_prefix: &'static str,
    #[prop(into, optional)] units: Signal<Units>,
) -> impl IntoView {
    let lines = Memo::new(move |_| {
        let units = units.get();
        chain.with(|chain| {
            chain
                .as_ref()
                .map(|(lab, chain)| (*lab, why_lines(chain, t(), units)))
        })
    });
    view! {
        <Show when=move || lines.with(Option::is_some)>
            <section class="why-panel" data-testid="why-panel" aria-labelledby=format!(
                "{id_prefix}why-heading{}",
                // Patient B's panel is named for its patient, so two open panels differ.
                if id_prefix.is_empty() { "" } else { " patient-b-heading" }
            ) tabindex="-1">
                {move || {
                    lines
                        .get()
                        .map(|(lab, lines)| {
                            let lab_name = t().lab_label(lab);
                            let heading = fill(t().why_heading(), &[("lab", lab_name)]);
                            let nothing = (lines.len() <= 1)
                                .then(|| fill(t().why_nothing(), &[("lab", lab_name)]));
                            view! {
                                <h2 id=format!("{id_prefix}why-heading")>{heading}</h2>
                                <button
                                    type="button"
                                    class="dismiss why-close"
                                    on:click=move |_| on_close.run(())
                                >
                                    {t().why_close()}
                                </button>
                                {nothing.map(|text| view! { <p>{text}</p> })}
                                <ol class="why-chain">
                                    {lines
                                        .into_iter()
                                        .map(|line| {
                                            view! {
                                                <li
                                                    class="why-link"
                                                    data-testid="why-link"
                                                    data-key=line.key
                                                    data-part=line.part.map(|part| part.id())
                                                >
                                                    <span class="why-name">{line.label}</span>
                                                    " "
                                                    <strong class="why-value">{line.value}</strong>
                                                    {line.fold.map(|fold| view! { " " <span class="why-fold">"("{fold}")"</span> })}
                                                    <br/>
                                                    <span class="why-explanation">{line.explanation}</span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                            }
                        })
                }}
            </section>
        </Show>
    }
}
