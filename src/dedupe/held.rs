//! The stories past the hold ([`Deduper::hold`](super::Deduper::hold)): what dedupe needs of a
//! kept story to compare later entries with it and merge them into it, without the story itself.
//!
//! A widget shows its first `max` stories; the others it keeps only to find their duplicates
//! further down the list. Of 1,000 entries, 700 stories are kept and 20 shown: holding the other
//! 680 whole (their headlines, addresses, summaries and credits) was most of what the module's
//! memory held at its peak, and WebAssembly memory never shrinks. A held story keeps where it and
//! its duplicates stand in the list, and is read again from the list in the rare case it is shown
//! after all (other widgets on the page show some of the stories before it).

use smallvec::SmallVec;

use super::{merge, replaces, Fingerprint};
use crate::model::Related;
use crate::similar::Evidence;
use crate::url;

/// A kept story past the hold.
pub(super) struct Held {
    /// Where the story stands in the list.
    position: usize,
    /// Its headline key's fingerprint: the entry read again is the one judged only when it
    /// still has this headline (a page's script may change a list while a widget reads it).
    headline: Fingerprint,
    /// Where its duplicates stand, in the order they were merged into it.
    merged: SmallVec<[usize; 2]>,
    /// Whether it has an address, and whether that is a variant ([`url::is_variant`]).
    url: Option<bool>,
    /// The evidence the near-duplicate test weighs: its summary, image address and date, with
    /// the gaps filled from its duplicates as [`merge`] fills a whole story's.
    description: Option<Box<str>>,
    image: Option<Box<str>>,
    date: Option<Box<str>>,
}

impl Held {
    /// What is held of `story`, whose headline key has fingerprint `headline`.
    pub(super) fn of(story: Related, headline: Fingerprint) -> Held {
        Held {
            position: story.position,
            headline,
            merged: SmallVec::new(),
            url: story.url.as_deref().map(url::is_variant),
            description: story.description.map(String::into_boxed_str),
            image: story.image.map(|i| i.url.into_boxed_str()),
            date: story.date_published.map(String::into_boxed_str),
        }
    }

    /// Whether it has an address.
    pub(super) fn has_url(&self) -> bool {
        self.url.is_some()
    }

    /// Merges a duplicate into it, as [`merge`] merges one into a whole story.
    pub(super) fn merge(&mut self, dup: Related) {
        if replaces(self.url, dup.url.as_deref()) {
            self.url = dup.url.as_deref().map(url::is_variant);
        }
        if self.description.is_none() {
            self.description = dup.description.map(String::into_boxed_str);
        }
        if self.image.is_none() {
            self.image = dup.image.map(|i| i.url.into_boxed_str());
        }
        if self.date.is_none() {
            self.date = dup.date_published.map(String::into_boxed_str);
        }
        self.merged.push(dup.position);
    }

    /// Its evidence, with `read` for its summary's reading.
    pub(super) fn evidence<'a>(
        &'a self,
        read: &'a std::cell::OnceCell<Box<crate::similar::Headline>>,
    ) -> Evidence<'a> {
        Evidence {
            summary: self.description.as_deref(),
            image: self.image.as_deref(),
            date: self.date.as_deref(),
            read: Some(read),
        }
    }

    /// The story read again: its entry from `read` (the entry at a position of the list), with
    /// its duplicates merged in; `None` when the list no longer has it there.
    pub(super) fn read_again(
        &self,
        read: &mut dyn FnMut(usize) -> Option<Related>,
    ) -> Option<Related> {
        let mut story = read(self.position)?;
        if Fingerprint::of(&super::headline_key(&story.headline)) != self.headline {
            return None;
        }
        for &position in &self.merged {
            if let Some(dup) = read(position) {
                merge(&mut story, dup);
            }
        }
        Some(story)
    }
}
