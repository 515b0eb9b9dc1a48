//! The argument parser and the output lines of `marrow-sim` (contract section 3). Kept apart from
//! the binary so they are tested, and so the page's CSV export writes the same header and numbers.

use std::fmt;

use crate::model::{LabKey, Labs};

/// How samples are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// One JSON object per line (the default).
    JsonLines,
    /// A header line, then one comma-separated row per sample.
    Csv,
}

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct CliOptions {
    pub scenario_path: String,
    /// Days to simulate (default 365).
    pub days: f64,
    /// Days between samples (default 1; fractions allowed).
    pub every_days: f64,
    pub format: OutputFormat,
}

/// A refused command line; printed on standard error with exit status 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}\n{USAGE}", self.0)
    }
}

pub const USAGE: &str =
    "usage: marrow-sim SCENARIO.json [--days N] [--every K] [--format jsonl|csv]";

/// The longest run the command line accepts, days (100 years).
pub const MAX_DAYS: f64 = 36_500.0;

/// Parses the arguments after the program name.
pub fn parse_args<I, S>(args: I) -> Result<CliOptions, UsageError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut scenario_path = None;
    let mut days = 365.0;
    let mut every_days = 1.0;
    let mut format = OutputFormat::JsonLines;
    let mut args = args.into_iter().map(|arg| arg.as_ref().to_string());
    while let Some(arg) = args.next() {
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value_of = |flag: &str| {
            inline_value
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| UsageError(format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--days" => days = parse_number("--days", &value_of("--days")?, 0.0, MAX_DAYS, true)?,
            "--every" => {
                every_days = parse_number("--every", &value_of("--every")?, 0.0, MAX_DAYS, false)?
            }
            "--format" => {
                format = match value_of("--format")?.as_str() {
                    "jsonl" => OutputFormat::JsonLines,
                    "csv" => OutputFormat::Csv,
                    other => {
                        return Err(UsageError(format!(
                            "--format: '{other}' is not one of jsonl, csv"
                        )))
                    }
                }
            }
            "-h" | "--help" => return Err(UsageError("help requested".to_string())),
            other if other.starts_with('-') && other.len() > 1 => {
                return Err(UsageError(format!("unknown option '{other}'")))
            }
            path => {
                if scenario_path.replace(path.to_string()).is_some() {
                    return Err(UsageError(
                        "only one scenario file may be given".to_string(),
                    ));
                }
            }
        }
    }
    let scenario_path =
        scenario_path.ok_or_else(|| UsageError("no scenario file given".to_string()))?;
    Ok(CliOptions {
        scenario_path,
        days,
        every_days,
        format,
    })
}

/// The days at which samples are printed: 0, K, 2K, … up to and including N.
pub fn sample_days(days: f64, every_days: f64) -> impl Iterator<Item = f64> {
    // Counting samples instead of adding K repeatedly keeps 0.1-day grids free of drift.
    let count = ((days / every_days) + 1e-9).floor() as u64;
    (0..=count).map(move |index| index as f64 * every_days)
}

/// The CSV header: the contract's sample keys, in `LabKey::ALL` order.
pub fn csv_header() -> String {
    let keys: Vec<&str> = LabKey::ALL.iter().map(|key| key.key()).collect();
    keys.join(",")
}

/// One CSV row: the sample's values in the header's order.
pub fn csv_row(labs: &Labs) -> String {
    let values: Vec<String> = labs
        .entries()
        .iter()
        .map(|(_, value)| json_number(*value))
        .collect();
    values.join(",")
}

/// One JSON line: the sample as an object keyed by the contract's sample keys.
pub fn json_line(labs: &Labs) -> String {
    let fields: Vec<String> = labs
        .entries()
        .iter()
        .map(|(key, value)| format!("\"{}\":{}", key.key(), json_number(*value)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// A number as JSON and CSV print it: six decimals, trailing zeros trimmed; `null` if not finite.
pub fn json_number(value: f64) -> String {
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

/// A finite number within `min..=max` (the lower bound excluded unless `min_allowed`).
fn parse_number(
    flag: &str,
    text: &str,
    min: f64,
    max: f64,
    min_allowed: bool,
) -> Result<f64, UsageError> {
    let value: f64 = text
        .parse()
        .map_err(|_| UsageError(format!("{flag}: '{text}' is not a number")))?;
    let low_ok = if min_allowed {
        value >= min
    } else {
        value > min
    };
    if value.is_finite() && low_ok && value <= max {
        Ok(value)
    } else {
        let bound = if min_allowed { "from" } else { "greater than" };
        Err(UsageError(format!(
            "{flag}: {text} is out of range ({bound} {min} up to {max} days)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_a_year_sampled_daily_as_json_lines() {
        let options = parse_args(["a.json"]).unwrap();
        assert_eq!(options.scenario_path, "a.json");
        assert_eq!(options.days, 365.0);
        assert_eq!(options.every_days, 1.0);
        assert_eq!(options.format, OutputFormat::JsonLines);
    }

    #[test]
    fn flags_take_separate_or_inline_values() {
        let options =
            parse_args(["--days", "30", "a.json", "--every=0.25", "--format", "csv"]).unwrap();
        assert_eq!(options.days, 30.0);
        assert_eq!(options.every_days, 0.25);
        assert_eq!(options.format, OutputFormat::Csv);
    }

    #[test]
    fn samples_include_day_zero_and_the_last_day() {
        assert_eq!(
            sample_days(3.0, 1.0).collect::<Vec<_>>(),
            vec![0.0, 1.0, 2.0, 3.0]
        );
        assert_eq!(sample_days(1.0, 0.25).count(), 5);
        assert_eq!(sample_days(10.0, 3.0).last(), Some(9.0));
        assert_eq!(sample_days(1.0, 0.1).count(), 11);
    }

    #[test]
    fn bad_command_lines_are_refused_with_the_reason() {
        let cases: [(&[&str], &str); 8] = [
            (&[], "no scenario file"),
            (&["a.json", "b.json"], "only one scenario"),
            (&["a.json", "--days"], "--days needs a value"),
            (&["a.json", "--days", "ten"], "not a number"),
            (&["a.json", "--days", "-5"], "out of range"),
            (&["a.json", "--every", "0"], "out of range"),
            (&["a.json", "--format", "xml"], "not one of jsonl, csv"),
            (&["a.json", "--speed", "2"], "unknown option"),
        ];
        for (args, expected) in cases {
            let error = parse_args(args.iter().copied()).unwrap_err();
            assert!(error.0.contains(expected), "{args:?}: {error}");
        }
    }
}
