//! The portal's closed lists — plan types, note kinds, roles, implementation statuses — each written once, in one table
//! per list: the code authors write (also the CSS class and the value in the published data) and
//! the Romanian label readers see. Everything else derives from these tables: the serde codes of
//! the content files, the JSON schema's `enum`, the data package, the search filter, the menu of
//! `planportal new --type`. Adding a plan type means adding one row here.

use serde::{Deserialize, Serialize};

/// Generates an enum from a table of `Variant = "code", "label"` rows: the enum itself (serde
/// reads and writes the code, so content files, errors and exports see exactly the code), `ALL`
/// in table order, `code()` and `label()`. An optional third column, `search "…"`, adds
/// `search_label()`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $code:literal, $label:literal $(, search $search:literal)? ;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
        pub enum $name {
            $( $(#[$variant_meta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            /// Every variant, in the table's order (the order of menus and of the schema).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code authors write, also used as a CSS class and in the data exports.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// The label readers see, in Romanian.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            vocabulary!(@search $name $($variant $($search)?;)+);
        }
    };
    // A table whose every row has a search label gets `search_label()`; one where only some rows
    // have one matches neither arm and does not compile.
    (@search $name:ident $($variant:ident $search:literal;)+) => {
        /// The label of the search page's filter menu, shorter than [`Self::label`].
        pub fn search_label(self) -> &'static str {
            match self {
                $($name::$variant => $search,)+
            }
        }
    };
    (@search $name:ident $($variant:ident;)+) => {};
}

vocabulary! {
    /// The three kinds of plan the portal knows (`type:` of a plan file).
    pub enum PlanType {
        /// Plan de acțiune în domeniul drogurilor.
        PlanDroguri = "plan-droguri", "Plan de acțiune în domeniul drogurilor",
            search "Plan antidrog";
        /// Plan operațional al strategiei de dezvoltare a serviciilor sociale.
        PlanOperational = "plan-operational", "Plan operațional al strategiei de servicii sociale",
            search "Plan operațional servicii sociale";
        /// Plan anual de acțiune privind serviciile sociale.
        PlanAnual = "plan-anual", "Plan anual de acțiune privind serviciile sociale",
            search "Plan anual servicii sociale";
    }
}

vocabulary! {
    /// The kinds of irregularity a note can explain (`kind:` of a note; see
    /// docs/content-model.md).
    pub enum NoteKind {
        /// A number used more than once.
        DuplicateNumber = "numerotare-duplicata", "Număr folosit de mai multe ori";
        /// A number missing from a sequence.
        MissingNumber = "numerotare-lipsa", "Număr lipsă din succesiune";
        /// A number that does not match its parent.
        WrongNumber = "numerotare-gresita", "Numerotare greșită";
        /// The plan words the same item differently in two places.
        DifferentWording = "formulare-diferita", "Formulări diferite în document";
        /// A comment of the editor left in the published text.
        EditorComment = "comentariu-redactor", "Comentariu al redactorului rămas în text";
        /// A placeholder left unfilled ("…").
        UnfilledPlaceholder = "camp-necompletat", "Câmp necompletat";
        /// A deadline outside the plan period.
        DeadlineOutsidePeriod = "termen-in-afara-perioadei", "Termen în afara perioadei planului";
        /// A cell the document leaves empty.
        MissingCell = "celula-lipsa", "Celulă necompletată";
        /// Text that is garbled or cut off in the published document.
        GarbledText = "text-deteriorat", "Text deteriorat în documentul publicat";
        /// A name that may denote more than one body.
        AmbiguousName = "denumire-ambigua", "Denumire ambiguă";
        /// A misspelling in a heading or label, kept as published.
        Misspelling = "greseala-de-redactare", "Greșeală de redactare";
        /// Anything else.
        Other = "alta", "Observație";
    }
}

vocabulary! {
    /// The part an institution plays in an activity or a document. The label is the code: a
    /// Romanian word readers see as is ("Rol: responsabil"), also the `rol` column of the CSV.
    pub enum Role {
        /// Answers for an activity.
        Responsible = "responsabil", "responsabil";
        /// Partners in an activity.
        Partner = "partener", "partener";
        /// Issued a plan.
        Issuer = "emitent", "emitent";
        /// Organised the meeting a document records.
        Organiser = "organizator", "organizator";
        /// Took part in the meeting a document records.
        Participant = "participant", "participant";
    }
}

vocabulary! {
    /// How far an activity was carried out, as a monitoring or activity report states it
    /// (`statuses[].status` of a report document). The codes follow the scale Romanian monitoring
    /// reports of public strategies and action plans use ("realizat", "parțial realizat", "în curs
    /// de realizare", "nerealizat"), plus "anulat" for a measure the report says was dropped.
    /// "necunoscut" is no row: it is the absence of a status, never stored, never guessed.
    pub enum Progress {
        /// Carried out.
        Done = "realizat", "Realizat";
        /// Carried out in part.
        Partial = "partial", "Parțial realizat";
        /// Under way on the report's date.
        InProgress = "in-curs", "În curs de realizare";
        /// Not carried out.
        NotDone = "nerealizat", "Nerealizat";
        /// Dropped or cancelled, as the report says.
        Cancelled = "anulat", "Anulat";
    }
}

