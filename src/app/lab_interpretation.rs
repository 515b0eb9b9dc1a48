//! What the labs mean together (`lab-interpretation`): RPI against the anemia, EPO against the
//! Hb, sTfR/log ferritin, Mentzer, hepcidin against health; each line with `data-reading`.

use leptos::prelude::*;

use crate::model::Labs;
use crate::strings::t;
use crate::view::why_trace::interpretation_lines;

/// The interpretation under the lab report.
///
/// - `labs`: the labs now.
#[component]
pub fn LabInterpretation(
    labs: Signal<Labs>,
    /// Prefix of the element ids (`b-` for the second patient).
    #[prop(default = "")]
    id_prefix: &'static str,
) -> impl IntoView {
    let lines = Memo::new(move |_| labs.with(|labs| interpretation_lines(labs, t())));
    view! {
        // A group, not a region: with two patients, two regions of one name would be ambiguous.
        <div class="lab-interpretation" data-testid="lab-interpretation" role="group" aria-labelledby=format!("{id_prefix}interpretation-heading")>
            <h3 id=format!("{id_prefix}interpretation-heading")>{t().interpretation_heading()}</h3>
            <ul>
                {move || {
                    lines
                        .get()
                        .into_iter()
                        .map(|line| {
                            view! {
                                <li
                                    data-testid=format!("interpretation-{}", line.id)
                                    data-reading=line.reading.as_str()
                                >
                                    {line.text}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
