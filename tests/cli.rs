//! The `marrow-sim` binary as a user runs it: exit status and messages (contract section 3).

use std::process::Command;

fn marrow_sim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_marrow-sim"))
        .args(args)
        .output()
        .expect("marrow-sim runs")
}

#[test]
fn bad_arguments_exit_with_status_2_and_say_why() {
    let cases: [(&[&str], &str); 4] = [
        (&[], "no scenario file"),
        (&["scenario.json", "--format", "xml"], "--format"),
        (&["scenario.json", "--every", "-1"], "--every"),
        (&["scenario.json", "--bogus"], "unknown option"),
    ];
    for (args, expected) in cases {
        let output = marrow_sim(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(stderr.contains("usage: marrow-sim"), "{args:?}: {stderr}");
        assert!(
            output.stdout.is_empty(),
            "nothing is printed on standard output for bad input"
        );
    }
}

#[test]
fn a_missing_or_malformed_file_exits_with_status_2() {
    let missing = marrow_sim(&["/nonexistent/scenario.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));

    let path =
        std::env::temp_dir().join(format!("marrow-sim-malformed-{}.json", std::process::id()));
    std::fs::write(&path, "{ \"settings\": ").unwrap();
    let malformed = marrow_sim(&[path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(malformed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&malformed.stderr).contains("JSON"));
}

#[test]
fn a_preset_prints_every_contract_key_on_each_sample() {
    let preset = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/scenarios/iron_deficiency.json"
    );
    let output = marrow_sim(&[preset, "--days", "2", "--every", "0.5"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "days 0, 0.5, 1, 1.5, 2");
    let contract_keys = "day hb_g_dl hct_percent rbc_10e12_per_l mcv_fl mch_pg mchc_g_dl rdw_percent \
        retic_percent retic_abs_10e9_per_l rpi serum_iron_ug_dl tibc_ug_dl tsat_percent ferritin_ng_ml \
        stfr_mg_l epo_mu_ml hepcidin_ng_ml il6_pg_per_ml b12_pg_ml folate_ng_ml homocysteine_umol_l \
        mma_umol_l ldh_u_l neuro_damage_index marrow_iron_grade sideroblasts_percent body_iron_mg \
        storage_iron_mg iron_absorbed_mg_total iron_lost_mg_total b12_stores_ug folate_stores_mg";
    for line in &lines {
        for key in contract_keys.split_whitespace() {
            assert!(
                line.contains(&format!("\"{key}\":")),
                "{key} missing from {line}"
            );
        }
    }
    assert!(lines[1].starts_with("{\"day\":0.5,"), "{}", lines[1]);

    let csv = marrow_sim(&[preset, "--days", "3", "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(header[0], "day");
    assert_eq!(csv.lines().count(), 5, "a header and days 0–3");
    assert!(csv
        .lines()
        .skip(1)
        .all(|row| row.split(',').count() == header.len()));
}

#[test]
fn a_bad_scenario_is_refused_with_the_field_named() {
    let path = std::env::temp_dir().join(format!("marrow-sim-bad-{}.json", std::process::id()));
    std::fs::write(&path, r#"{"settings": {"egfr_ml_per_min": 300}}"#).unwrap();
    let output = marrow_sim(&[path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("settings.egfr_ml_per_min") && stderr.contains("5–120"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "nothing is simulated");
}
