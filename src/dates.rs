//! Dates written out by the crate: the long form the browser's
//! `Intl.DateTimeFormat(lang, { dateStyle: "long" })` gives, in the languages below, for the ISO
//! 8601 dates article data carries. The command line writes every date here ([`long_date`]: a
//! date-only value is that day; a date and time with an offset is the day it is in UTC, and the
//! browser shows the reader's own day when it takes the card over; other languages fall back to
//! English, other forms to nothing). The browser and Node write here the days of the languages
//! [`writes`] names ([`long_day`]), and ask `Intl` for the others: a page then loads no locale data.
//!
//! `tests/web.rs` checks every language [`writes`] names, for every month, against the `Intl` of
//! Chromium, Firefox and WebKit.
//!
//! And the other way: a publication date written out in a page's text ([`date_in_text`]), read
//! as ISO 8601.

use crate::text::{cat, decimal};

/// How one language writes a long date: a pattern with `{d}` (the day), `{m}` (the month's name),
/// `{n}` (the month's number) and `{y}` (the year), and the month names.
struct Style {
    langs: &'static [&'static str],
    pattern: &'static str,
    months: [&'static str; 12],
}

const NUMERIC: [&str; 12] = ["", "", "", "", "", "", "", "", "", "", "", ""];
const ENGLISH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// By language tag, most specific first: the first style one of whose tags is the tag itself or
/// its primary language.
const STYLES: &[Style] = &[
    Style {
        langs: &["en", "en-us", "en-ca", "en-ph"],
        pattern: "{m} {d}, {y}",
        months: ENGLISH,
    },
    Style {
        langs: &["en-za"],
        pattern: "{dd} {m} {y}",
        months: ENGLISH,
    },
    Style {
        // (the other English-speaking regions: Britain, Australia, India, Ireland, New Zealand)
        langs: &["en-"],
        pattern: "{d} {m} {y}",
        months: ENGLISH,
    },
    Style {
        langs: &["fr"],
        pattern: "{d} {m} {y}",
        months: [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    },
    Style {
        langs: &["de"],
        pattern: "{d}. {m} {y}",
        months: [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
    },
    Style {
        langs: &["es"],
        pattern: "{d} de {m} de {y}",
        months: [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    },
    Style {
        langs: &["pt"],
        pattern: "{d} de {m} de {y}",
        months: [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
    },
    Style {
        langs: &["it"],
        pattern: "{d} {m} {y}",
        months: [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
    },
    Style {
        langs: &["nl"],
        pattern: "{d} {m} {y}",
        months: [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    },
    Style {
        langs: &["vi"],
        pattern: "{d} tháng {n}, {y}",
        months: NUMERIC,
    },
    Style {
        langs: &["ar"],
        pattern: "{d} {m} {y}",
        months: [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ],
    },
    Style {
        langs: &["he"],
        pattern: "{d} ב{m} {y}",
        months: [
            "ינואר",
            "פברואר",
            "מרץ",
            "אפריל",
            "מאי",
            "יוני",
            "יולי",
            "אוגוסט",
            "ספטמבר",
            "אוקטובר",
            "נובמבר",
            "דצמבר",
        ],
    },
    Style {
        langs: &["ja", "zh"],
        pattern: "{y}年{n}月{d}日",
        months: NUMERIC,
    },
    Style {
        langs: &["ko"],
        pattern: "{y}년 {n}월 {d}일",
        months: NUMERIC,
    },
    Style {
        langs: &["ru"],
        pattern: "{d} {m} {y} г.",
        months: [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ],
    },
    Style {
        langs: &["pl"],
        pattern: "{d} {m} {y}",
        months: [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ],
    },
    Style {
        langs: &["tr"],
        pattern: "{d} {m} {y}",
        months: [
            "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
            "Ekim", "Kasım", "Aralık",
        ],
    },
    Style {
        langs: &["id"],
        pattern: "{d} {m} {y}",
        months: [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ],
    },
    Style {
        langs: &["sv"],
        pattern: "{d} {m} {y}",
        months: [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
    },
];

/// The languages written natively, as tags (`en-` stands for English outside the US and Canada).
pub fn languages() -> impl Iterator<Item = &'static str> {
    STYLES.iter().flat_map(|s| s.langs.iter().copied())
}

/// The style `lang` is written in: its own, or its primary language's; `None` for a language
/// not here.
fn style_of(lang: &str) -> Option<&'static Style> {
    let tag = lang.to_ascii_lowercase().replace('_', "-");
    let primary = tag.split('-').next().unwrap_or("");
    let region = tag.len() > primary.len();
    STYLES
        .iter()
        .find(|s| s.langs.contains(&tag.as_str()))
        .or_else(|| {
            region
                .then(|| {
                    STYLES
                        .iter()
                        .find(|s| s.langs.contains(&cat(&[primary, "-"]).as_str()))
                })
                .flatten()
        })
        .or_else(|| STYLES.iter().find(|s| s.langs.contains(&primary)))
}

/// The month names `lang` writes dates with (its style's, as [`long_day`] writes them: `März`
/// for `de`); `None` for a language not here or one that writes its months as numbers.
pub fn month_names(lang: &str) -> Option<&'static [&'static str; 12]> {
    style_of(lang)
        .map(|s| &s.months)
        .filter(|m| !m[0].is_empty())
}

/// Languages whose long date the browsers' engines write differently: WebKit writes Arabic with
/// Arabic-Indic digits, Chromium and Firefox with Latin ones (`tests/web.rs`, in all three).
const ENGINES_DIFFER: &[&str] = &["ar"];

/// Whether `lang` is written here as every browser's `Intl` writes it, so that a browser may
/// write it here too rather than load its own locale data for it.
pub fn writes(lang: &str) -> bool {
    style_of(lang).is_some_and(|s| !s.langs.iter().any(|l| ENGINES_DIFFER.contains(l)))
}

/// `raw` (an ISO 8601 date, or date and time) as `lang` writes it in long form; `None` when it is
/// not such a date.
///
/// ```
/// use storycard::dates::long_date;
/// assert_eq!(long_date("2025-04-02", "en").as_deref(), Some("April 2, 2025"));
/// assert_eq!(long_date("2025-04-02T23:30:00-05:00", "vi").as_deref(), Some("3 tháng 4, 2025"));
/// assert_eq!(long_date("yesterday", "en"), None);
/// ```
pub fn long_date(raw: &str, lang: &str) -> Option<String> {
    let (year, month, day) = utc_day(raw.trim())?;
    Some(long_day(year, month, day, lang))
}

/// The day `year`-`month`-`day` (a month from 1) as `lang` writes it in long form.
///
/// ```
/// assert_eq!(storycard::dates::long_day(2025, 4, 2, "ja"), "2025年4月2日");
/// ```
pub fn long_day(year: i64, month: u32, day: u32, lang: &str) -> String {
    let s = style_of(lang).unwrap_or(&STYLES[0]);
    let mut out = s.pattern.to_owned();
    for (key, value) in [
        (
            "{dd}",
            cat(&[if day < 10 { "0" } else { "" }, &decimal(day as usize)]),
        ),
        ("{d}", decimal(day as usize)),
        (
            "{m}",
            s.months[(month as usize).clamp(1, 12) - 1].to_owned(),
        ),
        ("{n}", decimal(month as usize)),
        ("{y}", decimal(year.max(0) as usize)),
    ] {
        out = out.replace(key, &value);
    }
    out
}

/// The UTC day of an ISO 8601 date (`2025-04-02`) or date and time (`2025-04-02T10:00`, with
/// seconds, a fraction, and `Z` or an offset), as browsers read it: a day past the month's end
/// rolls into the next month.
fn utc_day(raw: &str) -> Option<(i64, u32, u32)> {
    let b = raw.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let digits = b.get(from..from + len)?;
        digits.iter().all(u8::is_ascii_digit).then(|| {
            digits
                .iter()
                .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'))
        })
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut minutes = 0;
    if b.len() > 10 {
        if !matches!(b[10], b'T' | b' ') {
            return None;
        }
        let (hour, minute) = (num(11, 2)?, num(14, 2)?);
        if b.get(13) != Some(&b':') || hour > 24 || minute > 59 {
            return None;
        }
        minutes = hour * 60 + minute;
        let mut at = 16;
        if b.get(at) == Some(&b':') {
            num(at + 1, 2)?;
            at += 3;
            if b.get(at) == Some(&b'.') {
                at += 1;
                while b.get(at).is_some_and(u8::is_ascii_digit) {
                    at += 1;
                }
            }
        }
        match b.get(at) {
            None => {}
            Some(b'Z') if at + 1 == b.len() => {}
            Some(&sign @ (b'+' | b'-')) => {
                let (h, m) = match b.len() - at {
                    6 if b[at + 3] == b':' => (num(at + 1, 2)?, num(at + 4, 2)?),
                    5 => (num(at + 1, 2)?, num(at + 3, 2)?),
                    _ => return None,
                };
                let offset = h * 60 + m;
                minutes -= if sign == b'+' { offset } else { -offset };
            }
            _ => return None,
        }
    }
    let days = days_from_civil(year, month, day) + minutes.div_euclid(24 * 60);
    Some(civil_from_days(days))
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm); `day` may run past the month's end.
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The English month names, lowercase.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A publication date written out in a page's text, as an ISO 8601 date (or the date-time, when
/// the text holds one): `2016-04-08T20:30:39+00:00`, `Thursday, September 29, 2016`,
/// `Aug 14, 2020`, `14 August 2020`, `12 Jan, 2016`; and with a month's name in one of the
/// languages the card writes dates in (the same names), written out in full: `23. Juli 2017`,
/// `12. März 2022`, `5 de febrero de 2020`, `3 août 2019`.
///
/// ```
/// use storycard::dates::date_in_text;
/// assert_eq!(date_in_text("Thursday, September 29, 2016").as_deref(), Some("2016-09-29"));
/// assert_eq!(date_in_text("23. Juli 2017").as_deref(), Some("2017-07-23"));
/// assert_eq!(date_in_text("Stand: 12.\u{a0}MÄRZ 2022").as_deref(), Some("2022-03-12"));
/// assert_eq!(date_in_text("5 de febrero de 2020").as_deref(), Some("2020-02-05"));
/// assert_eq!(date_in_text("le 14 juillet 2019 à 10h").as_deref(), Some("2019-07-14"));
/// assert_eq!(date_in_text("Posted 12 Jan, 2016, 10.34PM IST").as_deref(), Some("2016-01-12"));
/// assert_eq!(date_in_text("| 2016-04-08T20:30:39+00:00").as_deref(), Some("2016-04-08T20:30:39+00:00"));
/// assert_eq!(date_in_text("Episode 32"), None);
/// ```
pub fn date_in_text(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| {
        b.get(from..from + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    // An ISO date, with its time when one follows.
    for i in 0..b.len() {
        if digits(i, 4)
            && b.get(i + 4) == Some(&b'-')
            && digits(i + 5, 2)
            && b.get(i + 7) == Some(&b'-')
            && digits(i + 8, 2)
        {
            let end = s[i..]
                .find(|c: char| {
                    !(c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | '+' | 'T' | 'Z'))
                })
                .map_or(s.len(), |e| i + e);
            return Some(s[i..end].trim_end_matches(['-', ':', '.', '+']).to_owned());
        }
    }
    // Words: a month name, a day and a year in either order ("de" between them skipped, as
    // Spanish and Portuguese write it).
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "del"))
        .collect();
    // A month is its English name or an abbreviation of three letters or more (`Sep`, `Sept`),
    // or its name in full in a language the card writes.
    let month = |w: &str| {
        let w = w.to_lowercase();
        let english = (w.len() >= 3 && w.is_ascii())
            .then(|| MONTHS.iter().position(|m| m.starts_with(w.as_str())))
            .flatten();
        // (compared a character at a time: no lowercase copy of every month of every language)
        let same = |m: &str| !m.is_empty() && m.chars().flat_map(char::to_lowercase).eq(w.chars());
        english.or_else(|| STYLES.iter().find_map(|style| style.months.iter().position(|m| same(m))))
    };
    let number =
        |w: &str, lo: u32, hi: u32| w.parse::<u32>().ok().filter(|n| (lo..=hi).contains(n));
    for (i, w) in words.iter().enumerate() {
        let Some(m) = month(w) else { continue };
        let around = |d: isize, y: isize| {
            let get = |k: isize| words.get(usize::try_from(i as isize + k).ok()?).copied();
            Some((number(get(d)?, 1, 31)?, number(get(y)?, 1900, 2100)?))
        };
        // "September 29, 2016" or "29 September 2016".
        if let Some((day, year)) = around(1, 2).or_else(|| around(-1, 1)) {
            let two = |n: u32| {
                [
                    char::from(b'0' + (n / 10) as u8),
                    char::from(b'0' + (n % 10) as u8),
                ]
            };
            let mut out = decimal(year as usize);
            out.push('-');
            out.extend(two(m as u32 + 1));
            out.push('-');
            out.extend(two(day));
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_as_browsers_do() {
        let day = |s| utc_day(s);
        assert_eq!(day("2025-04-02"), Some((2025, 4, 2)));
        assert_eq!(
            day("2025-02-30"),
            Some((2025, 3, 2)),
            "rolls over, as V8 does"
        );
        assert_eq!(day("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(day("2025-04-02T23:30:00-05:00"), Some((2025, 4, 3)));
        assert_eq!(day("2025-04-02T03:30:00+0530"), Some((2025, 4, 1)));
        assert_eq!(day("2025-12-31T23:30:00.123Z"), Some((2025, 12, 31)));
        assert_eq!(day("2025-12-31T23:30:00-01:00"), Some((2026, 1, 1)));
        assert_eq!(day("2025-04-02 10:00"), Some((2025, 4, 2)));
        for bad in [
            "0000-00-00",
            "2025-13-01",
            "2025-04-32",
            "yesterday",
            "20250402",
            "2025-04-02X",
        ] {
            assert_eq!(day(bad), None, "{bad}");
        }
    }

    #[test]
    fn picks_the_language_and_region() {
        for (lang, expected) in [
            ("en-GB", "1 January 2025"),
            ("en-US", "January 1, 2025"),
            ("en-ZA", "01 January 2025"),
            ("he-IL", "1 בינואר 2025"),
            ("ja", "2025年1月1日"),
            ("xx", "January 1, 2025"),
        ] {
            assert_eq!(
                long_date("2025-01-01", lang).as_deref(),
                Some(expected),
                "{lang}"
            );
        }
    }
}
