//! The message catalogue: every content diagnostic (message and hint), the labels (error, warning,
//! help) and the summary lines, in Romanian (the default: county officials read them) and English
//! (for maintainers), from Fluent files `locales/ro.ftl` and `locales/en.ftl`.
//!
//! Code never holds a message's text: it builds a typed [`Message`] (a variant with its
//! arguments), and the text is looked up when the diagnostic is printed, in the language of the
//! run ([`set_language`], chosen by `--lang` or `LANG`/`LC_ALL`/`LC_MESSAGES`).
//!
//! **Adding a message**: a variant in `catalogue.rs` (its doc comment the English text, its key,
//! its typed fields), then the key in both `locales/*.ftl` with every field as `{ $field }`.
//! The unit tests fail while a key is missing from one language, while a file has a key no
//! variant uses, or while a message names an argument its variant lacks. Romanian quotes values
//! as the English does (`…` for ids, keys and names as written in a file) and the texts of
//! documents with „…”; its ș and ț have the comma below.

#[macro_use]
mod declare;
mod catalogue;
mod library;

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use catalogue::Message;
pub use library::{Format, library_message};

/// The language messages are printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Romanian, the default: the language of the content and of its authors.
    #[default]
    Ro,
    /// English, for maintainers.
    En,
}

impl Lang {
    /// The language the environment asks for: English when the first set of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` (POSIX's order of precedence) starts with `en`, else Romanian.
    pub fn from_env() -> Lang {
        let variables = ["LC_ALL", "LC_MESSAGES", "LANG"].map(|name| std::env::var(name).ok());
        Lang::from_locale(variables.iter().flatten().map(String::as_str).find(|value| !value.is_empty()))
    }

    /// The language of a locale name such as `en_GB.UTF-8` or `ro_RO.UTF-8`.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(name) if name.starts_with("en") => Lang::En,
            _ => Lang::Ro,
        }
    }
}

static LANGUAGE: OnceLock<Lang> = OnceLock::new();

/// Sets the language of this run's messages, once, before anything is printed (the binary does it
/// from `--lang` or the environment). Later calls change nothing.
pub fn set_language(lang: Lang) {
    let _ = LANGUAGE.set(lang);
}

/// The language of this run's messages: the one set, else the environment's.
pub fn language() -> Lang {
    *LANGUAGE.get_or_init(Lang::from_env)
}

/// The catalogue files, compiled in: the binary needs nothing beside it.
const RO: &str = include_str!("../../locales/ro.ftl");
const EN: &str = include_str!("../../locales/en.ftl");

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| [bundle("ro", RO), bundle("en", EN)]);

fn bundle(lang: &str, text: &str) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.parse().expect("a valid language id");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the output is a terminal's, not a page's, and
    // the marks would show as stray characters in files and tests.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(text.to_owned()).expect("the catalogue parses (tested)");
    bundle.add_resource(resource).expect("no key twice in the catalogue (tested)");
    bundle
}

/// The text of `key` in `lang` with `args`: the catalogue is tested complete, so a missing key or
/// argument can only be a bug; it shows as the key, never as a panic of the user's run.
pub(crate) fn text(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = &BUNDLES[lang as usize];
    let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
        return key.to_owned();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// A value given to a message: a text, a number, or another message (a fragment such as "the
/// objective 1.2" rendered in the same language).
pub trait Arg {
    /// The value in `lang`.
    fn value(&self, lang: Lang) -> FluentValue<'static>;
}

impl Arg for String {
    fn value(&self, _: Lang) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.clone()))
    }
}

impl Arg for usize {
    fn value(&self, _: Lang) -> FluentValue<'static> {
        FluentValue::from(*self)
    }
}

impl Arg for Box<Message> {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.text(lang)))
    }
}

/// What a message speaks of ("the county", "the activity"): its word is the catalogue's `noun`
/// entry, chosen by the code, so that each language inflects it in its own messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Noun {
    /// A county.
    County,
    /// A locality.
    Locality,
    /// A theme.
    Theme,
    /// An institution type.
    InstitutionType,
    /// An institution.
    Institution,
    /// A goal of a framework.
    FrameworkGoal,
    /// An objective of a framework.
    FrameworkObjective,
    /// A general objective of a plan.
    GeneralObjective,
    /// A specific objective of a plan.
    SpecificObjective,
    /// An activity of a plan.
    Activity,
    /// An objective between a general and its specific objectives.
    IntermediateObjective,
    /// A title.
    Title,
    /// The name of a county.
    CountyName,
}

impl Noun {
    fn code(self) -> &'static str {
        match self {
            Noun::County => "county",
            Noun::Locality => "locality",
            Noun::Theme => "theme",
            Noun::InstitutionType => "institution-type",
            Noun::Institution => "institution",
            Noun::FrameworkGoal => "framework-goal",
            Noun::FrameworkObjective => "framework-objective",
            Noun::GeneralObjective => "general-objective",
            Noun::SpecificObjective => "specific-objective",
            Noun::Activity => "activity",
            Noun::IntermediateObjective => "intermediate-objective",
            Noun::Title => "title",
            Noun::CountyName => "county-name",
        }
    }
}

impl Noun {
    /// The word in `lang` from the catalogue entry `key` (`noun` or `noun-the`).
    fn word(self, lang: Lang, key: &str) -> FluentValue<'static> {
        let mut args = FluentArgs::new();
        args.set("what", self.code());
        FluentValue::String(Cow::Owned(text(lang, key, Some(&args))))
    }
}

impl Arg for Noun {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        self.word(lang, "noun")
    }
}

/// A noun with the definite article where the language puts one on the word (Romanian
/// "activitatea"), for messages whose subject it is: the catalogue's `noun-the` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Articled(pub Noun);

impl Arg for Articled {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        self.0.word(lang, "noun-the")
    }
}

/// The fixed words of the output that are no content message: severity labels and summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// "error".
    Error,
    /// "warning".
    Warning,
    /// "help".
    Help,
}

impl Label {
    /// The label in `lang`.
    pub fn text(self, lang: Lang) -> String {
        let key = match self {
            Label::Error => "label-error",
            Label::Warning => "label-warning",
            Label::Help => "label-help",
        };
        text(lang, key, None)
    }
}

#[cfg(test)]
mod tests;
