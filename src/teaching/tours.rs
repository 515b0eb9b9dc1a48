//! The nine guided tours (contract section 5), one per mechanism of
//! `../shared/domain/anemia-pathophysiology.md`. This file is the tours' text catalogue too.

use crate::model::{LabKey, SettingKey, Treatment};
use crate::names::{OrderChoice, ScenePart};

use super::tour::{Prediction, PredictionKind, Tour, TourStep};
use super::Highlight::{Lab, Part};

/// The tours, in the order the menu lists them.
pub const TOURS: [Tour; 9] = [
    B12_RELAY,
    TWO_REACTIONS,
    MEGALOBLAST,
    IRON_HEIST,
    INFLAMMATION_MICROCYTIC,
    CYTOKINES_EPO,
    CKD_COMMAND,
    MYELOMA_STORM,
    FOLATE_TRAP,
];

/// All ids, for messages ("b12_relay, two_reactions, …").
pub fn ids() -> String {
    TOURS
        .iter()
        .map(|tour| tour.id)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Finds a tour by id.
pub fn find(id: &str) -> Option<&'static Tour> {
    TOURS.iter().find(|tour| tour.id == id)
}

const IRON_HEIST: Tour = Tour {
    id: "iron_heist",
    title: "The hepcidin iron heist",
    start: "healthy",
    steps: &[
        TourStep {
            text: "A healthy factory. Iron recycled from old red cells waits in the macrophage warehouse and leaves through its ferroportin gate; transferrin carries it to the floor.",
            set: &[],
            give: None,
            run_days: 0.0,
            highlight: &[Part(ScenePart::Warehouse), Part(ScenePart::WarehouseGate)],
            predict: None,
            explain: "Transferrin is about a third full (TSAT ≈ 35 %): plenty for the workers.",
        },
        TourStep {
            text: "Now inflammation starts: IL-6 rises to 80 pg/mL, as in active rheumatoid arthritis. The liver answers with hepcidin.",
            set: &[(SettingKey::Il6, 80.0)],
            give: None,
            run_days: 14.0,
            highlight: &[Part(ScenePart::Liver), Lab(LabKey::TransferrinSaturation)],
            predict: Some(Prediction {
                question: "Over the next two weeks, which way will the transferrin saturation go?",
                kind: PredictionKind::Direction(LabKey::TransferrinSaturation),
                expected: "down",
            }),
            explain: "Hepcidin destroys ferroportin, so the warehouse gate shuts: the iron is still in the body, but locked in the macrophages. Serum iron and TSAT fall within days.",
        },
        TourStep {
            text: "Months later the warehouse is fuller than ever, yet the workers are starved. This is the Prussian-blue paradox: the marrow stain shows plenty of iron in macrophages and none in the erythroblasts.",
            set: &[],
            give: None,
            run_days: 120.0,
            highlight: &[Part(ScenePart::Warehouse), Lab(LabKey::Ferritin)],
            predict: Some(Prediction {
                question: "Which of these moves most over the next four months?",
                kind: PredictionKind::MovesMost(&[LabKey::Ferritin, LabKey::Mcv, LabKey::Tibc]),
                expected: "ferritin_ng_ml",
            }),
            explain: "Ferritin climbs: stores fill because iron cannot leave, and ferritin is an acute-phase protein as well. MCV hardly moves yet: the old normal cells are replaced only slowly.",
        },
        TourStep {
            text: "Block IL-6 (tocilizumab) and watch the heist end.",
            set: &[],
            give: Some(OrderChoice::Treatment(Treatment::AntiIl6)),
            run_days: 42.0,
            highlight: &[Part(ScenePart::WarehouseGate), Lab(LabKey::Hepcidin)],
            predict: Some(Prediction {
                question: "Over six weeks of IL-6 blockade, which way will hepcidin go?",
                kind: PredictionKind::Direction(LabKey::Hepcidin),
                expected: "down",
            }),
            explain: "Without the IL-6 signal the liver stops making extra hepcidin within days; ferroportin comes back, the gate opens and the locked iron flows to the floor.",
        },
    ],
};

