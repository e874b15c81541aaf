//! Publication dates as the card shows them: every date read from a page becomes ISO 8601 (a day,
//! `2020-05-16`, or an instant, `2020-05-16T14:51:53Z`), or is not a date. A value the card could
//! not read is no value: the next source is tried instead.

use crate::dates::date_in_text;
use crate::text::decimal;

/// A date value as ISO 8601: ISO 8601 itself (a space for the `T`, fields of one digit, no
/// seconds, a zone `+0200`), its basic form (`20200516T145153Z`), a date written out
/// (`Mon, 07 Jan 2019 15:37:00 EST`: the day; a month's name in English or in full in a language
/// the card writes dates in, [`crate::dates::date_in_text`]) or with numbers day first
/// (`2.9.2020`), else `None`.
///
/// ```
/// use storycard::extract::date::iso;
/// assert_eq!(iso("2020-12-05T23:15:0Z").as_deref(), Some("2020-12-05T23:15:00Z"));
/// assert_eq!(iso("20200516T14:51:53Z").as_deref(), Some("2020-05-16T14:51:53Z"));
/// assert_eq!(iso("2024-04-27T07:39+0200").as_deref(), Some("2024-04-27T07:39:00+02:00"));
/// assert_eq!(iso("2024-05-03 15:47:42.389000+00:00").as_deref(), Some("2024-05-03T15:47:42.389000+00:00"));
/// assert_eq!(iso("2.9.2020 klo 12.45").as_deref(), Some("2020-09-02"));
/// assert_eq!(iso("Mon, 07 Jan 2019 15:37:00 EST").as_deref(), Some("2019-01-07"));
/// assert_eq!(iso("الأربعاء، 07 أكتوبر 2020").as_deref(), Some("2020-10-07"));
/// assert_eq!(iso("vor 3 Stunden"), None);
/// assert_eq!(iso("2020-13-45"), None);
/// ```
pub fn iso(raw: &str) -> Option<String> {
    let t = raw.trim();
    numeric(t)
        .or_else(|| date_in_text(t).and_then(|d| numeric(&d)))
        .or_else(|| day_first(t))
}

/// Two digits.
fn two(n: u32) -> String {
    let s = decimal(n as usize);
    if s.len() < 2 {
        ["0", &s].concat()
    } else {
        s
    }
}

/// A valid day: a month 1 to 12, a day 1 to 31, a year 1900 to 2100.
fn day(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| [decimal(y as usize), two(m), two(d)].join("-"))
}

/// ISO 8601 at the start of `t`, extended or basic.
fn numeric(t: &str) -> Option<String> {
    let b = t.as_bytes();
    let num = |s: &[u8]| -> Option<u32> {
        (!s.is_empty() && s.iter().all(u8::is_ascii_digit))
            .then(|| s.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    // The day: `2020-05-16` or `20200516`.
    let (date, mut i) = if b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        (
            day(num(b.get(..4)?)?, num(b.get(5..7)?)?, num(b.get(8..10)?)?)?,
            10,
        )
    } else {
        (
            day(num(b.get(..4)?)?, num(b.get(4..6)?)?, num(b.get(6..8)?)?)?,
            8,
        )
    };
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !matches!(b.get(i), Some(b'T' | b't' | b' '))
        || !b.get(i + 1).is_some_and(u8::is_ascii_digit)
    {
        return Some(date);
    }
    i += 1;
    // The time: hours, minutes, seconds of one or two digits, `:` between or not (basic form).
    let mut fields = Vec::new();
    while fields.len() < 3 {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() && i - start < 2 {
            i += 1;
        }
        if i == start {
            break;
        }
        fields.push(num(&b[start..i])?);
        if b.get(i) == Some(&b':') {
            i += 1;
        }
    }
    let fraction = if b.get(i) == Some(&b'.') {
        let start = i;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        &t[start..i]
    } else {
        ""
    };
    let (h, m, s) = match fields[..] {
        [h, m] => (h, m, 0),
        [h, m, s] => (h, m, s),
        _ => return Some(date),
    };
    if h > 23 || m > 59 || s > 60 {
        return Some(date);
    }
    // The zone: `Z`, `+02:00`, `+0200`, `+02`; none is the page's local time.
    let rest = t[i..].trim_start();
    let zone = match rest.as_bytes().first() {
        Some(b'Z' | b'z') => "Z".to_owned(),
        Some(&sign @ (b'+' | b'-')) => {
            let digits: Vec<u8> = rest
                .bytes()
                .skip(1)
                .take(5)
                .filter(u8::is_ascii_digit)
                .collect();
            let (zh, zm) = match digits.len() {
                2 => (num(&digits[..2])?, 0),
                4 => (num(&digits[..2])?, num(&digits[2..4])?),
                _ => return Some(date),
            };
            [
                if sign == b'+' { "+" } else { "-" },
                &two(zh),
                ":",
                &two(zm),
            ]
            .concat()
        }
        _ => String::new(),
    };
    Some(
        [
            date.as_str(),
            "T",
            &two(h),
            ":",
            &two(m),
            ":",
            &two(s),
            fraction,
            &zone,
        ]
        .concat(),
    )
}

/// A day written with numbers, day first: `2.9.2020`, `02.09.2020`; with slashes or dashes only
/// where the order cannot be the other (`16/05/2020`, not `05/06/2020`).
fn day_first(t: &str) -> Option<String> {
    let words: Vec<&str> = t
        .split(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '/' | '-')))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().find_map(|w| {
        let w = w.trim_end_matches('.');
        for sep in ['.', '/', '-'] {
            let parts: Vec<&str> = w.split(sep).collect();
            let [d, m, y] = parts[..] else { continue };
            if y.len() != 4 || d.is_empty() || m.is_empty() || d.len() > 2 || m.len() > 2 {
                continue;
            }
            let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
            if sep != '.' && d <= 12 {
                continue;
            }
            return day(y, m, d);
        }
        None
    })
}
