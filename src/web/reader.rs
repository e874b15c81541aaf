//! Reads the live page into a [`Page`] (the `page` build only): the same [`Page::read`] the native
//! HTML reader uses, over the DOM.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::page::STRING_MAX;
use crate::error::Error;
use crate::page::{Document, Page, Tree};

impl Tree for Element {
    fn tag(&self) -> String {
        self.local_name()
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.get_attribute(name)
    }

    fn first_child_element(&self) -> Option<Element> {
        self.first_element_child()
    }

    fn next_sibling_element(&self) -> Option<Element> {
        self.next_element_sibling()
    }

    fn parent_element(&self) -> Option<Element> {
        web_sys::Node::parent_element(self)
    }

    /// The first [`STRING_MAX`] UTF-16 units of the text, as the data's strings are read: no
    /// field keeps more, and an element's 10 MB text is not copied whole into the module.
    fn text(&self) -> String {
        let text = text_content(self);
        if text.length() > STRING_MAX {
            return text.slice(0, STRING_MAX).into();
        }
        text.into()
    }

    /// Looks at the length before the text is copied into the WebAssembly memory: a text longer
    /// than `limit` UTF-16 units is longer than `limit` bytes of UTF-8 too.
    fn text_within(&self, limit: usize) -> Option<String> {
        let text = text_content(self);
        if text.length() as usize > limit {
            return None;
        }
        Some(String::from(text)).filter(|t| t.len() <= limit)
    }
}

/// `textContent` as a JavaScript string, not yet copied into the module.
fn text_content(el: &Element) -> js_sys::JsString {
    js_sys::Reflect::get(el, &"textContent".into())
        .ok()
        .filter(|t| t.is_string())
        .unwrap_or_else(|| "".into())
        .unchecked_into()
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

/// Reads another document than the host's (`mount()`'s `page`: one parsed by `DOMParser`, whose
/// scripts never run) at address `url`: its head and related-link containers, with the links in
/// its own `<story-card>` element as candidates, as the element there would read them.
pub fn read_document(
    doc: &web_sys::Document,
    url: Option<&str>,
    related: Option<&str>,
) -> Result<Page, Error> {
    let element: Vec<Element> = doc
        .query_selector("story-card")
        .ok()
        .flatten()
        .into_iter()
        .collect();
    Page::read(doc, url, related, &element)
}
