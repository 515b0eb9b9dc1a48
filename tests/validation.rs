//! The physiology validation suite: every pattern of reference section 6 (on the shipped presets)
//! and every treatment course of section 7, as time courses. Expected ranges come from the
//! reference (../shared/domain/physiology-reference.md), never from the model's own output.
//! Every check is two-sided: a value must land inside a range with both a floor and a ceiling
//! (where the reference gives only one side, the source string names where the other comes from),
//! and an order of events is a yes/no check. Presets, time stepping and grading live in
//! `tests/common`.
//! `cargo test --test validation -- --nocapture` prints the validation table for the model README.

mod common;

use common::*;
use marrow_factory::model::physiology::symeonidis_epo_mu_ml;
use marrow_factory::model::{Event, Patient, Settings, Treatment};

const S6: &str = "ref §6";
const S1: &str = "ref §1";

#[test]
fn healthy_adult_labs_are_all_within_reference_ranges() {
    let labs = preset("healthy").labs();
    let mut checks = Checks::new("healthy");
    for range in marrow_factory::model::REFERENCE_RANGES {
        if range.key == "il6_pg_per_ml" {
            continue; // a setting, not an output
        }
        let value = labs.get(range.key).expect("every reference key is a lab");
        // The panel flags a few labs on one side only; the check needs both sides.
        let (low, high, source) = match (range.key, range.low, range.high) {
            (_, Some(low), Some(high)) => (low, high, S1),
            ("mma_umol_l", None, Some(high)) => (
                0.07,
                high,
                "ref §1 < 0.4; floor: healthy adults 0.073–0.271 (Savage 1994)",
            ),
            ("neuro_damage_index", None, Some(high)) => {
                (0.0, high, "ref §1; floor: 0 = no damage (index runs 0–1)")
            }
            (key, low, high) => panic!(
                "{key}: reference range {low:?}–{high:?} is open on one side: give the check its missing bound here"
            ),
        };
        checks.within(range.key, value, low, high, source);
    }
    checks.within("RPI ≈ 1", labs.rpi, 0.7, 1.3, S1);
    checks.within(
        "EPO vs Symeonidis(Hb)",
        labs.epo_mu_ml / symeonidis_epo_mu_ml(labs.hb_g_dl),
        0.7,
        1.3,
        "Symeonidis 2016",
    );
    checks.within("body iron mg", labs.body_iron_mg, 3500.0, 4000.0, "ref §3");
    checks.within(
        "storage iron mg",
        labs.storage_iron_mg,
        800.0,
        1000.0,
        "ref §3",
    );
    checks.within(
        "B12 stores µg",
        labs.b12_stores_ug,
        2000.0,
        5000.0,
        "ref §5",
    );
    checks.within(
        "folate stores mg",
        labs.folate_stores_mg,
        5.0,
        30.0,
        "ref §5",
    );
    checks.finish();
}

#[test]
fn iron_deficiency_pattern() {
    let healthy = preset("healthy").labs();
    let labs = preset("iron_deficiency").labs();
    let mut checks = Checks::new("iron deficiency");
    checks.within("Hb g/dL", labs.hb_g_dl, 7.0, 11.0, S6);
    checks.within("MCV fL", labs.mcv_fl, 60.0, 78.0, S6);
    checks.within(
        "MCH pg",
        labs.mch_pg,
        18.0,
        27.0,
        "ref §6 ↓ (< 27, ref §1); floor: MCV ≥ 60 (ref §6) × MCHC ≈ 30 (IDA) ≈ 18",
    );
    checks.within(
        "RDW %",
        labs.rdw_percent,
        14.5,
        20.0,
        "ref §6 ↑ (> 14.5, ref §1); ceiling: IDA RDW typically 15–20 %",
    );
    checks.within(
        "RPI",
        labs.rpi,
        0.2,
        2.0,
        "ref §6 < 2; floor: marrow still makes cells: retic ≈ 0.5 % at Hct 30, Hillman 1.5 d ≈ 0.2",
    );
    checks.within(
        "serum iron µg/dL",
        labs.serum_iron_ug_dl,
        10.0,
        50.0,
        "ref §6 ↓ (< 50, ref §1); floor: IDA serum iron rarely < 10",
    );
    checks.within(
        "TIBC µg/dL",
        labs.tibc_ug_dl,
        400.0,
        550.0,
        "ref §6 > 400; ceiling: transferrin ≈ 3.5–4 g/L in IDA × 1.25–1.4 (ref §1) ≈ 440–560",
    );
    checks.within(
        "TSAT %",
        labs.tsat_percent,
        3.0,
        16.0,
        "ref §6 < 16; floor: IDA TSAT ≈ 3–15 %, rarely < 3",
    );
    checks.within(
        "ferritin ng/mL",
        labs.ferritin_ng_ml,
        2.0,
        15.0,
        "ref §6 < 15; floor: even severe IDA reads ≈ 2–5 ng/mL",
    );
    checks.within(
        "sTfR mg/L",
        labs.stfr_mg_l,
        1.8,
        7.2,
        "ref §6 ↑↑ (> 1.8); ceiling: ≈ 4× the upper normal 1.8 (IDA raises sTfR ≈ 3–4×, Skikne 1990)",
    );
    checks.within(
        "sTfR / log10 ferritin",
        labs.stfr_mg_l / labs.ferritin_ng_ml.log10(),
        2.0,
        10.0,
        "ref §1 > 2; ceiling: IDA indices mostly 2–10 (Punnonen 1997)",
    );
    checks.within(
        "EPO vs Symeonidis(Hb)",
        labs.epo_mu_ml / symeonidis_epo_mu_ml(labs.hb_g_dl),
        0.7,
        1.3,
        "Symeonidis 2016",
    );
    checks.within(
        "hepcidin vs healthy",
        labs.hepcidin_ng_ml / healthy.hepcidin_ng_ml,
        0.0,
        0.25,
        "ref §6 ↓↓; floor 0: undetectable in iron deficiency (ref §3)",
    );
    checks.within(
        "homocysteine µmol/L",
        labs.homocysteine_umol_l,
        5.0,
        15.0,
        "ref §6 N; ref §1 5–15",
    );
    checks.within(
        "MMA µmol/L",
        labs.mma_umol_l,
        0.07,
        0.4,
        "ref §6 N; ref §1 < 0.4, floor: healthy 0.073–0.271 (Savage 1994)",
    );
    checks.within(
        "marrow iron grade",
        labs.marrow_iron_grade,
        0.0,
        0.5,
        "ref §6 absent; floor: grade 0 = absent (ref §1)",
    );
    checks.within(
        "sideroblasts %",
        labs.sideroblasts_percent,
        0.0,
        10.0,
        "ref §6 ↓↓; floor 0: none in iron deficiency",
    );
    checks.finish();
}

