//! Every string a reader sees that does not come from the data, per language.

use crate::text::decimal;

/// The widget's own words in one language, each replaceable by the page (see [`Labels::set`]).
#[derive(Debug, Clone, Copy)]
pub struct Labels<'a> {
    /// The primary language subtag these labels are for.
    pub lang: &'a str,
    /// Heading of the related carousel when the data gives none.
    pub related: &'a str,
    /// The button that shows the full text.
    pub read_more: &'a str,
    /// The same button once the text is shown.
    pub read_less: &'a str,
    /// Name of the button that scrolls the carousel back.
    pub previous: &'a str,
    /// Name of the button that scrolls the carousel on.
    pub next: &'a str,
    /// The word before the last name of a byline.
    pub and: &'a str,
    /// Name of one slide; `{n}` and `{total}` are replaced.
    pub slide: &'a str,
    /// The reading time in the byline; `{n}` is the minutes.
    pub reading_time: &'a str,
    /// What a slide is, as assistive technology announces it (`aria-roledescription`).
    pub slide_role: &'a str,
    /// What the related list is, as assistive technology announces it.
    pub carousel_role: &'a str,
    /// What the reader sees when the story cannot be shown.
    pub unavailable: &'a str,
    /// Name of the button that starts the automatic rotation of the slides.
    pub play: &'a str,
    /// Name of the same button while the slides rotate.
    pub pause: &'a str,
}

const LABELS: [Labels<'static>; 5] = [
    Labels {
        lang: "en",
        related: "Related stories",
        read_more: "Read more",
        read_less: "Show less",
        previous: "Previous stories",
        next: "Next stories",
        and: "and",
        slide: "{n} of {total}",
        unavailable: "This story could not be shown.",
        reading_time: "{n} min read",
        slide_role: "slide",
        carousel_role: "carousel",
        play: "Start automatic slide show",
        pause: "Stop automatic slide show",
    },
    Labels {
        lang: "vi",
        related: "Tin liên quan",
        read_more: "Đọc tiếp",
        read_less: "Thu gọn",
        previous: "Tin trước",
        next: "Tin tiếp theo",
        and: "và",
        slide: "{n} trên {total}",
        unavailable: "Không thể hiển thị bài viết này.",
        reading_time: "{n} phút đọc",
        slide_role: "tin",
        carousel_role: "băng chuyền",
        play: "Bật tự động chuyển tin",
        pause: "Dừng tự động chuyển tin",
    },
    Labels {
        lang: "fr",
        related: "Articles liés",
        read_more: "Lire la suite",
        read_less: "Réduire",
        previous: "Articles précédents",
        next: "Articles suivants",
        and: "et",
        slide: "{n} sur {total}",
        unavailable: "Impossible d’afficher cet article.",
        reading_time: "{n} min de lecture",
        slide_role: "diapositive",
        carousel_role: "carrousel",
        play: "Lancer le défilement automatique",
        pause: "Arrêter le défilement automatique",
    },
    Labels {
        lang: "de",
        related: "Weitere Artikel",
        read_more: "Weiterlesen",
        read_less: "Weniger anzeigen",
        previous: "Vorherige Artikel",
        next: "Nächste Artikel",
        and: "und",
        slide: "{n} von {total}",
        unavailable: "Dieser Artikel kann nicht angezeigt werden.",
        reading_time: "{n} Min. Lesezeit",
        slide_role: "Folie",
        carousel_role: "Karussell",
        play: "Automatisches Blättern starten",
        pause: "Automatisches Blättern anhalten",
    },
    Labels {
        lang: "es",
        related: "Noticias relacionadas",
        read_more: "Leer más",
        read_less: "Leer menos",
        previous: "Noticias anteriores",
        next: "Noticias siguientes",
        and: "y",
        slide: "{n} de {total}",
        unavailable: "No se puede mostrar esta noticia.",
        reading_time: "{n} min de lectura",
        slide_role: "diapositiva",
        carousel_role: "carrusel",
        play: "Iniciar el pase automático",
        pause: "Detener el pase automático",
    },
];

/// The labels for a BCP 47 language tag, by its primary subtag; English when there are none.
///
/// ```
/// assert_eq!(storycard::i18n::labels("vi-VN").read_more, "Đọc tiếp");
/// assert_eq!(storycard::i18n::labels("xx").read_more, "Read more");
/// ```
pub fn labels(lang: &str) -> &'static Labels<'static> {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    LABELS
        .iter()
        .find(|l| l.lang.eq_ignore_ascii_case(primary))
        .unwrap_or(&LABELS[0])
}

