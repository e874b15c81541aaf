//! Each story once: finds the related entries that name the same story, keeps the first, fills its
//! gaps from the others, and removes the article itself from its own related list (by its URL, any
//! of its other addresses, or its headline).
//!
//! Two entries are the same story when their [URL keys](crate::url::key) match, or when their
//! [headline keys](crate::dedupe::headline_key) match and either has no URL or the two are on
//! different sites (a syndicated copy). Two entries with different URLs on one site are different
//! stories even under the same headline, and so are two sites' entries under a standing title
//! many stories share ("Live updates", "Letters", "Weather": [`is_standing_title`]).
//!
//! Failing those, an entry is a near duplicate of a story shown earlier when
//! [`similar::judge`](crate::similar::judge) scores the two at least
//! [`NEAR_DUPLICATE`](crate::similar::NEAR_DUPLICATE) and they are not different addresses on one
//! site: the same story reworded under another site's address, or where one has no address. The
//! stories compared with an entry are those that share one of its words that few stories share
//! (at most [`BLOCK`]), so dedupe stays near-linear. [`Rules::near_duplicates`] turns the test off.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::error::Warning;
use crate::extract::Extracted;
use crate::model::{Article, Related};
use crate::similar::{self, Evidence, NEAR_DUPLICATE};
use crate::url;

mod held;
mod keys;
pub use keys::headline_key;
use held::Held;
use keys::{story_key, Keys};

/// The most stories a word may be shared by and still pick the stories an entry is compared
/// with: a rarer word says more about the story, and the bound keeps the comparisons per entry
/// constant.
pub const BLOCK: usize = 32;

/// Headlines that many different stories share: a site's standing titles. Two sites' entries
/// under one of them are not one story (written as [`headline_key`] leaves them).
pub const STANDING_TITLES: &[&str] = &[
    "live",
    "live updates",
    "live blog",
    "latest",
    "latest news",
    "news",
    "breaking news",
    "letters",
    "letters to the editor",
    "your letters",
    "weather",
    "the weather",
    "forecast",
    "horoscope",
    "horoscopes",
    "crossword",
    "puzzles",
    "editorial",
    "opinion",
    "corrections",
    "obituaries",
    "in pictures",
    "photos of the day",
    "pictures of the day",
    "the week in pictures",
    "morning briefing",
    "evening briefing",
    "the briefing",
    "briefing",
    "podcast",
    "video",
    "todays headlines",
    "what we know",
    "live coverage",
    "tin nóng",
    "tin mới",
    "điểm tin",
    "bản tin",
    "thời tiết",
    "liveblog",
    "newsblog",
    "ticker",
    "wetter",
    "leserbriefe",
    "kommentar",
    "nachrichten",
    "en direct",
    "météo",
    "direct",
    "éditorial",
    "revue de presse",
    "en directo",
    "directo",
    "el tiempo",
    "cartas al director",
    "última hora",
];

/// Whether a headline is one that many stories share: one of [`STANDING_TITLES`], or two
/// content words at most before a colon or alone ("Live updates", "Letters: …" is specific
/// enough only with what follows).
pub fn is_standing_title(headline: &str) -> bool {
    standing(&headline_key(headline), &similar::Headline::new(headline))
}

/// [`is_standing_title`] of a headline whose key and words the caller has already.
fn standing(key: &str, read: &similar::Headline) -> bool {
    STANDING_TITLES.contains(&key) || read.sequence().len() <= 1
}

/// Why an entry was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Its URL names the same page as a story shown earlier.
    SameUrl,
    /// It has the same headline as a story shown earlier, and one of them has no URL.
    SameHeadline,
    /// It is the article the card shows.
    SelfStory,
    /// Another widget on the page already shows it.
    ShownElsewhere,
    /// Its headline tells the same story as one shown earlier, in other words or under another
    /// site's address.
    NearDuplicate,
}

/// One related entry that is not shown, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Removed {
    /// Where it stood in the input list (0-based).
    pub position: usize,
    /// Its headline, to recognise it by.
    pub headline: String,
    /// Its address, as the entry gave it (resolved), when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Why it was removed.
    pub reason: Reason,
    /// The index, in [`Story::related`], of the story it was merged into; `None` for the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<usize>,
    /// For a near duplicate, how similar the two headlines are (0 to 1).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::detail::score"
    )]
    pub score: Option<f64>,
}

/// The story as the card shows it: the article and each related story once. It serializes as
/// the `storycard:ready` event's detail: `{ article, relatedHeading?, related, removed, omitted,
/// warnings, provenance? }`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Story {
    /// The article.
    pub article: Article,
    /// The related list's own heading, when the data gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_heading: Option<String>,
    /// The unique related stories, in the order of their first occurrence.
    pub related: Vec<Related>,
    /// Every entry that was removed, in input order.
    pub removed: Vec<Removed>,
    /// Unique stories left out because of the `max` limit.
    pub omitted: usize,
    /// What was skipped or ignored while reading.
    pub warnings: Vec<Warning>,
    /// Where each article field came from, as (field, source), when read from a page.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::detail::provenance"
    )]
    pub provenance: Vec<(&'static str, &'static str)>,
}

impl Story {
    /// The identity of each related story across widgets: its URL key, or its headline key.
    pub fn keys(&self, rules: &Rules) -> Vec<String> {
        self.related.iter().map(|r| story_key(r, rules)).collect()
    }

    /// Removes the stories that `taken` says another widget on the page shows, reporting each as
    /// shown elsewhere.
    pub fn skip_taken(&mut self, rules: &Rules, mut taken: impl FnMut(&str) -> bool) {
        let mut kept = Vec::with_capacity(self.related.len());
        for r in std::mem::take(&mut self.related) {
            if taken(&story_key(&r, rules)) {
                self.removed.push(Removed {
                    position: r.position,
                    headline: r.headline,
                    url: r.url,
                    reason: Reason::ShownElsewhere,
                    merged_into: None,
                    score: None,
                });
            } else {
                kept.push(r);
            }
        }
        self.related = kept;
    }

