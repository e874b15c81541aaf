//! The words the crate and the element module (`www/storycard.js`) share, defined once here:
//! the shadow tree's ids, parts and `data-` attributes ([`crate::view`]), the events, the
//! element's attributes and the option each stands for, and the label names.
//!
//! The element module imports them from `www/vocabulary.js`, which [`javascript`] writes:
//! `tests/vocabulary.rs` fails when the file differs from it, and
//! `STORYCARD_BLESS=1 cargo test --test vocabulary` writes it again. The build bundles it into
//! `pkg/storycard.js`.

use crate::i18n::Labels;
use crate::view;

/// String constants, and `ALL`, every one by its constant's name, declared from one list: the
/// element module's vocabulary is written from `ALL`, so no constant can be left out of it.
macro_rules! names {
    ($(#[$doc:meta])* $vis:vis mod $module:ident {
        $($(#[$meta:meta])* $name:ident = $value:literal;)*
    }) => {
        $(#[$doc])*
        $vis mod $module {
            $($(#[$meta])* pub const $name: &str = $value;)*
            /// Every one, by its constant's name (for the element module's vocabulary).
            pub const ALL: &[(&str, &str)] = &[$((stringify!($name), $name)),*];
        }
    };
}
pub(crate) use names;

names! {
    /// The events a widget fires on its host element.
    pub mod event {
        /// The card is rendered: its detail is the story (see [`crate::detail`]).
        READY = "storycard:ready";
        /// The card could not be shown: its detail is `{ message }`.
        ERROR = "storycard:error";
        /// A reader opened a related story (cancelable on a plain click).
        SELECT = "storycard:select";
        /// A related slide was half in view for a second.
        IMPRESSION = "storycard:impression";
    }
}

/// The longest a slice of work may hold the page's main thread, in milliseconds: a render's
/// slice in the module, and the window the element module gives the widgets of one task.
pub const SLICE_MS: u32 = 10;

/// How the element reads an attribute into its option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The attribute's value, as it is.
    Text,
    /// On when present, whatever the value.
    Flag,
    /// On when present; a value is a selector or a number of seconds the option carries.
    FlagOrValue,
}

/// The `<story-card>` element's attributes, the option of `mount()` each stands for, and how it
/// is read; `label-*` attributes ([`label_attributes`]) besides. [`crate::Options`] reads the
/// ones the crate uses; `hideRelated`, `pageDedupe` and `debug` are the element module's own.
pub const ATTRIBUTES: &[(&str, &str, Kind)] = &[
    ("source", "source", Kind::Text),
    ("related", "related", Kind::Text),
    ("hide-related", "hideRelated", Kind::FlagOrValue),
    ("max", "max", Kind::Text),
    ("lang", "lang", Kind::Text),
    ("page-dedupe", "pageDedupe", Kind::Text),
    ("near-duplicates", "nearDuplicates", Kind::Text),
    ("debug", "debug", Kind::Flag),
    ("autoplay", "autoplay", Kind::FlagOrValue),
];

/// The attribute that replaces label `label`: `readMore` is `label-read-more`.
pub fn label_attribute(label: &str) -> String {
    let mut attribute = String::from("label-");
    for c in label.chars() {
        if c.is_ascii_uppercase() {
            attribute.push('-');
            attribute.push(c.to_ascii_lowercase());
        } else {
            attribute.push(c);
        }
    }
    attribute
}

/// The label attributes and the label each replaces.
pub fn label_attributes() -> Vec<(String, &'static str)> {
    Labels::NAMES
        .iter()
        .map(|name| (label_attribute(name), *name))
        .collect()
}

/// `SLIDE_TITLE` as `slideTitle`.
fn camel(constant: &str) -> String {
    let mut out = String::new();
    for (i, word) in constant.split('_').enumerate() {
        let word = word.to_ascii_lowercase();
        if i == 0 {
            out.push_str(&word);
        } else {
            let mut chars = word.chars();
            out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
            out.push_str(chars.as_str());
        }
    }
    out
}

fn object(
    out: &mut String,
    name: &str,
    doc: &str,
    members: &[(&str, &str)],
    value: impl Fn(&str) -> String,
) {
    out.push_str(
        &[
            "\n/** ",
            doc,
            " */\nexport const ",
            name,
            " = Object.freeze({\n",
        ]
        .concat(),
    );
    for (constant, text) in members {
        out.push_str(&["  ", &camel(constant), ": '", &value(text), "',\n"].concat());
    }
    out.push_str("});\n");
}

/// The text of `www/vocabulary.js`.
pub fn javascript() -> String {
    let mut out = String::from(
        "// The words the crate and the element module share. Written from src/vocabulary.rs by\n\
         // `STORYCARD_BLESS=1 cargo test --test vocabulary`; tests/vocabulary.rs fails when they differ.\n",
    );
    object(
        &mut out,
        "ID",
        "Element ids inside the shadow root.",
        view::id::ALL,
        str::to_owned,
    );
    object(
        &mut out,
        "PART",
        "`part` names.",
        view::part::ALL,
        str::to_owned,
    );
    object(
        &mut out,
        "DATA",
        "`data-` attributes, as `dataset` keys.",
        view::data::ALL,
        // (as `dataset` names them: `data-storycard-view` is `storycardView`)
        |attribute| {
            let mut key = String::new();
            let mut upper = false;
            for c in attribute.trim_start_matches("data-").chars() {
                match c {
                    '-' => upper = true,
                    c if upper => {
                        key.extend(c.to_uppercase());
                        upper = false;
                    }
                    c => key.push(c),
                }
            }
            key
        },
    );
    object(
        &mut out,
        "EVENT",
        "The events a widget fires on its host.",
        event::ALL,
        str::to_owned,
    );
    out.push_str(
        "\n/** The element's attributes: [attribute, option, how it is read ('text', 'flag' or 'flag-or-value')]. */\nexport const ATTRIBUTES = Object.freeze([\n",
    );
    for (attribute, option, kind) in ATTRIBUTES {
        let kind = match kind {
            Kind::Text => "text",
            Kind::Flag => "flag",
            Kind::FlagOrValue => "flag-or-value",
        };
        out.push_str(&["  ['", attribute, "', '", option, "', '", kind, "'],\n"].concat());
    }
    out.push_str("]);\n\n/** The label attributes: [attribute, label]. */\nexport const LABELS = Object.freeze([\n");
    for (attribute, label) in label_attributes() {
        out.push_str(&["  ['", &attribute, "', '", label, "'],\n"].concat());
    }
    out.push_str("]);\n");
    // (primary subtags: the element module only decides whether to make the page's first
    // `Intl.DateTimeFormat` early, before it knows a widget's language for sure)
    let mut dates: Vec<&str> = crate::dates::languages()
        .filter(|tag| crate::dates::writes(tag))
        .map(|tag| tag.split('-').next().unwrap_or(tag))
        .collect();
    dates.dedup();
    out.push_str(
        "\n/** The languages (primary subtags) whose dates the crate writes itself, with no `Intl.DateTimeFormat`. */\nexport const DATE_LANGUAGES = Object.freeze([",
    );
    out.push_str(
        &dates
            .iter()
            .map(|l| ["'", l, "'"].concat())
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push_str("]);\n");
    out.push_str(&[
        "\n/** The longest a slice of work may hold the main thread, in milliseconds. */\nexport const SLICE_MS = ",
        &crate::text::decimal(SLICE_MS as usize),
        ";\n",
    ].concat());
    out
}