#[test]
fn iron_deficiency_develops_in_the_textbook_order() {
    // Reference §6: stores and ferritin fall first, then TSAT falls and sTfR rises, then Hb falls;
    // RDW rises early; MCV falls last.
    // A slow loss from health (7 mL/day, 3.5 mg of iron a day: about the slowest that absorption
    // cannot make up, so that every sign appears within a few years).
    let mut patient = Patient::new(Settings {
        blood_loss_ml_per_day: 7.0,
        ..Settings::default()
    });
    let mut ferritin_low = None;
    let mut tsat_low = None;
    let mut stfr_high = None;
    let mut hb_low = None;
    let mut rdw_high = None;
    let mut mcv_low = None;
    for (day, labs) in time_course(&mut patient, 2500.0, 1.0) {
        let mark = |slot: &mut Option<f64>, condition: bool| {
            if condition && slot.is_none() {
                *slot = Some(day);
            }
        };
        mark(&mut ferritin_low, labs.ferritin_ng_ml < 30.0);
        mark(&mut tsat_low, labs.tsat_percent < 16.0);
        mark(&mut stfr_high, labs.stfr_mg_l > 1.8);
        mark(&mut hb_low, labs.hb_g_dl < 13.5);
        mark(&mut rdw_high, labs.rdw_percent > 14.5);
        mark(&mut mcv_low, labs.mcv_fl < 80.0);
    }
    let days = [ferritin_low, tsat_low, stfr_high, hb_low, rdw_high, mcv_low]
        .map(|day| day.expect("every sign appears"));
    println!("order of events (days): ferritin<30 {}, TSAT<16 {}, sTfR>1.8 {}, Hb<13.5 {}, RDW>14.5 {}, MCV<80 {}", days[0], days[1], days[2], days[3], days[4], days[5]);
    let source = "ref §6: order of events";
    let mut checks = Checks::new("iron deficiency onset");
    checks.holds(
        "ferritin falls before TSAT",
        days[0] <= days[1],
        &format!("ferritin < 30 day {}, TSAT < 16 day {}", days[0], days[1]),
        source,
    );
    checks.holds(
        "TSAT and sTfR move before Hb falls",
        days[1] <= days[3] && days[2] <= days[3],
        &format!(
            "TSAT < 16 day {}, sTfR > 1.8 day {}, Hb < 13.5 day {}",
            days[1], days[2], days[3]
        ),
        source,
    );
    checks.holds(
        "RDW rises before MCV falls",
        days[4] < days[5],
        &format!("RDW > 14.5 day {}, MCV < 80 day {}", days[4], days[5]),
        source,
    );
    checks.holds(
        "MCV falls last",
        days[5] >= days[3],
        &format!("MCV < 80 day {}, Hb < 13.5 day {}", days[5], days[3]),
        source,
    );
    checks.finish();
}

