//! The lab report (`lab-KEY` hooks with `data-flag`): grouped like a printed report, each line with
//! its value, unit, reference range, flag and trend over the last week.

use leptos::prelude::*;

use super::page_context::PageContext;
use crate::model::Flag;
use crate::model::LabGroup;
use crate::strings::ENGLISH;
use crate::view::lab_report::{format_range, group_lines, reading, unit, LabLine};

/// One line; updates the DOM only when what it prints changes.
#[component]
fn LabRow(line: LabLine) -> impl IntoView {
    let context = PageContext::get();
    let shown = Memo::new(move |_| {
        context
            .snapshot
            .with(|snapshot| reading(&line, &snapshot.labs, &snapshot.labs_week_ago))
    });
    // Printed as lab reports do, "L" or "H", with the word for screen readers and tooltips.
    let flag_text = move || match shown.with(|shown| shown.flag) {
        Flag::Low => ENGLISH.flag_low,
        Flag::High => ENGLISH.flag_high,
        Flag::Normal => "",
    };
    let flag_letter = move || {
        flag_text()
            .chars()
            .next()
            .map(|letter| letter.to_ascii_uppercase().to_string())
            .unwrap_or_default()
    };
    let trend_text = move || match shown.with(|shown| shown.trend.as_str()) {
        "rising" => ENGLISH.trend_up,
        "falling" => ENGLISH.trend_down,
        _ => ENGLISH.trend_steady,
    };
    view! {
        <tr class=move || format!("lab-line flag-{}", shown.with(|shown| shown.flag.as_str()))>
            <th scope="row">{ENGLISH.lab_label(line.key)}</th>
            <td class="lab-value">
                <span
                    data-testid=format!("lab-{}", line.key.key())
                    data-flag=move || shown.with(|shown| shown.flag.as_str())
                >
                    {move || shown.with(|shown| shown.value.clone())}
                </span>
                " "
                <span
                    class="trend"
                    data-testid=format!("trend-{}", line.key.key())
                    data-trend=move || shown.with(|shown| shown.trend.as_str())
                    title=trend_text
                >
                    {move || shown.with(|shown| shown.trend.arrow())}
                </span>
                <span class="visually-hidden">{trend_text}</span>
            </td>
            <td class="lab-flag">
                <abbr title=flag_text aria-hidden="true">{flag_letter}</abbr>
                <span class="visually-hidden">{flag_text}</span>
            </td>
            <td class="lab-unit">{unit(line.key)}</td>
            <td class="lab-range">{format_range(line.key)}</td>
        </tr>
    }
}

/// The whole report.
#[component]
pub fn LabPanel() -> impl IntoView {
    view! {
        <h2 id="labs-heading">{ENGLISH.labs_heading}</h2>
        <table class="lab-report" data-testid="lab-panel">
            <thead>
                <tr>
                    <th scope="col">{ENGLISH.lab_column_test}</th>
                    <th scope="col">{ENGLISH.lab_column_result}</th>
                    <th scope="col"><span class="visually-hidden">{ENGLISH.lab_column_flag}</span></th>
                    <th scope="col"><span class="visually-hidden">{ENGLISH.lab_column_unit}</span></th>
                    <th scope="col">{ENGLISH.lab_column_range}</th>
                </tr>
            </thead>
            {LabGroup::ALL
                .into_iter()
                .map(|group| {
                    view! {
                        <tbody>
                            <tr class="lab-group">
                                <th scope="rowgroup" colspan="5">{ENGLISH.lab_group(group)}</th>
                            </tr>
                            {group_lines(group).map(|line| view! { <LabRow line=line/> }).collect_view()}
                        </tbody>
                    }
                })
                .collect_view()}
        </table>
    }
}
