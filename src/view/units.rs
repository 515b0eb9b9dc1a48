//! Conventional or SI units for the labs the page shows (issue 11, contract section 5:
//! `units-select`, `units=conventional|si`). The model computes in conventional units, as the
//! contract's sample keys name them (`hb_g_dl`); conversion happens here, in the view, from one
//! table: [`conversion`].

use crate::model::LabKey;

/// Which units the page prints labs in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Units {
    /// The units of the model and of US lab reports (g/dL, µg/dL, pg/mL, ng/mL).
    #[default]
    Conventional,
    /// Système international units (g/L, µmol/L, pmol/L, nmol/L, µg/L).
    Si,
}

impl Units {
    /// Both choices, in the order of `units-select`.
    pub const ALL: [Units; 2] = [Units::Conventional, Units::Si];

    /// The id used by `units-select` and by `units=` in links.
    pub const fn id(self) -> &'static str {
        match self {
            Units::Conventional => "conventional",
            Units::Si => "si",
        }
    }

    /// The units named by an id, if it names one.
    pub fn from_id(id: &str) -> Option<Units> {
        Units::ALL.into_iter().find(|units| units.id() == id)
    }

    /// The ids, comma-separated, for a notice that names the choices.
    pub fn ids() -> String {
        Units::ALL.map(Units::id).join(", ")
    }
}

/// How one lab converts to SI: `value_si = value_conventional × factor`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Conversion {
    /// The SI unit as printed on a lab report.
    pub si_unit: &'static str,
    /// Multiplies the conventional value.
    pub factor: f64,
    /// Decimals printed in SI (the SI number of a lab is larger or smaller than the conventional
    /// one, so it needs its own precision).
    pub si_decimals: usize,
}

const fn converts(si_unit: &'static str, factor: f64, si_decimals: usize) -> Option<Conversion> {
    Some(Conversion {
        si_unit,
        factor,
        si_decimals,
    })
}

/// µg/dL → µmol/L for iron: ×10 dL/L ÷ 55.845 µg/µmol (iron's molar mass, IUPAC) = ×0.179 (rounded as lab reports and the
/// SI conversion tables of Young 1987, Ann Intern Med 106:114, print it).
const IRON_UG_DL_TO_UMOL_L: f64 = 0.179;
/// pg/mL → pmol/L for B12: ×1000 mL/L ÷ 1355.4 pg/pmol (cyanocobalamin, C63H88CoN14O14P) =
/// ×0.738 (Young 1987).
const B12_PG_ML_TO_PMOL_L: f64 = 0.738;
/// ng/mL → nmol/L for folate: ×1000 mL/L ÷ 441.4 ng/nmol (folic acid, C19H19N7O6) = ×2.266
/// (Young 1987).
const FOLATE_NG_ML_TO_NMOL_L: f64 = 2.266;

/// The SI conversion of a lab, or `None` where conventional and SI units are the same (%, fL,
/// pg per cell, ×10⁹/L, mU/mL, U/L, µmol/L…) or the value is a pure number. One `match` with
/// no catch-all: a new lab must say how it converts.
pub const fn conversion(key: LabKey) -> Option<Conversion> {
    match key {
        // Hemoglobin g/dL → g/L: 10 dL in a litre. (The mmol/L of the Hb monomer, ×0.6206, is
        // used only in the Netherlands and Scandinavia; the page does not show it.)
        LabKey::Hemoglobin => converts("g/L", 10.0, 0),
        // MCHC g/dL → g/L, likewise ×10.
        LabKey::Mchc => converts("g/L", 10.0, 0),
        // Serum iron and TIBC (iron-binding capacity, counted as iron) µg/dL → µmol/L.
        LabKey::SerumIron | LabKey::Tibc => converts("µmol/L", IRON_UG_DL_TO_UMOL_L, 1),
        // Ferritin ng/mL → µg/L: the same number (1 ng/mL = 1 µg/L).
        LabKey::Ferritin => converts("µg/L", 1.0, 0),
        // Vitamin B12 pg/mL → pmol/L.
        LabKey::VitaminB12 => converts("pmol/L", B12_PG_ML_TO_PMOL_L, 0),
        // Serum and red-cell folate ng/mL → nmol/L.
        LabKey::SerumFolate => converts("nmol/L", FOLATE_NG_ML_TO_NMOL_L, 1),
        LabKey::RedCellFolate => converts("nmol/L", FOLATE_NG_ML_TO_NMOL_L, 0),
        // Unchanged: hepcidin stays in ng/mL (assays report it so in both systems); LDH in U/L;
        // homocysteine and MMA are µmol/L already; EPO mU/mL and IL-6 pg/mL are reported so in
        // SI countries too; the rest are %, fL, pg per cell, cell counts, mg or pure numbers.
        LabKey::Day
        | LabKey::Hematocrit
        | LabKey::RedCells
        | LabKey::Mcv
        | LabKey::Mch
        | LabKey::Rdw
        | LabKey::Reticulocytes
        | LabKey::ReticulocytesAbsolute
        | LabKey::ReticulocyteProductionIndex
        | LabKey::TransferrinSaturation
        | LabKey::SolubleTransferrinReceptor
        | LabKey::Erythropoietin
        | LabKey::Hepcidin
        | LabKey::Il6
        | LabKey::Homocysteine
        | LabKey::MethylmalonicAcid
        | LabKey::Ldh
        | LabKey::NerveDamageIndex
        | LabKey::MarrowIronGrade
        | LabKey::Sideroblasts
        | LabKey::BodyIron
        | LabKey::StorageIron
        | LabKey::IronAbsorbedTotal
        | LabKey::IronLostTotal
        | LabKey::B12Stores
        | LabKey::FolateStores
        | LabKey::IronGivenTotal
        | LabKey::HepcidinRelative
        | LabKey::LifeThreatening => None,
    }
}