#[test]
fn inflammation_pattern() {
    let healthy = preset("healthy").labs();
    let labs = preset("inflammation").labs();
    let mut checks = Checks::new("inflammation");
    checks.within("Hb g/dL", labs.hb_g_dl, 8.0, 12.5, S6);
    checks.within("MCV fL (N, mildly ↓)", labs.mcv_fl, 72.0, 96.0, S6);
    checks.within(
        "serum iron µg/dL",
        labs.serum_iron_ug_dl,
        10.0,
        50.0,
        "ref §6 ↓ (< 50, ref §1); floor: hypoferremia of chronic inflammation rarely < 10",
    );
    checks.within(
        "TIBC µg/dL",
        labs.tibc_ug_dl,
        150.0,
        250.0,
        "ref §6 < 250; floor: ACD TIBC typically 150–250 (transferrin ↓, not absent)",
    );
    checks.within(
        "TSAT %",
        labs.tsat_percent,
        5.0,
        20.0,
        "ref §6 < 20; floor: ACD TSAT ≈ 5–20 %",
    );
    checks.within(
        "ferritin ng/mL",
        labs.ferritin_ng_ml,
        100.0,
        1000.0,
        "ref §6 > 100; ceiling: > 1000 means iron overload, not ACD",
    );
    checks.within(
        "sTfR / log10 ferritin",
        labs.stfr_mg_l / labs.ferritin_ng_ml.log10(),
        0.25,
        1.0,
        "ref §1 < 1; floor [D]: sTfR ≥ 0.8 (N, ref §6) / log10 ferritin ≤ 3 ≈ 0.27",
    );
    checks.within(
        "EPO vs Symeonidis(Hb) (blunted)",
        labs.epo_mu_ml / symeonidis_epo_mu_ml(labs.hb_g_dl),
        0.3,
        0.8,
        "Gowanlock 2016: ≈ 0.54 (46 % lower); floor 0.3: blunted, still ↑ (ref §6)",
    );
    checks.within(
        "EPO vs healthy (↑)",
        labs.epo_mu_ml / healthy.epo_mu_ml,
        1.0,
        7.0,
        "ref §6 ↑; ceiling [D]: Symeonidis at Hb 8 (100) × 0.8 blunting / healthy ≈ 12 ≈ 7",
    );
    checks.within(
        "hepcidin vs healthy (↑↑)",
        labs.hepcidin_ng_ml / healthy.hepcidin_ng_ml,
        1.5,
        10.0,
        "ref §6 ↑↑; ceiling: ≈ 9× controls in myeloma (55 vs 6 ng/mL, ref §3)",
    );
    checks.within(
        "marrow iron grade (↑)",
        labs.marrow_iron_grade,
        healthy.marrow_iron_grade,
        5.0,
        "ref §6 ↑ over healthy; ceiling: grade 5 (heavy) of 0–6, 6 = overload",
    );
    checks.within(
        "sideroblasts % (↓)",
        labs.sideroblasts_percent,
        5.0,
        20.0,
        "ref §6 ↓ (< 20, ref §1); floor: ↓, not iron deficiency's ↓↓ (≈ 0)",
    );
    checks.within(
        "homocysteine µmol/L",
        labs.homocysteine_umol_l,
        5.0,
        15.0,
        "ref §6 N; ref §1 5–15",
    );
    // Even sepsis-level IL-6 sustained until the long-run state keeps the anemia mild.
    let extreme = Patient::settled(Settings {
        il6_pg_per_ml: 200.0,
        ..Settings::default()
    })
    .labs();
    checks.within(
        "Hb at IL-6 200 pg/mL, settled",
        extreme.hb_g_dl,
        8.0,
        13.0,
        "ref §6: mild, rarely < 8; ceiling: anemic, WHO < 13 (ref §1)",
    );
    checks.finish();
}

#[test]
fn inflammation_with_iron_deficiency_pattern() {
    let healthy = preset("healthy").labs();
    let inflamed = preset("inflammation").labs();
    let labs = preset("inflammation_iron_deficiency").labs();
    let mut checks = Checks::new("ACD + iron deficiency");
    checks.within(
        "Hb below ACD's",
        labs.hb_g_dl - inflamed.hb_g_dl,
        -4.0,
        0.0,
        "ref §6 lower than ACD; floor [D]: Hb ≥ 7 (IDA floor) vs ACD ≈ 11 → ≤ 4 g/dL lower",
    );
    checks.within(
        "MCV fL (↓)",
        labs.mcv_fl,
        60.0,
        80.0,
        "ref §6 ↓; floor: IDA's 60 (ref §6)",
    );
    checks.within("ferritin ng/mL", labs.ferritin_ng_ml, 30.0, 100.0, S6);
    checks.within(
        "TSAT %",
        labs.tsat_percent,
        3.0,
        20.0,
        "ref §6 ↓ (< 20); floor: as IDA's ≈ 3 %",
    );
    checks.within(
        "sTfR above ACD's",
        labs.stfr_mg_l - inflamed.stfr_mg_l,
        0.0,
        4.0,
        "ref §6 ↑ over ACD's N; ceiling [D]: ↑ not ↑↑, ≤ ≈ 2.5× upper normal 1.8 ≈ 4.5 minus ACD's ≥ 0.8",
    );
    checks.within(
        "hepcidin below ACD's",
        labs.hepcidin_ng_ml - inflamed.hepcidin_ng_ml,
        (healthy.hepcidin_ng_ml - inflamed.hepcidin_ng_ml).min(0.0),
        0.0,
        "ref §6 below ACD's ↑↑; floor: N–↑ (ref §6), so ≥ healthy's: healthy − ACD ng/mL",
    );
    checks.within(
        "marrow iron grade below ACD's",
        labs.marrow_iron_grade - inflamed.marrow_iron_grade,
        -inflamed.marrow_iron_grade,
        0.0,
        "ref §6 ↓; floor: grade ≥ 0 (absent, ref §1): −ACD's grade",
    );
    checks.finish();
}