const B12_RELAY: Tour = Tour {
    id: "b12_relay",
    title: "The B12 relay race",
    start: "b12_deficiency",
    steps: &[
        TourStep {
            text: "Vitamin B12 reaches the blood by relay: stomach acid frees it from food protein, haptocorrin guards it through the stomach, pancreatic proteases hand it to intrinsic factor, and the cubam receptor of the terminal ileum takes it in.",
            set: &[],
            give: None,
            run_days: 0.0,
            highlight: &[Lab(LabKey::VitaminB12), Part(ScenePart::Blueprints)],
            predict: None,
            explain: "This patient has pernicious anemia: antibodies have destroyed the stomach cells that make intrinsic factor, so the baton is dropped at the third hand-over. B12 is low and the blueprints fail.",
        },
        TourStep {
            text: "A thought experiment: give the stomach its intrinsic factor back. (In real pernicious anemia the damage is permanent.)",
            set: &[(SettingKey::IntrinsicFactor, 100.0)],
            give: None,
            run_days: 150.0,
            highlight: &[Lab(LabKey::MethylmalonicAcid), Lab(LabKey::VitaminB12)],
            predict: Some(Prediction {
                question: "Over the next five months, which way will methylmalonic acid (MMA) go?",
                kind: PredictionKind::Direction(LabKey::MethylmalonicAcid),
                expected: "down",
            }),
            explain: "With the third runner back, B12 from food reaches the ileum again: the stores refill, MMA falls and the blood count recovers. One broken hand-over was the whole problem.",
        },
        TourStep {
            text: "Now the first runner drops out: years of acid-blocking drugs (proton-pump inhibitors) leave the stomach with almost no acid.",
            set: &[(SettingKey::GastricAcid, 0.0)],
            give: None,
            run_days: 180.0,
            highlight: &[Lab(LabKey::VitaminB12)],
            predict: Some(Prediction {
                question: "Over six months, which way will serum B12 go?",
                kind: PredictionKind::Direction(LabKey::VitaminB12),
                expected: "down",
            }),
            explain: "Without acid, food B12 stays bound to its proteins and the relay never starts; stomach surgery breaks this step too. Intrinsic factor still recaptures the B12 that bile returns to the gut, so the stores drain slowly.",
        },
        TourStep {
            text: "Acid is back, but the pancreas fails (chronic pancreatitis, cystic fibrosis): no proteases reach the duodenum.",
            set: &[
                (SettingKey::GastricAcid, 100.0),
                (SettingKey::PancreaticProtease, 0.0),
            ],
            give: None,
            run_days: 180.0,
            highlight: &[Lab(LabKey::MethylmalonicAcid), Lab(LabKey::VitaminB12)],
            predict: Some(Prediction {
                question: "Over six months, which way will MMA go?",
                kind: PredictionKind::Direction(LabKey::MethylmalonicAcid),
                expected: "up",
            }),
            explain: "B12 stays stuck on haptocorrin, so intrinsic factor never gets the baton. As the stores thin, the B12-only reaction stalls and MMA climbs before Hb falls.",
        },
        TourStep {
            text: "The pancreas is back; now the last runner is lost: Crohn's disease or surgery has taken the terminal ileum, home of the cubam receptor.",
            set: &[
                (SettingKey::PancreaticProtease, 100.0),
                (SettingKey::IlealUptake, 0.0),
            ],
            give: None,
            run_days: 180.0,
            highlight: &[Lab(LabKey::Mcv), Part(ScenePart::Blueprints)],
            predict: Some(Prediction {
                question: "Over six months, which way will MCV go?",
                kind: PredictionKind::Direction(LabKey::Mcv),
                expected: "up",
            }),
            explain: "Intrinsic factor carries B12 to a finish line with no receptor, and the B12 in bile is lost as well, so the stores fall fastest, as in pernicious anemia. DNA synthesis falters and the red cells grow large.",
        },
        TourStep {
            text: "Start the vitamin B12 course: injections into muscle, loading doses and then one every three months.",
            set: &[],
            give: Some(OrderChoice::B12Course),
            run_days: 60.0,
            highlight: &[Lab(LabKey::Hemoglobin), Part(ScenePart::Blueprints)],
            predict: Some(Prediction {
                question: "Over two months, which way will hemoglobin go?",
                kind: PredictionKind::Direction(LabKey::Hemoglobin),
                expected: "up",
            }),
            explain: "Injected B12 skips the whole relay, so it works wherever the baton is dropped: MMA falls within days and Hb recovers over weeks. When the break is permanent, the injections are for life.",
        },
    ],
};

