//! Listeners and observers that remove themselves when dropped, so `destroy()` leaves nothing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Element, Event, EventTarget, ResizeObserver};

/// An event listener, removed from its target on drop.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Listens for `kind` on `target`; `passive` for scroll and touch listeners.
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        passive: bool,
        f: impl FnMut(Event) + 'static,
    ) -> Listener {
        let callback = Closure::<dyn FnMut(Event)>::new(f);
        let options = AddEventListenerOptions::new();
        options.set_passive(passive);
        // Adding a listener to a live element cannot fail.
        let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            callback.as_ref().unchecked_ref(),
            &options,
        );
        Listener {
            target: target.clone(),
            kind,
            callback,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

/// A `ResizeObserver` on one element, disconnected on drop.
pub struct Resize {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(Event)>,
}

impl Resize {
    /// Calls `f` once the element has a size and whenever it changes; `None` where the browser
    /// has no `ResizeObserver`. (The callback has the listeners' type, so the module carries one
    /// closure adapter, not two; its argument, the observer entries, is not read.)
    pub fn new(target: &Element, mut f: impl FnMut() + 'static) -> Option<Resize> {
        let callback = Closure::<dyn FnMut(Event)>::new(move |_| f());
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(target);
        Some(Resize {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Resize {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
