//! What the page exports (issue 11), as pure functions: the time series as CSV with the contract's
//! sample keys as columns (the header and number format of `marrow-sim --format csv`) and the
//! names of the downloaded files.

use crate::cli::{csv_header, csv_row};
use crate::model::Labs;

/// The simulation's history (one sample a day) as CSV: the contract's header, then one row per
/// sample, each line ending in a newline.
pub fn history_csv(history: &[Labs]) -> String {
    let mut csv = csv_header();
    csv.push('\n');
    for labs in history {
        csv.push_str(&csv_row(labs));
        csv.push('\n');
    }
    csv
}

/// The name of a downloaded file: `marrow-factory-PRESET-day-N[-WHAT].EXTENSION` (the day
/// rounded down to whole days), so that a student's downloads sort and say what they hold.
pub fn file_name(preset: &str, day: f64, what: Option<&str>, extension: &str) -> String {
    let day = day.max(0.0).floor() as u64;
    match what {
        Some(what) => format!("marrow-factory-{preset}-day-{day}-{what}.{extension}"),
        None => format!("marrow-factory-{preset}-day-{day}.{extension}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabKey;
    use crate::view::session::simulation::Simulation;

    #[test]
    fn the_csv_has_the_contract_keys_as_columns_and_a_row_a_day_that_parses_back() {
        let mut simulation = Simulation::open_preset(Some("iron_deficiency"));
        for _ in 0..10 {
            simulation.step_day();
        }
        let history = simulation.history();
        assert!(history.len() >= 10, "ten days stepped: {}", history.len());
        let csv = history_csv(history);
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let keys: Vec<&str> = LabKey::ALL.iter().map(|key| key.key()).collect();
        assert_eq!(header, keys);
        let rows: Vec<&str> = lines.collect();
        assert_eq!(rows.len(), history.len(), "one row per sample");
        for (row, labs) in rows.iter().zip(history) {
            let values: Vec<f64> = row
                .split(',')
                .map(|cell| cell.parse().expect("a number"))
                .collect();
            assert_eq!(values.len(), keys.len());
            for (key, value) in LabKey::ALL.iter().zip(&values) {
                let expected = labs.value(*key);
                assert!(
                    (value - expected).abs() <= 1e-6 * expected.abs().max(1.0),
                    "{}: {value} written for {expected}",
                    key.key()
                );
            }
        }
        let days: Vec<f64> = rows
            .iter()
            .map(|row| row.split(',').next().unwrap().parse().unwrap())
            .collect();
        assert!(days.windows(2).all(|pair| pair[1] > pair[0]), "{days:?}");
        assert!(csv.ends_with('\n'));
    }

    #[test]
    fn an_empty_history_is_the_header_alone() {
        assert_eq!(history_csv(&[]), format!("{}\n", csv_header()));
    }

    #[test]
    fn file_names_say_the_patient_and_the_day() {
        assert_eq!(
            file_name("ckd", 90.7, None, "csv"),
            "marrow-factory-ckd-day-90.csv"
        );
        assert_eq!(
            file_name("healthy", 0.0, Some("hb_g_dl"), "png"),
            "marrow-factory-healthy-day-0-hb_g_dl.png"
        );
    }
}