    /// Keeps at most `max` related stories, counting what is left out in [`Story::omitted`].
    pub fn limit(&mut self, max: usize) {
        if self.related.len() > max {
            self.omitted += self.related.len() - max;
            self.related.truncate(max);
        }
    }
}

/// How entries are compared.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// Resolves relative URLs (the page's address); without it the article's own URL is used.
    pub base: Option<&'a str>,
    /// The site's own tracking parameters, besides [`url::TRACKING`].
    pub tracking: &'a [String],
    /// Whether near duplicates go too (the `nearDuplicates` option; on unless a page turns it
    /// off): reworded and syndicated copies, not only the same address or headline.
    pub near_duplicates: bool,
}

impl Default for Rules<'_> {
    fn default() -> Self {
        Rules {
            base: None,
            tracking: &[],
            near_duplicates: true,
        }
    }
}

/// [`dedupe_with`] with the standard rules and `base` for relative URLs.
pub fn dedupe(extracted: Extracted, base: Option<&str>) -> Story {
    dedupe_with(
        extracted,
        &Rules {
            base,
            ..Rules::default()
        },
    )
}

/// Removes duplicate related entries and the article itself.
///
/// ```
/// use storycard::{extract::Extracted, model::{Article, Related, Person}, dedupe::dedupe};
/// let entry = |h: &str, url: Option<&str>, author: Option<&str>| Related {
///     headline: h.into(),
///     url: url.map(Into::into),
///     authors: author.map(|a| vec![Person { name: a.into(), url: None }]).unwrap_or_default(),
///     ..Related::default()
/// };
/// let story = dedupe(Extracted {
///     article: Article { headline: "Main".into(), ..Article::default() },
///     related: vec![
///         entry("One", Some("https://ex.com/1?utm_source=x"), None),
///         entry("Two", None, None),
///         entry("One", Some("https://ex.com/1"), Some("Khánh Minh")),
///         entry("Two", None, Some("Anh Vũ")),
///     ],
///     ..Extracted::default()
/// }, None);
/// assert_eq!(story.related.len(), 2);
/// assert_eq!(story.related[0].authors[0].name, "Khánh Minh");
/// assert_eq!(story.related[1].authors[0].name, "Anh Vũ");
/// ```
pub fn dedupe_with(mut extracted: Extracted, rules: &Rules) -> Story {
    let related = std::mem::take(&mut extracted.related);
    let mut deduper = Deduper::new(extracted, rules);
    deduper.reserve(related.len());
    for entry in related {
        deduper.push(entry);
    }
    deduper.finish()
}

/// Dedupe one entry at a time: [`dedupe_with`] for a caller that spreads a long related list
/// over several tasks (the browser module, so that 100,000 entries never hold the main thread).
///
/// ```
/// use storycard::{dedupe::{Deduper, Rules}, extract::Extracted, model::{Article, Related}};
/// let head = Extracted {
///     article: Article { headline: "Main".into(), ..Article::default() },
///     ..Extracted::default()
/// };
/// let mut deduper = Deduper::new(head, &Rules::default());
/// for (position, url) in ["https://ex.com/1?utm_source=x", "https://ex.com/1"].into_iter().enumerate() {
///     deduper.push(Related { headline: "One".into(), url: Some(url.into()), position, ..Related::default() });
/// }
/// assert_eq!(deduper.finish().related.len(), 1);
/// ```
pub struct Deduper {
    /// The story so far: the article, the kept related stories and what was removed.
    story: Story,
    base: Option<String>,
    tracking: Vec<String>,
    near_duplicates: bool,
    article_keys: Keys,
    alias_keys: Vec<String>,
    /// The article's host and headline read for the near-duplicate test: a syndicated or
    /// reworded copy of the article is the article.
    article_host: Option<String>,
    article_headline: Option<Reading>,
    // Indexes into `story.related`: by URL key; by headline key; by headline key among the kept
    // stories that have no URL. Each key is kept as its fingerprint ([`Fingerprint`]).
    by_url: HashMap<Fingerprint, usize>,
    by_headline: HashMap<Fingerprint, usize>,
    no_url_by_headline: HashMap<Fingerprint, usize>,
    /// Each kept story's host, as its fingerprint.
    hosts: Vec<Option<Fingerprint>>,
    // For near duplicates: each kept story's headline read once for the scores (and its
    // summary, once a score needs it), and the kept stories each word appears in (`words` maps
    // a word to its list in `stories_with`).
    headlines: Vec<Reading>,
    words: HashMap<Fingerprint, usize>,
    stories_with: Vec<Stories>,
    /// How many pairs of headlines the near-duplicate test has judged.
    judged: usize,
    /// How many kept stories are held whole ([`Deduper::hold`]); the rest are `held`.
    hold: usize,
    held: Vec<Held>,
}

/// The kept stories a word is in, in order. Most of a headline's words are in one story or two
/// of a list: those are kept in the list itself, without an allocation of their own.
type Stories = smallvec::SmallVec<[usize; 2]>;

/// A story's headline as the near-duplicate test reads it, and its summary once read.
struct Reading {
    headline: similar::Headline,
    /// (boxed: most stories' summaries are never read, and a story's reading is reserved for
    /// every entry of the list)
    summary: OnceCell<Box<similar::Headline>>,
}

/// What the near-duplicate test weighs besides a related entry's headline; `read` keeps its
/// summary once read.
fn evidence<'a>(r: &'a Related, read: &'a OnceCell<Box<similar::Headline>>) -> Evidence<'a> {
    Evidence {
        summary: r.description.as_deref(),
        image: r.image.as_ref().map(|i| i.url.as_str()),
        date: r.date_published.as_deref(),
        read: Some(read),
    }
}