/// The code and label of an activity no report gives a status for: shown and exported, never
/// written by an author (not a [`Progress`] row).
pub const PROGRESS_UNKNOWN: (&str, &str) = ("necunoscut", "Necunoscut");

/// `planportal new plan --type`: the codes, each with its label as help.
impl clap::ValueEnum for PlanType {
    fn value_variants<'a>() -> &'a [Self] {
        PlanType::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.code()).help(self.label()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `code` as content files do and writes `value` as the JSON exports do.
    fn round_trip<T>(value: T, code: &str)
    where
        T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug + Copy,
    {
        assert_eq!(serde_json::to_string(&value).ok(), Some(format!("\"{code}\"")));
        assert_eq!(serde_json::from_str::<T>(&format!("\"{code}\"")).ok(), Some(value));
        assert_eq!(serde_yaml_ng::from_str::<T>(code).ok(), Some(value));
    }

    #[test]
    fn every_code_round_trips_through_serde() {
        PlanType::ALL.iter().for_each(|t| round_trip(*t, t.code()));
        NoteKind::ALL.iter().for_each(|k| round_trip(*k, k.code()));
        Role::ALL.iter().for_each(|r| round_trip(*r, r.code()));
        Progress::ALL.iter().for_each(|p| round_trip(*p, p.code()));
    }

    /// The position each variant must have in `ALL`. No wildcard: a new variant does not
    /// compile until it is given its place here.
    fn plan_type_position(plan_type: PlanType) -> usize {
        match plan_type {
            PlanType::PlanDroguri => 0,
            PlanType::PlanOperational => 1,
            PlanType::PlanAnual => 2,
        }
    }

    fn note_kind_position(kind: NoteKind) -> usize {
        match kind {
            NoteKind::DuplicateNumber => 0,
            NoteKind::MissingNumber => 1,
            NoteKind::WrongNumber => 2,
            NoteKind::DifferentWording => 3,
            NoteKind::EditorComment => 4,
            NoteKind::UnfilledPlaceholder => 5,
            NoteKind::DeadlineOutsidePeriod => 6,
            NoteKind::MissingCell => 7,
            NoteKind::GarbledText => 8,
            NoteKind::AmbiguousName => 9,
            NoteKind::Misspelling => 10,
            NoteKind::Other => 11,
        }
    }

    fn role_position(role: Role) -> usize {
        match role {
            Role::Responsible => 0,
            Role::Partner => 1,
            Role::Issuer => 2,
            Role::Organiser => 3,
            Role::Participant => 4,
        }
    }

    fn progress_position(progress: Progress) -> usize {
        match progress {
            Progress::Done => 0,
            Progress::Partial => 1,
            Progress::InProgress => 2,
            Progress::NotDone => 3,
            Progress::Cancelled => 4,
        }
    }

    #[test]
    fn all_lists_every_variant_once_in_order() {
        let positions = |list: Vec<usize>| assert_eq!(list, (0..list.len()).collect::<Vec<_>>());
        positions(PlanType::ALL.iter().map(|t| plan_type_position(*t)).collect());
        positions(NoteKind::ALL.iter().map(|k| note_kind_position(*k)).collect());
        positions(Role::ALL.iter().map(|r| role_position(*r)).collect());
        positions(Progress::ALL.iter().map(|p| progress_position(*p)).collect());
        assert_eq!((PlanType::ALL.len(), NoteKind::ALL.len(), Role::ALL.len()), (3, 12, 5));
    }

    /// The guides list the codes by hand: a new code fails here until it is documented.
    #[test]
    fn the_guides_list_every_code() {
        let model = include_str!("../docs/content-model.md");
        let authoring = include_str!("../docs/authoring.md");
        for kind in NoteKind::ALL {
            assert!(model.contains(&format!("| `{}` |", kind.code())), "docs/content-model.md lacks {}", kind.code());
        }
        for plan_type in PlanType::ALL {
            let code = plan_type.code();
            assert!(model.contains(code), "docs/content-model.md lacks {code}");
            assert!(authoring.contains(&format!("`{code}`")), "docs/authoring.md lacks {code}");
        }
        for progress in Progress::ALL {
            assert!(
                model.contains(&format!("| `{}` |", progress.code())),
                "docs/content-model.md lacks {}",
                progress.code()
            );
        }
    }

    #[test]
    fn new_type_offers_every_code() {
        use clap::ValueEnum as _;
        let codes: Vec<String> = PlanType::value_variants()
            .iter()
            .filter_map(|t| t.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect();
        assert_eq!(codes, ["plan-droguri", "plan-operational", "plan-anual"]);
        assert_eq!(PlanType::from_str("plan-anual", false), Ok(PlanType::PlanAnual));
    }
}
