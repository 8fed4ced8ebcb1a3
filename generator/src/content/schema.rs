//! The fields of every content file, described once: `check` takes the names and the required
//! ones from here, and the CMS (`crate::cms::config`) makes its forms from the same description,
//! with the Dutch labels and hints editors read there. A field added here appears in both.

/// What kind of value a field holds, which decides the CMS widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// A few lines of plain text.
    LongText,
    /// Markdown text.
    Markdown,
    /// A date written `YYYY-MM-DD`.
    Date,
    /// A whole number.
    Integer,
    /// `true` or `false`.
    Bool,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// Lowercase letters, digits and single hyphens (a folder or file name).
    Slug,
    /// Old addresses of a practice (`/praktijken/<categorie>/<id>/`), which redirect to it.
    Aliases,
    /// One of these words.
    Choice(&'static [&'static str]),
    /// A list of tags; the CMS names the tags already in use.
    Tags,
    /// A list of practice ids; the CMS offers the existing practices.
    Related,
    /// A list of blocks, each with these fields.
    Blocks(&'static [Field]),
    /// One block with these fields.
    Block(&'static [Field]),
    /// A list of groups of words (the synonyms).
    WordGroups,
}

/// One field of a content file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub required: bool,
    pub kind: Kind,
    /// Dutch label in the CMS form.
    pub label: &'static str,
    /// Dutch hint under the field in the CMS form.
    pub hint: &'static str,
}

const fn field(
    name: &'static str,
    required: bool,
    kind: Kind,
    label: &'static str,
    hint: &'static str,
) -> Field {
    Field {
        name,
        required,
        kind,
        label,
        hint,
    }
}

/// The front matter of a practice, in the order the README documents them. The text below the
/// front matter is the body (not a field).
pub const PRACTICE: &[Field] = &[
    field(
        "title",
        true,
        Kind::Text,
        "Titel",
        "Korte titel van de praktijk, zoals hij boven de pagina staat.",
    ),
    field(
        "added",
        true,
        Kind::Date,
        "Toegevoegd op",
        "De datum waarop de praktijk is toegevoegd.",
    ),
    field(
        "updated",
        false,
        Kind::Date,
        "Bijgewerkt op",
        "De datum van de laatste inhoudelijke wijziging; leeg laten als er niets is gewijzigd.",
    ),
    field(
        "order",
        false,
        Kind::Integer,
        "Volgorde",
        "Een heel getal; lagere getallen staan eerder in de categorie. Leeg laten mag.",
    ),
    field(
        "summary",
        false,
        Kind::LongText,
        "Samenvatting",
        "Een of twee zinnen voor de lijsten en de zoekresultaten.",
    ),
    field(
        "tags",
        false,
        Kind::Tags,
        "Tags",
        "Trefwoorden, gescheiden door komma's.",
    ),
    field(
        "links",
        false,
        Kind::Blocks(LINK),
        "Links",
        "Verwijzingen naar andere websites.",
    ),
    field(
        "related",
        false,
        Kind::Related,
        "Gerelateerde praktijken",
        "Kies praktijken die bij deze praktijk horen.",
    ),
    field(
        "contact",
        false,
        Kind::Block(CONTACT),
        "Contactpersoon",
        "Wie lezers kunnen benaderen over deze praktijk.",
    ),
    field(
        "aliases",
        false,
        Kind::Aliases,
        "Oude adressen",
        "Adressen waar deze praktijk eerder stond, zoals /praktijken/algemeen/oude-naam/; ze sturen door naar deze pagina. `kennisbank mv` vult dit zelf in.",
    ),
];

pub const LINK: &[Field] = &[
    field(
        "url",
        true,
        Kind::Url,
        "Adres",
        "Het volledige adres, beginnend met https://",
    ),
    field(
        "label",
        true,
        Kind::Text,
        "Omschrijving",
        "Waar de link naartoe gaat.",
    ),
];

pub const CONTACT: &[Field] = &[
    field("name", false, Kind::Text, "Naam", ""),
    field("role", false, Kind::Text, "Functie en organisatie", ""),
    field(
        "email",
        false,
        Kind::Email,
        "E-mailadres",
        "Zoals naam@gemeente.nl",
    ),
    field("phone", false, Kind::Text, "Telefoonnummer", ""),
];