impl Deduper {
    /// The article the related stories are deduped against.
    pub fn article(&self) -> &Article {
        &self.story.article
    }

    /// Starts with the article of `head` (its `related` list is not read: [`Deduper::push`]
    /// each entry).
    pub fn new(head: Extracted, rules: &Rules) -> Deduper {
        let Extracted {
            article,
            related_heading,
            related: _,
            warnings,
            provenance,
            aliases,
        } = head;
        let base = rules.base.or(article.url.as_deref()).map(str::to_owned);
        let tracking = rules.tracking.to_vec();
        let near_duplicates = rules.near_duplicates;
        let rules = Rules {
            base: base.as_deref(),
            tracking: &tracking,
            near_duplicates,
        };
        let article_keys = Keys::of(&article.headline, article.url.as_deref(), &rules);
        let alias_keys = aliases
            .iter()
            .filter_map(|u| url::key_with(u, rules.base, rules.tracking))
            .collect();
        let article_host = article_keys.url.as_deref().map(|k| host_of(k).to_owned());
        let article_headline = near_duplicates.then(|| Reading {
            headline: similar::Headline::new(&article.headline),
            summary: OnceCell::new(),
        });
        Deduper {
            story: Story {
                article,
                related_heading,
                warnings,
                provenance,
                ..Story::default()
            },
            base,
            tracking,
            near_duplicates,
            article_keys,
            alias_keys,
            article_host,
            article_headline,
            by_url: HashMap::new(),
            by_headline: HashMap::new(),
            no_url_by_headline: HashMap::new(),
            hosts: Vec::new(),
            headlines: Vec::new(),
            words: HashMap::new(),
            stories_with: Vec::new(),
            judged: 0,
            hold: usize::MAX,
            held: Vec::new(),
        }
    }

    /// Holds whole only the first `n` kept stories (by default all): past them, only what
    /// comparing later entries with a story and merging them into it needs, and where it and its
    /// duplicates stand in the list; [`Deduper::take_story_reading`] reads such a story again
    /// should it be shown. A widget that shows `max` stories need not hold the others whole
    /// (`tests/memory.rs`).
    pub fn hold(&mut self, n: usize) {
        self.hold = n;
    }

    /// How many stories are kept.
    fn kept(&self) -> usize {
        self.story.related.len() + self.held.len()
    }

    /// Reserves room in the lists for `n` more entries. The hash tables are not reserved: a
    /// table sized for every entry has twice the buckets one grown for the stories kept needs
    /// where a third of the entries are duplicates (`tests/memory.rs`: 899 bytes an entry at the
    /// peak with them reserved, 816 without), and growing them measured the same
    /// (`cargo bench --bench dedupe`).
    pub fn reserve(&mut self, n: usize) {
        let whole = n.min(self.hold.saturating_sub(self.story.related.len()));
        self.story.related.reserve(whole);
        self.held.reserve(n - whole);
        self.hosts.reserve(n);
        if self.near_duplicates {
            self.headlines.reserve(n);
        }
    }

    /// Whether the entry is the article itself: one of its addresses, its headline where one
    /// of the two has no URL or they are on two sites, or a near duplicate of it on another site.
    fn is_article(
        &self,
        keys: &Keys,
        host: Option<&str>,
        entry: &Related,
        read: Option<&Reading>,
    ) -> Option<Option<f64>> {
        let by_address = keys.same_as(&self.article_keys).is_some()
            || keys
                .url
                .as_ref()
                .is_some_and(|u| self.alias_keys.contains(u));
        if by_address {
            return Some(None);
        }
        let other_site =
            matches!((host, self.article_host.as_deref()), (Some(a), Some(b)) if a != b);
        if other_site
            && keys.headline == self.article_keys.headline
            && !is_standing_title(&entry.headline)
        {
            return Some(None);
        }
        let same_site =
            matches!((host, self.article_host.as_deref()), (Some(a), Some(b)) if a == b);
        let (Some(read), Some(article)) = (read, &self.article_headline) else {
            return None;
        };
        if same_site {
            return None;
        }
        let a = &self.story.article;
        let article_evidence = Evidence {
            summary: a.description.as_deref(),
            image: a.image.as_ref().map(|i| i.url.as_str()),
            date: a.date_published.as_deref(),
            read: Some(&article.summary),
        };
        let score = similar::judge(
            &read.headline,
            evidence(entry, &read.summary),
            &article.headline,
            article_evidence,
        );
        (score >= NEAR_DUPLICATE).then_some(Some(score))
    }

