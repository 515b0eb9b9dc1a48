//! `marrow-sim`: the native command-line simulator (contract section 3). It runs the same model as
//! the page.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use marrow_factory::cli::{
    csv_header, csv_row, json_line, parse_args, sample_days, CliOptions, OutputFormat,
};
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
    if options.format == OutputFormat::Csv {
        writeln!(out, "{}", csv_header())?;
    }
    for day in sample_days(options.days, options.every_days) {
        patient.advance_to(day);
        let mut labs = patient.labs();
        labs.day = day;
        match options.format {
            OutputFormat::JsonLines => writeln!(out, "{}", json_line(&labs))?,
            OutputFormat::Csv => writeln!(out, "{}", csv_row(&labs))?,
        }
    }
    out.flush()
}