/// The conversion that applies in `units` (none in conventional units).
const fn active(key: LabKey, units: Units) -> Option<Conversion> {
    match units {
        Units::Conventional => None,
        Units::Si => conversion(key),
    }
}

/// A lab's value (as the model computes it, conventional) in `units`.
pub fn display_value(key: LabKey, units: Units, conventional: f64) -> f64 {
    active(key, units).map_or(conventional, |conversion| conventional * conversion.factor)
}

/// A value shown in `units` back to the model's conventional units.
pub fn conventional_value(key: LabKey, units: Units, shown: f64) -> f64 {
    active(key, units).map_or(shown, |conversion| shown / conversion.factor)
}

/// The unit printed after a lab's value in `units`.
pub const fn display_unit(key: LabKey, units: Units) -> &'static str {
    match active(key, units) {
        Some(conversion) => conversion.si_unit,
        None => key.spec().unit,
    }
}

/// The decimals a lab is printed with in `units`, given its conventional decimals.
pub const fn display_decimals(key: LabKey, units: Units, conventional_decimals: usize) -> usize {
    match active(key, units) {
        Some(conversion) => conversion.si_decimals,
        None => conventional_decimals,
    }
}

/// The reference range (lower, upper limit) in `units`: the spec's limits converted with the
/// values, so a flag reads the same in both.
pub fn display_range(key: LabKey, units: Units) -> (Option<f64>, Option<f64>) {
    let spec = key.spec();
    let convert = |limit: Option<f64>| limit.map(|limit| display_value(key, units, limit));
    (convert(spec.low), convert(spec.high))
}

