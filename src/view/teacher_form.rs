//! The teacher panel's form as pure Rust: its markup (written once, as text, because forty
//! Leptos-built checkboxes cost 10 KiB of download for a panel a student never opens) and how a
//! filled-in form reads back as a [`Classroom`] and a start. The component in `app` only shows the
//! markup and passes in what is ticked.

use crate::model::SettingKey;
use crate::presets::PRESETS;
use crate::strings::{fill, Strings};
use crate::teaching::cases::CASES;
use crate::teaching::tours::TOURS;
use crate::view::lab_report::panel_keys;
use crate::view::session::classroom::{ClassStart, Classroom, HiddenPanel, MAX_CHARTS};
use crate::view::session::simulation::SPEEDS_DAYS_PER_SECOND;

/// `text` safe inside HTML text and double-quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// The value of a `teacher-start` option.
pub fn start_value(start: ClassStart) -> String {
    match start {
        ClassStart::Preset(id) => format!("preset:{id}"),
        ClassStart::Case(id) => format!("case:{id}"),
        ClassStart::Tour(id) => format!("tour:{id}"),
    }
}

/// The start a `teacher-start` option value names (`preset:ID`, `case:ID`, `tour:ID`).
pub fn read_start(value: &str) -> Option<ClassStart> {
    let (kind, id) = value.split_once(':')?;
    match kind {
        "preset" => PRESETS
            .iter()
            .find(|preset| preset.id == id)
            .map(|preset| ClassStart::Preset(preset.id)),
        "case" => CASES
            .iter()
            .find(|case| case.id == id)
            .map(|case| ClassStart::Case(case.id)),
        "tour" => TOURS
            .iter()
            .find(|tour| tour.id == id)
            .map(|tour| ClassStart::Tour(tour.id)),
        _ => None,
    }
}

/// Appends each piece in turn (cheaper in the download than `format!`).
fn push(html: &mut String, pieces: &[&str]) {
    for piece in pieces {
        html.push_str(piece);
    }
}

/// Appends `text`, escaped.
fn push_text(html: &mut String, text: &str) {
    html.push_str(&escape_html(text));
}

/// One labelled checkbox.
fn checkbox(html: &mut String, test_id: &str, label: &str) {
    push(
        html,
        &[
            "<label><input type=\"checkbox\" data-testid=\"",
            test_id,
            "\"> ",
        ],
    );
    push_text(html, label);
    html.push_str("</label>");
}

/// Opens a fieldset of checkboxes under `legend`.
fn open_fieldset(html: &mut String, legend: &str) {
    html.push_str("<fieldset><legend>");
    push_text(html, legend);
    html.push_str("</legend><div class=\"teacher-grid\">");
}

