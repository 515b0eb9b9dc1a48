//! The offline app's files (issue 11): the web app manifest says what the catalogue and the palette
//! say, its icons exist, and the page and the service worker name the same files.

use marrow_factory::palette::Palette;
use marrow_factory::strings::ENGLISH;
use marrow_factory::view::about::MODEL_NOTES_FILE;

const MANIFEST: &str = include_str!("../assets/manifest.webmanifest");
const SERVICE_WORKER: &str = include_str!("../assets/sw.js");
const INDEX: &str = include_str!("../index.html");

fn manifest() -> serde_json::Value {
    serde_json::from_str(MANIFEST).expect("the manifest is JSON")
}

#[test]
fn the_manifest_names_the_app_from_the_catalogue_and_colours_it_from_the_palette() {
    let manifest = manifest();
    assert_eq!(manifest["name"], ENGLISH.install_name());
    assert_eq!(manifest["short_name"], ENGLISH.install_name());
    assert_eq!(manifest["description"], ENGLISH.app_tagline);
    assert_eq!(manifest["start_url"], ".");
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["theme_color"], Palette::STANDARD.red_cell.css());
    assert_eq!(
        manifest["background_color"],
        Palette::STANDARD.page_background.css()
    );
    let theme = format!(
        r#"<meta name="theme-color" content="{}">"#,
        Palette::STANDARD.red_cell.css()
    );
    assert!(INDEX.contains(&theme), "index.html: {theme}");
}

#[test]
fn every_icon_exists_and_the_worker_keeps_it() {
    let manifest = manifest();
    let icons = manifest["icons"].as_array().expect("icons");
    assert!(icons.iter().any(|icon| icon["sizes"] == "192x192"));
    assert!(icons.iter().any(|icon| icon["sizes"] == "512x512"));
    for icon in icons {
        let src = icon["src"].as_str().expect("src");
        let path = format!("{}/assets/{src}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
        if src.ends_with(".png") {
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{src}");
        }
        assert!(
            SERVICE_WORKER.contains(&format!("'{src}'")),
            "sw.js keeps {src}"
        );
    }
}

#[test]
fn the_page_ships_the_worker_and_the_worker_keeps_the_page_and_the_notes() {
    for file in [
        "assets/manifest.webmanifest",
        "assets/sw.js",
        "assets/icons",
    ] {
        assert!(
            INDEX.contains(&format!(r#"href="{file}""#)),
            "index.html copies {file}"
        );
    }
    assert!(INDEX.contains(r#"<link rel="manifest" href="manifest.webmanifest">"#));
    for file in ["'./'", "'index.html'", "'manifest.webmanifest'"] {
        assert!(SERVICE_WORKER.contains(file), "sw.js keeps {file}");
    }
    assert!(SERVICE_WORKER.contains(&format!("'{MODEL_NOTES_FILE}'")));
    // Updates wait for the next visit.
    assert!(!SERVICE_WORKER.contains("skipWaiting()"));
    // The build stamps these two lines (tools/stamp-service-worker.mjs).
    assert!(SERVICE_WORKER.contains("\nconst BUILD = '"));
    assert!(SERVICE_WORKER.contains("\nconst BUILD_FILES = [];"));
}
