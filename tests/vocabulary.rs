//! `www/vocabulary.js`, which the element module imports, is what the crate defines
//! (`storycard::vocabulary::javascript`). `STORYCARD_BLESS=1` writes it again.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn the_element_module_has_the_crates_vocabulary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/vocabulary.js");
    let expected = storycard::vocabulary::javascript();
    if std::env::var_os("STORYCARD_BLESS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let found = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        found == expected,
        "www/vocabulary.js differs from src/vocabulary.rs: run STORYCARD_BLESS=1 cargo test --test vocabulary"
    );
}

#[test]
fn every_option_the_crate_reads_is_an_attribute_of_the_element() {
    let options = storycard::Options::from_attributes(
        storycard::vocabulary::ATTRIBUTES
            .iter()
            .map(|(attribute, _, _)| (*attribute, "x")),
    );
    assert_eq!(options.source.as_deref(), Some("x"));
    assert_eq!(options.related.as_deref(), Some("x"));
    assert_eq!(options.lang.as_deref(), Some("x"));
    assert!(options.autoplay);
    // ("x" is no max and no on/off: both are warned about, which shows they were read)
    let warned: Vec<_> = options.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(warned, ["options.max", "options.nearDuplicates"]);
}
