//! The why-panel's causal chains (issue 9): each preset's labs trace back through the right
//! mechanisms in the right order, from the model at that moment, and the trace changes when the
//! patient changes.

use marrow_factory::model::{Event, EventAction};
use marrow_factory::model::{LabKey, Patient, SettingKey, Settings, Treatment};
use marrow_factory::presets::Preset;

fn chain_of(patient: &Patient, lab: LabKey) -> Vec<&'static str> {
    patient.causal_chain(lab).keys()
}

fn chain(preset: &str, lab: LabKey) -> Vec<&'static str> {
    chain_of(&Preset::find(preset).expect("preset").patient(), lab)
}

/// Asserts that `keys` appear in `chain` in this order (other links may sit between them), and
/// that the chain ends at the lab.
fn assert_passes_in_order(chain: &[&str], keys: &[&str], lab: LabKey) {
    let mut from = 0;
    for key in keys {
        match chain[from..].iter().position(|link| link == key) {
            Some(at) => from += at + 1,
            None => panic!("{key} missing or out of order in {chain:?}"),
        }
    }
    assert_eq!(chain.last(), Some(&lab.spec().key), "{chain:?}");
}

#[test]
fn inflammation_lowers_tsat_through_il6_hepcidin_and_ferroportin() {
    let lab = LabKey::TransferrinSaturation;
    let chain = chain("inflammation", lab);
    assert_passes_in_order(
        &chain,
        &[
            "il6_pg_per_ml",
            "hepcidin_ng_ml",
            "ferroportin",
            "serum_iron_ug_dl",
        ],
        lab,
    );
}

#[test]
fn ckd_lowers_hb_through_egfr_and_an_inappropriately_low_epo() {
    let lab = LabKey::Hemoglobin;
    let patient = Preset::find("ckd").unwrap().patient();
    let chain = patient.causal_chain(lab);
    assert_passes_in_order(
        &chain.keys(),
        &[
            "egfr_ml_per_min",
            "epo_mu_ml",
            "red_cell_output",
            "rbc_10e12_per_l",
        ],
        lab,
    );
    // EPO is judged against what this Hb calls for: above a healthy adult's, far below expected.
    let epo = chain
        .links
        .iter()
        .find(|link| link.quantity.key() == "epo_mu_ml")
        .unwrap();
    assert!(epo.value > 12.0, "{epo:?}");
}

#[test]
fn b12_deficiency_raises_mcv_through_dna_synthesis_from_intrinsic_factor() {
    let lab = LabKey::Mcv;
    assert_passes_in_order(
        &chain("b12_deficiency", lab),
        &[
            "intrinsic_factor_percent",
            "b12_absorbed",
            "b12_stores_ug",
            "dna_synthesis",
        ],
        lab,
    );
    assert_passes_in_order(
        &chain("folate_deficiency", lab),
        &[
            "folate_intake_ug_per_day",
            "folate_stores_mg",
            "dna_synthesis",
        ],
        lab,
    );
}

#[test]
fn bleeding_lowers_hb_through_iron_stores_tsat_and_hemoglobin_per_cell() {
    let lab = LabKey::Hemoglobin;
    assert_passes_in_order(
        &chain("iron_deficiency", lab),
        &[
            "blood_loss_ml_per_day",
            "body_iron_mg",
            "serum_iron_ug_dl",
            "tsat_percent",
            "erythroid_iron_supply",
            "mch_pg",
        ],
        lab,
    );
    // Hepcidin is low in iron deficiency because stores are empty.
    assert_passes_in_order(
        &chain("iron_deficiency", LabKey::Hepcidin),
        &["blood_loss_ml_per_day", "storage_iron_mg"],
        LabKey::Hepcidin,
    );
}

#[test]
fn myeloma_crowds_the_marrow_and_inflammation_traps_iron_in_the_same_patient() {
    assert_passes_in_order(
        &chain("myeloma", LabKey::Hemoglobin),
        &["marrow_infiltration_percent", "red_cell_output"],
        LabKey::Hemoglobin,
    );
    // Ferritin: IL-6 as an acute-phase signal; the stores themselves fill because hepcidin shuts
    // ferroportin.
    assert_eq!(
        chain("myeloma", LabKey::Ferritin).first(),
        Some(&"il6_pg_per_ml")
    );
    assert_passes_in_order(
        &chain("myeloma", LabKey::StorageIron),
        &[
            "il6_pg_per_ml",
            "hepcidin_ng_ml",
            "ferroportin",
            "macrophage_iron",
        ],
        LabKey::StorageIron,
    );
}

#[test]
fn a_healthy_patient_has_nothing_to_explain() {
    let patient = Patient::new(Settings::default());
    for lab in [
        LabKey::Hemoglobin,
        LabKey::TransferrinSaturation,
        LabKey::Mcv,
    ] {
        assert_eq!(chain_of(&patient, lab), vec![lab.spec().key]);
    }
}

#[test]
fn the_chain_changes_when_the_patient_changes() {
    let lab = LabKey::TransferrinSaturation;
    let mut settings = Settings::default();
    settings.set(SettingKey::Il6, 60.0).unwrap();
    let inflamed = Patient::settled(settings);
    assert_eq!(chain_of(&inflamed, lab).first(), Some(&"il6_pg_per_ml"));
    let mut settings = Settings::default();
    settings.set(SettingKey::BloodLoss, 12.0).unwrap();
    let bleeding = Patient::settled(settings);
    assert_eq!(
        chain_of(&bleeding, lab).first(),
        Some(&"blood_loss_ml_per_day")
    );
    // An ESA course in CKD: EPO now comes from the injection, not from the kidney.
    let mut ckd = Preset::find("ckd").unwrap().patient();
    ckd.apply(&Event {
        day: 0.0,
        action: EventAction::Give {
            treatment: Treatment::Esa,
            dose: 50.0,
            days: 30.0,
        },
    });
    ckd.advance_to(10.0);
    assert_eq!(chain_of(&ckd, LabKey::Erythropoietin).first(), Some(&"esa"));
}

#[test]
fn each_link_shows_the_value_the_page_shows() {
    let patient = Preset::find("inflammation").unwrap().patient();
    let labs = patient.labs();
    for link in patient.causal_chain(LabKey::TransferrinSaturation).links {
        if let Some(key) = LabKey::from_key(link.quantity.key()) {
            assert_eq!(link.value, labs.value(key), "{}", link.quantity.key());
        }
        if let Some(key) = SettingKey::from_key(link.quantity.key()) {
            assert_eq!(link.value, patient.settings.get(key));
        }
        assert!(link.value.is_finite() && link.reference.is_finite());
    }
}
