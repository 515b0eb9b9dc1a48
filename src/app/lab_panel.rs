//! The lab report (`lab-KEY` hooks with `data-flag`): grouped like a printed report, each line with
//! its value, unit, reference range, flag and trend over the last week.

use leptos::prelude::*;

use crate::model::{Flag, LabGroup, LabKey, Labs};
use crate::strings::t;
use crate::view::lab_report::{format_range, group_lines, reading, unit, LabLine};
use crate::view::units::Units;

/// One line; updates the DOM only when what it prints changes. Its value is a button that asks
/// the why-panel for the lab's causes.
#[component]
fn LabRow(
    line: LabLine,
    labs: Signal<(Labs, Labs)>,
    units: Signal<Units>,
    why: RwSignal<Option<LabKey>>,
    marked: Signal<Vec<&'static str>>,
    id_prefix: &'static str,
) -> impl IntoView {
    let shown = Memo::new(move |_| {
        let units = units.get();
        labs.with(|(now, week_ago)| reading(&line, units, now, week_ago))
    });
    // One memo per part: while playing, the value changes on most turns and the flag and the
    // trend seldom, so a new value updates the value alone, not the line's flag and trend pieces.
    let value = Memo::new(move |_| shown.with(|shown| shown.value.clone()));
    let flag = Memo::new(move |_| shown.with(|shown| shown.flag));
    let trend = Memo::new(move |_| shown.with(|shown| shown.trend));
    // Printed as lab reports do, "L" or "H", with the word for screen readers and tooltips.
    let flag_text = move || match flag.get() {
        Flag::Low => t().flag_low,
        Flag::High => t().flag_high,
        Flag::Normal => "",
    };
    let flag_letter = move || {
        flag_text()
            .chars()
            .next()
            .map(|letter| letter.to_ascii_uppercase().to_string())
            .unwrap_or_default()
    };
    let trend_text = move || match trend.get().as_str() {
        "rising" => t().trend_up,
        "falling" => t().trend_down,
        _ => t().trend_steady,
    };
    view! {
        <tr
            class=move || {
                // One class string: a separate `class:marked` would be overwritten by this one.
                let marked = marked.with(|marked| marked.contains(&line.key.key()));
                format!(
                    "lab-line flag-{}{}",
                    flag.get().as_str(),
                    if marked { " marked" } else { "" }
                )
            }
        >
            <th scope="row">{t().lab_label(line.key)}</th>
            <td class="lab-value">
                <button
                    type="button"
                    class="lab-why"
                    data-testid=format!("lab-{}", line.key.key())
                    data-flag=move || flag.get().as_str()
                    title=t().lab_why_hint()
                    aria-pressed=move || (why.get() == Some(line.key)).to_string()
                    aria-controls=format!("{id_prefix}why-panel")
                    on:click=move |_| why.set(Some(line.key))
                >
                    {move || value.get()}
                </button>
                " "
                <span
                    class="trend"
                    data-testid=format!("trend-{}", line.key.key())
                    data-trend=move || trend.get().as_str()
                    title=trend_text
                >
                    {move || trend.get().arrow()}
                </span>
                <span class="visually-hidden">{trend_text}</span>
            </td>
            <td class="lab-flag">
                <abbr title=flag_text aria-hidden="true">{flag_letter}</abbr>
                <span class="visually-hidden">{flag_text}</span>
            </td>
            <td class="lab-unit" data-testid=format!("unit-{}", line.key.key())>
                {move || unit(line.key, units.get())}
            </td>
            <td class="lab-range" data-testid=format!("range-{}", line.key.key())>
                {move || format_range(line.key, units.get())}
            </td>
        </tr>
    }
}

/// The whole report.
///
/// - `labs`: the labs now and [`crate::view::lab_report::TREND_DAYS`] ago (for the trends).
/// - `why`: the lab whose causes the why-panel shows; a value sets it.
/// - `marked`: sample keys a tour step points at.
/// - `units`: the units values and ranges are printed in (conventional if not given); flags do
///   not change with them.
#[component]
pub fn LabPanel(
    labs: Signal<(Labs, Labs)>,
    why: RwSignal<Option<LabKey>>,
    #[prop(into, optional)] units: Signal<Units>,
    #[prop(into, optional)] marked: Signal<Vec<&'static str>>,
    /// Prefix of the element ids (`b-` for the second patient), so that ids stay unique.
    #[prop(default = "")]
    id_prefix: &'static str,
) -> impl IntoView {
    view! {
        <h2 id=format!("{id_prefix}labs-heading")>{t().labs_heading}</h2>
        <table class="lab-report" data-testid="lab-panel">
            <thead>
                <tr>
                    <th scope="col">{t().lab_column_test}</th>
                    <th scope="col">{t().lab_column_result}</th>
                    <th scope="col"><span class="visually-hidden">{t().lab_column_flag}</span></th>
                    <th scope="col"><span class="visually-hidden">{t().lab_column_unit}</span></th>
                    <th scope="col">{t().lab_column_range}</th>
                </tr>
            </thead>
            {LabGroup::ALL
                .into_iter()
                .map(|group| {
                    view! {
                        <tbody>
                            <tr class="lab-group">
                                <th scope="rowgroup" colspan="5">{t().lab_group(group)}</th>
                            </tr>
                            {group_lines(group)
                                .map(|line| view! { <LabRow line=line labs=labs units=units why=why marked=marked id_prefix=id_prefix/> })
                                .collect_view()}
                        </tbody>
                    }
                })
                .collect_view()}
        </table>
    }
}
