//! The nine guided tours (contract section 5), one per mechanism of
//! `../shared/domain/anemia-pathophysiology.md`. This file is the tours' text catalogue too.

use crate::model::{LabKey, SettingKey};
use crate::names::{OrderChoice, ScenePart};

use super::tour::{Prediction, PredictionKind, Tour, TourStep};
use super::Highlight::{Lab, Part};

/// The tours, in the order the menu lists them.
pub const TOURS: [Tour; 1] = [IRON_HEIST];

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
            give: Some(OrderChoice::Treatment(crate::model::Treatment::AntiIl6)),
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
