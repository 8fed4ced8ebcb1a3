//! Calendar dates without time zones or a clock: verdicts and builds must never depend on today.

use std::fmt;

/// A valid Gregorian calendar date (years 1..=9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date in the form `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// The form is right, but the day does not exist (such as 2026-02-30).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => {
                f.write_str("expected a date written as YYYY-MM-DD, such as 2026-02-10")
            }
            DateError::NoSuchDay => f.write_str("this day does not exist in the calendar"),
        }
    }
}

pub fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return Err(DateError::NoSuchDay);
        }
        if day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (surrounding white space allowed).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        let b = t.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let num = |s: &str| -> Result<u32, DateError> {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().map_err(|_| DateError::Format)
            } else {
                Err(DateError::Format)
            }
        };
        let y = num(&t[0..4])?;
        let m = num(&t[5..7])?;
        let d = num(&t[8..10])?;
        Date::new(y as u16, m as u8, d as u8)
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 0001-01-01 (day 0), for arithmetic.
    pub fn ordinal(self) -> i64 {
        // Algorithm from Howard Hinnant's days_from_civil, shifted to year 1.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 306 // so that 0001-01-01 is 0
    }

    /// The date `n` days after the 1st of January of year 1; `None` out of range.
    pub fn from_ordinal(n: i64) -> Option<Date> {
        let z = n + 306;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        if !(1..=9999).contains(&y) {
            return None;
        }
        Date::new(y as u16, m as u8, d as u8).ok()
    }

    /// This date plus `days` (may be negative); `None` when outside years 1..=9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_ordinal(self.ordinal().checked_add(days)?)
    }

    /// The same day `months` later, clamped to the month's last day (31 January + 1 month = 28/29 February).
    pub fn add_months(self, months: u32) -> Option<Date> {
        let total = u32::from(self.month) - 1 + months;
        let year = u32::from(self.year) + total / 12;
        if year > 9999 {
            return None;
        }
        let month = (total % 12 + 1) as u8;
        let day = self.day.min(days_in_month(year as u16, month));
        Date::new(year as u16, month, day).ok()
    }

    /// The date written out in Dutch, as in a letter: `10 februari 2026`.
    pub fn in_dutch(self) -> String {
        const MONTHS: [&str; 12] = [
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
        ];
        let month = MONTHS[usize::from(self.month - 1)];
        format!("{} {} {}", self.day, month, self.year)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.ordinal() - self.ordinal()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

// Serde is optional (feature `serde`) so that textkit stays without dependencies by default;
// the calculator and the generator read and write dates in scenarios and front matter.
#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(|e| serde::de::Error::custom(format!("`{text}`: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = Date::parse("2026-02-10").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2026, 2, 10));
        assert_eq!(d.to_string(), "2026-02-10");
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert_eq!(Date::parse("2026-02-29"), Err(DateError::NoSuchDay));
        assert!(Date::parse("2024-02-29").is_ok());
        assert_eq!(Date::parse("2026-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("10-02-2026"), Err(DateError::Format));
        assert_eq!(Date::parse("2026-2-10"), Err(DateError::Format));
        assert_eq!(Date::parse("+026-02-10"), Err(DateError::Format));
    }

    #[test]
    fn ordinal_round_trips_and_counts_days() {
        for text in [
            "0001-01-01",
            "1999-12-31",
            "2000-02-29",
            "2026-07-01",
            "9999-12-31",
        ] {
            let d = Date::parse(text).unwrap();
            assert_eq!(Date::from_ordinal(d.ordinal()), Some(d), "{text}");
        }
        assert_eq!(Date::parse("0001-01-01").unwrap().ordinal(), 0);
        let a = Date::parse("2026-02-12").unwrap();
        assert_eq!(a.add_days(7).unwrap().to_string(), "2026-02-19");
        assert_eq!(a.add_days(17).unwrap().to_string(), "2026-03-01");
        assert_eq!(
            Date::parse("2024-12-31")
                .unwrap()
                .add_days(1)
                .unwrap()
                .to_string(),
            "2025-01-01"
        );
        assert_eq!(a.days_until(Date::parse("2026-02-20").unwrap()), 8);
        assert_eq!(Date::parse("9999-12-31").unwrap().add_days(1), None);
    }

    #[test]
    fn writes_dates_in_dutch_without_leading_zero() {
        assert_eq!(
            Date::parse("2026-02-10").unwrap().in_dutch(),
            "10 februari 2026"
        );
        assert_eq!(Date::parse("2026-07-01").unwrap().in_dutch(), "1 juli 2026");
        assert_eq!(
            Date::parse("2026-12-31").unwrap().in_dutch(),
            "31 december 2026"
        );
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        let d = Date::parse("2026-01-31").unwrap();
        assert_eq!(d.add_months(1).unwrap().to_string(), "2026-02-28");
        assert_eq!(
            Date::parse("2026-12-15")
                .unwrap()
                .add_months(1)
                .unwrap()
                .to_string(),
            "2027-01-15"
        );
    }
}
