//! What the check says about a scenario: errors, warnings, the numbers per municipality, deadlines
//! and who must be told. Serialised as JSON for the page and `kennisbank herverdeling --json`.

use crate::municipalities::Province;
use crate::period::Period;
use serde::Serialize;
use textkit::date::Date;

/// The stable code of an issue. The strings never change; pages and scripts may match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    SumChanged,
    TooFewMunicipalities,
    NegativeResult,
    DuplicateMunicipality,
    NothingChanges,
    InvalidNumber,
    InvalidPeriod,
    PeriodTooLong,
    UnknownProvince,
    UnknownMunicipality,
    TransferInconsistent,
    TransferToSelf,
    NotificationLate,
    PeriodEnded,
    PeriodFarAhead,
    NotInMunicipalityList,
    MissingProvince,
    ProvinceMismatch,
    MissingField,
    InvalidDate,
    DateOrder,
    MunicipalityUnchanged,
    MissingDecision,
    NoticeBeforePublication,
    ProcessingAfterPeriod,
    FormerMunicipality,
    PenvoerderUnchanged,
    InvalidEmail,
    InvalidPhone,
    HiddenCharacter,
    TooLong,
}

impl Code {
    pub const ALL: [Code; 31] = [
        Code::SumChanged,
        Code::TooFewMunicipalities,
        Code::NegativeResult,
        Code::DuplicateMunicipality,
        Code::NothingChanges,
        Code::InvalidNumber,
        Code::InvalidPeriod,
        Code::PeriodTooLong,
        Code::UnknownProvince,
        Code::UnknownMunicipality,
        Code::TransferInconsistent,
        Code::TransferToSelf,
        Code::NotificationLate,
        Code::PeriodEnded,
        Code::PeriodFarAhead,
        Code::NotInMunicipalityList,
        Code::MissingProvince,
        Code::ProvinceMismatch,
        Code::MissingField,
        Code::InvalidDate,
        Code::DateOrder,
        Code::MunicipalityUnchanged,
        Code::MissingDecision,
        Code::NoticeBeforePublication,
        Code::ProcessingAfterPeriod,
        Code::FormerMunicipality,
        Code::PenvoerderUnchanged,
        Code::InvalidEmail,
        Code::InvalidPhone,
        Code::HiddenCharacter,
        Code::TooLong,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::SumChanged => "SUM_CHANGED",
            Code::TooFewMunicipalities => "TOO_FEW_MUNICIPALITIES",
            Code::NegativeResult => "NEGATIVE_RESULT",
            Code::DuplicateMunicipality => "DUPLICATE_MUNICIPALITY",
            Code::NothingChanges => "NOTHING_CHANGES",
            Code::InvalidNumber => "INVALID_NUMBER",
            Code::InvalidPeriod => "INVALID_PERIOD",
            Code::PeriodTooLong => "PERIOD_TOO_LONG",
            Code::UnknownProvince => "UNKNOWN_PROVINCE",
            Code::UnknownMunicipality => "UNKNOWN_MUNICIPALITY",
            Code::TransferInconsistent => "TRANSFER_INCONSISTENT",
            Code::TransferToSelf => "TRANSFER_TO_SELF",
            Code::NotificationLate => "NOTIFICATION_LATE",
            Code::PeriodEnded => "PERIOD_ENDED",
            Code::PeriodFarAhead => "PERIOD_FAR_AHEAD",
            Code::NotInMunicipalityList => "NOT_IN_MUNICIPALITY_LIST",
            Code::MissingProvince => "MISSING_PROVINCE",
            Code::ProvinceMismatch => "PROVINCE_MISMATCH",
            Code::MissingField => "MISSING_FIELD",
            Code::InvalidDate => "INVALID_DATE",
            Code::DateOrder => "DATE_ORDER",
            Code::MunicipalityUnchanged => "MUNICIPALITY_UNCHANGED",
            Code::MissingDecision => "MISSING_DECISION",
            Code::NoticeBeforePublication => "NOTICE_BEFORE_PUBLICATION",
            Code::ProcessingAfterPeriod => "PROCESSING_AFTER_PERIOD",
            Code::FormerMunicipality => "FORMER_MUNICIPALITY",
            Code::PenvoerderUnchanged => "PENVOERDER_UNCHANGED",
            Code::InvalidEmail => "INVALID_EMAIL",
            Code::InvalidPhone => "INVALID_PHONE",
            Code::HiddenCharacter => "HIDDEN_CHARACTER",
            Code::TooLong => "TOO_LONG",
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding. `message` is plain Dutch and ends with "(uitgangspunt N)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub code: Code,
    pub message: String,
    /// Stable path of the field concerned: `periode`, `gemeenten[1].taakstelling`,
    /// `overdrachten[0].aantal`, or `gemeenten` for the whole list.
    pub field: String,
    /// The uitgangspunt (1–5 of the stappenplan) the rule comes from.
    pub uitgangspunt: u8,
}

/// The numbers of one municipality. Unknown numbers (bad input) are `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MunicipalityResult {
    /// The official name when the municipality is in the list, else the name as written.
    pub name: String,
    pub province: Option<Province>,
    /// Whether the name was found in the municipalities list.
    pub listed: bool,
    /// The CBS municipality code (`GM0363`) from the list, when listed with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cbs: Option<String>,
    /// With numbers per period: the totals over the periods.
    pub before: Option<i64>,
    pub after: Option<i64>,
    pub difference: Option<i64>,
    /// The numbers per period, when the scenario gives them per period (else empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub perioden: Vec<PeriodNumbers>,
    /// This college's decision and publication (its own, else the scenario's).
    pub besluitdatum: Option<Date>,
    pub bekendmaking: Option<Date>,
    /// Where the decision was published, as written.
    pub publicatie: Option<String>,
}