const TWO_REACTIONS: Tour = Tour {
    id: "two_reactions",
    title: "Two reactions tell B12 and folate apart",
    start: "b12_deficiency",
    steps: &[
        TourStep {
            text: "Two reactions in every cell: homocysteine → methionine needs both B12 and folate; methylmalonyl-CoA → succinyl-CoA needs B12 alone.",
            set: &[],
            give: None,
            run_days: 0.0,
            highlight: &[Lab(LabKey::Homocysteine), Lab(LabKey::MethylmalonicAcid)],
            predict: None,
            explain: "This patient lacks B12, so both reactions are blocked: homocysteine and MMA are both high. The nerves are affected too.",
        },
        TourStep {
            text: "Give the vitamin B12 course. The diet has plenty of folate.",
            set: &[],
            give: Some(OrderChoice::B12Course),
            run_days: 30.0,
            highlight: &[Lab(LabKey::Homocysteine), Part(ScenePart::Blueprints)],
            predict: Some(Prediction {
                question: "Over the next month, which way will homocysteine go?",
                kind: PredictionKind::Direction(LabKey::Homocysteine),
                expected: "down",
            }),
            explain: "B12 unblocks both reactions at once: homocysteine and MMA return to normal within days. The folate was there all along, trapped until B12 came back.",
        },
        TourStep {
            text: "With B12 replaced, the diet changes: hardly any fresh vegetables, 45 µg of folate a day.",
            set: &[(SettingKey::FolateIntake, 45.0)],
            give: None,
            run_days: 150.0,
            highlight: &[Lab(LabKey::Homocysteine), Lab(LabKey::MethylmalonicAcid)],
            predict: Some(Prediction {
                question: "Over five months, which of these moves most?",
                kind: PredictionKind::MovesMost(&[
                    LabKey::Homocysteine,
                    LabKey::MethylmalonicAcid,
                ]),
                expected: "homocysteine_umol_l",
            }),
            explain: "Homocysteine climbs; MMA does not move, because its reaction needs only B12. High homocysteine with normal MMA points to folate.",
        },
        TourStep {
            text: "Folate stays low. The nerves were damaged while B12 was missing.",
            set: &[],
            give: None,
            run_days: 120.0,
            highlight: &[Lab(LabKey::NerveDamageIndex), Lab(LabKey::Homocysteine)],
            predict: Some(Prediction {
                question: "Homocysteine is high again. Over four months, which way will the nerve damage index go?",
                kind: PredictionKind::Direction(LabKey::NerveDamageIndex),
                expected: "down",
            }),
            explain: "Hb falls and the red cells grow large again, yet the nerves keep healing: their damage belongs to the B12-only reaction, and B12 is now replete. Folate deficiency starves the marrow, not the myelin.",
        },
        TourStep {
            text: "Give folic acid.",
            set: &[],
            give: Some(OrderChoice::Treatment(Treatment::FolicAcid)),
            run_days: 30.0,
            highlight: &[Lab(LabKey::Homocysteine), Part(ScenePart::Blueprints)],
            predict: Some(Prediction {
                question: "Over the next month, which way will homocysteine go?",
                kind: PredictionKind::Direction(LabKey::Homocysteine),
                expected: "down",
            }),
            explain: "Folic acid refills the folate side and homocysteine returns to normal within days. MMA never moved.",
        },
    ],
};

