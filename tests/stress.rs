//! WebKit's WebAssembly faults (docs/browsers.md): the widget's work of the browser tests, done
//! many times in one page, so that a fault that comes once in tens of test runs comes in most
//! runs of this one. Not part of `npm test`: `scripts/webkit-faults.sh` runs it in a loop under
//! each engine option it is given and counts the runs that failed.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use storycard::web::Widget;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Related entries: `count` stories, each listed twice (the second time reworded, under a
/// tracking parameter), so that every dedupe rule runs.
fn data(count: u32) -> JsValue {
    let related = Array::new();
    for i in 0..count {
        for (headline, url) in [
            (
                format!("Council approves harbour budget number {i} after long debate"),
                format!("https://news.example/story-{i}"),
            ),
            (
                format!("After long debate, council approves harbour budget number {i}"),
                format!("https://news.example/story-{i}?utm_source=x"),
            ),
        ] {
            let entry = Object::new();
            Reflect::set(&entry, &"headline".into(), &headline.into()).unwrap();
            Reflect::set(&entry, &"url".into(), &url.into()).unwrap();
            related.push(&entry);
        }
    }
    let data = JSON::parse(
        r#"{"article":{"headline":"The harbour budget","url":"https://news.example/harbour"}}"#,
    )
    .unwrap();
    Reflect::set(&data, &"related".into(), &related).unwrap();
    data
}

/// Waits a task, so that the page (and the test runner's driver) can run.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |done, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&done)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_widgets_work_many_times_over() {
    let doc = web_sys::window().unwrap().document().unwrap();
    for round in 0..40 {
        let host = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&host).unwrap();
        let root = host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .unwrap();
        let options = Object::new();
        Reflect::set(&options, &"data".into(), &data(500 + round)).unwrap();
        let widget = Widget::new(host.clone(), root.clone(), options.into());
        let mut steps = 0;
        while !widget.step(JsValue::UNDEFINED) {
            steps += 1;
            pause().await;
        }
        while !widget.step(JsValue::UNDEFINED) {}
        let slides = root.query_selector_all("[part~=slide]").unwrap().length();
        assert_eq!(slides, 20, "round {round}, after {steps} steps");
        widget.destroy();
        host.remove();
        pause().await;
    }
}
