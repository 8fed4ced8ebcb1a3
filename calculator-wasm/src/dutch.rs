//! Dutch wording shared by the rules and the documents.

/// Joins names the Dutch way: `A`, `A en B`, `A, B en C`.
pub fn join<S: AsRef<str>>(items: &[S]) -> String {
    join_with(items, "en")
}

/// Names to choose from: `A`, `A of B`, `A, B of C`.
pub fn join_or<S: AsRef<str>>(items: &[S]) -> String {
    join_with(items, "of")
}

fn join_with<S: AsRef<str>>(items: &[S], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} {word} {}",
            rest.iter()
                .map(|s| s.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// A whole number the Dutch way, with a point between thousands: `1.600`, `-12.000`, `290`.
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    // The first group holds what is left over by the groups of three (ASCII digits only).
    let first = match digits.len() % 3 {
        0 => 3,
        rest => rest,
    };
    out.push_str(&digits[..first]);
    let mut at = first;
    while at < digits.len() {
        out.push('.');
        out.push_str(&digits[at..at + 3]);
        at += 3;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_a_point_between_thousands() {
        assert_eq!(number(0), "0");
        assert_eq!(number(290), "290");
        assert_eq!(number(1600), "1.600");
        assert_eq!(number(-12000), "-12.000");
        assert_eq!(number(1234567), "1.234.567");
        assert_eq!(number(i64::MIN), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn joins_with_commas_and_en() {
        assert_eq!(join::<&str>(&[]), "");
        assert_eq!(join(&["Ameland"]), "Ameland");
        assert_eq!(join(&["Ameland", "Heerenveen"]), "Ameland en Heerenveen");
        assert_eq!(
            join(&["Ameland", "Heerenveen", "Smallingerland"]),
            "Ameland, Heerenveen en Smallingerland"
        );
    }
}
