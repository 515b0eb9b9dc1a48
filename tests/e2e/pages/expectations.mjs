// What the page promises, shared by the Chromium specs and the Firefox tests: the contract's
// setting, preset and lab hooks, and each preset's characteristic flags (expected directions from
// physiology-reference.md section 6, not from the model).

export const MAIN_SETTINGS = [
  'iron_intake_mg_per_day', 'blood_loss_ml_per_day', 'b12_intake_ug_per_day',
  'folate_intake_ug_per_day', 'il6_pg_per_ml', 'egfr_ml_per_min', 'marrow_infiltration_percent',
];
export const RELAY_SETTINGS = [
  'gastric_acid_percent', 'pancreatic_protease_percent', 'intrinsic_factor_percent', 'ileal_uptake_percent',
];
export const PRESETS = [
  'healthy', 'iron_deficiency', 'folate_deficiency', 'b12_deficiency', 'inflammation',
  'inflammation_iron_deficiency', 'ckd', 'myeloma',
];
export const PANEL_LABS = [
  'hb_g_dl', 'hct_percent', 'rbc_10e12_per_l', 'mcv_fl', 'mch_pg', 'mchc_g_dl', 'rdw_percent',
  'retic_percent', 'retic_abs_10e9_per_l', 'rpi', 'serum_iron_ug_dl', 'tibc_ug_dl', 'tsat_percent',
  'ferritin_ng_ml', 'stfr_mg_l', 'epo_mu_ml', 'hepcidin_ng_ml', 'il6_pg_per_ml', 'b12_pg_ml',
  'folate_ng_ml', 'homocysteine_umol_l', 'mma_umol_l', 'ldh_u_l', 'neuro_damage_index',
  'marrow_iron_grade', 'sideroblasts_percent', 'storage_iron_mg', 'body_iron_mg',
];

// Reference section 6 as lab flags: each entry lists the flags the reference allows.
const N = ['normal'];
const LOW = ['low'];
const HIGH = ['high'];
const NOT_LOW = ['normal', 'high'];
export const EXPECTED_FLAGS = {
  healthy: {
    hb_g_dl: N, mcv_fl: N, mch_pg: N, rdw_percent: N, tsat_percent: N, ferritin_ng_ml: N,
    b12_pg_ml: N, folate_ng_ml: N, homocysteine_umol_l: N, mma_umol_l: N, epo_mu_ml: N,
  },
  iron_deficiency: {
    hb_g_dl: LOW, mcv_fl: LOW, mch_pg: LOW, rdw_percent: HIGH, serum_iron_ug_dl: LOW,
    tibc_ug_dl: HIGH, tsat_percent: LOW, ferritin_ng_ml: LOW, stfr_mg_l: HIGH, hepcidin_ng_ml: LOW,
    sideroblasts_percent: LOW, marrow_iron_grade: LOW, mma_umol_l: N,
  },
  inflammation: {
    hb_g_dl: LOW, serum_iron_ug_dl: LOW, tsat_percent: LOW, ferritin_ng_ml: NOT_LOW,
    tibc_ug_dl: ['low', 'normal'], stfr_mg_l: N, il6_pg_per_ml: HIGH, homocysteine_umol_l: N,
    mma_umol_l: N,
  },
  inflammation_iron_deficiency: {
    hb_g_dl: LOW, mcv_fl: LOW, tsat_percent: LOW, serum_iron_ug_dl: LOW, ferritin_ng_ml: N,
    stfr_mg_l: HIGH, il6_pg_per_ml: HIGH,
  },
  folate_deficiency: {
    hb_g_dl: LOW, mcv_fl: HIGH, mch_pg: HIGH, folate_ng_ml: LOW, homocysteine_umol_l: HIGH,
    mma_umol_l: N, ferritin_ng_ml: NOT_LOW,
  },
  b12_deficiency: {
    hb_g_dl: LOW, mcv_fl: HIGH, mch_pg: HIGH, b12_pg_ml: LOW, mma_umol_l: HIGH,
    homocysteine_umol_l: HIGH, ldh_u_l: HIGH, ferritin_ng_ml: NOT_LOW,
  },
  ckd: { hb_g_dl: LOW, mcv_fl: N, mch_pg: N, ferritin_ng_ml: NOT_LOW },
  myeloma: { hb_g_dl: LOW, mcv_fl: N, mch_pg: N, ferritin_ng_ml: NOT_LOW },
};