/// The form inside the teacher panel's dialog (hooks `teacher-start`, `teacher-lock-KEY`,
/// `teacher-hide-KEY`, `teacher-chart-KEY`, `teacher-speed`, `teacher-projector`,
/// `teacher-embed`, `teacher-build`, `teacher-copy`, `teacher-copy-iframe`, `teacher-close`,
/// `teacher-link`, `teacher-iframe`).
pub fn teacher_form_html(strings: &Strings) -> String {
    let mut html = String::with_capacity(8192);
    html.push_str("<h2 id=\"teacher-heading\">");
    push_text(&mut html, strings.teacher_heading());
    html.push_str("</h2><p>");
    push_text(&mut html, strings.teacher_intro());
    html.push_str("</p><label>");
    push_text(&mut html, strings.teacher_start());
    html.push_str(" <select data-testid=\"teacher-start\">");
    let groups: [(&str, Vec<(ClassStart, String)>); 3] = [
        (
            strings.teacher_presets(),
            PRESETS
                .iter()
                .map(|preset| {
                    let name = preset
                        .scenario()
                        .map(|scenario| strings.tr(&scenario.name).to_string())
                        .unwrap_or_else(|_| preset.id.to_string());
                    (ClassStart::Preset(preset.id), name)
                })
                .collect(),
        ),
        (
            strings.teacher_cases(),
            CASES
                .iter()
                .map(|file| {
                    (
                        ClassStart::Case(file.id),
                        strings.tr(file.title).to_string(),
                    )
                })
                .collect(),
        ),
        (
            strings.teacher_tours(),
            TOURS
                .iter()
                .map(|tour| {
                    (
                        ClassStart::Tour(tour.id),
                        strings.tr(tour.title).to_string(),
                    )
                })
                .collect(),
        ),
    ];
    for (group, options) in groups {
        html.push_str("<optgroup label=\"");
        push_text(&mut html, group);
        html.push_str("\">");
        for (start, name) in options {
            push(&mut html, &["<option value=\"", &start_value(start), "\">"]);
            push_text(&mut html, &name);
            html.push_str("</option>");
        }
        html.push_str("</optgroup>");
    }
    html.push_str("</select></label>");
    open_fieldset(&mut html, strings.teacher_sliders());
    for key in SettingKey::MAIN {
        html.push_str("<div class=\"teacher-setting\"><span>");
        push_text(&mut html, strings.setting_label(key));
        html.push_str("</span>");
        for (kind, label) in [
            ("lock", strings.teacher_lock()),
            ("hide", strings.teacher_hide()),
        ] {
            checkbox(
                &mut html,
                &["teacher-", kind, "-", key.key()].concat(),
                label,
            );
        }
        html.push_str("</div>");
    }
    html.push_str("</div></fieldset>");
    open_fieldset(&mut html, strings.teacher_panels());
    for panel in HiddenPanel::ALL {
        checkbox(
            &mut html,
            &["teacher-hide-", panel.key()].concat(),
            strings.teacher_panel_name(panel),
        );
    }
    html.push_str("</div></fieldset>");
    open_fieldset(&mut html, strings.teacher_charts());
    for key in panel_keys() {
        checkbox(
            &mut html,
            &["teacher-chart-", key.key()].concat(),
            strings.lab_label(key),
        );
    }
    html.push_str("</div></fieldset><div class=\"teacher-grid\"><label>");
    push_text(&mut html, strings.teacher_speed());
    html.push_str(" <select data-testid=\"teacher-speed\"><option value=\"\">");
    push_text(&mut html, strings.teacher_speed_default());
    html.push_str("</option>");
    for days in SPEEDS_DAYS_PER_SECOND {
        let days = days.to_string();
        push(&mut html, &["<option value=\"", &days, "\">"]);
        push_text(
            &mut html,
            &fill(strings.teacher_speed_option(), &[("days", &days)]),
        );
        html.push_str("</option>");
    }
    html.push_str("</select></label>");
    checkbox(&mut html, "teacher-projector", strings.teacher_projector());
    checkbox(&mut html, "teacher-embed", strings.teacher_embed());
    html.push_str("</div><div class=\"teacher-actions\">");
    for (test_id, label) in [
        ("teacher-build", strings.teacher_build()),
        ("teacher-copy", strings.teacher_copy_link()),
        ("teacher-copy-iframe", strings.teacher_copy_iframe()),
        ("teacher-close", strings.shortcuts_close()),
    ] {
        push(
            &mut html,
            &["<button type=\"button\" data-testid=\"", test_id, "\">"],
        );
        push_text(&mut html, label);
        html.push_str("</button>");
    }
    html.push_str("</div><label>");
    push_text(&mut html, strings.teacher_link_label());
    html.push_str(" <input type=\"text\" readonly data-testid=\"teacher-link\"></label><label>");
    push_text(&mut html, strings.teacher_iframe_label());
    html.push_str(
        " <textarea readonly rows=\"3\" data-testid=\"teacher-iframe\"></textarea></label>",
    );
    html
}

/// What the filled-in form asks for: the start, the classroom choices and projector mode.
///
/// - `ticked`: whether the checkbox with this `data-testid` is ticked.
/// - `start`, `speed`: the values of `teacher-start` and `teacher-speed`.
pub fn read_form(
    ticked: impl Fn(&str) -> bool,
    start: &str,
    speed: &str,
) -> (ClassStart, Classroom, bool) {
    let start = read_start(start).unwrap_or(ClassStart::Preset(PRESETS[0].id));
    let ticked_settings = |prefix: &str| -> Vec<SettingKey> {
        SettingKey::MAIN
            .into_iter()
            .filter(|key| ticked(&["teacher-", prefix, "-", key.key()].concat()))
            .collect()
    };
    let charts: Vec<_> = panel_keys()
        .filter(|key| ticked(&["teacher-chart-", key.key()].concat()))
        .take(MAX_CHARTS)
        .collect();
    let classroom = Classroom {
        embed: ticked("teacher-embed"),
        locked: ticked_settings("lock"),
        hidden: ticked_settings("hide"),
        hidden_panels: HiddenPanel::ALL
            .into_iter()
            .filter(|panel| ticked(&["teacher-hide-", panel.key()].concat()))
            .collect(),
        speed_days_per_second: speed
            .parse::<f64>()
            .ok()
            .filter(|speed| SPEEDS_DAYS_PER_SECOND.contains(speed)),
        charts: (!charts.is_empty()).then_some(charts),
    };
    (start, classroom, ticked("teacher-projector"))
}

