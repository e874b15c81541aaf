//! Reading a story out of what the page carries. Each reader produces the same [`Extracted`].

pub mod island;

use crate::error::Warning;
use crate::model::{Article, Related};

/// What a source said, before dedupe: the article, its related entries in page order, and what
/// was ignored along the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The article.
    pub article: Article,
    /// The heading the page gives its related list, such as "TIN LIÊN QUAN".
    pub related_heading: Option<String>,
    /// Every usable related entry, in page order, duplicates included.
    pub related: Vec<Related>,
    /// What was skipped or ignored.
    pub warnings: Vec<Warning>,
}
