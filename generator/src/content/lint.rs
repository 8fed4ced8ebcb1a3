//! Warnings for mistakes that parse but do not do what the editor meant: a link that stays
//! text, a `#` that YAML swallows, `tags: a, b` that makes one tag, a skipped heading level, the
//! placeholder text of `kennisbank new`, two spellings of one tag. Each at its file and line,
//! in Dutch, with the corrected text.

use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::model::Practice;
use std::collections::BTreeMap;

/// The list fields of a practice, where `key: a, b` means a list.
const LIST_FIELDS: &[&str] = &["tags", "related"];

/// Warnings about one practice file. `yaml` is its front matter (starting at line 2), `body`
/// its text (starting at `body_line`).
pub fn practice(
    path: &str,
    text: &str,
    yaml: &str,
    body: &str,
    body_line: usize,
) -> Vec<Diagnostic> {
    let mut diags = front_matter(path, yaml, 2);
    diags.extend(folded_blocks(path, yaml, 2));
    diags.extend(markdown(path, body, body_line));
    diags.into_iter().map(|d| d.with_source(text)).collect()
}

/// A blank line inside a folded block (`intro: >` or `>-`) folds away: the text stays one
/// paragraph. `first_line` is the file line of the YAML's first line.
pub fn folded_blocks(path: &str, yaml: &str, first_line: usize) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let lines: Vec<&str> = yaml.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let indent = line.len() - line.trim_start().len();
        let folded = line
            .trim_end()
            .rsplit_once(':')
            .map(|(key, v)| (key.trim().trim_start_matches("- "), v.trim()))
            .filter(|(_, v)| v.starts_with('>') && v.len() <= 3);
        i += 1;
        let Some((key, indicator)) = folded else {
            continue;
        };
        let mut blank: Option<usize> = None;
        let mut text_after_blank = false;
        while i < lines.len() {
            let l = lines[i];
            if l.trim().is_empty() {
                blank.get_or_insert(i);
            } else if l.len() - l.trim_start().len() > indent {
                text_after_blank |= blank.is_some();
                if blank.is_some() && text_after_blank {
                    break;
                }
            } else {
                break;
            }
            i += 1;
        }
        if let (Some(b), true) = (blank, text_after_blank) {
            diags.push(
                Diagnostic::warning(
                    Code::FoldedParagraph,
                    path,
                    crate::msg!("lint-folded-paragraph", key = key, indicator = indicator),
                )
                .at(first_line + b, 0)
                .hint(crate::msg!(
                    "lint-folded-paragraph-hint",
                    key = key,
                    indicator = indicator
                )),
            );
        }
    }
    diags
}

/// `title: Buddyproject #buurt` and `tags: a, b`.
fn front_matter(path: &str, yaml: &str, first_line: usize) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let line_no = first_line + i;
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() || value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']) {
            continue;
        }
        if let Some(at) = value.find(" #") {
            let kept = value[..at].trim_end();
            let fixed = format!(
                "{key}: \"{}\"",
                value.replace('\\', "\\\\").replace('"', "\\\"")
            );
            diags.push(
                Diagnostic::warning(
                    Code::YamlComment,
                    path,
                    crate::msg!("lint-yaml-comment", key = key, kept = kept),
                )
                .at(
                    line_no,
                    key.len() + 2 + line[key.len() + 1..].find(" #").unwrap_or(0),
                )
                .hint(crate::msg!("lint-yaml-comment-hint", fixed = fixed)),
            );
        }
        if LIST_FIELDS.contains(&key) && value.contains(',') {
            let items: Vec<&str> = value
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            diags.push(
                Diagnostic::warning(
                    Code::ListWithoutBrackets,
                    path,
                    crate::msg!("lint-list-without-brackets", key = key, value = value),
                )
                .at(line_no, key.len() + 3)
                .hint(crate::msg!(
                    "lint-list-without-brackets-hint",
                    key = key,
                    items = items.join(", ")
                )),
            );
        }
    }
    diags
}

