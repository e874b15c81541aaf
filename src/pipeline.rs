//! The one way a story is made, whichever way the widget is used (the element, `renderToString`,
//! the command line, the Rust API): read the input (article data, or a page without any),
//! extract the article and its related entries, dedupe them under the [`Options`], leave out
//! what other widgets on the page show, and keep `max`. The view renders what comes out.
//!
//! [`story`] does it at once; [`Making`] an entry at a time, for the browser, which spreads a long
//! related list over several tasks. Both are the same steps: [`story`] is [`Making`] run to the
//! end.
//!
//! ```
//! use storycard::{pipeline::{self, Input}, Json, Options};
//! let data: Json = serde_json::from_str(r#"{
//!   "article": { "headline": "US abandons conflict resolution, resumes aid to Ukraine",
//!                "url": "https://news.example.com/world/us-abandons-2401.html" },
//!   "related": [
//!     { "headline": "Ukraine and expectations after the mineral agreement with the US",
//!       "url": "https://news.example.com/world/ukraine-2391.html?utm_source=related" },
//!     { "headline": "Ukraine and expectations after the mineral agreement with the US",
//!       "url": "https://news.example.com/world/ukraine-2391.html", "author": "Khánh Minh" }
//!   ]
//! }"#).unwrap();
//! let story = pipeline::story(Input::Data(&data), &Options::default(), None).unwrap();
//! assert_eq!(story.related.len(), 1);
//! assert_eq!(story.related[0].authors[0].name, "Khánh Minh");
//! assert_eq!(story.removed[0].reason, storycard::dedupe::Reason::SameUrl);
//! ```

use crate::dedupe::{Deduper, Removed, Rules, Story};
use crate::error::{Error, Warning};
use crate::extract::{self, Extracted};
use crate::json::Json;
use crate::memory;
use crate::model::Related;
use crate::options::Options;
use crate::page::Page;

/// What a story is read from.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// Article data: a data island's JSON, or the object given to `mount()` or
    /// `renderToString()`.
    Data(&'a Json),
    /// A page without article data, read for its JSON-LD, meta tags and related lists.
    Page(&'a Page),
}

/// The story a card shows for `input` under `options`. `base` resolves relative addresses: the
/// page's address (a page's own `<base>` or address when `None`, then `options.url`).
pub fn story(input: Input, options: &Options, base: Option<&str>) -> Result<Story, Error> {
    let (mut head, base) = match input {
        Input::Data(data) => (extract::island::read(data)?, base),
        Input::Page(page) => (extract::from_page(page)?, base.or(page.base.as_deref())),
    };
    memory::check(|| "the article".into())?;
    let related = std::mem::take(&mut head.related);
    let mut making = Making::new(head, options, base);
    making.reserve(related.len());
    for (i, entry) in related.into_iter().enumerate() {
        making.push(entry);
        memory::check(|| memory::entry(i))?;
    }
    Ok(making.finish(None, &mut |_| None).story)
}

/// The stories another widget on the page shows: how many, and whether it shows a story key.
pub struct Taken<'a> {
    /// How many stories the other widgets show.
    pub count: usize,
    /// Whether another widget shows the story with this key ([`Story::keys`]).
    pub has: &'a dyn Fn(&str) -> bool,
}

/// What [`Making::finish`] gives.
pub struct Finished {
    /// The story to render.
    pub story: Story,
    /// The stories left out by `max` before they were compared with the other widgets', to free.
    pub left_out: Vec<Related>,
    /// The keys of the related stories shown, when other widgets' were given (for the page's
    /// shared list).
    pub keys: Vec<String>,
}

/// The most entries [`Making::reserve`] makes room for ahead; past it the tables grow as entries
/// come.
pub const RESERVED_MAX: usize = 1 << 17;

/// A story being made an entry at a time.
pub struct Making {
    deduper: Deduper,
    max: usize,
}

impl Making {
    /// Starts with the article of `head` (its `related` list is not read: [`Making::push`] each
    /// entry), under `options`, with `base` for relative addresses (else `options.url`).
    pub fn new(mut head: Extracted, options: &Options, base: Option<&str>) -> Making {
        head.warnings.extend(options.warnings.iter().cloned());
        Making {
            deduper: Deduper::new(head, &options.rules(base)),
            max: options.max,
        }
    }

    /// The article, as the card shows it.
    pub fn article(&self) -> &crate::model::Article {
        self.deduper.article()
    }

    /// The rules entries are compared by.
    pub fn rules(&self) -> Rules<'_> {
        self.deduper.rules()
    }

    /// Reserves room for `n` more entries, up to [`RESERVED_MAX`]: a list's length is not memory
    /// to take before its entries are read (a sparse JavaScript array's is up to 2³² − 1).
    pub fn reserve(&mut self, n: usize) {
        self.deduper.reserve(n.min(RESERVED_MAX));
    }

    /// Holds whole only the stories it may show, `max`: the others only as far as dedupe needs
    /// them ([`Deduper::hold`]), read again by [`Making::finish`] should other widgets show
    /// stories before them. For a caller that can read an entry of the list again by its
    /// position (the browser module, whose list stays in JavaScript).
    pub fn hold_shown(&mut self) {
        self.deduper.hold(self.max);
    }

    /// Dedupes one more related entry.
    pub fn push(&mut self, entry: Related) {
        self.deduper.push(entry);
    }

    /// The entries removed since the last call, in input order ([`Deduper::take_removed`]):
    /// those the story [`Making::finish`] gives no longer list them.
    pub fn take_removed(&mut self) -> Vec<Removed> {
        self.deduper.take_removed()
    }

    /// Adds what reading the entries found wrong.
    pub fn warn(&mut self, warnings: impl IntoIterator<Item = Warning>) {
        self.deduper.warn(warnings);
    }

    /// How many pairs of headlines the near-duplicate test has judged.
    pub fn judged(&self) -> usize {
        self.deduper.judged()
    }

    /// The story of every entry pushed: without what `taken` says other widgets show, limited to
    /// `max`. Only the first `max` stories and as many as the other widgets show are compared
    /// with theirs: the rest are left out either way. The indexes stay, to
    /// [`Making::release`] a part at a time. `read` gives the entry at a position of the list,
    /// for the stories held only in part ([`Making::hold_shown`]) that are compared.
    pub fn finish(
        &mut self,
        taken: Option<Taken>,
        read: &mut dyn FnMut(usize) -> Option<Related>,
    ) -> Finished {
        let compared = self
            .max
            .saturating_add(taken.as_ref().map_or(0, |t| t.count));
        let mut story = self.deduper.take_story_reading(compared, read);
        let mut left_out = Vec::new();
        if story.related.len() > compared {
            left_out = story.related.split_off(compared);
            story.omitted += left_out.len();
        }
        let rules = self.rules();
        if let Some(taken) = &taken {
            story.skip_taken(&rules, taken.has);
        }
        story.limit(self.max);
        let keys = if taken.is_some() {
            story.keys(&rules)
        } else {
            Vec::new()
        };
        Finished {
            story,
            left_out,
            keys,
        }
    }

    /// Frees up to `n` entries of the indexes; `true` once all are freed.
    pub fn release(&mut self, n: usize) -> bool {
        self.deduper.release(n)
    }
}
