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