/// Link syntax that stays text, addresses with spaces, skipped heading levels, the placeholder.
fn markdown(path: &str, body: &str, first_line: usize) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut fence: Option<&str> = None;
    let mut last_heading: Option<usize> = None;
    // The paragraph the line before ends, if any (a `---` under it would underline it).
    let mut paragraph: Option<String> = None;
    for (i, line) in body.lines().enumerate() {
        let line_no = first_line + i;
        let trimmed = line.trim_start();
        let above = paragraph.take();
        if fence.is_none() && !line.starts_with("    ") && !line.starts_with('\t') {
            if let (Some(text), Some(underline)) = (&above, underline(trimmed)) {
                let text = shorten(text, 60);
                diags.push(
                    Diagnostic::warning(
                        Code::UnderlinedHeading,
                        path,
                        crate::msg!(
                            "lint-underlined-heading",
                            underline = underline,
                            text = &text
                        ),
                    )
                    .at(line_no, 1)
                    .hint(crate::msg!(
                        "lint-underlined-heading-hint",
                        underline = underline,
                        text = &text
                    )),
                );
                continue;
            }
            if is_paragraph_text(trimmed) {
                let words = trimmed.trim_end();
                paragraph = Some(match above {
                    Some(before) => format!("{before} {words}"),
                    None => words.to_string(),
                });
            }
        }
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        if line.starts_with("    ") || line.starts_with('\t') {
            continue; // indented code
        }
        if trimmed.contains(crate::new_practice::PLACEHOLDER) {
            diags.push(
                Diagnostic::warning(Code::PlaceholderText, path, crate::msg!("lint-placeholder"))
                    .at(line_no, 1)
                    .hint(crate::msg!("lint-placeholder-hint")),
            );
        }
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            // `#` and `##` both start the text's headings (the page title is the only `h1`).
            let allowed = last_heading.map_or(2, |l| l + 1);
            if hashes > allowed {
                let wanted = "#".repeat(allowed);
                diags.push(
                    Diagnostic::warning(
                        Code::HeadingLevel,
                        path,
                        match last_heading {
                            Some(l) => crate::msg!(
                                "lint-heading-skipped",
                                heading = "#".repeat(hashes),
                                previous = "#".repeat(l)
                            ),
                            None => crate::msg!(
                                "lint-heading-skipped-title",
                                heading = "#".repeat(hashes)
                            ),
                        },
                    )
                    .at(line_no, 1)
                    .hint(crate::msg!(
                        "lint-heading-skipped-hint",
                        fixed = format!("{wanted}{}", &trimmed[hashes..])
                    )),
                );
            }
            last_heading = Some(hashes.max(1));
            continue;
        }
        for (at, _) in line.match_indices("] (") {
            let target = &line[at + 3..];
            if target.starts_with("http") || target.starts_with("www.") || target.starts_with('/') {
                let fixed = format!("{}]({}", &line[..at], target);
                diags.push(
                    Diagnostic::warning(Code::LinkSyntax, path, crate::msg!("lint-link-syntax"))
                        .at(line_no, at + 2)
                        .hint(crate::msg!("lint-link-syntax-hint", fixed = fixed.trim())),
                );
            }
        }
        for (at, _) in line.match_indices("](") {
            let rest = &line[at + 2..];
            let Some(end) = rest.find(')') else { continue };
            let url = rest[..end].trim();
            // `[tekst](adres "titel")` has a space before its title.
            let url = url.split(" \"").next().unwrap_or(url);
            if url.contains(' ')
                && (url.starts_with("http") || url.starts_with('/') || url.starts_with("www."))
            {
                diags.push(
                    Diagnostic::warning(
                        Code::UrlSpace,
                        path,
                        crate::msg!("lint-url-space", url = url),
                    )
                    .at(line_no, at + 3)
                    .hint(crate::msg!(
                        "lint-url-space-hint",
                        fixed = url.replace(' ', "%20")
                    )),
                );
            }
        }
    }
    diags
}

/// A setext heading's underline: a line of only `-` or only `=` (two or more, spaces after), which
/// under a line of text makes it a heading.
fn underline(trimmed: &str) -> Option<&str> {
    let t = trimmed.trim_end();
    let first = t.chars().next()?;
    (t.len() >= 2 && (first == '-' || first == '=') && t.chars().all(|c| c == first)).then_some(t)
}

/// `text` cut to at most `max` characters, with `…` where it was cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_string(),
    }
}

/// A line of a paragraph's text (not a heading, list item, quote, table row, fence or HTML). (not a heading, list item, quote, table row, fence or HTML).
fn is_paragraph_text(trimmed: &str) -> bool {
    let list_number = trimmed.split_once(['.', ')']).is_some_and(|(n, rest)| {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
    });
    !trimmed.is_empty()
        && !trimmed.starts_with(['#', '>', '|', '<', '-', '*', '+', '`', '~', '='])
        && !list_number
}

/// An old address (`aliases:`) that is the address of a practice, or of another practice's
/// alias, would serve two pages at one address.
pub fn alias_clashes(practices: &[Practice]) -> Vec<Diagnostic> {
    let mut owner: BTreeMap<String, &str> = practices
        .iter()
        .map(|p| (crate::routes::Route::practice(p).url(""), p.path.as_str()))
        .collect();
    let mut diags = Vec::new();
    for p in practices {
        for (a, &line) in p.aliases.iter().zip(&p.alias_lines) {
            if let Some(other) = owner.get(a.as_str()) {
                diags.push(
                    Diagnostic::error(
                        Code::AliasClash,
                        p.path.clone(),
                        crate::msg!("alias-clash", alias = format!("/{a}"), other = *other),
                    )
                    .at(line, 0)
                    .hint(crate::msg!("alias-clash-hint")),
                );
            } else {
                owner.insert(a.clone(), &p.path);
            }
        }
    }
    diags
}

