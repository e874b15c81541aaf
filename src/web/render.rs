//! View tree to DOM nodes. Attribute names come from the view module; data only ever arrives
//! here as attribute values and text nodes.

use wasm_bindgen::{JsCast, JsValue};
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

/// Takes over markup a server rendered from the same view tree (hydration): checks that the
/// element children of `parent` (its `<style>` and `<link>` aside) have the tags, attribute names
/// and children of `els`, and writes in the attribute values and texts that differ (a date in
/// the reader's own time zone and language). No node is made or removed. `false` when the markup
/// is not the view's (then nothing is taken over, and the caller renders afresh).
pub fn hydrate(parent: &web_sys::Node, els: &[El]) -> bool {
    let kids = parent.child_nodes();
    let mut at = 0;
    for el in els {
        let mut kid = kids.get(at);
        while let Some(k) = kid.as_ref().and_then(|k| k.dyn_ref::<Element>()) {
            if !matches!(k.local_name().as_str(), "style" | "link") {
                break;
            }
            at += 1;
            kid = kids.get(at);
        }
        match kid {
            Some(kid) if take(&kid, el) => at += 1,
            _ => return false,
        }
    }
    at == kids.length()
}

/// Takes over `node` as [`hydrate`] does, if it is `el`. The carousel's track of a view without
/// slides ([`crate::view::shell`]) matches whatever slides it holds: they are taken one at a time.
pub fn take(node: &web_sys::Node, el: &El) -> bool {
    let Some(element) = node.dyn_ref::<Element>() else {
        return false;
    };
    if element.local_name() != el.tag
        || element.get_attribute_names().length() as usize != el.attrs.len()
    {
        return false;
    }
    for (name, value) in &el.attrs {
        match element.get_attribute(name) {
            None => return false,
            Some(v) if v != *value => {
                if element.set_attribute(name, value).is_err() {
                    return false;
                }
            }
            Some(_) => {}
        }
    }
    if el.children.is_empty() && el.get("id") == Some(crate::view::id::TRACK) {
        return true;
    }
    let kids = node.child_nodes();
    if kids.length() as usize != el.children.len() {
        return false;
    }
    el.children.iter().enumerate().all(|(i, child)| {
        let Some(kid) = kids.get(i as u32) else {
            return false;
        };
        match child {
            Node::El(e) => take(&kid, e),
            Node::Text(t) => {
                // (a text node: a server-rendered date may be another day in the reader's zone)
                kid.node_type() == web_sys::Node::TEXT_NODE && {
                    if kid.node_value().as_deref() != Some(t) {
                        kid.set_node_value(Some(t));
                    }
                    true
                }
            }
        }
    })
}

/// Writes each `<time>` below `root` as `format` writes its `datetime` (a server wrote a date and
/// time as its UTC day; the reader's own day may be another), leaving the texts that are already
/// so.
pub fn write_dates(root: &web_sys::ShadowRoot, format: &dyn Fn(&str) -> Option<String>) {
    let Ok(times) = root.query_selector_all("time") else {
        return;
    };
    for i in 0..times.length() {
        let Some(time) = times.get(i).and_then(|t| t.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(text) = time.get_attribute("datetime").and_then(|raw| format(&raw)) else {
            continue;
        };
        if time.text_content().as_deref() != Some(text.as_str()) {
            time.set_text_content(Some(&text));
        }
    }
}
