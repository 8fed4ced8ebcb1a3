//! The penvoerder's contact details, which end up in the letters an official signs: an e-mail
//! address that looks like one and a Dutch telephone number. Both are optional; when given, a
//! broken one is an error, so that no document goes out with a contact that cannot be reached.

/// Why a text is not an e-mail address, in Dutch (after "is geen e-mailadres: ").
pub fn email_problem(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if t.chars().any(char::is_whitespace) {
        return Some("er staat een spatie in");
    }
    if t.contains([',', ';']) {
        return Some("er staat een komma of puntkomma in (één adres per veld)");
    }
    if t.contains(['<', '>', '(', ')', '[', ']', '"']) {
        return Some("er staan tekens in die niet in een e-mailadres horen, zoals `<` of `\"`");
    }
    let Some((local, domain)) = t.split_once('@') else {
        return Some("er staat geen @ in");
    };
    if domain.contains('@') {
        return Some("er staat meer dan één @ in");
    }
    if local.is_empty() {
        return Some("vóór de @ staat niets");
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Some(
            "vóór de @ staat een punt aan het begin, aan het eind of twee keer achter elkaar",
        );
    }
    if domain.is_empty() {
        return Some("na de @ staat niets");
    }
    if !domain.contains('.') {
        return Some("na de @ ontbreekt de punt van het domein (zoals gemeente.nl)");
    }
    if domain.split('.').any(|part| part.is_empty()) {
        return Some("het domein na de @ heeft een punt aan het begin, aan het eind of twee keer achter elkaar");
    }
    let valid_label = |part: &str| {
        part.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !part.starts_with('-')
            && !part.ends_with('-')
    };
    if !domain.split('.').all(valid_label) {
        return Some("het domein na de @ bevat een teken dat daar niet kan (alleen letters, cijfers, punten en streepjes)");
    }
    if domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.chars().count() < 2)
    {
        return Some("het domein eindigt niet op een geldige extensie (zoals .nl)");
    }
    None
}

/// Why a text is not a Dutch telephone number, in Dutch (after "is geen Nederlands
/// telefoonnummer: "). Accepted, with spaces, hyphens, dots, slashes and brackets between the
/// digits: a national number of 10 digits starting with 0 (`0513-617617`, `06-12345678`,
/// `088-…`), the same with `+31` or `0031` instead of the 0 (also `+31 (0)513 …`), a `0800`- or
/// `090x`-number (8 to 11 digits), and a municipality's 14-number (`14 0513`, `14 020`).
pub fn phone_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let separator = |c: char| matches!(c, ' ' | '\u{a0}' | '-' | '.' | '/' | '(' | ')');
    let plus = t.starts_with('+');
    let body = t.strip_prefix('+').unwrap_or(t);
    if let Some(c) = body.chars().find(|&c| !c.is_ascii_digit() && !separator(c)) {
        return Some(if c == '+' {
            "een + hoort alleen vooraan, vóór 31".into()
        } else if c.is_alphabetic() {
            "er staan letters in; een telefoonnummer bestaat uit cijfers".into()
        } else {
            format!("het teken `{c}` hoort niet in een telefoonnummer")
        });
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let national = if plus {
        match digits.strip_prefix("31") {
            Some(rest) => rest,
            None => return Some("na de + staat niet 31: dit is geen Nederlands nummer".into()),
        }
    } else if let Some(rest) = digits.strip_prefix("0031") {
        rest
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else if digits.starts_with("140") && matches!(digits.len(), 5 | 6) {
        return None; // 14 + the netnummer: the municipality's number
    } else if digits.starts_with("14") {
        return Some(
            "een 14-nummer is 14 met het netnummer van de gemeente, zoals 14 0513 of 14 020".into(),
        );
    } else {
        return Some(
            "een Nederlands nummer begint met 0, +31 of 0031 (of is een 14-nummer)".into(),
        );
    };
    // `+31 (0)513 …`: the 0 between brackets is left out when dialling from abroad.
    let national = if plus || digits.starts_with("0031") {
        national.strip_prefix('0').unwrap_or(national)
    } else {
        national
    };
    let count = national.len() + 1; // counted with the 0 in front, as written in the Netherlands
    let service = ["800", "900", "906", "909"]
        .iter()
        .any(|p| national.starts_with(p));
    if service {
        if !(8..=11).contains(&count) {
            return Some(format!(
                "een 0800- of 0900-nummer heeft 8 tot 11 cijfers, hier staan er {count}"
            ));
        }
    } else if count != 10 {
        return Some(format!(
            "een nummer met netnummer of een 06-nummer heeft 10 cijfers (met de 0 vooraan), hier staan er {count}"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_addresses_pass_and_broken_ones_say_why() {
        for ok in [
            "j.devries@heerenveen.nl",
            "info@gemeente-ameland.nl",
            "a.b+herverdeling@sub.gemeente.nl",
            "  h.bakker@súdwest-fryslân.nl ",
            "",
        ] {
            assert_eq!(email_problem(ok), None, "{ok}");
        }
        for (bad, why) in [
            ("j.devries heerenveen.nl", "spatie"),
            ("j.devries.heerenveen.nl", "geen @"),
            ("j@devries@heerenveen.nl", "meer dan één @"),
            ("j.devries@heerenveen", "punt van het domein"),
            ("@heerenveen.nl", "vóór de @"),
            ("j.devries@", "na de @ staat niets"),
            ("j.devries@heerenveen..nl", "twee keer"),
            ("j.devries@heerenveen.n", "extensie"),
            ("J. de Vries <j.devries@heerenveen.nl>", "spatie"),
            ("<j.devries@heerenveen.nl>", "`<`"),
            ("a@x.nl;b@x.nl", "één adres"),
            ("j.devries@heer_enveen.nl", "teken"),
        ] {
            let p = email_problem(bad).unwrap_or_else(|| panic!("{bad} passed"));
            assert!(p.contains(why), "{bad}: {p}");
        }
    }

    #[test]
    fn dutch_numbers_pass_in_the_ways_they_are_written() {
        for ok in [
            "0513-617617",
            "0513 617 617",
            "020-5551234",
            "06-12345678",
            "06 1234 5678",
            "088 1234567",
            "+31 513 617 617",
            "+31 (0)513 617617",
            "+31 6 12345678",
            "0031 20 555 1234",
            "(0513) 617617",
            "0800-1234",
            "0800 1234567",
            "0900-8844",
            "14 0513",
            "14 020",
            "140513",
            "",
        ] {
            assert_eq!(phone_problem(ok), None, "{ok}");
        }
        for (bad, why) in [
            ("0513-61761", "hier staan er 9"),
            ("0513-6176170", "hier staan er 11"),
            ("06-123456789", "10 cijfers"),
            ("+32 2 123 45 67", "geen Nederlands nummer"),
            ("513617617", "begint met 0"),
            ("bel 0513-617617", "letters"),
            ("0513-617617 of 06-12345678", "letters"),
            ("0513-617617, toestel 12", "`,`"),
            ("0800-12", "8 tot 11"),
            ("14 513", "14-nummer"),
            ("0513+617617", "een + hoort alleen vooraan"),
        ] {
            let p = phone_problem(bad).unwrap_or_else(|| panic!("{bad} passed"));
            assert!(p.contains(why), "{bad}: {p}");
        }
    }
}