/// Tags that differ only by case or by a Dutch plural ending (`woningcorporatie`,
/// `Woningcorporaties`; `-s`, `-en`, `-'s`) make separate tag pages: warn at the second spelling,
/// at its line. Other endings are other words (`bekendmaking`, `bekendmaken`).
pub fn tag_variants(practices: &[Practice]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<String, (&str, &str)> = BTreeMap::new();
    let mut diags = Vec::new();
    for p in practices {
        for (i, t) in p.tags.iter().enumerate() {
            let folded = search::normalize::fold(t);
            let found = plural_forms(&folded).find_map(|k| first.get(&k).copied());
            match found {
                Some((other, where_)) if other != t.as_str() => {
                    // Spellings with the same tag page are reported by `tag-spelling`.
                    if crate::text::slugify(other) == crate::text::slugify(t) {
                        continue;
                    }
                    diags.push(
                        Diagnostic::warning(
                            Code::TagVariant,
                            p.path.clone(),
                            crate::msg!(
                                "tag-variant",
                                tag = t.as_str(),
                                other = other,
                                path = where_
                            ),
                        )
                        .at(p.tag_lines.get(i).copied().unwrap_or(0), 0)
                        .hint(crate::msg!("tag-variant-hint", other = other)),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(folded, (t, &p.path));
                }
            }
        }
    }
    diags
}

/// Dutch plural endings that make a tag a variant of another.
const PLURAL_ENDINGS: &[&str] = &["'s", "’s", "en", "s"];

/// `folded` itself, its singular for each plural ending it has, and its plural for each ending.
fn plural_forms(folded: &str) -> impl Iterator<Item = String> + '_ {
    let singulars = PLURAL_ENDINGS
        .iter()
        .filter_map(move |e| folded.strip_suffix(e))
        .filter(|s| s.chars().count() >= 3)
        .map(str::to_string);
    let plurals = PLURAL_ENDINGS.iter().map(move |e| format!("{folded}{e}"));
    std::iter::once(folded.to_string())
        .chain(singulars)
        .chain(plurals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(text: &str) -> Vec<Diagnostic> {
        let parts = super::super::frontmatter::split(text).unwrap();
        practice(
            "content/praktijken/algemeen/x.md",
            text,
            parts.yaml,
            parts.body,
            parts.body_line,
        )
    }

    #[test]
    fn a_hash_in_a_plain_title_is_a_warning_with_the_quoted_line() {
        let d = warnings("---\ntitle: Buddyproject #buurt\nadded: 2026-01-02\n---\nTekst.\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("yaml-comment", 2));
        assert!(
            d[0].text().contains("de waarde is `Buddyproject`"),
            "{}",
            d[0].message
        );
        assert_eq!(
            d[0].hint_text().as_deref(),
            Some("zet de waarde tussen aanhalingstekens: `title: \"Buddyproject #buurt\"`")
        );
        assert!(warnings("---\ntitle: \"Buddyproject #buurt\"\n---\nTekst.\n").is_empty());
    }

    #[test]
    fn tags_without_brackets_are_a_warning_with_the_list() {
        let d = warnings("---\ntitle: T\ntags: buddy, buurt\n---\nTekst.\n");
        assert_eq!((d[0].code, d[0].line), ("list-without-brackets", 3));
        assert!(d[0].text().contains("het wordt één tag"));
        assert_eq!(
            d[0].hint_text().as_deref(),
            Some("zet de lijst tussen blokhaken: `tags: [buddy, buurt]`")
        );
    }

    #[test]
    fn link_syntax_that_stays_text_is_a_warning_at_its_line() {
        let d = warnings("---\ntitle: T\n---\nZie [de handreiking] (https://www.vng.nl/x) voor meer.\n\nEn [dit](https://www.vng.nl/a b).\n");
        assert_eq!((d[0].code, d[0].line), ("link-syntax", 4));
        assert_eq!(
            d[0].hint_text().as_deref(),
            Some("haal de spatie weg: `Zie [de handreiking](https://www.vng.nl/x) voor meer.`")
        );
        assert_eq!((d[1].code, d[1].line), ("url-space", 6));
        assert!(d[1]
            .hint_text()
            .as_deref()
            .unwrap()
            .contains("https://www.vng.nl/a%20b"));
        // Code is left alone, and a link title is not a space in the address.
        assert!(warnings(
            "---\ntitle: T\n---\n```\n[a] (https://x.nl)\n```\n[a](https://x.nl \"titel\")\n"
        )
        .is_empty());
    }

    #[test]
    fn a_dividing_line_right_under_text_is_a_warning_that_it_makes_a_heading() {
        let d = warnings("---\ntitle: T\n---\nEerste alinea.\n---\nMeer tekst.\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("underlined-heading", 5));
        assert!(d[0].text().contains("‘Eerste alinea.’"), "{}", d[0].text());
        let hint = d[0].hint_text().unwrap();
        assert!(hint.contains("`## Eerste alinea.`"), "{hint}");
        assert!(hint.contains("lege regel"), "{hint}");
        // A paragraph of two lines becomes one heading.
        let d = warnings("---\ntitle: T\n---\nRegel een\nregel twee\n===\n");
        assert_eq!((d[0].code, d[0].line), ("underlined-heading", 6));
        assert!(
            d[0].text().contains("‘Regel een regel twee’"),
            "{}",
            d[0].text()
        );
    }

    #[test]
    fn a_dividing_line_with_a_blank_line_above_or_under_a_list_is_no_warning() {
        for body in [
            "Tekst.\n\n---\n\nMeer.\n",
            "- punt\n---\n",
            "## Kop\n---\n",
            "| a | b |\n|---|---|\n",
            "```\ncode\n---\n```\n",
            "    ingesprongen\n    ---\n",
            "1. stap\n---\n",
        ] {
            let d = warnings(&format!("---\ntitle: T\n---\n{body}"));
            assert!(
                d.iter().all(|d| d.code != "underlined-heading"),
                "{body:?}: {d:?}"
            );
        }
    }

    #[test]
    fn a_skipped_heading_level_is_a_warning() {
        let d = warnings("---\ntitle: T\n---\n## Aanpak\n\n#### Details\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("heading-level", 6));
        assert!(d[0].text().contains("`####` volgt op `##`"));
        assert!(d[0]
            .hint_text()
            .as_deref()
            .unwrap()
            .starts_with("schrijf `### Details`"));
        assert_eq!(
            warnings("---\ntitle: T\n---\n### Eerst\n")[0].code,
            "heading-level"
        );
        assert!(warnings("---\ntitle: T\n---\n## A\n### B\n## C\n").is_empty());
    }

    #[test]
    fn the_placeholder_of_new_is_a_warning() {
        let text = format!("---\ntitle: T\n---\n{}\n", crate::new_practice::PLACEHOLDER);
        let d = warnings(&text);
        assert_eq!((d[0].code, d[0].line), ("placeholder-text", 4));
    }

    fn tagged(id: &str, tags: &[&str]) -> Practice {
        let list: String = tags.iter().map(|t| format!("  - {t}\n")).collect();
        let text = format!("---\ntitle: T\nadded: 2026-01-02\ntags:\n{list}---\nTekst.\n");
        let path = format!("content/praktijken/algemeen/{id}.md");
        crate::content::practice::parse(&path, "algemeen", id, &text)
            .0
            .unwrap()
    }

    #[test]
    fn a_plural_of_a_tag_is_a_warning_at_its_line() {
        let a = tagged("a", &["woningcorporatie", "buddy"]);
        let b = tagged("b", &["Buddy", "Woningcorporaties"]);
        let d = tag_variants(&[a, b]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            (d[0].path.as_str(), d[0].line),
            ("content/praktijken/algemeen/b.md", 6)
        );
        assert_eq!(d[0].text(), "de tag `Woningcorporaties` is bijna gelijk aan `woningcorporatie` in content/praktijken/algemeen/a.md: dat worden twee tagpagina's");
        // -en and -'s are plural endings too.
        let d = tag_variants(&[
            tagged("a", &["woning", "baby"]),
            tagged("b", &["woningen", "baby's"]),
        ]);
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn words_that_differ_by_more_than_a_plural_ending_are_not_variants() {
        let pairs = [
            ("bekendmaking", "bekendmaken"),
            ("huisvesting", "huisvester"),
            ("woning", "wonen"),
        ];
        for (one, other) in pairs {
            let d = tag_variants(&[tagged("a", &[one]), tagged("b", &[other])]);
            assert!(d.is_empty(), "{one} / {other}: {d:?}");
        }
    }

    #[test]
    fn a_blank_line_in_a_folded_block_is_a_warning() {
        let yaml = "title: T\nintro: >-\n  Eerste alinea.\n\n  Tweede alinea.\nnew_days: 30\n";
        let d = folded_blocks("content/site.yaml", yaml, 1);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("folded-paragraph", 4));
        assert_eq!(
            d[0].hint_text().as_deref(),
            Some("schrijf `intro: |` in plaats van `intro: >-`, dan blijven lege regels alinea's")
        );
        assert!(folded_blocks("x", "intro: |\n  a\n\n  b\n", 1).is_empty());
        assert!(folded_blocks("x", "intro: >\n  a\n  b\n\nnext: 1\n", 1).is_empty());
    }
}