const MEGALOBLAST: Tour = Tour {
    id: "megaloblast",
    title: "The megaloblast: a nucleus that falls behind",
    start: "healthy",
    steps: &[
        TourStep {
            text: "On the factory floor each erythroblast divides about four times, copying its DNA each time, while its cytoplasm fills with hemoglobin. B12 and folate supply the DNA's building blocks.",
            set: &[],
            give: None,
            run_days: 0.0,
            highlight: &[Part(ScenePart::Floor), Part(ScenePart::Blueprints)],
            predict: None,
            explain: "A healthy floor: nucleus and cytoplasm mature in step, and the red cells come out normal-sized (MCV about 90 fL).",
        },
        TourStep {
            text: "Folate in the diet falls to 45 µg a day, about a tenth of a healthy diet.",
            set: &[(SettingKey::FolateIntake, 45.0)],
            give: None,
            run_days: 60.0,
            highlight: &[Lab(LabKey::SerumFolate), Part(ScenePart::Blueprints)],
            predict: Some(Prediction {
                question: "Which of these moves most over the first two months?",
                kind: PredictionKind::MovesMost(&[
                    LabKey::SerumFolate,
                    LabKey::Mcv,
                    LabKey::Hemoglobin,
                ]),
                expected: "folate_ng_ml",
            }),
            explain: "Serum folate follows recent intake and falls within weeks. The liver's folate store keeps the marrow supplied for months, so MCV and Hb have not moved yet.",
        },
        TourStep {
            text: "Months pass and the folate store runs out.",
            set: &[],
            give: None,
            run_days: 210.0,
            highlight: &[Part(ScenePart::Floor), Lab(LabKey::Mcv)],
            predict: Some(Prediction {
                question: "Over the next seven months, which way will MCV go?",
                kind: PredictionKind::Direction(LabKey::Mcv),
                expected: "up",
            }),
            explain: "DNA copying stalls but the cytoplasm keeps maturing: nuclear-cytoplasmic asynchrony. The cells miss divisions and stay large (megaloblasts), and the red cells they release are oversized.",
        },
        TourStep {
            text: "The kidney sees the anemia and keeps raising its EPO orders.",
            set: &[],
            give: None,
            run_days: 60.0,
            highlight: &[
                Part(ScenePart::Kidney),
                Lab(LabKey::ReticulocyteProductionIndex),
                Lab(LabKey::Ldh),
            ],
            predict: Some(Prediction {
                question: "Over two months, which way will the reticulocyte production index go?",
                kind: PredictionKind::Direction(LabKey::ReticulocyteProductionIndex),
                expected: "same",
            }),
            explain: "The floor is crowded with erythroblasts, but many die before they can leave: ineffective erythropoiesis. Their contents spill out, so LDH is high while the production index stays low.",
        },
        TourStep {
            text: "Give folic acid.",
            set: &[],
            give: Some(OrderChoice::Treatment(Treatment::FolicAcid)),
            run_days: 7.0,
            highlight: &[Lab(LabKey::Reticulocytes), Part(ScenePart::Floor)],
            predict: Some(Prediction {
                question: "Over the first week, which way will the reticulocytes go?",
                kind: PredictionKind::Direction(LabKey::Reticulocytes),
                expected: "up",
            }),
            explain: "The stalled erythroblasts can finish dividing at once: within a week a wave of reticulocytes leaves the marrow, and LDH falls as the dying inside it stops.",
        },
        TourStep {
            text: "Keep the folic acid going for two months.",
            set: &[],
            give: None,
            run_days: 60.0,
            highlight: &[Lab(LabKey::Mcv), Part(ScenePart::Shipping)],
            predict: Some(Prediction {
                question: "Over two months, which way will MCV go?",
                kind: PredictionKind::Direction(LabKey::Mcv),
                expected: "down",
            }),
            explain: "Normal-sized new cells replace the oversized ones, so MCV falls back toward normal while Hb recovers.",
        },
    ],
};

