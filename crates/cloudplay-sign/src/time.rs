//! UTC calendar arithmetic for unix seconds. The core never reads a clock: callers pass time in.

use alloc::string::String;

use crate::error::{Error, ErrorKind, Result};

/// 9999-12-31T23:59:59Z: the last second a four-digit-year ISO 8601 date can name.
pub const MAX_TIMESTAMP: i64 = 253_402_300_799;

/// A UTC civil date and time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcDateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl UtcDateTime {
    /// Splits unix seconds into a UTC date and time. Rejects instants before 1970 or after 9999.
    pub fn from_unix(ts: i64) -> Result<Self> {
        check_range(ts)?;
        let days = ts.div_euclid(86_400);
        let secs = ts.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Ok(UtcDateTime { year, month, day, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60 })
    }

    /// `YYYY-MM-DD`, the form in a TC3 credential scope.
    pub fn date(&self) -> String {
        let mut s = String::with_capacity(10);
        // The range check keeps the year within 1970..=9999: four digits.
        for (n, width, then) in [(self.year as u32, 4, "-"), (self.month, 2, "-"), (self.day, 2, "")] {
            push_padded(&mut s, n, width);
            s.push_str(then);
        }
        s
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, the form Alibaba sends as `Timestamp` / `x-acs-date`.
    pub fn iso8601(&self) -> String {
        let mut s = self.date();
        for (sep, n) in [('T', self.hour), (':', self.minute), (':', self.second)] {
            s.push(sep);
            push_padded(&mut s, n, 2);
        }
        s.push('Z');
        s
    }

    /// Parses exactly `YYYY-MM-DDThh:mm:ssZ` back to unix seconds.
    pub fn parse_iso8601(s: &str) -> Option<i64> {
        let b = s.as_bytes();
        if b.len() != 20
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'Z'
        {
            return None;
        }
        let num = |r: core::ops::Range<usize>| -> Option<i64> {
            let mut v = 0i64;
            for &c in &b[r] {
                if !c.is_ascii_digit() {
                    return None;
                }
                v = v * 10 + i64::from(c - b'0');
            }
            Some(v)
        };
        let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo as u32) as i64 || h > 23 || mi > 59 || se > 59 {
            return None;
        }
        Some(days_from_civil(y, mo as u32, d as u32) * 86_400 + h * 3600 + mi * 60 + se)
    }
}

/// `n` in decimal, zero-padded to `width` digits: every signature writes a date, and the
/// formatting machinery's padding is code the signing-only module need not carry.
fn push_padded(s: &mut String, n: u32, width: u32) {
    let mut unit = 10u32.pow(width.saturating_sub(1));
    while n / unit >= 10 {
        unit *= 10;
    }
    while unit > 0 {
        s.push(char::from(b'0' + (n / unit % 10) as u8));
        unit /= 10;
    }
}

pub fn check_range(ts: i64) -> Result<()> {
    if (0..=MAX_TIMESTAMP).contains(&ts) {
        return Ok(());
    }
    let e = out_of_range(&ts);
    if looks_like_milliseconds(ts) {
        return Err(Error::at(e.kind, "timestamp", alloc::format!("{}: {MILLISECONDS}", e.message)));
    }
    Err(e)
}

/// A whole timestamp outside [`check_range`]'s range, however large.
pub fn out_of_range(ts: &dyn core::fmt::Display) -> Error {
    let message = alloc::format!("{ts} is outside 0..={MAX_TIMESTAMP} (1970-01-01 to 9999-12-31 UTC)");
    Error::at(ErrorKind::TimestampOutOfRange, "timestamp", message)
}

/// What a timestamp must be, told to one that is not a whole number of 64 bits.
pub const WHOLE_SECONDS: &str = "must be whole unix seconds from 0 to 253402300799 (1970-01-01 to 9999-12-31 UTC)";

/// Whether a time given as unix seconds is more likely milliseconds (from 2001-09-09 on):
/// `Date.now()` is the usual slip.
pub fn looks_like_milliseconds(ts: i64) -> bool {
    (1_000_000_000_000..=MAX_TIMESTAMP * 1000).contains(&ts)
}

/// What to tell a caller whose seconds [`look like milliseconds`](looks_like_milliseconds).
pub const MILLISECONDS: &str = "it looks like milliseconds; give unix seconds, e.g. Math.floor(Date.now() / 1000)";

/// Whether text where unix seconds belong is a date and time (`2026-12-02T17:25:48.000Z`):
/// a JS Date crosses into the module as that text.
pub fn looks_like_date(text: &[u8]) -> bool {
    text.len() > 10
        && text[..4].iter().all(u8::is_ascii_digit)
        && text[4] == b'-'
        && text[7] == b'-'
        && text[10] == b'T'
}

/// What to tell a caller who gave [a date](looks_like_date) for unix seconds.
pub const DATE_GIVEN: &str =
    "is a date (a JS Date crosses as its text): give unix seconds, e.g. Math.floor(date.getTime() / 1000)";

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian calendar.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
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
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(UtcDateTime::from_unix(0).unwrap().iso8601(), "1970-01-01T00:00:00Z");
        assert_eq!(UtcDateTime::from_unix(1_551_113_065).unwrap().date(), "2019-02-25");
        assert_eq!(UtcDateTime::from_unix(951_782_400).unwrap().date(), "2000-02-29");
        assert_eq!(UtcDateTime::from_unix(MAX_TIMESTAMP).unwrap().iso8601(), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn out_of_range_is_an_error() {
        assert_eq!(UtcDateTime::from_unix(-1).unwrap_err().kind, ErrorKind::TimestampOutOfRange);
        assert_eq!(UtcDateTime::from_unix(MAX_TIMESTAMP + 1).unwrap_err().kind, ErrorKind::TimestampOutOfRange);
    }

    #[test]
    fn milliseconds_are_named_as_such() {
        let ms = check_range(1_796_103_046_607).unwrap_err();
        assert!(ms.message.contains("looks like milliseconds"), "{}", ms.message);
        for other in [-1, MAX_TIMESTAMP + 1, i64::MAX] {
            let e = check_range(other).unwrap_err();
            assert!(!e.message.contains("milliseconds"), "{other}: {}", e.message);
        }
    }

    #[test]
    fn iso_round_trip_every_day_boundary() {
        let mut ts = 0;
        while ts < MAX_TIMESTAMP {
            let s = UtcDateTime::from_unix(ts).unwrap().iso8601();
            assert_eq!(UtcDateTime::parse_iso8601(&s), Some(ts), "{s}");
            ts += 86_400 * 37 + 3_599;
        }
        assert_eq!(UtcDateTime::parse_iso8601("2019-02-29T00:00:00Z"), None);
        assert_eq!(UtcDateTime::parse_iso8601("2019-02-28 00:00:00Z"), None);
    }
}
