//! Taakstellingsperioden: the half years for which the taakstelling is set.
//! `2026-1` is 1 January – 30 June 2026, `2026-2` is 1 July – 31 December 2026.

use std::fmt;
use textkit::date::Date;

/// Earliest and latest year accepted. The Huisvestingswet 2014 (and its art. 29 lid 2) took effect
/// on 1 January 2015, so 2015-1 is the first period; years far ahead are typing errors, not plans.
pub const MIN_YEAR: u16 = 2015;
pub const MAX_YEAR: u16 = 2100;

/// Which half of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Half {
    First,
    Second,
}

/// A taakstellingsperiode; always a valid half year between [`MIN_YEAR`] and [`MAX_YEAR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    year: u16,
    half: Half,
}

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// Not written as `YYYY-1` or `YYYY-2`.
    Format,
    /// Written right, but before 2015-1, when the Huisvestingswet 2014 took effect.
    BeforeLaw,
    /// Written right, but after [`MAX_YEAR`].
    TooFarAhead,
}

impl Period {
    pub fn new(year: u16, half: Half) -> Result<Period, PeriodError> {
        if year < MIN_YEAR {
            Err(PeriodError::BeforeLaw)
        } else if year > MAX_YEAR {
            Err(PeriodError::TooFarAhead)
        } else {
            Ok(Period { year, half })
        }
    }

    /// Parses `2026-1` or `2026-2` (surrounding white space allowed).
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let t = text.trim();
        let (year, half) = t.split_once('-').ok_or(PeriodError::Format)?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PeriodError::Format);
        }
        let half = match half {
            "1" => Half::First,
            "2" => Half::Second,
            _ => return Err(PeriodError::Format),
        };
        let year: u16 = year.parse().map_err(|_| PeriodError::Format)?;
        Period::new(year, half)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn half(self) -> Half {
        self.half
    }

    /// First day of the period.
    pub fn start(self) -> Date {
        let month = match self.half {
            Half::First => 1,
            Half::Second => 7,
        };
        // The year is within MIN_YEAR..=MAX_YEAR, so the date always exists.
        Date::new(self.year, month, 1).unwrap_or_else(|_| unreachable!())
    }

    /// Last day of the period.
    pub fn end(self) -> Date {
        let (month, day) = match self.half {
            Half::First => (6, 30),
            Half::Second => (12, 31),
        };
        Date::new(self.year, month, day).unwrap_or_else(|_| unreachable!())
    }

    /// Index counting half years, for distances between periods.
    fn index(self) -> i64 {
        i64::from(self.year) * 2
            + match self.half {
                Half::First => 0,
                Half::Second => 1,
            }
    }

    /// How many periods from `self` up to and including `last` (1 when equal, 0 or less when `last` is earlier).
    pub fn count_through(self, last: Period) -> i64 {
        last.index() - self.index() + 1
    }

    /// The periods from `self` up to and including `last`, in order.
    pub fn through(self, last: Period) -> Vec<Period> {
        let mut out = Vec::new();
        let mut p = self;
        while p <= last {
            out.push(p);
            p = match p.half {
                Half::First => Period {
                    year: p.year,
                    half: Half::Second,
                },
                Half::Second => Period {
                    year: p.year + 1,
                    half: Half::First,
                },
            };
        }
        out
    }

    /// In words, for the letter: `eerste helft 2026 (1 januari t/m 30 juni 2026)`.
    pub fn in_words(self) -> String {
        let which = match self.half {
            Half::First => "eerste",
            Half::Second => "tweede",
        };
        format!(
            "{which} helft {} ({} t/m {})",
            self.year,
            short_dutch(self.start()),
            self.end().in_dutch()
        )
    }
}

/// `1 januari` (without the year, which the end date already carries).
fn short_dutch(d: Date) -> String {
    let full = d.in_dutch();
    match full.rsplit_once(' ') {
        Some((day_month, _)) => day_month.to_string(),
        None => full,
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = match self.half {
            Half::First => 1,
            Half::Second => 2,
        };
        write!(f, "{}-{}", self.year, n)
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_halves_with_their_dates() {
        let p = Period::parse("2026-1").unwrap();
        assert_eq!(p.start().to_string(), "2026-01-01");
        assert_eq!(p.end().to_string(), "2026-06-30");
        let q = Period::parse(" 2026-2 ").unwrap();
        assert_eq!(q.start().to_string(), "2026-07-01");
        assert_eq!(q.end().to_string(), "2026-12-31");
        assert_eq!(q.to_string(), "2026-2");
    }

    #[test]
    fn rejects_other_spellings_and_far_years() {
        for bad in [
            "2026", "2026-3", "2026-01", "26-1", "2026/1", "", "H1 2026", "2026-1x",
        ] {
            assert_eq!(Period::parse(bad), Err(PeriodError::Format), "{bad:?}");
        }
        assert_eq!(Period::parse("2014-2"), Err(PeriodError::BeforeLaw));
        assert!(Period::parse("2015-1").is_ok());
        assert_eq!(Period::parse("2101-1"), Err(PeriodError::TooFarAhead));
    }

    #[test]
    fn counts_and_lists_periods_across_a_year_end() {
        let a = Period::parse("2026-2").unwrap();
        let b = Period::parse("2027-2").unwrap();
        assert_eq!(a.count_through(a), 1);
        assert_eq!(a.count_through(b), 3);
        assert_eq!(b.count_through(a), -1);
        let names: Vec<String> = a.through(b).iter().map(|p| p.to_string()).collect();
        assert_eq!(names, ["2026-2", "2027-1", "2027-2"]);
        assert!(b.through(a).is_empty());
    }

    #[test]
    fn says_the_period_in_dutch_words() {
        assert_eq!(
            Period::parse("2026-1").unwrap().in_words(),
            "eerste helft 2026 (1 januari t/m 30 juni 2026)"
        );
        assert_eq!(
            Period::parse("2026-2").unwrap().in_words(),
            "tweede helft 2026 (1 juli t/m 31 december 2026)"
        );
    }
}