#[test]
fn folate_deficiency_pattern() {
    let healthy = preset("healthy").labs();
    let labs = preset("folate_deficiency").labs();
    let mut checks = Checks::new("folate deficiency");
    checks.within("Hb g/dL", labs.hb_g_dl, 5.0, 9.0, S6);
    checks.within("MCV fL", labs.mcv_fl, 100.0, 130.0, S6);
    checks.within(
        "MCH pg",
        labs.mch_pg,
        33.0,
        45.0,
        "ref §6 ↑ (> 33, ref §1); ceiling [D]: MCV ≤ 130 (ref §6) × normal MCHC ≈ 34.5 ≈ 45",
    );
    checks.within(
        "RDW %",
        labs.rdw_percent,
        14.5,
        25.0,
        "ref §6 ↑ (> 14.5, ref §1); ceiling: megaloblastic RDW typically 15–25 %",
    );
    checks.within(
        "RPI (↓↓)",
        labs.rpi,
        0.05,
        1.0,
        "ref §6 ↓↓; floor: retics ≈ 0.2 % at Hct 20, Hillman 2.0 d ≈ 0.05",
    );
    checks.within(
        "serum folate ng/mL",
        labs.folate_ng_ml,
        0.5,
        3.0,
        "ref §1 < 3 deficient; floor: assays read down to ≈ 0.5",
    );
    checks.within(
        "homocysteine µmol/L",
        labs.homocysteine_umol_l,
        20.0,
        60.0,
        "ref §5",
    );
    checks.within(
        "MMA µmol/L (normal)",
        labs.mma_umol_l,
        0.07,
        0.4,
        "ref §6 N (< 0.4, ref §1); floor: healthy 0.073–0.271 (Savage 1994)",
    );
    checks.within(
        "LDH U/L (↑)",
        labs.ldh_u_l,
        280.0,
        4000.0,
        "ref §1 > 280; ceiling: megaloblastic LDH ≈ 500–4000 U/L",
    );
    checks.within(
        "serum iron µg/dL (N–↑)",
        labs.serum_iron_ug_dl,
        50.0,
        250.0,
        "ref §6 N–↑; ceiling [D]: ≤ TIBC 410 (ref §1) × TSAT ≈ 60 % ≈ 250",
    );
    checks.within(
        "ferritin ng/mL (N–↑)",
        labs.ferritin_ng_ml,
        30.0,
        1000.0,
        "ref §6 N–↑; ceiling: > 1000 means iron overload",
    );
    checks.within(
        "sTfR (↑ vs healthy)",
        labs.stfr_mg_l - healthy.stfr_mg_l,
        0.0,
        4.0,
        "ref §6 ↑; ceiling [D]: erythroid expansion ≤ ≈ 2.5× upper normal 1.8 ≈ 4.5 minus healthy ≈ 1",
    );
    checks.within(
        "hepcidin vs healthy (N–↓)",
        labs.hepcidin_ng_ml / healthy.hepcidin_ng_ml,
        0.1,
        1.1,
        "ref §6 N–↓; floor 0.1: ↓, not iron deficiency's undetectable (↓↓)",
    );
    checks.within(
        "sideroblasts % (N–↑)",
        labs.sideroblasts_percent,
        20.0,
        75.0,
        "ref §6 N–↑; ceiling: 1.5× the upper normal 50 (ref §1)",
    );
    checks.finish();
}

