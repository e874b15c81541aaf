//! The loop one WebKit fault was seen in, without the widget: the browser test
//! `a_long_related_list_is_read_in_slices` builds 30,000 JavaScript objects from the module, two
//! `Reflect.set`s of a formatted string each, pushed into an array; a fault there read an object
//! back as something else ("Reflect.set requires the first argument be an object"). Here the
//! objects are built the same way, six rounds, and each read back and checked.
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn objects_built_from_the_module_read_back_as_written() {
    for round in 0..6 {
        let related = Array::new();
        for i in 0..30_000u32 {
            let entry = Object::new();
            let story = i % 20_000;
            Reflect::set(
                &entry,
                &"headline".into(),
                &format!("Story {story} on the harbour").into(),
            )
            .unwrap();
            Reflect::set(
                &entry,
                &"url".into(),
                &format!("https://news.example/story-{story}").into(),
            )
            .unwrap();
            related.push(&entry);
        }
        for i in 0..30_000u32 {
            let entry = related.get(i);
            let story = i % 20_000;
            let headline = Reflect::get(&entry, &"headline".into()).unwrap();
            assert_eq!(
                headline,
                JsValue::from(format!("Story {story} on the harbour")),
                "round {round}, entry {i}"
            );
        }
    }
}
