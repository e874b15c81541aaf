use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

// (the native checksum, printed by `cargo test --release --test native -- --nocapture`)
const EXPECTED: u64 = include!("expected.txt");

#[wasm_bindgen_test]
fn the_index_reads_back_what_it_wrote() {
    for round in 0..6 {
        assert_eq!(wkrepro::run(100_000), EXPECTED, "round {round}");
    }
}