#[test]
fn b12_deficiency_pattern() {
    let healthy = preset("healthy").labs();
    let labs = preset("b12_deficiency").labs();
    let mut checks = Checks::new("B12 deficiency");
    checks.within("Hb g/dL", labs.hb_g_dl, 4.0, 9.0, S6);
    checks.within("MCV fL", labs.mcv_fl, 100.0, 130.0, S6);
    checks.within(
        "RPI (↓↓)",
        labs.rpi,
        0.05,
        1.0,
        "ref §6 ↓↓; floor: retics ≈ 0.2 % at Hct 20, Hillman 2.0 d ≈ 0.05",
    );
    checks.within(
        "B12 pg/mL",
        labs.b12_pg_ml,
        30.0,
        200.0,
        "ref §1 < 200 deficient; floor: assays bottom out near 30–50",
    );
    checks.within("MMA µmol/L", labs.mma_umol_l, 1.0, 10.0, "ref §5");
    checks.within(
        "homocysteine µmol/L",
        labs.homocysteine_umol_l,
        30.0,
        100.0,
        "ref §5",
    );
    checks.within(
        "LDH U/L (↑↑)",
        labs.ldh_u_l,
        2.0 * 280.0,
        5000.0,
        "ref §6 ↑↑ (≥ 2× upper normal 280); ceiling: pernicious anemia LDH ≈ 1000–5000 U/L",
    );
    checks.within(
        "serum folate ng/mL (N–↑, methyl trap)",
        labs.folate_ng_ml,
        healthy.folate_ng_ml,
        25.0,
        "ref §5 ≥ healthy's; ceiling: ≈ 1.5× upper normal 17 (ref §1)",
    );
    checks.within(
        "serum iron µg/dL (N–↑)",
        labs.serum_iron_ug_dl,
        50.0,
        250.0,
        "ref §6 N–↑; ceiling [D]: ≤ TIBC 410 (ref §1) × TSAT ≈ 60 % ≈ 250",
    );
    checks.within(
        "hepcidin vs healthy (N–↓)",
        labs.hepcidin_ng_ml / healthy.hepcidin_ng_ml,
        0.1,
        1.1,
        "ref §6 N–↓; floor 0.1: ↓, not iron deficiency's undetectable (↓↓)",
    );
    checks.within(
        "neurological damage index",
        labs.neuro_damage_index,
        0.1,
        1.0,
        "ref §5; ceiling: top of the index (0–1)",
    );
    checks.finish();
}

#[test]
fn ckd_pattern() {
    let healthy = preset("healthy").labs();
    let labs = preset("ckd").labs();
    let mut checks = Checks::new("CKD");
    checks.within("Hb g/dL", labs.hb_g_dl, 8.0, 11.0, S6);
    checks.within("MCV fL (N)", labs.mcv_fl, 80.0, 96.0, S6);
    checks.within(
        "EPO mU/mL (inappropriately low: in the normal range)",
        labs.epo_mu_ml,
        4.0,
        26.0,
        S6,
    );
    checks.within(
        "EPO vs Symeonidis(Hb)",
        labs.epo_mu_ml / symeonidis_epo_mu_ml(labs.hb_g_dl),
        0.04,
        0.6,
        "Gowanlock 2016 (≈ 0.52); floor [D]: EPO ≥ 4 (ref §1) / Symeonidis at Hb 8 (100) = 0.04",
    );
    checks.within(
        "RPI",
        labs.rpi,
        0.2,
        2.0,
        "ref §6 ↓ (< 2); floor: retic ≈ 0.5 % at Hct 30, Hillman 1.5 d ≈ 0.2",
    );
    checks.within(
        "hepcidin vs healthy (↑)",
        labs.hepcidin_ng_ml / healthy.hepcidin_ng_ml,
        1.3,
        6.0,
        "ref §6 ↑; ceiling: CKD hepcidin ≈ 2–5× controls, below myeloma's ≈ 9× (ref §3)",
    );
    checks.within(
        "homocysteine µmol/L (↑)",
        labs.homocysteine_umol_l,
        15.0,
        50.0,
        "ref §6 ↑ (> 15, ref §1); ceiling: CKD Hcy typically 15–40, ≤ ≈ 50 in end-stage",
    );
    checks.within("MMA µmol/L (mild ↑)", labs.mma_umol_l, 0.4, 1.0, S6);
    checks.within(
        "ferritin ng/mL (N–↑)",
        labs.ferritin_ng_ml,
        30.0,
        1000.0,
        "ref §6 N–↑; ceiling: > 1000 means iron overload",
    );
    checks.within(
        "TSAT % (↓–N)",
        labs.tsat_percent,
        10.0,
        50.0,
        "ref §6 ↓–N (≤ 50, ref §1); floor: ↓–N is milder than ACD's ↓, ≥ ≈ 10 %",
    );
    checks.finish();
}

#[test]
fn myeloma_pattern() {
    let healthy = preset("healthy").labs();
    let labs = preset("myeloma").labs();
    let mut checks = Checks::new("myeloma");
    checks.within(
        "Hb g/dL (↓)",
        labs.hb_g_dl,
        7.0,
        12.0,
        "ref §6 ↓; floor: ACD rarely < 8, CKD 8–11 (ref §6), infiltration ≈ 1 lower",
    );
    checks.within("MCV fL (N)", labs.mcv_fl, 80.0, 96.0, S6);
    checks.within(
        "RPI (↓)",
        labs.rpi,
        0.2,
        2.0,
        "ref §6 ↓ (< 2); floor: retic ≈ 0.5 % at Hct 30, Hillman 1.5 d ≈ 0.2",
    );
    checks.within(
        "serum iron µg/dL (↓)",
        labs.serum_iron_ug_dl,
        10.0,
        60.0,
        "ref §6 ↓; floor: as ACD's, rarely < 10",
    );
    checks.within(
        "TSAT % (↓)",
        labs.tsat_percent,
        5.0,
        20.0,
        "ref §6 ↓ (< 20); floor: as ACD's ≈ 5 %",
    );
    checks.within(
        "ferritin ng/mL (N–↑)",
        labs.ferritin_ng_ml,
        100.0,
        1000.0,
        "ref §6 N–↑; ceiling: > 1000 means iron overload",
    );
    checks.within(
        "hepcidin vs healthy (↑)",
        labs.hepcidin_ng_ml / healthy.hepcidin_ng_ml,
        1.5,
        10.0,
        "ref §6 ↑; ceiling: ≈ 9× controls (55 vs 6 ng/mL, ref §3)",
    );
    checks.within(
        "EPO vs healthy (↑)",
        labs.epo_mu_ml / healthy.epo_mu_ml,
        1.0,
        9.0,
        "ref §6 ↑; ceiling [D]: Symeonidis at Hb 7 (≈ 136) × 0.8 blunting / healthy ≈ 12 ≈ 9",
    );
    checks.within(
        "homocysteine, MMA normal-ish",
        labs.mma_umol_l,
        0.07,
        0.5,
        "ref §6 N; floor: healthy 0.073–0.271 (Savage 1994)",
    );
    checks.finish();
}

