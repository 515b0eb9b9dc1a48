//! `marrow-sim`: the native command-line simulator (contract section 3). It runs the same model as
//! the page.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use marrow_factory::cli::{parse_args, sample_days, CliOptions, OutputFormat};
use marrow_factory::model::Scenario;

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
    let scenario = match Scenario::from_json(&text) {
        Ok(scenario) => scenario,
        Err(error) => {
            eprintln!("marrow-sim: {}: {error}", options.scenario_path);
            return ExitCode::from(2);
        }
    };
    match run(&scenario, &options) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (e.g. `| head`) is not an error worth a message.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("marrow-sim: cannot write output: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(scenario: &Scenario, options: &CliOptions) -> io::Result<()> {
    let mut patient = scenario.patient();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut header_written = false;
    for day in sample_days(options.days, options.every_days) {
        patient.advance_to(day);
        let mut labs = patient.labs();
        labs.day = day;
        let entries = labs.entries();
        match options.format {
            OutputFormat::JsonLines => {
                let fields: Vec<String> = entries
                    .iter()
                    .map(|(key, value)| format!("\"{}\":{}", key.key(), json_number(*value)))
                    .collect();
                writeln!(out, "{{{}}}", fields.join(","))?;
            }
            OutputFormat::Csv => {
                if !header_written {
                    let keys: Vec<&str> = entries.iter().map(|(key, _)| key.key()).collect();
                    writeln!(out, "{}", keys.join(","))?;
                    header_written = true;
                }
                let values: Vec<String> = entries
                    .iter()
                    .map(|(_, value)| json_number(*value))
                    .collect();
                writeln!(out, "{}", values.join(","))?;
            }
        }
    }
    out.flush()
}

/// A number as JSON and CSV print it: six decimals, trailing zeros trimmed.
fn json_number(value: f64) -> String {
    if !value.is_finite() {
        return "null".to_string();
    }
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}
