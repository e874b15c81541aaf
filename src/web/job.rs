//! One render of a widget, spread over its steps: the related entries are read and deduped a
//! slice at a time ([`Job::advance`]), and what the render no longer needs is freed a part at a
//! time after it ([`Job::tidy`]).

use super::page;
use crate::error::{Error, Warning};
use crate::memory;
use crate::pipeline::Making;

/// One render, spread over [`Widget::step`] calls: the related entries are read and deduped a
/// slice at a time, so that a long list never holds the page's main thread; the render itself is
/// one step, and the stories it left out are freed in one more.
pub(super) struct Job {
    /// The story being made; once every entry is read, its indexes, freed after the render.
    pub(super) making: Making,
    /// Whether every entry is read.
    pub(super) read: bool,
    pub(super) entries: Entries,
    /// The next entry to read.
    pub(super) next: u32,
    /// What reading the entries found wrong.
    pub(super) warnings: Vec<Warning>,
    /// The ready event's `removed`, converted as entries are removed (and then no longer held
    /// by the story being made).
    pub(super) removed: js_sys::Array,
    /// The related stories the render left out, freed after it.
    pub(super) left_out: Vec<crate::model::Related>,
    /// Whether it has rendered (and only memory is left to free).
    pub(super) rendered: bool,
}

/// The related entries still to dedupe.
pub(super) enum Entries {
    /// The data's `related` array, read an entry at a time.
    Data(js_sys::Array),
    /// Entries already read (from the page).
    #[cfg(feature = "page")]
    Read(std::vec::IntoIter<crate::model::Related>),
}

impl Entries {
    pub(super) fn len(&self) -> usize {
        match self {
            Entries::Data(list) => list.length() as usize,
            #[cfg(feature = "page")]
            Entries::Read(rest) => rest.len(),
        }
    }
}

/// The related entry at `position` of the data's list (`None` when it is not one to show).
fn entry(
    list: &js_sys::Array,
    position: usize,
    warnings: &mut Vec<Warning>,
) -> Result<Option<crate::model::Related>, Error> {
    let item = page::from_js(&list.get(position as u32))?;
    crate::extract::island::related(&item, position, warnings)
}

impl Job {
    /// The entry at `position` of the data's list, read again (for a story the render shows
    /// that was held only in part: [`Making::hold_shown`]); `None` where it no longer reads.
    pub(super) fn read_again(entries: &Entries, position: usize) -> Option<crate::model::Related> {
        match entries {
            Entries::Data(list) => entry(list, position, &mut Vec::new()).ok().flatten(),
            #[cfg(feature = "page")]
            Entries::Read(_) => None,
        }
    }

    /// Reads and dedupes entries, and converts the removals for the ready event, until every
    /// entry is read (`true`) or `deadline` (a `Date.now()`) has passed
    /// (`false`). Checks the clock every 8 entries.
    pub(super) fn advance(&mut self, deadline: f64) -> Result<bool, Error> {
        while !self.read {
            for _ in 0..8 {
                let position = self.next as usize;
                let entry = match &mut self.entries {
                    Entries::Data(list) => {
                        if self.next >= list.length() {
                            self.read = true;
                            break;
                        }
                        self.next += 1;
                        entry(list, position, &mut self.warnings)?
                    }
                    #[cfg(feature = "page")]
                    Entries::Read(rest) => match rest.next() {
                        Some(entry) => {
                            self.next += 1;
                            Some(entry)
                        }
                        None => {
                            self.read = true;
                            break;
                        }
                    },
                };
                if let Some(entry) = entry {
                    self.making.push(entry);
                }
                memory::check(|| memory::entry(position))?;
            }
            // (converted and freed as they come: the story no longer holds them)
            for r in self.making.take_removed() {
                self.removed.push(&page::to_js(&r));
            }
            if self.read {
                // (rendered in this same step, however long the reading took: a short list on
                // a first load, where compiling the module takes the slice, shows in this task)
                self.making.warn(std::mem::take(&mut self.warnings));
                return Ok(true);
            }
            if js_sys::Date::now() > deadline {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Frees what the render no longer needs, 4,096 entries at a time, until done (`true`) or
    /// `deadline` has passed (`false`).
    pub(super) fn tidy(&mut self, deadline: f64) -> bool {
        loop {
            let keep = self.left_out.len().saturating_sub(4096);
            self.left_out.truncate(keep);
            let freed = self.making.release(4096);
            if freed && self.left_out.is_empty() {
                return true;
            }
            if js_sys::Date::now() > deadline {
                return false;
            }
        }
    }
}
