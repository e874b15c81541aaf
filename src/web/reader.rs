//! Reads the live page into a [`Page`] (the `page` build only): the same [`Page::read`] the native
//! HTML reader uses, over the DOM.

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::error::Error;
use crate::page::{Document, Page, Tree};

impl Tree for Element {
    fn tag(&self) -> String {
        self.local_name()
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.get_attribute(name)
    }

    fn children(&self) -> Vec<Element> {
        let mut out = Vec::new();
        let mut next = self.first_element_child();
        while let Some(el) = next {
            next = el.next_element_sibling();
            out.push(el);
        }
        out
    }

    fn text(&self) -> String {
        self.text_content().unwrap_or_default()
    }
}

impl Document for web_sys::Document {
    type El = Element;

    fn select(&self, css: &str) -> Option<Vec<Element>> {
        let list = self.query_selector_all(css).ok()?;
        Some(
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into().ok())
                .collect(),
        )
    }

    fn root(&self) -> Option<Element> {
        self.document_element()
    }
}

/// Reads the page `host` is in: its address, head and related-link containers (`related`, a
/// CSS selector list), with the links in `host`'s own children as candidates too.
pub fn read(host: &Element, related: Option<&str>) -> Result<Page, Error> {
    let doc = host.owner_document().ok_or(Error::NoSource)?;
    let url = doc.url().ok();
    Page::read(&doc, url.as_deref(), related, std::slice::from_ref(host))
}