    /// The rules entries are compared by (the base is the article's address when none was given).
    pub fn rules(&self) -> Rules<'_> {
        Rules {
            base: self.base.as_deref(),
            tracking: &self.tracking,
            near_duplicates: self.near_duplicates,
        }
    }

    /// Dedupes one more entry against those before it.
    pub fn push(&mut self, entry: Related) {
        let keys = Keys::of(&entry.headline, entry.url.as_deref(), &self.rules());
        let host = keys.url.as_deref().map(host_of);
        let prints = Prints {
            url: keys.url.as_deref().map(Fingerprint::of),
            headline: Fingerprint::of(&keys.headline),
            host: host.map(Fingerprint::of),
        };
        // Only an entry without an exact match needs its words read: for the near-duplicate
        // test and, when it is kept, the index of words.
        let exact = self.exact(&prints, &entry);
        let read = (exact.is_none() && self.near_duplicates).then(|| Reading {
            headline: similar::Headline::new(&entry.headline),
            summary: OnceCell::new(),
        });
        if let Some(score) = self.is_article(&keys, host, &entry, read.as_ref()) {
            self.story.removed.push(Removed {
                position: entry.position,
                headline: entry.headline,
                url: entry.url,
                reason: Reason::SelfStory,
                merged_into: None,
                score,
            });
            return;
        }
        let (hit, score) = match (exact, &read) {
            (Some(hit), _) => (Some(hit), None),
            (None, None) => (None, None),
            (None, Some(read)) if standing(&keys.headline, &read.headline) => (None, None),
            (None, Some(read)) => {
                let (near, judged) = near_duplicate(
                    &entry,
                    prints.host,
                    read,
                    &Kept {
                        whole: &self.story.related,
                        held: &self.held,
                        hosts: &self.hosts,
                        headlines: &self.headlines,
                    },
                    (&self.words, &self.stories_with),
                );
                self.judged += judged;
                (
                    near.map(|(i, _)| (i, Reason::NearDuplicate)),
                    near.map(|(_, s)| s),
                )
            }
        };
        let whole = self.story.related.len();
        match hit {
            Some((i, reason)) => {
                self.story.removed.push(Removed {
                    position: entry.position,
                    headline: entry.headline.clone(),
                    url: entry.url.clone(),
                    reason,
                    merged_into: Some(i),
                    score,
                });
                let has_url = match i.checked_sub(whole) {
                    None => self.story.related[i].url.is_some(),
                    Some(h) => self.held[h].has_url(),
                };
                if let (false, Some(url)) = (has_url, prints.url) {
                    // The kept story gains this entry's URL: from now on it compares by URL.
                    self.hosts[i] = prints.host;
                    self.by_url.entry(url).or_insert(i);
                    self.no_url_by_headline.remove(&prints.headline);
                }
                match i.checked_sub(whole) {
                    None => merge(&mut self.story.related[i], entry),
                    Some(h) => self.held[h].merge(entry),
                }
            }
            None => {
                let i = self.kept();
                self.hosts.push(prints.host);
                match prints.url {
                    Some(url) => *self.by_url.entry(url).or_insert(i),
                    None => *self.no_url_by_headline.entry(prints.headline).or_insert(i),
                };
                self.by_headline.entry(prints.headline).or_insert(i);
                if whole < self.hold {
                    self.story.related.push(entry);
                } else {
                    self.held.push(Held::of(entry, prints.headline));
                }
                let Some(read) = read else {
                    return;
                };
                for word in read.headline.index_words() {
                    let list = *self
                        .words
                        .entry(Fingerprint::of(&word))
                        .or_insert(self.stories_with.len());
                    if list == self.stories_with.len() {
                        self.stories_with.push(Stories::new());
                    }
                    if self.stories_with[list].last() != Some(&i) {
                        self.stories_with[list].push(i);
                    }
                }
                self.headlines.push(read);
            }
        }
    }

    /// The kept story with the entry's URL key, or with its headline key where one of the two
    /// has no URL or they are on two sites (not under a standing title), and why.
    fn exact(&self, prints: &Prints, entry: &Related) -> Option<(usize, Reason)> {
        match &prints.url {
            Some(url) => self
                .by_url
                .get(url)
                .map(|&i| (i, Reason::SameUrl))
                .or_else(|| {
                    self.no_url_by_headline
                        .get(&prints.headline)
                        .map(|&i| (i, Reason::SameHeadline))
                })
                .or_else(|| {
                    let &i = self.by_headline.get(&prints.headline)?;
                    let other_site =
                        matches!((prints.host, self.hosts[i]), (Some(a), Some(b)) if a != b);
                    (other_site && !is_standing_title(&entry.headline))
                        .then_some((i, Reason::SameHeadline))
                }),
            None => self
                .by_headline
                .get(&prints.headline)
                .map(|&i| (i, Reason::SameHeadline)),
        }
    }

    /// The entries removed so far, in input order.
    pub fn removed(&self) -> &[Removed] {
        &self.story.removed
    }

    /// Takes the entries removed since the last call, in input order: a caller that hands them
    /// on as they come (the widget's ready event) need not hold them to the end.
    pub fn take_removed(&mut self) -> Vec<Removed> {
        std::mem::take(&mut self.story.removed)
    }

    /// How many pairs of headlines the near-duplicate test has judged so far: at most [`BLOCK`]
    /// times the words of each entry, whatever the number of entries.
    pub fn judged(&self) -> usize {
        self.judged
    }

    /// The story: the article and each related story once, with what was removed and why.
    pub fn finish(mut self) -> Story {
        self.take_story()
    }

    /// [`Deduper::finish`] that keeps the indexes, for a caller that frees them a part at a
    /// time with [`Deduper::release`] (100,000 entries take tens of milliseconds to free).
    pub fn take_story(&mut self) -> Story {
        self.take_story_reading(0, &mut |_| None)
    }

    /// [`Deduper::take_story`] with the held stories ([`Deduper::hold`]) read again, through
    /// `read` (the entry at a position of the list), up to `whole` stories in all; the held
    /// stories past them, and any `read` no longer gives, are counted as `omitted`.
    pub fn take_story_reading(
        &mut self,
        whole: usize,
        read: &mut dyn FnMut(usize) -> Option<Related>,
    ) -> Story {
        let mut story = std::mem::take(&mut self.story);
        let wanted = whole.saturating_sub(story.related.len()).min(self.held.len());
        for held in &self.held[..wanted] {
            match held.read_again(read) {
                Some(r) => story.related.push(r),
                None => story.omitted += 1,
            }
        }
        story.omitted += self.held.len() - wanted;
        story
    }

    /// Frees up to `n` entries of the indexes; `true` once they are all freed. (The tables of
    /// fingerprints own nothing else: each is one block, freed at once; the headlines' readings
    /// and the word lists are freed `n` at a time.)
    pub fn release(&mut self, n: usize) -> bool {
        for table in [
            &mut self.by_url,
            &mut self.by_headline,
            &mut self.no_url_by_headline,
            &mut self.words,
        ] {
            *table = HashMap::new();
        }
        let mut left = n;
        let mut cut = |len: usize| {
            let keep = len.saturating_sub(left);
            left -= len - keep;
            keep
        };
        self.headlines.truncate(cut(self.headlines.len()));
        self.held.truncate(cut(self.held.len()));
        self.hosts.truncate(cut(self.hosts.len()));
        self.stories_with.truncate(cut(self.stories_with.len()));
        left > 0
    }

    /// Adds warnings from reading the entries.
    pub fn warn(&mut self, warnings: impl IntoIterator<Item = Warning>) {
        self.story.warnings.extend(warnings);
    }
}