// ---- Section 7: treatment courses -----------------------------------------------------------------

/// Day of the highest reticulocyte percentage in `0..=days`, and that value.
fn reticulocyte_peak(patient: &mut Patient, days: u32) -> (f64, f64) {
    (0..=days)
        .map(|day| (day as f64, labs_at(patient, day as f64).retic_percent))
        .fold((0.0, f64::NEG_INFINITY), |best, (day, value)| {
            if value > best.1 {
                (day, value)
            } else {
                best
            }
        })
}

fn stop_bleeding(day: f64) -> Event {
    Event::set(
        day,
        vec![(marrow_factory::model::SettingKey::BloodLoss, 0.0)],
    )
}

#[test]
fn oral_iron_in_iron_deficiency() {
    let mut patient = preset("iron_deficiency");
    let start = patient.labs();
    patient.schedule([
        stop_bleeding(0.0),
        Event::course(0.0, Treatment::OralIron, 100.0, 180.0),
    ]);
    let (peak_day, peak) = reticulocyte_peak(&mut patient.clone(), 30);
    let mut checks = Checks::new("oral iron");
    checks.within(
        "reticulocyte peak day",
        peak_day,
        7.0,
        10.0,
        "ref §7: peak day 7–10",
    );
    checks.within(
        "reticulocytes rise",
        peak - start.retic_percent,
        0.3,
        6.0,
        "ref §7; ceiling: oral iron drives the marrow ≤ 2–3× basal (ref §2) → ≤ 6 points",
    );
    // Listed until now as a known deviation (the model gave ≈ +0.6): a single daily 100 mg dose is
    // absorbed as Moretti's single doses (≈ 11 mg/day in depletion), which caps the rise near
    // 0.06 g/dL/day, and the six-day erythroblast stage delays it; the reference's rule comes from
    // more anaemic patients on split doses (≈ 195 mg/day).
    checks.within(
        "Hb rise at day 14",
        labs_at(&mut patient, 14.0).hb_g_dl - start.hb_g_dl,
        1.0,
        2.5,
        "ref §7: ≥ +1 at 2 weeks; ceiling [D]: ≤ 2× basal output (ref §2) ≈ 0.25 made − 0.08 lost ≈ 0.17 g/dL/day",
    );
    checks.within(
        "Hb rise at day 28",
        labs_at(&mut patient, 28.0).hb_g_dl - start.hb_g_dl,
        2.0,
        4.5,
        "ref §7: +2 by 3–4 weeks; ceiling [D]: ≈ 0.17 g/dL/day at ≤ 2× basal output (ref §2)",
    );
    let week_8 = labs_at(&mut patient, 56.0);
    checks.within(
        "Hb at 8 weeks",
        week_8.hb_g_dl,
        12.5,
        16.0,
        "ref §7: normal by 6–8 weeks; ceiling: normal, not above a healthy man's 15–17.5 (ref §1)",
    );
    let month_6 = labs_at(&mut patient, 180.0);
    checks.within(
        "ferritin keeps refilling after Hb (6 months vs 8 weeks)",
        month_6.ferritin_ng_ml - week_8.ferritin_ng_ml,
        0.0,
        150.0,
        "ref §7: stores refill months later; ceiling [D]: ≤ ≈ 10 mg/day absorbed from 100 mg (ref §3 Moretti) × 124 d ≈ 1.2 g at 8 mg per ng/mL (ref §1)",
    );
    checks.finish();
}