const INFLAMMATION_MICROCYTIC: Tour = Tour {
    id: "inflammation_microcytic",
    title: "Inflammation turns microcytic",
    start: "healthy",
    steps: &[
        TourStep {
            text: "Chronic inflammation begins: IL-6 rises to 80 pg/mL, and the anemia of inflammation sets in.",
            set: &[(SettingKey::Il6, 80.0)],
            give: None,
            run_days: 30.0,
            highlight: &[Part(ScenePart::CytokineSmoke), Lab(LabKey::Mcv)],
            predict: Some(Prediction {
                question: "Over the first month, which way will MCV go?",
                kind: PredictionKind::Direction(LabKey::Mcv),
                expected: "same",
            }),
            explain: "Hb falls, but the anemia starts normocytic: most red cells in the blood were made before the iron was locked away.",
        },
        TourStep {
            text: "The inflammation goes on for months, and hepcidin keeps the iron locked in the warehouse.",
            set: &[],
            give: None,
            run_days: 150.0,
            highlight: &[Part(ScenePart::Shipping), Lab(LabKey::Mcv), Lab(LabKey::Mch)],
            predict: Some(Prediction {
                question: "Over five months, which way will MCV go?",
                kind: PredictionKind::Direction(LabKey::Mcv),
                expected: "down",
            }),
            explain: "Erythroblasts short of iron make smaller, paler cells, and as these replace the old ones MCV and MCH drift down, here to the low edge of normal. Ferritin is high: the iron is there, but locked away.",
        },
        TourStep {
            text: "Now a slow bleed from the gut starts as well: 15 mL of blood a day, as from an ulcer or a bowel tumour.",
            set: &[(SettingKey::BloodLoss, 15.0)],
            give: None,
            run_days: 90.0,
            highlight: &[
                Lab(LabKey::SolubleTransferrinReceptor),
                Lab(LabKey::Ferritin),
            ],
            predict: Some(Prediction {
                question: "Over three months, which way will the soluble transferrin receptor (sTfR) go?",
                kind: PredictionKind::Direction(LabKey::SolubleTransferrinReceptor),
                expected: "up",
            }),
            explain: "Iron-hungry erythroblasts put out more transferrin receptors, so sTfR rises; with inflammation alone it stayed in the normal range. Ferritin falls but stays high, because inflammation props it up: ferritin alone would miss this iron deficiency.",
        },
        TourStep {
            text: "The bleed goes on, and so does the inflammation.",
            set: &[],
            give: None,
            run_days: 90.0,
            highlight: &[Part(ScenePart::Liver), Lab(LabKey::Hepcidin)],
            predict: Some(Prediction {
                question: "IL-6 is still 80 pg/mL. Over three months, which way will hepcidin go?",
                kind: PredictionKind::Direction(LabKey::Hepcidin),
                expected: "down",
            }),
            explain: "The liver hears two signals: IL-6 says lock the gates, the iron-starved marrow says open them. As true iron deficiency deepens, hepcidin falls and MCV drops below 80 fL: the anemia is now microcytic.",
        },
    ],
};