/// Prose (a tour's or a case's text) with each lab quantity written as `{KEY:NUMBER}` (a sample key
/// of contract section 3 and a value in its conventional unit, as in `{hb_g_dl:11.5}`) printed in
/// `units` with its unit: "11.5 g/dL", or "115 g/L" in SI. Numbers take the page language's
/// decimal sign. A token that names no lab, or no number, is left as written.
pub fn render_prose(text: &str, units: Units) -> String {
    let sign = crate::strings::t().lang().decimal_sign();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let token = &rest[open..];
        let quantity = token.find('}').and_then(|close| {
            let (key, number) = token[1..close].split_once(':')?;
            let key = LabKey::from_key(key)?;
            let value: f64 = number.trim().parse().ok()?;
            Some((close, key, number.trim(), value))
        });
        match quantity {
            Some((close, key, written, value)) => {
                let number = match active(key, units) {
                    Some(conversion) => {
                        format!("{:.*}", conversion.si_decimals, value * conversion.factor)
                    }
                    None => written.to_string(),
                };
                let number = crate::i18n::localize_number(&number, sign);
                out.push_str(&format!("{number} {}", display_unit(key, units)));
                rest = &token[close + 1..];
            }
            None => {
                out.push('{');
                rest = &token[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_prints_lab_quantities_in_the_chosen_units() {
        let text =
            "Hb rises {hb_g_dl:2} to {hb_g_dl:11.5}; ferritin {ferritin_ng_ml:100}; {value} stays.";
        assert_eq!(
            render_prose(text, Units::Conventional),
            "Hb rises 2 g/dL to 11.5 g/dL; ferritin 100 ng/mL; {value} stays."
        );
        assert_eq!(
            render_prose(text, Units::Si),
            "Hb rises 20 g/L to 115 g/L; ferritin 100 µg/L; {value} stays."
        );
        assert_eq!(
            render_prose("{unknown:3} {hb_g_dl:x", Units::Si),
            "{unknown:3} {hb_g_dl:x"
        );
    }
    use crate::model::{Flag, Labs};
    use crate::presets::Preset;

    #[test]
    fn ids_round_trip_and_conventional_is_the_default() {
        for units in Units::ALL {
            assert_eq!(Units::from_id(units.id()), Some(units));
        }
        assert_eq!(Units::from_id("SI"), None);
        assert_eq!(Units::default(), Units::Conventional);
        assert_eq!(Units::ids(), "conventional, si");
    }

    #[test]
    fn each_factor_is_the_published_one_and_agrees_with_its_molar_mass() {
        let factor = |key: LabKey| conversion(key).unwrap().factor;
        assert_eq!(factor(LabKey::Hemoglobin), 10.0);
        assert_eq!(factor(LabKey::Mchc), 10.0);
        assert_eq!(factor(LabKey::SerumIron), 0.179);
        assert_eq!(factor(LabKey::Tibc), 0.179);
        assert_eq!(factor(LabKey::Ferritin), 1.0);
        assert_eq!(factor(LabKey::VitaminB12), 0.738);
        assert_eq!(factor(LabKey::SerumFolate), 2.266);
        assert_eq!(factor(LabKey::RedCellFolate), 2.266);
        // The rounded factors agree with the molar masses (g/mol) of iron, cyanocobalamin and
        // folic acid to three figures.
        let derived = [
            (IRON_UG_DL_TO_UMOL_L, 10.0 / 55.845),
            (B12_PG_ML_TO_PMOL_L, 1000.0 / 1355.4),
            (FOLATE_NG_ML_TO_NMOL_L, 1000.0 / 441.4),
        ];
        for (rounded, exact) in derived {
            assert!(
                (rounded / exact - 1.0).abs() < 0.002,
                "{rounded} vs {exact}"
            );
        }
        let unit = |key: LabKey| display_unit(key, Units::Si);
        assert_eq!(unit(LabKey::Hemoglobin), "g/L");
        assert_eq!(unit(LabKey::SerumIron), "µmol/L");
        assert_eq!(unit(LabKey::Ferritin), "µg/L");
        assert_eq!(unit(LabKey::VitaminB12), "pmol/L");
        assert_eq!(unit(LabKey::SerumFolate), "nmol/L");
        // Labs without a conventional/SI difference keep their unit and value.
        for key in [
            LabKey::Hepcidin,
            LabKey::Ldh,
            LabKey::Homocysteine,
            LabKey::MethylmalonicAcid,
            LabKey::Mcv,
        ] {
            assert_eq!(conversion(key), None, "{key}");
            assert_eq!(display_unit(key, Units::Si), key.spec().unit);
            assert_eq!(display_value(key, Units::Si, 12.5), 12.5);
        }
    }

    #[test]
    fn conventional_units_change_nothing() {
        for key in LabKey::ALL {
            assert_eq!(display_unit(key, Units::Conventional), key.spec().unit);
            assert_eq!(display_value(key, Units::Conventional, 3.25), 3.25);
            assert_eq!(display_decimals(key, Units::Conventional, 2), 2);
            let spec = key.spec();
            assert_eq!(
                display_range(key, Units::Conventional),
                (spec.low, spec.high)
            );
        }
    }

    #[test]
    fn every_value_round_trips() {
        let labs: Labs = Preset::find("iron_deficiency").unwrap().patient().labs();
        for key in LabKey::ALL {
            let value = labs.value(key);
            let shown = display_value(key, Units::Si, value);
            let back = conventional_value(key, Units::Si, shown);
            assert!(
                (back - value).abs() <= 1e-12 * value.abs().max(1.0),
                "{key}: {value} → {shown} → {back}"
            );
        }
    }

    #[test]
    fn reference_ranges_convert_with_the_values_so_flags_agree() {
        assert_eq!(
            display_range(LabKey::Hemoglobin, Units::Si),
            (Some(135.0), Some(175.0))
        );
        let (low, high) = display_range(LabKey::SerumIron, Units::Si);
        assert!((low.unwrap() - 8.95).abs() < 1e-9 && (high.unwrap() - 32.22).abs() < 1e-9);
        for patient in ["healthy", "iron_deficiency", "b12_deficiency", "ckd"] {
            let labs = Preset::find(patient).unwrap().patient().labs();
            // (`Labs::flag` judges some unconverted labs, such as the RPI, by more than the range.)
            for key in LabKey::ALL
                .into_iter()
                .filter(|key| conversion(*key).is_some())
            {
                let shown = display_value(key, Units::Si, labs.value(key));
                let flag = match display_range(key, Units::Si) {
                    (Some(low), _) if shown < low => Flag::Low,
                    (_, Some(high)) if shown > high => Flag::High,
                    _ => Flag::Normal,
                };
                assert_eq!(flag, labs.flag(key), "{patient}: {key} = {shown}");
            }
        }
    }
}