/// `content/site.yaml`.
pub const SITE: &[Field] = &[
    field("title", true, Kind::Text, "Titel van de site", ""),
    field("publisher", false, Kind::Text, "Uitgever", ""),
    field(
        "description",
        false,
        Kind::LongText,
        "Beschrijving",
        "Voor zoekmachines en de kop van de site.",
    ),
    field(
        "intro",
        true,
        Kind::Markdown,
        "Inleiding",
        "De tekst op de voorpagina.",
    ),
    field(
        "categories",
        true,
        Kind::Blocks(CATEGORY),
        "Categorieën",
        "Elke categorie heeft een map in content/praktijken/ met dezelfde naam als de slug.",
    ),
    field(
        "new_days",
        false,
        Kind::Integer,
        "Dagen 'Nieuw'",
        "Zo veel dagen na toevoegen of bijwerken staat 'Nieuw' bij een praktijk (standaard 60).",
    ),
    field(
        "reference_date",
        false,
        Kind::Date,
        "Peildatum",
        "Leeg laten: dan telt de nieuwste datum in de inhoud.",
    ),
    field(
        "allow_raw_html",
        false,
        Kind::Bool,
        "HTML in teksten toestaan",
        "",
    ),
    field(
        "theme",
        false,
        Kind::Text,
        "Thema",
        "De naam van een map in themes/ (standaard: default).",
    ),
    field(
        "url",
        false,
        Kind::Url,
        "Adres van de site",
        "Zoals https://www.voorbeeld.nl/kennisbank/",
    ),
    field(
        "contact",
        false,
        Kind::Block(SITE_CONTACT),
        "Contact",
        "Hoe lezers de uitgever bereiken.",
    ),
    field(
        "cms",
        false,
        Kind::Block(CMS),
        "Beheeromgeving",
        "Waar de gepubliceerde beheeromgeving (/admin/) wijzigingen opslaat; zie docs/cms.md.",
    ),
];

pub const CMS: &[Field] = &[
    field(
        "backend",
        true,
        Kind::Choice(&["github", "gitlab"]),
        "Git-dienst",
        "",
    ),
    field(
        "repo",
        true,
        Kind::Text,
        "Repository",
        "Zoals organisatie/kennisbank",
    ),
    field("branch", false, Kind::Text, "Branch", "Standaard main"),
    field(
        "app_id",
        false,
        Kind::Text,
        "GitLab-applicatie-id",
        "Alleen GitLab: het id van de OAuth-applicatie (inloggen zonder eigen server).",
    ),
    field(
        "base_url",
        false,
        Kind::Url,
        "Inlogdienst (GitHub)",
        "Alleen GitHub: het adres van de OAuth-dienst waarmee redacteuren inloggen.",
    ),
];

pub const CATEGORY: &[Field] = &[
    field(
        "slug",
        true,
        Kind::Slug,
        "Slug (mapnaam)",
        "Kleine letters, cijfers en streepjes.",
    ),
    field("title", true, Kind::Text, "Titel", ""),
    field("description", false, Kind::LongText, "Beschrijving", ""),
    field("order", false, Kind::Integer, "Volgorde", ""),
];

pub const SITE_CONTACT: &[Field] = &[
    field("email", false, Kind::Email, "E-mailadres", ""),
    field("url", false, Kind::Url, "Contactpagina", ""),
];

/// `content/stappenplan.yaml`.
pub const STAPPENPLAN: &[Field] = &[
    field("title", true, Kind::Text, "Titel", ""),
    field("intro", false, Kind::Markdown, "Inleiding", ""),
    field("steps", true, Kind::Blocks(STEP), "Stappen", ""),
    field(
        "uitgangspunten",
        true,
        Kind::Blocks(UITGANGSPUNT),
        "Uitgangspunten",
        "",
    ),
    field(
        "footnotes",
        false,
        Kind::Blocks(FOOTNOTE),
        "Voetnoten",
        "Verwijs in een tekst naar een voetnoot met [^id].",
    ),
];

pub const STEP: &[Field] = &[
    field("title", true, Kind::Text, "Titel", ""),
    field("actor", true, Kind::Text, "Wie", "Wie deze stap zet."),
    field("text", true, Kind::Markdown, "Tekst", ""),
    field("deadline", false, Kind::Text, "Termijn", ""),
];

pub const UITGANGSPUNT: &[Field] = &[
    field("title", true, Kind::Text, "Titel", ""),
    field("text", true, Kind::Markdown, "Tekst", ""),
];

pub const FOOTNOTE: &[Field] = &[
    field("id", true, Kind::Text, "Id", "Het woord na [^ in de tekst."),
    field("text", true, Kind::Markdown, "Tekst", ""),
];

/// `content/synoniemen.yaml`.
pub const SYNONYMS: &[Field] = &[field(
    "synoniemen",
    true,
    Kind::WordGroups,
    "Synoniemen",
    "Elke groep bevat woorden die de zoekfunctie als hetzelfde behandelt, gescheiden door komma's.",
)];

/// The names of `fields`, in order.
pub fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// The names of the required `fields`.
pub fn required(fields: &[Field]) -> Vec<&'static str> {
    fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_dutch_label_and_a_unique_name() {
        for fields in [
            PRACTICE,
            LINK,
            CONTACT,
            SITE,
            CATEGORY,
            SITE_CONTACT,
            CMS,
            STAPPENPLAN,
            STEP,
            UITGANGSPUNT,
            FOOTNOTE,
            SYNONYMS,
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for f in fields {
                assert!(!f.label.is_empty(), "{} has no label", f.name);
                assert!(seen.insert(f.name), "{} twice", f.name);
            }
        }
    }
}
