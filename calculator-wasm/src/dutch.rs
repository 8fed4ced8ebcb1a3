//! Dutch wording shared by the rules and the documents.

/// Joins names the Dutch way: `A`, `A en B`, `A, B en C`.
pub fn join<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} en {}",
            rest.iter()
                .map(|s| s.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
