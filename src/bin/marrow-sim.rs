//! `marrow-sim`: the native command-line simulator (contract section 3).

use std::process::ExitCode;

use marrow_factory::cli::parse_args;

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(error) => {
            eprintln!("marrow-sim: {error}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(&options.scenario_path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("marrow-sim: cannot read {}: {error}", options.scenario_path);
            return ExitCode::from(2);
        }
    };
    if let Err(error) = serde_json::from_str::<serde_json::Value>(&text) {
        eprintln!(
            "marrow-sim: {}: not valid JSON: {error}",
            options.scenario_path
        );
        return ExitCode::from(2);
    }
    eprintln!("marrow-sim: the physiology engine is not built yet (issue 3); arguments and file are valid.");
    ExitCode::from(1)
}
