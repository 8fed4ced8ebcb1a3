//! The codes of the generator's diagnostics: one registry, so that every code is written once,
//! documented (docs/diagnostics.md, checked by a test) and never made up at a call site. The
//! strings never change; editors' tools and CI scripts may match on them.

/// The stable code of a [`crate::diagnostics::Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// A file cannot be read (permissions, a broken link, a folder where a file was expected).
    UnreadableFile,
    /// A text file is not valid UTF-8; the line of the first bad byte is named.
    NotUtf8,
    /// An output file cannot be written.
    CannotWrite,
    /// A YAML file or a practice's front matter is not valid YAML.
    YamlSyntax,
    /// A YAML file does not have the expected shape (such as `field: value` lines).
    YamlShape,
    /// A field name is not known (with a "did you mean" when one is close).
    UnknownField,
    /// A required field is missing.
    MissingField,
    /// A field is there but empty.
    EmptyField,
    /// A field has a value of the wrong kind (a list where text is expected, and so on).
    InvalidValue,
    /// A date is not a valid `YYYY-MM-DD` date.
    InvalidDate,
    /// A practice's `updated` date is before its `added` date.
    DateOrder,
    /// A web address (in `links`, in a text, `url` or `contact.url`) is not valid.
    InvalidUrl,
    /// An e-mail address is not valid.
    InvalidEmail,
    /// An entry of a practice's `links` is not valid.
    InvalidLink,
    /// A link would run a script (`javascript:`).
    UnsafeLink,
    /// A practice file does not start with a `---` line.
    MissingFrontMatter,
    /// A practice's front matter has no closing `---` line.
    UnclosedFrontMatter,
    /// A practice has no text below its front matter.
    EmptyBody,
    /// A practice's file name does not make a valid id (lowercase letters, digits, hyphens).
    InvalidId,
    /// Two practices have the same id.
    DuplicateId,
    /// An entry of `related` is not written as a practice id.
    InvalidRelated,
    /// `related` names an id that no practice has.
    UnknownRelated,
    /// `related` names the practice itself.
    RelatedSelf,
    /// A tag has no letters or digits.
    InvalidTag,
    /// A tag is written in two ways in different practices.
    TagSpelling,
    /// The folder `content/praktijken/` does not exist.
    MissingFolder,
    /// A folder in `content/praktijken/` is not a category of `content/site.yaml`.
    UnknownCategory,
    /// A file lies directly in `content/praktijken/` instead of in a category folder.
    OutsideCategory,
    /// A folder lies inside a category folder (it is not read).
    NestedFolder,
    /// A file in a category folder does not end in `.md` and is ignored (a warning).
    IgnoredFile,
    /// A category in `content/site.yaml` is not valid.
    InvalidCategory,
    /// A category slug is not a valid slug.
    InvalidSlug,
    /// A category is listed twice in `content/site.yaml`.
    DuplicateCategory,
    /// `content/stappenplan.yaml` does not have the expected steps, uitgangspunten or footnotes.
    InvalidStappenplan,
    /// The stappenplan refers to a footnote that is not defined.
    UnknownFootnote,
    /// The stappenplan defines a footnote twice.
    DuplicateFootnote,
    /// A group in `content/synoniemen.yaml` is not a list of words.
    InvalidSynonyms,
    /// A word is twice in one group of synonyms, or in two groups.
    DuplicateSynonym,
    /// The municipalities list of the herverdelingscheck is not valid.
    InvalidMunicipalities,
    /// The addressees of the herverdelingscheck (`content/adressen.yaml`) are not valid.
    InvalidAddresses,
    /// The letter template of the herverdelingscheck does not work.
    LetterTemplate,
    /// The theme named in `content/site.yaml` has no templates folder.
    MissingTheme,
    /// A template of the theme has a syntax error.
    TemplateSyntax,
    /// A template extends or includes a template that does not exist.
    TemplateError,
    /// A template includes itself (directly or through others), or a macro calls itself.
    TemplateRecursion,
    /// A page cannot be rendered: a template uses a variable or filter that does not exist.
    TemplateRender,
    /// An HTML element in a template is not closed, or closed in the wrong order.
    TemplateHtml,
    /// A block in a template (`{% if %}`, `{% for %}`, …) has no end, or ends the wrong block.
    TemplateBlock,
    /// A template uses a variable (or a field) that it does not get.
    TemplateVariable,
    /// A link on a page goes to a page or file the site does not have.
    BrokenLink,
    /// A link goes to a `#anchor` that is not on the target page.
    BrokenAnchor,
    /// A link into the site does not start with the site's base, so it breaks under a sub-path.
    LinkOutsideBase,
    /// `SOURCE_DATE_EPOCH` is set but is not a number of seconds (a warning; it is ignored).
    InvalidSourceDateEpoch,
    /// A list in a file has more items than the generator accepts (such as tens of thousands of tags).
    TooManyItems,
    /// YAML nested too deeply (brackets or indentation), refused before parsing.
    YamlTooDeep,
    /// A path in content/ or themes/ is not a plain file (a FIFO, a device).
    NotAFile,
    /// A file is larger than the generator reads (2 MB).
    FileTooLarge,
    /// A symbolic link in content/ or themes/: links are never followed, read or published.
    Symlink,
    /// `theme:` in site.yaml is not the plain name of a folder in themes/.
    InvalidTheme,
    /// A blank line inside a folded `>` block: the paragraph break is lost (a warning).
    FoldedParagraph,
    /// A `#` in an unquoted value starts a comment, so the rest of the value is lost (a warning).
    YamlComment,
    /// A list written as `tags: a, b` without brackets becomes one item (a warning).
    ListWithoutBrackets,
    /// The placeholder text that `kennisbank new` writes is still in the practice (a warning).
    PlaceholderText,
    /// A heading skips a level (`##` after the title, `####` after `##`) (a warning).
    HeadingLevel,
    /// Link syntax that stays text, such as `[tekst] (https://…)` (a warning).
    LinkSyntax,
    /// A link's address holds a space, so it does not become a link (a warning).
    UrlSpace,
    /// An old address in `aliases:` is also the address of another page or alias.
    AliasClash,
    /// Two tags differ only by a Dutch plural or ending, so they make two tag pages (a warning).
    TagVariant,
    /// An entry of `aliases:` is not a site path such as `/praktijken/algemeen/oud-id/`.
    InvalidAlias,
    /// A `.md` file outside the category folders of content/praktijken/ is not published (a warning).
    StrayMarkdown,
    /// A tag is written twice in one practice (the same but for case or accents).
    DuplicateTag,
    /// Two practices of a category have the same `order` (a warning).
    OrderTaken,
    /// Two practices have the same title (a warning): readers see two equal entries.
    TitleTaken,
    /// A practice saved in the CMS has a date after today.
    FutureDate,
    /// A line of only `---` or `===` right under a line of text makes that text a heading (a
    /// warning): meant as a dividing line, it needs a blank line above it.
    UnderlinedHeading,
    /// A file in a category folder named like a practice but not `<id>.md` (`groot.MD`,
    /// `groot.markdown`, `groot.md.txt`): it would be left out of the site.
    MisnamedPractice,
    /// A field of a YAML file (a title, tag, label, …) holds a character a reader cannot see or
    /// one that changes the reading direction (an error); in a practice's text, a warning.
    HiddenCharacter,
}