const CYTOKINES_EPO: Tour = Tour {
    id: "cytokines_epo",
    title: "Cytokines slow the workers and quiet the orders",
    start: "healthy",
    steps: &[
        TourStep {
            text: "Inflammation starts: IL-6 jumps to 80 pg/mL. Watch the EPO orders from the kidney.",
            set: &[(SettingKey::Il6, 80.0)],
            give: None,
            run_days: 2.0,
            highlight: &[
                Part(ScenePart::CytokineSmoke),
                Part(ScenePart::Kidney),
                Lab(LabKey::Erythropoietin),
            ],
            predict: Some(Prediction {
                question: "Over the first two days, which way will EPO go?",
                kind: PredictionKind::Direction(LabKey::Erythropoietin),
                expected: "down",
            }),
            explain: "EPO falls even though Hb has begun to slip: inflammation blunts EPO production. At the same Hb, patients with inflammation have about half the EPO of patients with iron deficiency.",
        },
        TourStep {
            text: "Three months of inflammation: Hb falls by about a third.",
            set: &[],
            give: None,
            run_days: 88.0,
            highlight: &[
                Part(ScenePart::Floor),
                Lab(LabKey::ReticulocyteProductionIndex),
            ],
            predict: Some(Prediction {
                question: "Will the marrow's output, the reticulocyte production index, rise to meet the anemia?",
                kind: PredictionKind::Direction(LabKey::ReticulocyteProductionIndex),
                expected: "down",
            }),
            explain: "A marrow answering an anemia this deep would push the index above 2; here it falls instead. Cytokines such as TNF-α and IFN-γ (IL-6 stands for them all here) slow the erythroid progenitors and dull their response to EPO, and the iron is locked away.",
        },
        TourStep {
            text: "Block IL-6 with tocilizumab.",
            set: &[],
            give: Some(OrderChoice::Treatment(Treatment::AntiIl6)),
            run_days: 10.0,
            highlight: &[Part(ScenePart::Kidney), Lab(LabKey::Erythropoietin)],
            predict: Some(Prediction {
                question: "Over the next ten days, which way will EPO go?",
                kind: PredictionKind::Direction(LabKey::Erythropoietin),
                expected: "up",
            }),
            explain: "Freed from the cytokine brake, the kidney answers the anemia properly and EPO rises; the workers respond and the gates reopen, so reticulocytes climb.",
        },
        TourStep {
            text: "Keep blocking IL-6 for seven more weeks.",
            set: &[],
            give: None,
            run_days: 50.0,
            highlight: &[Lab(LabKey::Hemoglobin), Lab(LabKey::Erythropoietin)],
            predict: Some(Prediction {
                question: "As the anemia recovers, which way will EPO go?",
                kind: PredictionKind::Direction(LabKey::Erythropoietin),
                expected: "down",
            }),
            explain: "As Hb climbs, the kidney senses more oxygen and eases its orders: the feedback loop works normally again.",
        },
    ],
};

const CKD_COMMAND: Tour = Tour {
    id: "ckd_command",
    title: "Kidney disease silences the command centre",
    start: "ckd",
    steps: &[
        TourStep {
            text: "Stage 4 chronic kidney disease: the kidney's EPO-making cells are being lost with the rest of its tissue.",
            set: &[],
            give: None,
            run_days: 0.0,
            highlight: &[
                Part(ScenePart::Kidney),
                Lab(LabKey::Erythropoietin),
                Lab(LabKey::Hemoglobin),
            ],
            predict: None,
            explain: "Hb is about {hb_g_dl:10}, yet EPO sits in the normal range, where healthy kidneys would send several times more at this Hb. The factory is not short of parts; it is short of orders.",
        },
        TourStep {
            text: "Start an ESA (epoetin): the missing order, given as an injection.",
            set: &[],
            give: Some(OrderChoice::Treatment(Treatment::Esa)),
            run_days: 30.0,
            highlight: &[
                Part(ScenePart::Floor),
                Lab(LabKey::Reticulocytes),
                Lab(LabKey::TransferrinSaturation),
            ],
            predict: Some(Prediction {
                question: "Which of these moves most over the first month?",
                kind: PredictionKind::MovesMost(&[
                    LabKey::Reticulocytes,
                    LabKey::Hemoglobin,
                    LabKey::TransferrinSaturation,
                ]),
                expected: "retic_percent",
            }),
            explain: "The workers hear the order within days and reticulocytes climb. But Hb has barely risen and TSAT has fallen: the marrow now pulls iron faster than the hepcidin-locked stores release it, a functional iron deficiency.",
        },
        TourStep {
            text: "Keep the ESA going and add intravenous iron (1000 mg), which bypasses the gut gate.",
            set: &[],
            give: Some(OrderChoice::Treatment(Treatment::IvIron)),
            run_days: 30.0,
            highlight: &[Part(ScenePart::Transferrin), Lab(LabKey::Hemoglobin)],
            predict: Some(Prediction {
                question: "Over the next month, which way will hemoglobin go?",
                kind: PredictionKind::Direction(LabKey::Hemoglobin),
                expected: "up",
            }),
            explain: "With iron to work with, Hb rises about {hb_g_dl:2} in a month, against under {hb_g_dl:0.5} in the first month on ESA alone. An ESA needs iron to answer it.",
        },
        TourStep {
            text: "Three more weeks of ESA.",
            set: &[],
            give: None,
            run_days: 20.0,
            highlight: &[Part(ScenePart::Warehouse), Lab(LabKey::Ferritin)],
            predict: Some(Prediction {
                question: "Over three weeks, which way will ferritin go?",
                kind: PredictionKind::Direction(LabKey::Ferritin),
                expected: "down",
            }),
            explain: "The marrow draws the infused iron out of the stores, so ferritin falls. Hb is now above {hb_g_dl:11.5}, the usual ceiling on an ESA in kidney disease, so in practice the dose would be cut back.",
        },
    ],
};

