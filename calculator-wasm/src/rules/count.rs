//! Reading a count of vergunninghouders: whole decimal numbers only.

/// The largest number of vergunninghouders accepted in one field. Far above any real taakstelling
/// (the largest are a few thousand a half year), low enough that sums can never overflow.
pub const MAX_COUNT: i64 = 1_000_000;

/// Why a text is not an acceptable count of vergunninghouders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    NotANumber,
    NotWhole,
    Negative(i64),
    TooLarge,
    /// Below -[`MAX_COUNT`]: not just negative but out of any range.
    TooSmall,
}

/// Reads a whole number `0..=MAX_COUNT`. Digits only (surrounding spaces allowed): `1.000` is
/// refused because a Dutch reader means a thousand and an English one means one.
pub fn parse_count(text: &str) -> Result<i64, NumberProblem> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        // More than 7 significant digits is out of range whatever they are; this also keeps the
        // parse itself from overflowing.
        let significant = digits.trim_start_matches('0');
        let out_of_range = if negative {
            NumberProblem::TooSmall
        } else {
            NumberProblem::TooLarge
        };
        if significant.len() > 7 {
            return Err(out_of_range);
        }
        let n: i64 = significant.parse().unwrap_or(0);
        if n > MAX_COUNT {
            return Err(out_of_range);
        }
        return if negative && n != 0 {
            Err(NumberProblem::Negative(-n))
        } else {
            Ok(n)
        };
    }
    if looks_decimal(digits) {
        return Err(match scientific_magnitude(digits) {
            Some(m) if m > 6 && negative => NumberProblem::TooSmall,
            Some(m) if m > 6 => NumberProblem::TooLarge,
            _ => NumberProblem::NotWhole,
        });
    }
    Err(NumberProblem::NotANumber)
}

/// The power of ten of a number written with an exponent (`1e30` → 30, `2.5E7` → 7), so that a
/// huge number is called too large rather than "not whole". `None` without a readable exponent.
pub(super) fn scientific_magnitude(t: &str) -> Option<i64> {
    let pos = t.find(['e', 'E'])?;
    let (mantissa, exponent) = (&t[..pos], &t[pos + 1..]);
    let exponent: i64 = exponent.parse().ok()?;
    let int_digits = mantissa
        .split(['.', ','])
        .next()?
        .trim_start_matches('0')
        .len() as i64;
    Some(exponent.saturating_add(int_digits.max(1) - 1))
}

/// `2.5`, `2,5`, `6.0`, `1e3`: a number, but not written as a whole number of people.
pub(super) fn looks_decimal(t: &str) -> bool {
    let mut digits = 0;
    let mut seps = 0;
    for (i, c) in t.chars().enumerate() {
        match c {
            '0'..='9' => digits += 1,
            '.' | ',' => seps += 1,
            'e' | 'E' if i > 0 => seps += 1,
            '-' | '+' if i > 0 => {}
            _ => return false,
        }
    }
    digits > 0 && seps > 0
}