impl MunicipalityResult {
    /// Whether its taakstelling is known to stay the same in every period: then its college does
    /// not decide (uitgangspunt 2), and the documents and the recipients leave it out. With
    /// numbers per period, +2 in one period and -2 in another is a change, though the total is 0.
    pub fn unchanged(&self) -> bool {
        if self.perioden.is_empty() {
            self.difference == Some(0)
        } else {
            self.perioden.iter().all(|p| p.difference == Some(0))
        }
    }
}

/// The numbers of one municipality in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodNumbers {
    pub periode: Period,
    pub before: Option<i64>,
    pub after: Option<i64>,
    pub difference: Option<i64>,
}

/// The sums of one period, when numbers are given per period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodSums {
    pub periode: Period,
    pub before: Option<i64>,
    pub after: Option<i64>,
}

/// The lead municipality and its contact, as given (the municipality by its official name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PenvoerderInfo {
    pub gemeente: Option<String>,
    pub naam: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub kenmerk: Option<String>,
}

/// The periods covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Periods {
    pub from: Period,
    pub to: Period,
    pub count: usize,
    /// Each period in words: "eerste helft 2026 (1 januari t/m 30 juni 2026)".
    pub text: Vec<String>,
}

/// The dates of the scenario that could be read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Dates {
    pub besluitdatum: Option<Date>,
    pub bekendmaking: Option<Date>,
    pub melddatum: Option<Date>,
    /// The latest publication of all colleges: the notify-by date counts from it.
    pub last_publication: Option<Date>,
}

/// Deadlines that follow from the dates (uitgangspunten 4 and 5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Deadlines {
    /// The last publication + 7 days: COA and the provinces must be told by then.
    pub notify_by: Option<Date>,
    /// The day COA receives the notification: `melddatum` if given, else `notify_by`.
    pub receipt: Option<Date>,
    /// True when `receipt` is the assumed `notify_by` because no `melddatum` was given.
    pub receipt_assumed: bool,
    /// Receipt + 1 month: COA processes the new numbers by then.
    pub coa_processes_within: Option<Date>,
}

/// What kind of body a recipient is; serialised as `coa`, `provincie` or `ministerie`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RecipientKind {
    Coa,
    Provincie,
    Ministerie,
}

/// Who must be told of the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recipient {
    pub kind: RecipientKind,
    pub name: String,
    /// "t.a.v." line, when there is one.
    pub attention: Option<String>,
    /// Postal address lines.
    pub address: Vec<String>,
    pub phone: Option<String>,
    /// Why this recipient, in Dutch.
    pub reason: String,
}

/// The outcome of [`crate::rules::check`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// True when there are no errors (warnings allowed).
    pub valid: bool,
    /// The verdict in one Dutch sentence, shown as is by the page and the CLI.
    pub conclusion: String,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    pub municipalities: Vec<MunicipalityResult>,
    pub sum_before: Option<i64>,
    pub sum_after: Option<i64>,
    /// The sums per period, when numbers are given per period (else empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sums_per_period: Vec<PeriodSums>,
    pub periods: Option<Periods>,
    pub dates: Dates,
    /// The reason for a longer agreement, when given (trimmed).
    pub uitzondering: Option<String>,
    pub penvoerder: Option<PenvoerderInfo>,
    pub deadlines: Deadlines,
    pub recipients: Vec<Recipient>,
}

impl Verdict {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"valid\":false}"))
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{\"valid\":false}"))
    }

    /// Whether an error (not a warning) with this code was found.
    pub fn has_error(&self, code: Code) -> bool {
        self.errors.iter().any(|i| i.code == code)
    }

    /// Whether a warning with this code was found.
    pub fn has_warning(&self, code: Code) -> bool {
        self.warnings.iter().any(|i| i.code == code)
    }
}
