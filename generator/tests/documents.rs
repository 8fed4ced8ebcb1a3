//! The herverdeling documents as an official reads them. Their page layout in LibreOffice: each is
//! written as .odt and .docx, converted to PDF by `soffice` and read back page by page with
//! `pdftotext` (skipped with a notice where LibreOffice or poppler-utils is absent, as
//! scripts/setup.sh installs both, unless KENNISBANK_REQUIRE_SOFFICE=1); and their wording, from the
//! printable HTML.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

/// Whether `soffice` and `pdftotext` run.
fn tools_available() -> bool {
    let required = std::env::var_os("KENNISBANK_REQUIRE_SOFFICE").is_some_and(|v| v == "1");
    let runs = |tool: &str, arg: &str| {
        Command::new(tool)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let available = runs("soffice", "--version") && runs("pdftotext", "-v");
    if !available {
        assert!(
            !required,
            "soffice and pdftotext are required (KENNISBANK_REQUIRE_SOFFICE=1) but not found"
        );
        eprintln!("notice: soffice or pdftotext not found; the page layout of the documents is not checked");
    }
    available
}

/// Writes document `name` of each scenario in both formats, converts them to PDF with one
/// `soffice` run per format, and returns (file stem, format, pages as lines).
fn pages_of(
    dir: &Path,
    scenarios: &[(String, String)],
    names: &[&str],
) -> Vec<(String, &'static str, Vec<Vec<String>>)> {
    let mut out = Vec::new();
    for format in ["odt", "docx"] {
        let formats = dir.join(format);
        std::fs::create_dir_all(&formats).unwrap();
        let mut stems = Vec::new();
        for (stem, yaml) in scenarios {
            let scenario = dir.join(format!("{stem}.yaml"));
            std::fs::write(&scenario, yaml).unwrap();
            for name in names {
                let file = formats.join(format!("{stem}-{name}.{format}"));
                let root = repo_root();
                let run = kennisbank(
                    &[
                        "herverdeling",
                        "--root",
                        root.to_str().unwrap(),
                        scenario.to_str().unwrap(),
                        "--document",
                        name,
                        "--format",
                        format,
                        "--out",
                        file.to_str().unwrap(),
                    ],
                    dir,
                );
                assert_eq!(run.status.code(), Some(0), "{stem}: {}", stderr(&run));
                stems.push((format!("{stem}-{name}"), file));
            }
        }
        let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
        let convert = Command::new("soffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&formats)
            .args(stems.iter().map(|(_, f)| f))
            .output()
            .unwrap();
        assert!(convert.status.success(), "{convert:?}");
        for (stem, _) in stems {
            let pdf = formats.join(format!("{stem}.pdf"));
            let text = Command::new("pdftotext")
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            assert!(text.status.success(), "{}: {text:?}", pdf.display());
            // pdftotext ends every page with a form feed.
            let text = String::from_utf8_lossy(&text.stdout);
            let pages: Vec<Vec<String>> = text
                .strip_suffix('\u{c}')
                .unwrap_or(&text)
                .split('\u{c}')
                .map(|page| {
                    page.lines()
                        .map(|l| l.trim().to_string())
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                })
                .collect();
            if let Some(blank) = pages.iter().position(Vec::is_empty) {
                panic!("{stem}.{format}: page {} is blank\n{pages:#?}", blank + 1);
            }
            out.push((stem, format, pages));
        }
    }
    out
}

/// The signature blocks of a document as (page of its first line, page of its last line): from
/// "Met vriendelijke groet," or "Het college van burgemeester en wethouders van X," or "namens de
/// colleges …" to the line to sign ("de secretaris, …", "de burgemeester …").
fn signature_blocks(pages: &[Vec<String>]) -> Vec<(usize, usize, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (p, lines) in pages.iter().enumerate() {
        for line in lines {
            let starts = line == "Met vriendelijke groet,"
                || (line.starts_with("Het college van burgemeester en wethouders van")
                    && line.ends_with(','))
                || line.starts_with("namens de colleges van burgemeester en wethouders");
            if starts && open.is_none() {
                open = Some((p + 1, line.clone()));
            }
            if line.starts_with("de secretaris,") || line.starts_with("de burgemeester") {
                if let Some((first, text)) = open.take() {
                    blocks.push((first, p + 1, text));
                }
            }
        }
    }
    blocks
}

/// A letter from two colleges over two periods whose exception is `words` words long: each four
/// words more move the page end about half a line up through the closing of the letter, so that
/// some of these letters end a page inside a signature block unless the block is kept whole (the
/// .docx did so in LibreOffice although it marked the lines keep-with-next).
fn letter_with_exception(words: usize) -> String {
    let filler = "afgesproken met het COA en de ministeries in het bestuurlijk overleg van de regio over de huisvesting van vergunninghouders in kleine kernen en op de eilanden";
    let text: Vec<&str> = filler.split(' ').cycle().take(words).collect();
    format!(
        "periode: 2026-1\ntot_en_met: 2026-2\nuitzondering: \"Waddeneilanden {}\"\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\npenvoerder: {{ gemeente: Ameland, naam: J. de Vries, email: j.devries@ameland.nl, telefoon: 0519-555555, kenmerk: AM/2026/0142 }}\ngemeenten:\n  - {{ naam: Achtkarspelen, taakstelling: 10, nieuw: 11 }}\n  - {{ naam: Ameland, taakstelling: 11, nieuw: 10 }}\n",
        text.join(" ")
    )
}

/// Six colleges in two provinces with numbers per period and a penvoerder.
const SIX: &str = "periode: 2026-1\ntot_en_met: 2026-2\nuitzondering: Regio Zuidoost-Friesland, afgesproken met COA, J&V en BZK\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\nmelddatum: 2026-02-23\npenvoerder: { gemeente: Heerenveen, naam: J. de Vries, email: j.devries@heerenveen.nl, telefoon: 0513-617617, kenmerk: HV/2026/0142 }\ngemeenten:\n  - { naam: Ameland, perioden: { 2026-1: { taakstelling: 6, nieuw: 0 }, 2026-2: { taakstelling: 5, nieuw: 1 } } }\n  - { naam: Heerenveen, perioden: { 2026-1: { taakstelling: 40, nieuw: 46 }, 2026-2: { taakstelling: 38, nieuw: 40 } } }\n  - { naam: Smallingerland, besluitdatum: 2026-02-17, bekendmaking: 2026-02-19, publicatie: \"Gemeenteblad 2026, 305310\", perioden: { 2026-1: { taakstelling: 42, nieuw: 44 }, 2026-2: { taakstelling: 41, nieuw: 43 } } }\n  - { naam: Weststellingwerf, perioden: { 2026-1: { taakstelling: 20, nieuw: 20 }, 2026-2: { taakstelling: 19, nieuw: 17 } } }\n  - { naam: Ooststellingwerf, perioden: { 2026-1: { taakstelling: 18, nieuw: 16 }, 2026-2: { taakstelling: 18, nieuw: 17 } } }\n  - { naam: Steenwijkerland, perioden: { 2026-1: { taakstelling: 22, nieuw: 22 }, 2026-2: { taakstelling: 21, nieuw: 24 } } }\n";

#[test]
fn every_signature_block_stays_on_one_page() {
    if !tools_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut scenarios: Vec<(String, String)> = (0..=48)
        .step_by(4)
        .map(|words| {
            (
                format!("uitzondering-{words}"),
                letter_with_exception(words),
            )
        })
        .collect();
    let letters = scenarios.len();
    let docs = pages_of(dir.path(), &scenarios, &["coa"]);
    scenarios = vec![("zes".into(), SIX.into())];
    let six = pages_of(
        dir.path(),
        &scenarios,
        &["coa", "provincie", "ministerie", "besluit"],
    );
    assert_eq!(docs.len(), 2 * letters);
    for (stem, format, pages) in docs.iter().chain(&six) {
        let blocks = signature_blocks(pages);
        let want = match stem.rsplit('-').next().unwrap() {
            // One block per college; the notices are signed by every college, on the page of
            // each of the two addressees.
            "coa" if stem.starts_with("zes") => 6,
            "coa" => 2,
            "provincie" | "ministerie" => 12,
            "besluit" => 6,
            other => panic!("{other}"),
        };
        assert_eq!(
            blocks.len(),
            want,
            "{stem}.{format}: {blocks:?}\n{pages:#?}"
        );
        // Nor does a page end with a table's caption or a line that introduces what follows.
        for (p, lines) in pages.iter().enumerate().take(pages.len() - 1) {
            let last = lines.last().unwrap();
            assert!(
                !last.starts_with("Taakstelling ") && !last.ends_with(':'),
                "{stem}.{format}: page {} ends with {last:?}, parted from what it introduces",
                p + 1
            );
        }
        for (first, last, line) in &blocks {
            assert_eq!(
                first, last,
                "{stem}.{format}: the block of {line:?} starts on page {first} and ends on page {last}"
            );
        }
    }
}

#[test]
fn a_table_that_runs_over_a_page_repeats_its_header() {
    if !tools_available() {
        return;
    }
    // Sixteen colleges over two periods: the table per period has 32 rows.
    let names = [
        "Achtkarspelen",
        "Ameland",
        "Dantumadiel",
        "De Fryske Marren",
        "Harlingen",
        "Heerenveen",
        "Leeuwarden",
        "Noardeast-Fryslân",
        "Ooststellingwerf",
        "Opsterland",
        "Schiermonnikoog",
        "Smallingerland",
        "Súdwest-Fryslân",
        "Terschelling",
        "Tytsjerksteradiel",
        "Vlieland",
    ];
    let mut yaml = String::from("periode: 2026-1\ntot_en_met: 2026-2\nuitzondering: proef\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n");
    for (i, name) in names.iter().enumerate() {
        let change = if i == 0 { names.len() as i64 - 1 } else { -1 };
        let (a, b) = (10 + i as i64, 20 + i as i64);
        yaml.push_str(&format!(
            "  - {{ naam: {name}, perioden: {{ 2026-1: {{ taakstelling: {a}, nieuw: {} }}, 2026-2: {{ taakstelling: {b}, nieuw: {} }} }} }}\n",
            a + change,
            b + change
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let docs = pages_of(dir.path(), &[("zestien".into(), yaml)], &["coa"]);
    for (stem, format, pages) in &docs {
        let caption = pages
            .iter()
            .position(|lines| {
                lines
                    .iter()
                    .any(|l| l == "Taakstelling per gemeente per periode")
            })
            .unwrap_or_else(|| panic!("{stem}.{format}: no table per period\n{pages:#?}"));
        // The pages after the caption's that hold rows of the table per period.
        let row = |l: &String| {
            l.starts_with("eerste helft 2026 (1") || l.starts_with("tweede helft 2026 (1")
        };
        let continued: Vec<usize> = (caption + 1..pages.len())
            .filter(|&p| pages[p].iter().any(row))
            .collect();
        assert!(
            !continued.is_empty(),
            "{stem}.{format}: the table fits on one page, so this test shows nothing\n{pages:#?}"
        );
        for p in continued {
            for header in ["Gemeente", "Periode", "Vóór", "Na", "Verschil"] {
                assert!(
                    pages[p].iter().any(|l| l == header),
                    "{stem}.{format}: page {} continues the table without its header {header:?}\n{:#?}",
                    p + 1,
                    pages[p]
                );
            }
        }
    }
}

/// Document `name` of `yaml` as printable HTML.
fn printable_html(yaml: &str, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.yaml"), yaml).unwrap();
    let root = repo_root();
    let run = kennisbank(
        &[
            "herverdeling",
            "--root",
            root.to_str().unwrap(),
            "s.yaml",
            "--document",
            name,
            "--format",
            "html",
        ],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    stdout(&run)
}

/// The text of document `name` of `yaml` as printable HTML, without its tags.
fn html_text(yaml: &str, name: &str) -> String {
    let html = printable_html(yaml, name);
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// With numbers per period, the publication and the decision say what each period's numbers are
/// and that the totals add the periods up ("wijzigt van 11 in 1" alone read as one figure).
#[test]
fn numbers_per_period_are_published_per_period() {
    let text = html_text(SIX, "bekendmaking");
    assert!(
        text.contains("De taakstelling van Ameland wijzigt voor de eerste helft 2026 (1 januari t/m 30 juni 2026) van 6 in 0 en voor de tweede helft 2026 (1 juli t/m 31 december 2026) van 5 in 1."),
        "{text}"
    );
    assert!(
        text.contains("(290, de perioden samen) blijft in elke periode gelijk."),
        "{text}"
    );
    // The operative article states each period's change: a taakstelling is set per period, and a
    // total over the periods ("van 11 in 1") is no taakstelling (Weststellingwerf's total stays 39,
    // yet each period changes).
    let text = html_text(SIX, "besluit");
    assert!(
        text.contains("wordt per periode gewijzigd: voor de eerste helft 2026 (1 januari t/m 30 juni 2026) van 6 in 0 (-6) en voor de tweede helft 2026 (1 juli t/m 31 december 2026) van 5 in 1 (-4)."),
        "{text}"
    );
    assert!(
        text.contains("Weststellingwerf voor de taakstellingsperioden eerste helft 2026 (1 januari t/m 30 juni 2026) en tweede helft 2026 (1 juli t/m 31 december 2026) wordt per periode gewijzigd: voor de eerste helft 2026 (1 januari t/m 30 juni 2026) van 20 in 20 (0) en voor de tweede helft 2026 (1 juli t/m 31 december 2026) van 19 in 17 (-2)."),
        "{text}"
    );
    assert!(!text.contains("de perioden samen; per periode"), "{text}");
    // The notices to the supervisor and the ministries carry the numbers per period too: the
    // totals alone showed Weststellingwerf as 39 → 37 and hid a period without change.
    for name in ["provincie", "ministerie"] {
        let text = html_text(SIX, name);
        assert!(
            text.contains("Taakstelling per gemeente per periode"),
            "{name}: {text}"
        );
        assert!(
            text.contains("Weststellingwerftweede helft 2026 (1 juli t/m 31 december 2026)1917-2"),
            "{name}: {text}"
        );
    }
    // One pair of numbers for the whole agreement: worded as before.
    let one = "periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n";
    let text = html_text(one, "bekendmaking");
    assert!(
        text.contains("De taakstelling van Ameland wijzigt van 6 in 0. De som van de taakstellingen van de betrokken gemeenten (16) verandert niet."),
        "{text}"
    );
}

/// The printable HTML starts each decision (each notice, each publication) on a page of its own
/// when printed, as the .odt and .docx do: the `<hr class="pagina">` between them breaks the page
/// (before, the six decisions ran on, one into the next, with a rule between them).
#[test]
fn printed_html_starts_each_decision_on_a_new_page() {
    let html = printable_html(SIX, "besluit");
    assert_eq!(html.matches("<hr class=\"pagina\">").count(), 5, "{html}");
    assert!(
        html.contains("hr.pagina{border:0;margin:0;break-after:page}"),
        "{html}"
    );
}

/// Eight colleges in four provinces, as an official of a region would write them.
const EIGHT: &str = "periode: 2027-1\nbesluitdatum: 2027-02-10\nbekendmaking: 2027-02-12\ngemeenten:\n  - { naam: Groningen, taakstelling: 40, nieuw: 30 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 12 }\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Zeist, taakstelling: 20, nieuw: 25 }\n  - { naam: \"'s-Hertogenbosch\", taakstelling: 50, nieuw: 55 }\n  - { naam: Sudwest-Fryslan, taakstelling: 30, nieuw: 31 }\n  - { naam: Westerkwartier, taakstelling: 15, nieuw: 14 }\n  - { naam: Noardeast-Fryslân, taakstelling: 12, nieuw: 16 }\n";

/// The COA letter of eight colleges runs over several pages; the signatures follow the text as
/// far as they fit, in the .docx as in the .odt: no page but the last is left nearly blank (the
/// .docx moved all eight signature blocks to a new page whole, after a page of four lines).
#[test]
fn signatures_follow_the_letter_without_leaving_a_page_blank() {
    if !tools_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A longer text before the signatures moves the page end through them.
    let scenarios: Vec<(String, String)> = (0..=8)
        .map(|lines| {
            let publicatie = "Gemeenteblad 2027, 301122, met de toelichting van het college";
            let mut given = 0;
            let yaml: String = EIGHT
                .lines()
                .map(|line| {
                    if line.starts_with("  - {") && given < lines {
                        given += 1;
                        line.replace(
                            "taakstelling:",
                            &format!("publicatie: \"{publicatie}\", taakstelling:"),
                        ) + "\n"
                    } else {
                        format!("{line}\n")
                    }
                })
                .collect();
            (format!("acht-{lines}"), yaml)
        })
        .collect();
    let docs = pages_of(dir.path(), &scenarios, &["coa"]);
    for (stem, format, pages) in &docs {
        for (p, lines) in pages.iter().enumerate().take(pages.len() - 1) {
            assert!(
                lines.len() >= 12,
                "{stem}.{format}: page {} holds {} lines and the rest went to the next page\n{pages:#?}",
                p + 1,
                lines.len()
            );
        }
        assert_eq!(signature_blocks(pages).len(), 8, "{stem}.{format}");
    }
}

/// Each college publishes its own decision "samen met" the others, not with itself; every
/// decision tells all the provinces involved (each supervises a municipality whose taakstelling
/// changes, and learns of the whole redistribution); a longer agreement is worded in the plural;
/// the province is addressed as the supervisor it is.
#[test]
fn documents_name_the_other_colleges_every_province_and_the_periods() {
    let two = "periode: 2027-1\nbesluitdatum: 2027-02-10\nbekendmaking: 2027-02-12\ngemeenten:\n  - { naam: Groningen, taakstelling: 40, nieuw: 30 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 20 }\n";
    let text = html_text(two, "bekendmaking");
    assert!(
        text.contains("Het college van burgemeester en wethouders van Groningen maakt bekend dat het op 10 februari 2027 heeft besloten, gelet op artikel 29, tweede lid, van de Huisvestingswet 2014, samen met het college van de gemeente Heerenveen de taakstellingen huisvesting vergunninghouders voor de taakstellingsperiode eerste helft 2027"),
        "{text}"
    );
    assert!(text.contains("samen met het college van de gemeente Groningen de taakstellingen"));
    let text = html_text(SIX, "bekendmaking");
    assert!(
        text.contains("van Ameland maakt bekend dat het op 10 februari 2026 heeft besloten, gelet op artikel 29, tweede lid, van de Huisvestingswet 2014, samen met de colleges van de gemeenten Heerenveen, Smallingerland, Weststellingwerf, Ooststellingwerf en Steenwijkerland de taakstellingen huisvesting vergunninghouders voor de taakstellingsperioden eerste helft 2026"),
        "{text}"
    );
    let text = html_text(two, "besluit");
    assert_eq!(
        text.matches("Gedeputeerde Staten van Fryslân en Groningen en de betrokken ministeries")
            .count(),
        2,
        "{text}"
    );
    let text = html_text(SIX, "besluit");
    assert_eq!(
        text.matches("Gedeputeerde Staten van Fryslân en Overijssel en de betrokken ministeries")
            .count(),
        6,
        "{text}"
    );
    // In each decision's recitals and in its article 1.
    assert_eq!(
        text.matches("voor de taakstellingsperioden eerste helft 2026")
            .count(),
        12
    );
    let text = html_text(two, "provincie");
    assert_eq!(
        text.matches(
            "Wij stellen u als interbestuurlijk toezichthouder in kennis van onze besluiten"
        )
        .count(),
        2,
        "{text}"
    );
    assert!(!text.contains("Als interbestuurlijk toezichthouder stellen wij"));
    assert!(
        text.contains("Gedeputeerde Staten van Fryslân")
            && text.contains("Gedeputeerde Staten van Groningen")
    );
}

/// Printed from the browser, the documents leave room to sign as the .odt and .docx do: the line
/// to sign is marked and the page's style sets it 1.5 cm below the line before; the fields to
/// fill in (Datum, Ons kenmerk) are not marked.
#[test]
fn printed_html_leaves_room_to_sign() {
    let html = printable_html(SIX, "besluit");
    assert_eq!(
        html.matches("<p class=\"tekenregel\">de secretaris, ")
            .count(),
        6,
        "{html}"
    );
    assert!(
        html.contains("p.tekenregel{margin-top:1.5cm;margin-bottom:.5cm;break-before:avoid}"),
        "{html}"
    );
    let html = printable_html(SIX, "coa");
    assert_eq!(html.matches("class=\"tekenregel\"").count(), 6, "{html}");
    let html = printable_html(SIX, "provincie");
    assert_eq!(
        html.matches("<p class=\"tekenregel\">de secretaris, ")
            .count(),
        12,
        "{html}"
    );
    assert!(!html.contains("<dd class=\"tekenregel\""));
}

/// Three colleges, each with its own decision and publication; Heerenveen is penvoerder.
fn three_colleges() -> String {
    std::fs::read_to_string(
        repo_root().join("calculator-wasm/tests/scenarios/09-three-colleges-own-dates.yaml"),
    )
    .unwrap()
}

/// The three colleges over two periods, with the reason the user gave for the longer agreement.
fn three_colleges_longer(reason: &str) -> String {
    three_colleges().replace(
        "periode: 2026-1\n",
        &format!("periode: 2026-1\ntot_en_met: 2026-2\nuitzondering: {reason}\n"),
    )
}

/// Each college decides on its own taakstelling only, and no decision applies before all of them
/// are published: every decision and every publication comes into force on the day after the last
/// of the decisions of all the colleges, named, has been published, so that the sum holds at
/// every moment (before, each came into force the day after its own publication).
#[test]
fn every_decision_comes_into_force_after_the_last_publication_of_all_the_colleges() {
    let yaml = three_colleges();
    let rule = "treedt in werking met ingang van de dag na die waarop het laatste van de besluiten van de colleges van burgemeester en wethouders van de gemeenten Ameland, Heerenveen en Smallingerland tot deze herverdeling is bekendgemaakt.";
    let text = html_text(&yaml, "besluit");
    assert_eq!(text.matches(rule).count(), 3, "{text}");
    assert!(
        !text.contains("op de dag na die van de bekendmaking"),
        "{text}"
    );
    let text = html_text(&yaml, "bekendmaking");
    assert_eq!(text.matches(rule).count(), 3, "{text}");
    assert!(!text.contains("op de dag na deze bekendmaking"), "{text}");
}

/// The notices to the provinces and the ministries are signed by every college, as the letter to
/// COA is (a burgemeester has no mandate to sign for other municipalities' colleges); the
/// penvoerder stays the contact person; without a penvoerder no blank signer is printed.
#[test]
fn notices_are_signed_by_every_college() {
    let yaml = three_colleges();
    for (name, addressees) in [("provincie", 1), ("ministerie", 2)] {
        let text = html_text(&yaml, name);
        for college in ["Ameland", "Heerenveen", "Smallingerland"] {
            assert_eq!(
                text.matches(&format!(
                    "Het college van burgemeester en wethouders van {college}, de secretaris, "
                ))
                .count(),
                addressees,
                "{name}: {text}"
            );
        }
        assert!(!text.contains("namens de colleges"), "{name}: {text}");
        assert!(
            !text.contains("de burgemeester van Heerenveen"),
            "{name}: {text}"
        );
        assert!(
            text.contains("Voor vragen kunt u contact opnemen met J. de Vries, gemeente Heerenveen (penvoerder)"),
            "{name}: {text}"
        );
        let html = printable_html(&yaml, name);
        assert_eq!(
            html.matches("<p class=\"tekenregel\">de secretaris, ")
                .count(),
            3 * addressees,
            "{name}: {html}"
        );
    }
    let without = "periode: 2026-1\nbesluitdatum: 2026-02-10\nbekendmaking: 2026-02-12\ngemeenten:\n  - { naam: Ameland, taakstelling: 6, nieuw: 0 }\n  - { naam: Heerenveen, taakstelling: 10, nieuw: 16 }\n";
    for name in ["provincie", "ministerie"] {
        let text = html_text(without, name);
        assert!(!text.contains("de burgemeester van ……"), "{name}: {text}");
        assert!(
            text.contains(
                "Het college van burgemeester en wethouders van Heerenveen, de secretaris, "
            ),
            "{name}: {text}"
        );
    }
}

/// What the user typed as the reason for a longer agreement is shown as their explanation, with
/// the footnote's condition, in every document that mentions it: no document claims that the
/// agreement was made with COA and the ministries (before: "is als uitzondering afgestemd met het
/// COA, het Ministerie van …: Waddeneilanden").
#[test]
fn a_longer_agreement_shows_the_reason_given_without_claiming_a_consultation() {
    let yaml = three_colleges_longer("Waddeneilanden");
    let said = "Toelichting op de afspraak over meer dan één taakstellingsperiode (voetnoot 1 bij het stappenplan: in overleg met het COA en de ministeries): Waddeneilanden";
    for (name, times) in [("coa", 1), ("ministerie", 2), ("besluit", 3)] {
        let text = html_text(&yaml, name);
        assert_eq!(
            text.to_lowercase().matches(&said.to_lowercase()).count(),
            times,
            "{name}: {text}"
        );
        assert!(!text.contains("afgestemd"), "{name}: {text}");
    }
    for name in ["provincie", "bekendmaking"] {
        assert!(!html_text(&yaml, name).contains("afgestemd"), "{name}");
    }
    // One pair of numbers for both periods: the publication's sum says it holds per period.
    let text = html_text(&yaml, "bekendmaking");
    assert!(
        text.contains("De som van de taakstellingen van de betrokken gemeenten (24 per taakstellingsperiode) verandert niet."),
        "{text}"
    );
}

/// The decision's clause on objection is the publication's standard text, with no note to staff
/// inside the text to be signed; a review remark stands in the concept heading.
#[test]
fn the_decision_states_the_legal_remedy_as_its_publication_does() {
    let yaml = three_colleges();
    let text = html_text(&yaml, "besluit");
    assert!(
        text.contains("Rechtsmiddelen: belanghebbenden kunnen binnen zes weken na de dag van bekendmaking van dit besluit bezwaar maken bij het college van burgemeester en wethouders van Ameland."),
        "{text}"
    );
    assert!(!text.contains("Laat dit nakijken"), "{text}");
    assert!(!text.contains("beoordeelt de gemeente"), "{text}");
    let text = html_text(&yaml, "bekendmaking");
    assert!(
        text.contains("Belanghebbenden kunnen binnen zes weken na de dag van deze bekendmaking bezwaar maken bij het college van burgemeester en wethouders van Ameland."),
        "{text}"
    );
}

/// A college decides on its own taakstelling: the articles change only its own; what the joint
/// decisions do together (the table of all municipalities) is stated in the recitals.
#[test]
fn a_decision_changes_only_its_own_college_s_taakstelling() {
    let text = html_text(&three_colleges(), "besluit");
    assert!(
        !text.contains("De taakstellingen van alle betrokken gemeenten wijzigen daarmee"),
        "{text}"
    );
    let ameland = text.split("Aldus besloten").next().unwrap();
    let (recitals, articles) = ameland.split_once(" besluit: ").unwrap();
    assert!(
        recitals.contains("overwegende dat de besluiten van deze colleges samen de taakstellingen van de betrokken gemeenten als volgt wijzigen"),
        "{recitals}"
    );
    // The text runs the table's cells together: "Smallingerland811+3".
    assert!(
        recitals.contains("Smallingerland811+3 Totaal2424"),
        "{recitals}"
    );
    assert!(
        articles.contains("Artikel 1. De taakstelling huisvesting vergunninghouders van Ameland"),
        "{articles}"
    );
    assert!(!articles.contains("Smallingerland811"), "{articles}");
    assert!(!articles.contains("Totaal"), "{articles}");
}

/// The COA, the provinces and the ministries are told by letters of the same purport, not by one
/// and the same notice; a sum that holds in every period is said without a double negative.
#[test]
fn notices_speak_of_letters_of_the_same_purport_and_sums_plainly() {
    let yaml = three_colleges();
    let text = html_text(&yaml, "provincie");
    assert!(
        text.contains("Het COA is met een brief van gelijke strekking in kennis gesteld."),
        "{text}"
    );
    assert!(!text.contains("dezelfde melding"), "{text}");
    let text = html_text(&yaml, "ministerie");
    assert!(
        text.contains("Het COA en Gedeputeerde Staten van Fryslân zijn met een brief van gelijke strekking in kennis gesteld."),
        "{text}"
    );
    assert!(!text.contains("dezelfde melding"), "{text}");
    let text = html_text(SIX, "bekendmaking");
    assert!(
        text.contains("De som van de taakstellingen van de betrokken gemeenten (290, de perioden samen) blijft in elke periode gelijk."),
        "{text}"
    );
    for name in ["coa", "bekendmaking", "besluit", "provincie", "ministerie"] {
        assert!(!html_text(SIX, name).contains("in geen van"), "{name}");
    }
}