/// A key as dedupe's indexes keep it: 128 bits of SipHash-1-3 of its text, rather than the
/// text. Two of the 100,000 entries a widget reads at most share one by chance with a
/// probability near 10^-29, and an index entry is 16 bytes instead of a string of its own
/// (dedupe's peak, `tests/memory.rs`: 1,039 bytes an entry at 1,000 entries with the keys kept
/// as text, 899 with their fingerprints).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
struct Fingerprint(u64, u64);

impl Fingerprint {
    fn of(key: &str) -> Fingerprint {
        use siphasher::sip128::{Hasher128, SipHasher13};
        use std::hash::Hasher;
        let mut hasher = SipHasher13::new();
        hasher.write(key.as_bytes());
        let hash = hasher.finish128();
        // (two halves rather than one `u128`, whose alignment would pad every table entry)
        Fingerprint(hash.h1, hash.h2)
    }
}

/// An entry's keys as fingerprints: its URL key's, its headline key's and its host's.
struct Prints {
    url: Option<Fingerprint>,
    headline: Fingerprint,
    host: Option<Fingerprint>,
}

/// The host part of a URL key (`//host/path`).
fn host_of(key: &str) -> &str {
    let rest = key.strip_prefix("//").unwrap_or(key);
    rest.split('/').next().unwrap_or(rest)
}

/// The kept story nearest to `entry`, with its score, when it is a near duplicate: among the
/// stories that share a word of its headline that at most [`BLOCK`] stories have, two of its
/// words at least (any two, common or not), and that are not another address on the entry's own
/// site, the one [`similar::judge`] scores highest, at least [`NEAR_DUPLICATE`]; and how many
/// stories it judged. (Two headlines that share fewer than two words score 0: counting the
/// shared words in the index first, rather than judging every story that shares one, judged
/// 5,986 pairs instead of 13,396 in a list of 1,000 real headlines and 36,433 instead of 154,848
/// in one of 4,806, with the same stories kept: `cargo bench --bench dedupe`.)
fn near_duplicate(
    entry: &Related,
    host: Option<Fingerprint>,
    read: &Reading,
    kept: &Kept,
    (words, stories_with): (&HashMap<Fingerprint, usize>, &[Stories]),
) -> (Option<(usize, f64)>, usize) {
    // (each candidate with how many of the entry's words it shares)
    let mut candidates: Vec<(usize, u32)> = Vec::new();
    let mut common: Vec<&Stories> = Vec::new();
    for word in read.headline.index_words() {
        let Some(list) = words
            .get(&Fingerprint::of(&word))
            .map(|&l| &stories_with[l])
        else {
            continue;
        };
        if list.len() > BLOCK {
            common.push(list);
            continue;
        }
        for &i in list {
            let same_site = matches!((host, kept.hosts[i]), (Some(a), Some(b)) if a == b);
            if same_site {
                continue;
            }
            match candidates.iter_mut().find(|(c, _)| *c == i) {
                Some((_, n)) => *n += 1,
                None => candidates.push((i, 1)),
            }
        }
    }
    let mut best: Option<(usize, f64)> = None;
    let mut compared = 0;
    for (i, mut shared) in candidates {
        // (a word too common to find candidates by still counts as shared: its list is in
        // order)
        if shared < 2 {
            shared += common.iter().filter(|l| l.binary_search(&i).is_ok()).count() as u32;
        }
        if shared < 2 {
            continue;
        }
        compared += 1;
        let score = similar::judge(
            &read.headline,
            evidence(entry, &read.summary),
            &kept.headlines[i].headline,
            kept.evidence(i),
        );
        if score >= NEAR_DUPLICATE && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    (best, compared)
}

/// The kept stories as the near-duplicate test reads them: whole up to the hold, then held;
/// each one's host and headline's reading.
struct Kept<'a> {
    whole: &'a [Related],
    held: &'a [Held],
    hosts: &'a [Option<Fingerprint>],
    headlines: &'a [Reading],
}

impl Kept<'_> {
    /// What the near-duplicate test weighs besides kept story `i`'s headline.
    fn evidence(&self, i: usize) -> Evidence<'_> {
        let read = &self.headlines[i].summary;
        match i.checked_sub(self.whole.len()) {
            None => evidence(&self.whole[i], read),
            Some(h) => self.held[h].evidence(read),
        }
    }
}

/// Fills the fields `kept` lacks from its duplicate; what `kept` has wins, except that a
/// canonical address beats a variant (tracking parameters, AMP, a mobile host).
fn merge(kept: &mut Related, dup: Related) {
    if replaces(kept.url.as_deref().map(url::is_variant), dup.url.as_deref()) {
        kept.url = dup.url;
    }
    if kept.description.is_none() {
        kept.description = dup.description;
    }
    if kept.authors.is_empty() {
        kept.authors = dup.authors;
    }
    if kept.image.is_none() {
        kept.image = dup.image;
    }
    if kept.date_published.is_none() {
        kept.date_published = dup.date_published;
    }
}