const MYELOMA_STORM: Tour = Tour {
    id: "myeloma_storm",
    title: "Myeloma: the perfect storm",
    start: "healthy",
    steps: &[
        TourStep {
            text: "Myeloma begins: malignant plasma cells take over half of the marrow floor.",
            set: &[(SettingKey::MarrowInfiltration, 50.0)],
            give: None,
            run_days: 90.0,
            highlight: &[
                Part(ScenePart::Squatters),
                Part(ScenePart::Floor),
                Lab(LabKey::Mcv),
            ],
            predict: Some(Prediction {
                question: "Hb will fall. Over three months, which way will MCV go?",
                kind: PredictionKind::Direction(LabKey::Mcv),
                expected: "same",
            }),
            explain: "Fewer workers make fewer cells, but each one is made normally: the anemia is normocytic, Hb down from about {hb_g_dl:15} to {hb_g_dl:12}. With fewer workers taking iron, transferrin fills up and TSAT rises.",
        },
        TourStep {
            text: "The tumour, and the body's reaction to it, stir up inflammation: IL-6 rises to 30 pg/mL.",
            set: &[(SettingKey::Il6, 30.0)],
            give: None,
            run_days: 90.0,
            highlight: &[
                Part(ScenePart::CytokineSmoke),
                Part(ScenePart::WarehouseGate),
                Lab(LabKey::TransferrinSaturation),
            ],
            predict: Some(Prediction {
                question: "Over three months, which way will the transferrin saturation go?",
                kind: PredictionKind::Direction(LabKey::TransferrinSaturation),
                expected: "down",
            }),
            explain: "The iron heist joins in: hepcidin shuts the gates, ferritin climbs and TSAT falls. The same cytokines also slow the remaining workers directly.",
        },
        TourStep {
            text: "Myeloma proteins damage the kidneys: eGFR falls to 40 mL/min.",
            set: &[(SettingKey::Egfr, 40.0)],
            give: None,
            run_days: 15.0,
            highlight: &[Part(ScenePart::Kidney), Lab(LabKey::Erythropoietin)],
            predict: Some(Prediction {
                question: "Hb is still falling. Over two weeks, which way will EPO go?",
                kind: PredictionKind::Direction(LabKey::Erythropoietin),
                expected: "down",
            }),
            explain: "The command centre weakens: EPO drops although the anemia deepens. Invasion, locked iron, suppressed workers and fading orders now act together.",
        },
        TourStep {
            text: "Hb is near {hb_g_dl:9}. Transfuse two units of red cells.",
            set: &[],
            give: Some(OrderChoice::Treatment(Treatment::Transfusion)),
            run_days: 5.0,
            highlight: &[Part(ScenePart::Shipping), Lab(LabKey::Erythropoietin)],
            predict: Some(Prediction {
                question: "Over the next five days, which way will EPO go?",
                kind: PredictionKind::Direction(LabKey::Erythropoietin),
                expected: "down",
            }),
            explain: "Donated cells raise Hb at once; the kidney senses more oxygen and sends fewer orders, so the factory slows further.",
        },
        TourStep {
            text: "Watch the next few weeks.",
            set: &[],
            give: None,
            run_days: 25.0,
            highlight: &[Lab(LabKey::Hemoglobin), Part(ScenePart::Squatters)],
            predict: Some(Prediction {
                question: "Over the next 25 days, which way will hemoglobin go?",
                kind: PredictionKind::Direction(LabKey::Hemoglobin),
                expected: "down",
            }),
            explain: "A transfusion buys only weeks: none of the four failures has changed, and Hb slides again. Only treating the myeloma itself clears the floor.",
        },
    ],
};

