//! View tree to DOM nodes. Attribute names come from the view module; data only ever arrives
//! here as attribute values and text nodes.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::view::{El, Node};

/// Builds `el` and everything below it, detached from the document.
pub fn build(doc: &Document, el: &El) -> Result<Element, JsValue> {
    let node = doc.create_element(el.tag)?;
    for (name, value) in &el.attrs {
        node.set_attribute(name, value)?;
    }
    for child in &el.children {
        match child {
            Node::El(e) => {
                let child = build(doc, e)?;
                node.append_child(&child)?
            }
            Node::Text(t) => node.append_child(&doc.create_text_node(t))?,
        };
    }
    Ok(node)
}
