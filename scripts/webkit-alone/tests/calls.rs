//! The word index of `tests/web.rs`, with the calls between JavaScript and the module around it
//! that the widget makes: JavaScript asks the module for each headline through one closure and
//! hands it back through another, as a string each way, and the module keeps the index between
//! the calls.
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

// (the native checksum, printed by `cargo test --release --test native -- --nocapture`)
const EXPECTED: u64 = include!("expected.txt");

#[wasm_bindgen(inline_js = "export function drive(n, make, feed) {
  for (let i = 0; i < n; i++) {
    const h = make(i);
    // (a JavaScript string of its own, not the one the module gave)
    feed(h.split(' ').join(' '));
  }
}")]
extern "C" {
    fn drive(n: u32, make: &Closure<dyn FnMut(u32) -> String>, feed: &Closure<dyn FnMut(String)>);
}

#[wasm_bindgen_test]
fn the_index_fed_from_javascript_reads_back_what_it_wrote() {
    for round in 0..6 {
        let index = Rc::new(RefCell::new(wkrepro::Index::default()));
        let make = Closure::<dyn FnMut(u32) -> String>::new(|i: u32| wkrepro::headline(i.into()));
        let feed = {
            let index = Rc::clone(&index);
            Closure::<dyn FnMut(String)>::new(move |h: String| index.borrow_mut().add(&h))
        };
        drive(100_000, &make, &feed);
        assert_eq!(index.borrow().checksum(), EXPECTED, "round {round}");
    }
}