/// The iframe snippet for a learning platform, around an embedded link.
pub fn iframe_snippet(strings: &Strings, embedded_link: &str) -> String {
    fill(
        strings.teacher_iframe_template(),
        &[("src", &escape_html(embedded_link))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabKey;
    use crate::strings::ENGLISH;
    use crate::view::session::classroom::teacher_query;
    use crate::view::session::page_link::parse_query;

    #[test]
    fn the_form_holds_every_hook_and_every_start() {
        let html = teacher_form_html(&ENGLISH);
        for key in SettingKey::MAIN {
            assert!(html.contains(&format!("teacher-lock-{}", key.key())));
            assert!(html.contains(&format!("teacher-hide-{}", key.key())));
        }
        for hook in [
            "teacher-start",
            "teacher-speed",
            "teacher-embed",
            "teacher-projector",
            "teacher-build",
            "teacher-link",
            "teacher-iframe",
            "teacher-hide-stain",
            "teacher-chart-hb_g_dl",
        ] {
            assert!(html.contains(hook), "{hook}");
        }
        for preset in PRESETS {
            assert!(html.contains(&format!("value=\"preset:{}\"", preset.id)));
        }
        for case in CASES {
            let value = format!("case:{}", case.id);
            assert!(html.contains(&value));
            assert_eq!(read_start(&value), Some(ClassStart::Case(case.id)));
        }
        for tour in TOURS {
            assert!(html.contains(&format!("value=\"tour:{}\"", tour.id)));
        }
        assert_eq!(read_start("tour:nope"), None);
    }

    #[test]
    fn a_filled_in_form_builds_a_link_that_reads_back_the_same() {
        let ticked = [
            "teacher-lock-iron_intake_mg_per_day",
            "teacher-hide-il6_pg_per_ml",
            "teacher-hide-about",
            "teacher-chart-ferritin_ng_ml",
            "teacher-chart-mcv_fl",
            "teacher-embed",
            "teacher-projector",
        ];
        let (start, classroom, projector) =
            read_form(|id| ticked.contains(&id), "tour:iron_heist", "30");
        assert_eq!(start, ClassStart::Tour("iron_heist"));
        assert!(projector && classroom.embed);
        assert_eq!(classroom.locked, vec![SettingKey::IronIntake]);
        assert_eq!(classroom.hidden, vec![SettingKey::Il6]);
        assert_eq!(classroom.hidden_panels, vec![HiddenPanel::About]);
        assert_eq!(classroom.speed_days_per_second, Some(30.0));
        assert_eq!(
            classroom
                .charts
                .as_ref()
                .map(|charts| charts.contains(&LabKey::Ferritin)),
            Some(true)
        );
        let (request, notices) =
            parse_query(&teacher_query(start, &classroom, projector), &ENGLISH);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(request.classroom, classroom);
        assert_eq!(request.tour, Some("iron_heist"));
        // Nothing ticked: the first preset, the page's defaults.
        let (start, classroom, projector) = read_form(|_| false, "", "");
        assert_eq!(start, ClassStart::Preset(PRESETS[0].id));
        assert_eq!(classroom, Classroom::default());
        assert!(!projector);
    }

    #[test]
    fn the_iframe_snippet_escapes_its_link() {
        let snippet = iframe_snippet(&ENGLISH, "https://example.org/?preset=ckd&embed=1");
        assert!(snippet.starts_with("<iframe src=\"https://example.org/?preset=ckd&amp;embed=1\""));
        assert_eq!(
            escape_html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