impl Code {
    pub const ALL: [Code; 77] = [
        Code::UnreadableFile,
        Code::NotUtf8,
        Code::CannotWrite,
        Code::YamlSyntax,
        Code::YamlShape,
        Code::UnknownField,
        Code::MissingField,
        Code::EmptyField,
        Code::InvalidValue,
        Code::InvalidDate,
        Code::DateOrder,
        Code::InvalidUrl,
        Code::InvalidEmail,
        Code::InvalidLink,
        Code::UnsafeLink,
        Code::MissingFrontMatter,
        Code::UnclosedFrontMatter,
        Code::EmptyBody,
        Code::InvalidId,
        Code::DuplicateId,
        Code::InvalidRelated,
        Code::UnknownRelated,
        Code::RelatedSelf,
        Code::InvalidTag,
        Code::TagSpelling,
        Code::MissingFolder,
        Code::UnknownCategory,
        Code::OutsideCategory,
        Code::NestedFolder,
        Code::IgnoredFile,
        Code::InvalidCategory,
        Code::InvalidSlug,
        Code::DuplicateCategory,
        Code::InvalidStappenplan,
        Code::UnknownFootnote,
        Code::DuplicateFootnote,
        Code::InvalidSynonyms,
        Code::DuplicateSynonym,
        Code::InvalidMunicipalities,
        Code::InvalidAddresses,
        Code::LetterTemplate,
        Code::MissingTheme,
        Code::TemplateSyntax,
        Code::TemplateError,
        Code::TemplateRecursion,
        Code::TemplateRender,
        Code::TemplateHtml,
        Code::TemplateBlock,
        Code::TemplateVariable,
        Code::BrokenLink,
        Code::BrokenAnchor,
        Code::LinkOutsideBase,
        Code::InvalidSourceDateEpoch,
        Code::TooManyItems,
        Code::YamlTooDeep,
        Code::NotAFile,
        Code::FileTooLarge,
        Code::Symlink,
        Code::InvalidTheme,
        Code::FoldedParagraph,
        Code::YamlComment,
        Code::ListWithoutBrackets,
        Code::PlaceholderText,
        Code::HeadingLevel,
        Code::LinkSyntax,
        Code::UrlSpace,
        Code::AliasClash,
        Code::TagVariant,
        Code::InvalidAlias,
        Code::StrayMarkdown,
        Code::DuplicateTag,
        Code::OrderTaken,
        Code::TitleTaken,
        Code::FutureDate,
        Code::UnderlinedHeading,
        Code::MisnamedPractice,
        Code::HiddenCharacter,
    ];

