//! How the reading tests compare what the widget read with a reference: dates as instants or
//! days, text as a reader compares it, names as people.

use storycard::markup::plain;

/// Seconds since 1970 of an ISO 8601 date-time (`2017-07-14T20:28:07.000Z`, `+01:00` offsets, a
/// space for the `T`, a date alone as midnight UTC).
pub fn instant(s: &str) -> Option<i64> {
    let s = s.trim();
    let num = |a: usize, b: usize| s.get(a..b)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (h, mi, sec) = if s.len() >= 16 && matches!(s.as_bytes()[10], b'T' | b' ') {
        (num(11, 13)?, num(14, 16)?, num(17, 19).unwrap_or(0))
    } else {
        (0, 0, 0)
    };
    let tail = s.get(19..).unwrap_or("");
    let tail = tail.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match tail.as_bytes().first() {
        Some(b'+') | Some(b'-') => {
            let sign = if tail.starts_with('-') { -1 } else { 1 };
            let t = tail[1..].replace(':', "");
            sign * (t.get(0..2)?.parse::<i64>().ok()? * 3600
                + t.get(2..4).unwrap_or("0").parse::<i64>().ok()? * 60)
        }
        _ => 0,
    };
    // Days from civil (Howard Hinnant's algorithm).
    let y2 = if mo <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * (mo + if mo > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + sec - offset)
}

/// Text as a reader compares it: references decoded, tags gone, white space and case folded,
/// one kind of quote and dash, `...` as `…`. Deliberately not the dedupe key, which folds more.
pub fn norm(s: &str) -> String {
    plain(s)
        .replace("...", "…")
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect()
}
