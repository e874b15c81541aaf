//! Every string a reader sees that does not come from the data, per language.

use crate::text::decimal;

/// The widget's own words in one language.
#[derive(Debug)]
pub struct Labels {
    /// The primary language subtag these labels are for.
    pub lang: &'static str,
    /// Heading of the related carousel when the data gives none.
    pub related: &'static str,
    /// The button that shows the full text.
    pub read_more: &'static str,
    /// The same button once the text is shown.
    pub read_less: &'static str,
    /// Name of the button that scrolls the carousel back.
    pub previous: &'static str,
    /// Name of the button that scrolls the carousel on.
    pub next: &'static str,
    /// The word before the last name of a byline.
    pub and: &'static str,
    /// Name of one slide; `{n}` and `{total}` are replaced.
    pub slide: &'static str,
    /// The reading time in the byline; `{n}` is the minutes.
    pub reading_time: &'static str,
    /// What a slide is, as assistive technology announces it (`aria-roledescription`).
    pub slide_role: &'static str,
    /// What the related list is, as assistive technology announces it.
    pub carousel_role: &'static str,
    /// What the reader sees when the story cannot be shown.
    pub unavailable: &'static str,
}

const LABELS: [Labels; 5] = [
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
    },
];

/// The labels for a BCP 47 language tag, by its primary subtag; English when there are none.
///
/// ```
/// assert_eq!(storycard::i18n::labels("vi-VN").read_more, "Đọc tiếp");
/// assert_eq!(storycard::i18n::labels("xx").read_more, "Read more");
/// ```
pub fn labels(lang: &str) -> &'static Labels {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    LABELS
        .iter()
        .find(|l| l.lang.eq_ignore_ascii_case(primary))
        .unwrap_or(&LABELS[0])
}

impl Labels {
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
            ] {
                assert!(!s.trim().is_empty(), "{}", l.lang);
                assert!(!s.to_lowercase().contains("carousel"), "{}", l.lang);
            }
        }
    }
}