#[test]
fn iv_iron_in_iron_deficiency() {
    let mut oral = preset("iron_deficiency");
    oral.schedule([
        stop_bleeding(0.0),
        Event::course(0.0, Treatment::OralIron, 100.0, 60.0),
    ]);
    let mut patient = preset("iron_deficiency");
    let start = patient.labs();
    patient.schedule([
        stop_bleeding(0.0),
        Event::give(0.0, Treatment::IvIron, 1000.0),
    ]);
    let mut checks = Checks::new("IV iron");
    checks.within(
        "ferritin ×, day 3",
        labs_at(&mut patient, 3.0).ferritin_ng_ml / start.ferritin_ng_ml,
        3.0,
        (1000.0 / start.ferritin_ng_ml).max(3.0),
        "ref §7: ferritin jumps within days; ceiling: ferritin ≤ ≈ 1000 ng/mL after 1 g IV iron (peaks ≈ 500–1000), over the start",
    );
    let day_7 = labs_at(&mut patient, 7.0).hb_g_dl;
    let iv = labs_at(&mut patient, 14.0).hb_g_dl;
    let by_mouth = labs_at(&mut oral, 14.0).hb_g_dl;
    checks.within(
        "Hb rise by day 7",
        day_7 - start.hb_g_dl,
        0.2,
        1.5,
        "ref §7: response within ≈ 1 week; ceiling [D]: erythroblasts already in the marrow finish at ≤ 3× basal (0.375 made − 0.08 lost) for ≈ 5 d",
    );
    checks.within(
        "IV minus oral Hb at day 14",
        iv - by_mouth,
        0.0,
        1.5,
        "ref §7: faster than oral; ceiling: IV-vs-oral trials report ≈ 0.5–1 g/dL more",
    );
    checks.finish();
}

#[test]
fn b12_injections_in_pernicious_anemia() {
    let mut patient = preset("b12_deficiency");
    let start = patient.labs();
    // 1 mg on alternate days for two weeks, then weekly: a usual replacement course.
    let days = [
        0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 21.0, 28.0, 35.0, 42.0, 49.0, 56.0,
    ];
    patient.schedule(days.map(|day| Event::give(day, Treatment::B12Injection, 1000.0)));
    let (peak_day, _) = reticulocyte_peak(&mut patient.clone(), 30);
    let mut checks = Checks::new("B12 injection");
    let day_5 = labs_at(&mut patient.clone(), 5.0);
    checks.within(
        "MMA at day 5 / start",
        day_5.mma_umol_l / start.mma_umol_l,
        0.02,
        0.5,
        "ref §7: falls within days; floor [D]: to normal ≈ 0.2 (ref §1) from ≤ 10 (ref §5)",
    );
    checks.within(
        "homocysteine at day 5 / start",
        day_5.homocysteine_umol_l / start.homocysteine_umol_l,
        0.05,
        0.6,
        "ref §7: falls within days; floor [D]: to normal ≥ 5 (ref §1) from ≤ 100 (ref §5)",
    );
    checks.within(
        "reticulocyte peak day",
        peak_day,
        4.0,
        10.0,
        "ref §7: peak day 5–7",
    );
    let week_8 = labs_at(&mut patient, 56.0);
    checks.within(
        "Hb at 8 weeks",
        week_8.hb_g_dl,
        12.0,
        16.0,
        "ref §7: normal by ≈ 8 weeks; ceiling: normal, not above a healthy man's 15–17.5 (ref §1)",
    );
    checks.within(
        "neuro index falls",
        week_8.neuro_damage_index - start.neuro_damage_index,
        -start.neuro_damage_index,
        0.0,
        "ref §5; floor: at most back to 0 (no damage)",
    );
    checks.finish();
}

#[test]
fn folic_acid_in_folate_deficiency_and_in_b12_deficiency() {
    let mut patient = preset("folate_deficiency");
    patient.schedule([Event::course(0.0, Treatment::FolicAcid, 5.0, 120.0)]);
    let (peak_day, _) = reticulocyte_peak(&mut patient.clone(), 30);
    let mut checks = Checks::new("folic acid");
    checks.within(
        "reticulocyte peak day",
        peak_day,
        4.0,
        10.0,
        "ref §7: as B12 therapy",
    );
    checks.within(
        "homocysteine at day 14",
        labs_at(&mut patient.clone(), 14.0).homocysteine_umol_l,
        5.0,
        15.0,
        "ref §7: Hcy normalises; ref §1 5–15",
    );
    checks.within(
        "Hb at 8 weeks",
        labs_at(&mut patient, 56.0).hb_g_dl,
        12.0,
        16.0,
        "ref §7; ceiling: normal, not above a healthy man's 15–17.5 (ref §1)",
    );
    // Folic acid alone in B12 deficiency: the blood picture improves, MMA and the nerves do not.
    let mut b12 = preset("b12_deficiency");
    let b12_start = b12.labs();
    b12.schedule([Event::course(0.0, Treatment::FolicAcid, 5.0, 120.0)]);
    let later = labs_at(&mut b12, 90.0);
    checks.within(
        "B12 def + folic acid: Hb rise",
        later.hb_g_dl - b12_start.hb_g_dl,
        1.0,
        (16.0 - b12_start.hb_g_dl).max(1.0),
        "ref §5; ceiling: corrected at most to normal, Hb ≤ 16 (ref §1), minus the start",
    );
    checks.within(
        "B12 def + folic acid: MMA / start",
        later.mma_umol_l / b12_start.mma_umol_l,
        0.8,
        (10.0 / b12_start.mma_umol_l).max(1.0),
        "ref §5; ceiling: MMA stays within B12 deficiency's 1–10 (ref §5), over the start",
    );
    checks.within(
        "B12 def + folic acid: neuro index",
        later.neuro_damage_index,
        b12_start.neuro_damage_index * 0.9,
        1.0,
        "ref §5; ceiling: top of the index (0–1)",
    );
    checks.finish();
}