/// Whether a duplicate's address (`dup`) replaces the kept story's, given whether the kept story
/// has one and whether that is a variant: it has none, or a variant where the duplicate's is
/// canonical.
fn replaces(kept: Option<bool>, dup: Option<&str>) -> bool {
    match (kept, dup) {
        (None, _) => true,
        (Some(variant), Some(d)) => variant && !url::is_variant(d),
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;
    use crate::text::cat;

    fn entry(headline: &str, url: Option<&str>, position: usize) -> Related {
        Related {
            headline: headline.into(),
            url: url.map(Into::into),
            position,
            ..Related::default()
        }
    }

    fn run(article: Article, related: Vec<Related>) -> Story {
        dedupe(
            Extracted {
                article,
                related,
                ..Extracted::default()
            },
            None,
        )
    }

    fn headlines(s: &Story) -> Vec<&str> {
        s.related.iter().map(|r| r.headline.as_str()).collect()
    }

    #[test]
    fn stories_held_past_the_hold_are_read_again_as_they_were_kept() {
        // Stories with address variants, duplicates that carry what the first lacks (a
        // canonical address, a summary, an image, a date, an author) and reworded copies on
        // another site, deduped with each hold: read again, the story is the one held whole.
        let mut list = Vec::new();
        for i in 0..12 {
            let tracked = if i % 3 == 0 { "?utm_source=x" } else { "" };
            list.push(Related {
                description: (i % 2 == 0).then(|| format!("Summary of council budget story {i}")),
                ..entry(
                    &format!("Story number {i} about the council budget vote"),
                    Some(&format!("https://news.ex.com/s/{i}{tracked}")),
                    list.len(),
                )
            });
        }
        for i in (0..12).rev() {
            let url = match i % 4 {
                0 => Some(format!("https://news.ex.com/s/{i}")),
                1 => None,
                _ => Some(format!("https://wire.ex.net/s/{i}")),
            };
            let headline = match i % 4 {
                0 | 1 => format!("Story number {i} about the council budget vote"),
                _ => format!("Council budget vote: story number {i}"),
            };
            list.push(Related {
                description: Some(format!("Another summary of story {i}")),
                image: Some(crate::model::Image {
                    url: format!("https://img.ex.com/{i}.jpg"),
                    ..Default::default()
                }),
                date_published: Some(format!("2025-04-{:02}", 1 + i)),
                authors: vec![Person {
                    name: cat(&["Author ", &i.to_string()]),
                    url: None,
                }],
                ..entry(&headline, url.as_deref(), list.len())
            });
        }
        let whole = run(Article::default(), list.clone());
        assert_eq!(whole.related.len(), 12);
        assert_eq!(whole.removed.len(), 12, "every duplicate found");
        for hold in [0, 1, 5, 11, 12, 20] {
            let mut deduper = Deduper::new(Extracted::default(), &Rules::default());
            deduper.hold(hold);
            deduper.reserve(list.len());
            for e in list.clone() {
                deduper.push(e);
            }
            let mut read = |p: usize| list.get(p).cloned();
            let story = deduper.take_story_reading(usize::MAX, &mut read);
            assert_eq!(story.related, whole.related, "hold {hold}");
            assert_eq!(story.removed, whole.removed, "hold {hold}");
            assert_eq!(story.omitted, 0);
            let mut deduper = Deduper::new(Extracted::default(), &Rules::default());
            deduper.hold(hold);
            for e in list.clone() {
                deduper.push(e);
            }
            let story = deduper.take_story_reading(7, &mut read);
            assert_eq!(story.related[..], whole.related[..7.max(hold.min(12))]);
            assert_eq!(story.omitted, 12 - 7.max(hold.min(12)), "hold {hold}");
        }
    }

    #[test]
    fn keeps_the_first_occurrence_in_place() {
        let s = run(
            Article::default(),
            vec![
                entry("A", Some("https://x.com/a"), 0),
                entry("B", Some("https://x.com/b"), 1),
                entry("A again", Some("https://www.x.com/a/"), 2),
                entry("C", None, 3),
            ],
        );
        assert_eq!(headlines(&s), ["A", "B", "C"]);
        assert_eq!(
            s.removed,
            [Removed {
                position: 2,
                headline: "A again".into(),
                url: Some("https://www.x.com/a/".into()),
                reason: Reason::SameUrl,
                merged_into: Some(0),
                score: None,
            }]
        );
    }

    #[test]
    fn same_headline_with_different_urls_is_two_stories() {
        let s = run(
            Article::default(),
            vec![
                entry("Live updates", Some("https://x.com/live/1"), 0),
                entry("Live updates", Some("https://x.com/live/2"), 1),
            ],
        );
        assert_eq!(s.related.len(), 2);
    }

    #[test]
    fn same_headline_counts_when_either_has_no_url() {
        let s = run(
            Article::default(),
            vec![
                entry("Tin mới", None, 0),
                entry("TIN MO\u{31B}\u{301}I", Some("https://x.com/n"), 1),
            ],
        );
        assert_eq!(headlines(&s), ["Tin mới"]);
        assert_eq!(s.related[0].url.as_deref(), Some("https://x.com/n"));
        assert_eq!(s.removed[0].reason, Reason::SameHeadline);
    }

    #[test]
    fn merges_author_from_later_duplicate() {
        let mut rich = entry("A", Some("https://x.com/a"), 1);
        rich.authors = vec![Person {
            name: "Khánh Minh".into(),
            url: None,
        }];
        rich.description = Some("later summary".into());
        let mut first = entry("A", Some("https://x.com/a?utm_medium=web"), 0);
        first.description = Some("first summary".into());
        let s = run(Article::default(), vec![first, rich]);
        assert_eq!(s.related[0].authors[0].name, "Khánh Minh");
        assert_eq!(s.related[0].description.as_deref(), Some("first summary"));
    }

    #[test]
    fn a_canonical_address_beats_an_amp_or_tracking_variant() {
        let s = run(
            Article::default(),
            vec![
                entry("A", Some("https://m.x.com/a/amp?utm_source=feed"), 0),
                entry("A", Some("https://x.com/a"), 1),
                entry("B", Some("https://x.com/b"), 2),
                entry("B", Some("https://x.com/b?ref=home"), 3),
            ],
        );
        let urls: Vec<_> = s
            .related
            .iter()
            .map(|r| r.url.as_deref().unwrap())
            .collect();
        assert_eq!(urls, ["https://x.com/a", "https://x.com/b"]);
        assert_eq!(s.removed.len(), 2);
    }

    #[test]
    fn removes_the_article_itself() {
        let article = Article {
            headline: "Main story".into(),
            url: Some("https://x.com/main".into()),
            ..Article::default()
        };
        let s = run(
            article,
            vec![
                entry(
                    "Main story (updated)",
                    Some("https://x.com/main?utm_source=r"),
                    0,
                ),
                entry("main  story", None, 1),
                entry("Other", None, 2),
            ],
        );
        assert_eq!(headlines(&s), ["Other"]);
        assert!(s
            .removed
            .iter()
            .all(|r| r.reason == Reason::SelfStory && r.merged_into.is_none()));
    }

    #[test]
    fn skips_stories_another_widget_shows() {
        let mut s = run(
            Article::default(),
            vec![
                entry("A", Some("https://x.com/a"), 0),
                entry("B", None, 1),
                entry("C", None, 2),
            ],
        );
        let rules = Rules::default();
        let shown_elsewhere = [
            story_key(
                &entry("A", Some("https://www.x.com/a/?utm_source=y"), 9),
                &rules,
            ),
            story_key(&entry("b", None, 9), &rules),
        ];
        s.skip_taken(&rules, |k| shown_elsewhere.iter().any(|t| t == k));
        assert_eq!(headlines(&s), ["C"]);
        assert!(s.removed.iter().all(|r| r.reason == Reason::ShownElsewhere));
        assert_eq!(s.keys(&rules), [story_key(&entry("C", None, 2), &rules)]);
    }

    #[test]
    fn limit_counts_what_it_leaves_out() {
        let mut s = run(
            Article::default(),
            (0..5).map(|i| entry(&format!("S{i}"), None, i)).collect(),
        );
        s.limit(3);
        assert_eq!(headlines(&s), ["S0", "S1", "S2"]);
        assert_eq!(s.omitted, 2);
    }

    fn article(headline: &str, url: &str) -> Article {
        Article {
            headline: headline.into(),
            url: Some(url.into()),
            ..Article::default()
        }
    }

    #[test]
    fn merges_a_reworded_headline_without_url_as_a_near_duplicate() {
        let s = run(
            article("Main", "https://ex.com/main"),
            vec![
                entry(
                    "US believes the Russia-Ukraine conflict cannot end",
                    Some("https://ex.com/a"),
                    0,
                ),
                entry(
                    "Stocks rise as oil prices fall",
                    Some("https://ex.com/b"),
                    1,
                ),
                entry(
                    "US believes Russia-Ukraine conflict cannot end soon",
                    None,
                    2,
                ),
                entry("Stocks fall as oil prices rise", None, 3),
            ],
        );
        assert_eq!(
            headlines(&s),
            [
                "US believes the Russia-Ukraine conflict cannot end",
                "Stocks rise as oil prices fall",
                "Stocks fall as oil prices rise"
            ]
        );
        assert_eq!(s.removed.len(), 1);
        assert_eq!(s.removed[0].reason, Reason::NearDuplicate);
        assert_eq!(s.removed[0].merged_into, Some(0));
        assert!(s.removed[0].score.is_some_and(|x| x >= NEAR_DUPLICATE));
    }

    /// Three entries under one headline a site reuses, at these addresses.
    fn live_updates(urls: [&str; 3]) -> Vec<Related> {
        urls.iter()
            .enumerate()
            .map(|(i, url)| entry("Live updates: the council budget vote", Some(url), i))
            .collect()
    }

    #[test]
    fn with_near_duplicates_off_reworded_copies_stay() {
        let related = vec![
            entry(
                "US believes the Russia-Ukraine conflict cannot end",
                Some("https://ex.com/a"),
                0,
            ),
            entry(
                "US believes Russia-Ukraine conflict cannot end soon",
                Some("https://wire.example/a"),
                1,
            ),
            entry(
                "Live updates: the council budget vote",
                Some("https://ex.com/live-1"),
                2,
            ),
            entry(
                "Live updates: the council budget vote",
                Some("https://wire.example/live"),
                3,
            ),
        ];
        let off = dedupe_with(
            Extracted {
                article: article("Main", "https://ex.com/main"),
                related: related.clone(),
                ..Extracted::default()
            },
            &Rules {
                near_duplicates: false,
                ..Rules::default()
            },
        );
        assert_eq!(
            off.related.len(),
            3,
            "the same headline on two sites is one story either way"
        );
        assert_eq!(off.removed[0].reason, Reason::SameHeadline);
        let on = run(article("Main", "https://ex.com/main"), related);
        assert_eq!(on.related.len(), 2);
        assert_eq!(on.removed[0].reason, Reason::NearDuplicate);
    }

    #[test]
    fn merges_a_story_syndicated_on_another_site_but_not_a_headline_a_site_reuses() {
        let s = run(
            article("Main", "https://ex.com/main"),
            live_updates([
                "https://ex.com/live-1",
                "https://ex.com/live-2",
                "https://wire.example/council-live",
            ]),
        );
        assert_eq!(s.related.len(), 2, "one site's two pages stay two stories");
        assert_eq!(s.removed[0].position, 2);
        assert_eq!(s.removed[0].reason, Reason::SameHeadline);
    }

    #[test]
    fn an_amp_copy_is_the_page() {
        let s = run(
            article("Main", "https://ex.com/main"),
            vec![
                entry(
                    "Harbour bridge deck to be rebuilt",
                    Some("https://amp.ex.com/city/bridge-deck.amp"),
                    0,
                ),
                entry(
                    "Harbour bridge deck to be rebuilt",
                    Some("https://ex.com/city/bridge-deck.html"),
                    1,
                ),
            ],
        );
        assert_eq!(s.related.len(), 1);
        assert_eq!(s.removed[0].reason, Reason::SameUrl);
        assert_eq!(
            s.related[0].url.as_deref(),
            Some("https://ex.com/city/bridge-deck.html"),
            "the canonical address wins"
        );
    }

    #[test]
    fn a_standing_title_on_two_sites_is_two_stories() {
        for title in ["Live updates", "Letters", "Weather", "Điểm tin"] {
            let s = run(
                article("Main", "https://ex.com/main"),
                vec![
                    entry(title, Some("https://ex.com/a"), 0),
                    entry(title, Some("https://other.example/b"), 1),
                ],
            );
            assert_eq!(s.related.len(), 2, "{title}");
        }
    }

    #[test]
    fn a_copy_of_the_article_on_another_site_is_the_article() {
        let s = run(
            article(
                "Harbour ferry returns after 30 years",
                "https://ex.com/ferry",
            ),
            vec![
                entry(
                    "Harbour ferry returns after 30 years",
                    Some("https://wire.example/ferry"),
                    0,
                ),
                entry(
                    "Harbour ferry returns after 30 years, officials say",
                    Some("https://other.example/f"),
                    1,
                ),
                entry(
                    "Harbour ferry returns after 40 years",
                    Some("https://third.example/f"),
                    2,
                ),
            ],
        );
        assert_eq!(headlines(&s), ["Harbour ferry returns after 40 years"]);
        assert!(s.removed.iter().all(|r| r.reason == Reason::SelfStory));
    }

    #[test]
    fn removes_the_article_at_any_of_its_addresses() {
        let s = dedupe(
            Extracted {
                article: article("Harbour ferry returns", "https://ex.com/city/ferry"),
                related: vec![
                    entry("Shortlink to the article", Some("https://ex.com/?p=123"), 0),
                    entry("Another story entirely", Some("https://ex.com/b"), 1),
                ],
                aliases: vec!["https://ex.com/?p=123".into()],
                ..Extracted::default()
            },
            None,
        );
        assert_eq!(headlines(&s), ["Another story entirely"]);
        assert_eq!(s.removed[0].reason, Reason::SelfStory);
    }

    fn with_summary(mut r: Related, summary: &str) -> Related {
        r.description = Some(summary.into());
        r
    }

    #[test]
    fn only_stories_that_share_two_words_are_judged() {
        // Forty stories share "council", "approves" and "plan" (more stories than a word finds
        // candidates among), each with a word of its own.
        let own = |k: u8| format!("q{}{}", (b'a' + k / 26) as char, (b'a' + k % 26) as char);
        let mut deduper = Deduper::new(Extracted::default(), &Rules::default());
        for k in 0..40 {
            let headline = format!("Council approves {} plan", own(k));
            let url = format!("https://ex.com/{k}");
            deduper.push(entry(&headline, Some(&url), usize::from(k)));
        }
        let before = deduper.judged();
        // One word in common with story 3, its own: not judged.
        let ferry = format!("Harbour ferry for {} returns", own(3));
        deduper.push(entry(&ferry, Some("https://wire.example/a"), 40));
        assert_eq!(deduper.judged(), before);
        // Its own word and a common one in common with story 5: judged, and only it.
        let vote = format!("Council delays {} vote", own(5));
        deduper.push(entry(&vote, Some("https://wire.example/b"), 41));
        assert_eq!(deduper.judged(), before + 1);
        assert_eq!(deduper.finish().related.len(), 42);
    }

    #[test]
    fn summaries_decide_where_reworded_headlines_fall_short() {
        let dek = "The regional council approved the tram extension to the airport on Tuesday after a long debate.";
        let s = run(
            article("Main", "https://ex.com/main"),
            vec![
                with_summary(
                    entry(
                        "Tram extension approved after a long debate",
                        Some("https://ex.com/tram"),
                        0,
                    ),
                    dek,
                ),
                with_summary(
                    entry(
                        "Councillors back airport tram extension",
                        Some("https://wire.example/tram"),
                        1,
                    ),
                    dek,
                ),
                // Short boilerplate summaries decide nothing.
                with_summary(
                    entry("Watch: the tram debate", Some("https://ex.com/v1"), 2),
                    "Watch the video.",
                ),
                with_summary(
                    entry("Watch: the tram vote", Some("https://wire.example/v2"), 3),
                    "Watch the video.",
                ),
            ],
        );
        assert_eq!(s.related.len(), 3, "{:?}", headlines(&s));
        assert_eq!(s.removed[0].position, 1);
        assert_eq!(s.removed[0].reason, Reason::NearDuplicate);
        assert_eq!(s.removed[0].score, Some(1.0));
    }

    #[test]
    fn a_deduper_frees_its_indexes_a_part_at_a_time() {
        let related: Vec<Related> = (0..300)
            .map(|i| entry(&cat(&["Story ", &(i % 200).to_string()]), None, i))
            .collect();
        let whole = run(article("Main", "https://ex.com/main"), related.clone());
        let head = Extracted {
            article: article("Main", "https://ex.com/main"),
            ..Extracted::default()
        };
        let mut deduper = Deduper::new(head, &Rules::default());
        for r in related {
            deduper.push(r);
        }
        assert_eq!(deduper.removed().len(), 100);
        let story = deduper.take_story();
        assert_eq!(story, whole);
        let mut calls = 1;
        while !deduper.release(64) {
            calls += 1;
        }
        assert!(calls > 5, "{calls} calls");
        assert!(deduper.release(64), "and stays freed");
    }
}