impl<'a> Labels<'a> {
    /// The names under which a page replaces labels: the keys of the `labels` option, and in
    /// kebab case the element's `label-…` attributes (`label-read-more`).
    pub const NAMES: [&'static str; 13] = [
        "related",
        "readMore",
        "readLess",
        "prev",
        "next",
        "and",
        "slide",
        "readingTime",
        "slideRole",
        "carouselRole",
        "unavailable",
        "play",
        "pause",
    ];

    /// Replaces the label `name` (one of [`Labels::NAMES`]); other names are ignored.
    ///
    /// ```
    /// let mut l = *storycard::i18n::labels("en");
    /// l.set("readMore", "Continue");
    /// assert_eq!(l.read_more, "Continue");
    /// ```
    pub fn set(&mut self, name: &str, value: &'a str) {
        let field = match name {
            "related" => &mut self.related,
            "readMore" => &mut self.read_more,
            "readLess" => &mut self.read_less,
            "prev" => &mut self.previous,
            "next" => &mut self.next,
            "and" => &mut self.and,
            "slide" => &mut self.slide,
            "readingTime" => &mut self.reading_time,
            "slideRole" => &mut self.slide_role,
            "carouselRole" => &mut self.carousel_role,
            "unavailable" => &mut self.unavailable,
            "play" => &mut self.play,
            "pause" => &mut self.pause,
            _ => return,
        };
        *field = value;
    }

    /// The labels of `lang` with the page's replacements, given as (name, text) pairs.
    pub fn with(lang: &str, replaced: &'a [(String, String)]) -> Labels<'a> {
        let mut l = *labels(lang);
        for (name, text) in replaced {
            l.set(name, text);
        }
        l
    }

    /// The name of slide `n` (1-based) of `total`.
    pub fn slide_name(&self, n: usize, total: usize) -> String {
        fill(self.slide, n, total)
    }

    /// The reading time of a text of `words` words, at 230 words a minute, at least one minute.
    pub fn reading_time(&self, words: usize) -> String {
        fill(self.reading_time, words.div_ceil(230).max(1), 0)
    }
}

/// `template` with `{n}` and `{total}` replaced.
fn fill(template: &str, n: usize, total: usize) -> String {
    let mut out = String::with_capacity(template.len() + 4);
    for (i, part) in template.split('{').enumerate() {
        let (value, rest) = if let Some(rest) = part.strip_prefix("n}") {
            (decimal(n), rest)
        } else if let Some(rest) = part.strip_prefix("total}") {
            (decimal(total), rest)
        } else {
            (if i == 0 { "" } else { "{" }.into(), part)
        };
        out.push_str(&value);
        out.push_str(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_rounds_up_to_whole_minutes() {
        assert_eq!(labels("en").reading_time(1), "1 min read");
        assert_eq!(labels("en").reading_time(231), "2 min read");
        assert_eq!(labels("vi").reading_time(460), "2 phút đọc");
    }

    #[test]
    fn names_slides_in_the_language() {
        assert_eq!(labels("en").slide_name(3, 8), "3 of 8");
        assert_eq!(labels("vi").slide_name(3, 8), "3 trên 8");
        assert_eq!(labels("DE-at").slide_name(1, 2), "1 von 2");
    }

    #[test]
    fn a_page_replaces_any_label_by_name() {
        let replaced = [
            ("prev".to_owned(), "Back".to_owned()),
            ("slide".to_owned(), "Story {n}/{total}".to_owned()),
            ("unknown".to_owned(), "ignored".to_owned()),
        ];
        let l = Labels::with("vi", &replaced);
        assert_eq!(l.previous, "Back");
        assert_eq!(l.slide_name(2, 5), "Story 2/5");
        assert_eq!(l.next, "Tin tiếp theo", "the rest stay in the language");
        let mut every = *labels("en");
        for name in Labels::NAMES {
            every.set(name, "x");
        }
        let set = [
            every.related,
            every.read_more,
            every.read_less,
            every.previous,
            every.next,
            every.and,
            every.slide,
            every.reading_time,
            every.slide_role,
            every.carousel_role,
            every.unavailable,
            every.play,
            every.pause,
        ];
        assert!(set.iter().all(|s| *s == "x"), "every name sets a label");
    }

    #[test]
    fn no_label_is_empty_or_says_carousel() {
        for l in &LABELS {
            for s in [
                l.related,
                l.read_more,
                l.read_less,
                l.previous,
                l.next,
                l.and,
                l.slide,
                l.unavailable,
                l.play,
                l.pause,
            ] {
                assert!(!s.trim().is_empty(), "{}", l.lang);
                assert!(!s.to_lowercase().contains("carousel"), "{}", l.lang);
            }
        }
    }
}