#[test]
fn esa_in_ckd() {
    let mut patient = preset("ckd");
    let start = patient.labs();
    patient.schedule([Event::course(0.0, Treatment::Esa, 100.0, 120.0)]);
    let mut checks = Checks::new("ESA in CKD");
    checks.within(
        "reticulocytes ×, day 7",
        labs_at(&mut patient.clone(), 7.0).retic_percent / start.retic_percent,
        1.2,
        5.0,
        "ref §7: up within days; ceiling: ≤ 2× output in a week × ≤ 2.5× longer blood maturation (ref §2 shift)",
    );
    let month = labs_at(&mut patient, 30.0).hb_g_dl - start.hb_g_dl;
    checks.within(
        "Hb rise in a month (g/dL)",
        month,
        0.7,
        2.6,
        "ref §7: +1–2 per month (±30 %)",
    );
    // Blunted by inflammation.
    let mut inflamed = Patient::settled(Settings {
        egfr_ml_per_min: 15.0,
        il6_pg_per_ml: 80.0,
        ..Settings::default()
    });
    let inflamed_start = inflamed.labs().hb_g_dl;
    inflamed.schedule([Event::course(0.0, Treatment::Esa, 100.0, 120.0)]);
    let inflamed_rise = labs_at(&mut inflamed, 30.0).hb_g_dl - inflamed_start;
    checks.within(
        "inflamed rise / plain rise",
        inflamed_rise / month,
        0.0,
        0.8,
        "ref §4, §7: blunted when inflamed; floor 0: blunted, not reversed (ESA never lowers Hb)",
    );
    checks.finish();
}

#[test]
fn anti_il6_in_inflammation() {
    let mut patient = preset("inflammation");
    let start = patient.labs();
    patient.schedule([Event::course(0.0, Treatment::AntiIl6, 0.0, 180.0)]);
    let mut checks = Checks::new("anti-IL-6");
    checks.within(
        "hepcidin at day 14 / start",
        labs_at(&mut patient.clone(), 14.0).hepcidin_ng_ml / start.hepcidin_ng_ml,
        0.1,
        0.5,
        "ref §7: falls within days to 2 weeks; floor [D]: toward healthy from ≤ 10× healthy (ref §3), stores full so not undetectable",
    );
    checks.within(
        "TSAT at week 6",
        labs_at(&mut patient.clone(), 42.0).tsat_percent,
        20.0,
        50.0,
        "ref §7: iron normalises over weeks; ref §1 20–50",
    );
    checks.within(
        "Hb rise at 3 months",
        labs_at(&mut patient, 90.0).hb_g_dl - start.hb_g_dl,
        1.0,
        (16.0 - start.hb_g_dl).max(1.0),
        "ref §7: Hb rises over weeks to months; ceiling: at most to normal, Hb ≤ 16 (ref §1), minus the start",
    );
    checks.finish();
}

#[test]
fn transfusion() {
    let mut patient = preset("myeloma");
    let start = patient.labs();
    patient.schedule([Event::give(0.0, Treatment::Transfusion, 2.0)]);
    let mut checks = Checks::new("transfusion (2 units)");
    let next_day = labs_at(&mut patient.clone(), 1.0);
    checks.within(
        "Hb rise per unit",
        (next_day.hb_g_dl - start.hb_g_dl) / 2.0,
        0.8,
        1.3,
        "ref §7: ≈ +1 g/dL per unit",
    );
    checks.within(
        "iron given per unit mg",
        next_day.iron_given_mg_total / 2.0,
        200.0,
        250.0,
        "ref §3",
    );
    checks.within(
        "EPO at day 2 / start",
        labs_at(&mut patient.clone(), 2.0).epo_mu_ml / start.epo_mu_ml,
        0.4,
        0.9,
        "ref §7: EPO falls; floor [D]: Symeonidis slope 10^(−0.131 × ΔHb ≤ 2.6) ≈ 0.46 (ref §4)",
    );
    checks.within(
        "reticulocytes at day 7 / start",
        labs_at(&mut patient.clone(), 7.0).retic_percent / start.retic_percent,
        0.2,
        0.9,
        "ref §7: fall over a week; floor [D]: output ∝ EPO ≥ 0.46 × maturation shortening ≥ 1/2.5 (ref §2) ≈ 0.2",
    );
    checks.within(
        "storage iron rise by day 200 mg",
        labs_at(&mut patient, 200.0).storage_iron_mg - start.storage_iron_mg,
        100.0,
        500.0,
        "ref §7: donor iron ends in stores; ceiling: 2 units × 250 mg (ref §3, §7)",
    );
    checks.finish();
}