const FOLATE_TRAP: Tour = Tour {
    id: "folate_trap",
    title: "The folate trap",
    start: "b12_deficiency",
    steps: &[
        TourStep {
            text: "Pernicious anemia: B12 is low, homocysteine and MMA are high, the red cells are large and the nerves are already affected.",
            set: &[],
            give: None,
            run_days: 0.0,
            highlight: &[Lab(LabKey::Mcv), Lab(LabKey::VitaminB12)],
            predict: None,
            explain: "On the blood count alone, this large-cell anemia looks just like folate deficiency.",
        },
        TourStep {
            text: "The low B12 is missed and the patient is given folic acid alone.",
            set: &[],
            give: Some(OrderChoice::Treatment(Treatment::FolicAcid)),
            run_days: 120.0,
            highlight: &[
                Lab(LabKey::Hemoglobin),
                Lab(LabKey::MethylmalonicAcid),
                Lab(LabKey::NerveDamageIndex),
            ],
            predict: Some(Prediction {
                question: "Which of these moves most over the four-month course?",
                kind: PredictionKind::MovesMost(&[
                    LabKey::Hemoglobin,
                    LabKey::MethylmalonicAcid,
                    LabKey::NerveDamageIndex,
                ]),
                expected: "hb_g_dl",
            }),
            explain: "The blood recovers: folic acid enters the folate cycle past the B12 block, so DNA synthesis resumes. But MMA has not moved, because its reaction needs B12 alone, and the nerve damage index has crept up.",
        },
        TourStep {
            text: "The course ends. With a normal blood count, nobody checks B12 again.",
            set: &[],
            give: None,
            run_days: 180.0,
            highlight: &[Lab(LabKey::NerveDamageIndex), Part(ScenePart::Blueprints)],
            predict: Some(Prediction {
                question: "Over six months, which way will the nerve damage index go?",
                kind: PredictionKind::Direction(LabKey::NerveDamageIndex),
                expected: "up",
            }),
            explain: "The nerve damage went on the whole time, hidden behind a normal blood count; once the folic acid stops, the anemia returns as well. Damage left untreated for months may never fully heal.",
        },
        TourStep {
            text: "Now give the vitamin B12 course.",
            set: &[],
            give: Some(OrderChoice::B12Course),
            run_days: 90.0,
            highlight: &[
                Lab(LabKey::NerveDamageIndex),
                Lab(LabKey::MethylmalonicAcid),
            ],
            predict: Some(Prediction {
                question: "Over three months, which way will the nerve damage index go?",
                kind: PredictionKind::Direction(LabKey::NerveDamageIndex),
                expected: "down",
            }),
            explain: "B12 restores both reactions: MMA normalises within days and the nerves begin to heal, slowly. Check B12 before treating a large-cell anemia with folic acid.",
        },
    ],
};