    /// The code as diagnostics print it, such as `unknown-field`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnreadableFile => "unreadable-file",
            Code::NotUtf8 => "not-utf8",
            Code::CannotWrite => "cannot-write",
            Code::YamlSyntax => "yaml-syntax",
            Code::YamlShape => "yaml-shape",
            Code::UnknownField => "unknown-field",
            Code::MissingField => "missing-field",
            Code::EmptyField => "empty-field",
            Code::InvalidValue => "invalid-value",
            Code::InvalidDate => "invalid-date",
            Code::DateOrder => "date-order",
            Code::InvalidUrl => "invalid-url",
            Code::InvalidEmail => "invalid-email",
            Code::InvalidLink => "invalid-link",
            Code::UnsafeLink => "unsafe-link",
            Code::MissingFrontMatter => "missing-front-matter",
            Code::UnclosedFrontMatter => "unclosed-front-matter",
            Code::EmptyBody => "empty-body",
            Code::InvalidId => "invalid-id",
            Code::DuplicateId => "duplicate-id",
            Code::InvalidRelated => "invalid-related",
            Code::UnknownRelated => "unknown-related",
            Code::RelatedSelf => "related-self",
            Code::InvalidTag => "invalid-tag",
            Code::TagSpelling => "tag-spelling",
            Code::MissingFolder => "missing-folder",
            Code::UnknownCategory => "unknown-category",
            Code::OutsideCategory => "outside-category",
            Code::NestedFolder => "nested-folder",
            Code::IgnoredFile => "ignored-file",
            Code::InvalidCategory => "invalid-category",
            Code::InvalidSlug => "invalid-slug",
            Code::DuplicateCategory => "duplicate-category",
            Code::InvalidStappenplan => "invalid-stappenplan",
            Code::UnknownFootnote => "unknown-footnote",
            Code::DuplicateFootnote => "duplicate-footnote",
            Code::InvalidSynonyms => "invalid-synonyms",
            Code::DuplicateSynonym => "duplicate-synonym",
            Code::InvalidMunicipalities => "invalid-municipalities",
            Code::InvalidAddresses => "invalid-addresses",
            Code::LetterTemplate => "letter-template",
            Code::MissingTheme => "missing-theme",
            Code::TemplateSyntax => "template-syntax",
            Code::TemplateError => "template-error",
            Code::TemplateRecursion => "template-recursion",
            Code::TemplateRender => "template-render",
            Code::TemplateHtml => "template-html",
            Code::TemplateBlock => "template-block",
            Code::TemplateVariable => "template-variable",
            Code::BrokenLink => "broken-link",
            Code::BrokenAnchor => "broken-anchor",
            Code::LinkOutsideBase => "link-outside-base",
            Code::InvalidSourceDateEpoch => "invalid-source-date-epoch",
            Code::TooManyItems => "too-many-items",
            Code::YamlTooDeep => "yaml-too-deep",
            Code::NotAFile => "not-a-file",
            Code::FileTooLarge => "file-too-large",
            Code::Symlink => "symlink",
            Code::InvalidTheme => "invalid-theme",
            Code::FoldedParagraph => "folded-paragraph",
            Code::YamlComment => "yaml-comment",
            Code::ListWithoutBrackets => "list-without-brackets",
            Code::PlaceholderText => "placeholder-text",
            Code::HeadingLevel => "heading-level",
            Code::LinkSyntax => "link-syntax",
            Code::UrlSpace => "url-space",
            Code::AliasClash => "alias-clash",
            Code::TagVariant => "tag-variant",
            Code::InvalidAlias => "invalid-alias",
            Code::StrayMarkdown => "stray-markdown",
            Code::DuplicateTag => "duplicate-tag",
            Code::OrderTaken => "order-taken",
            Code::TitleTaken => "title-taken",
            Code::FutureDate => "future-date",
            Code::UnderlinedHeading => "underlined-heading",
            Code::MisnamedPractice => "misnamed-practice",
            Code::HiddenCharacter => "hidden-character",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const DOCS: &str = include_str!("../../docs/diagnostics.md");

    /// The codes in the first column of the table in docs/diagnostics.md.
    fn documented() -> BTreeSet<&'static str> {
        DOCS.lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split_once('`'))
            .map(|(code, _)| code)
            .collect()
    }

    #[test]
    fn every_code_is_documented_and_every_documented_code_exists() {
        let known: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(known.len(), Code::ALL.len(), "codes are unique");
        let documented = documented();
        let undocumented: Vec<_> = known.difference(&documented).collect();
        assert!(
            undocumented.is_empty(),
            "not in docs/diagnostics.md: {undocumented:?}"
        );
        let unknown: Vec<_> = documented.difference(&known).collect();
        assert!(unknown.is_empty(), "documented but not a code: {unknown:?}");
    }

    #[test]
    fn codes_are_lowercase_words_joined_by_hyphens() {
        for code in Code::ALL {
            let s = code.as_str();
            assert!(
                s.split('-').all(|w| !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
                "{s}"
            );
        }
    }
}
