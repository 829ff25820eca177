//! Every word podium says to a person, in Chinese and English, from one
//! catalogue per language: the folders `zh/` and `en/` beside this file,
//! one Project Fluent file per area (pages, files, cli, outputs, sheets),
//! compiled into podium. Code names a message by its id and gives its
//! arguments: `say!(lang, "hall-waiting", n = 3)` when the language is at
//! hand, `msg!("hall-waiting", n = 3)` for a [`Text`] rendered later (an
//! error made deep in a parser, shown by the command). A test fails when a
//! message exists in one language only, or when the code names a message
//! neither has.
//!
//! The language is chosen once per command: `--lang zh|en`, else the
//! `PODIUM_LANG` environment variable, else the system locale (`zh*` →
//! Chinese, another → English; none → Chinese). [`speak`] records it for
//! the process, and a [`Text`] shown with `{}` speaks it.

use crate::contest::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::LazyLock;

/// The catalogue's files, one per area, the same names in both languages.
macro_rules! catalogue_files {
    ($($area:literal),*) => {
        const ZH: &[&str] = &[$(include_str!(concat!("zh/", $area, ".ftl"))),*];
        const EN: &[&str] = &[$(include_str!(concat!("en/", $area, ".ftl"))),*];
        #[cfg(test)]
        const AREAS: &[&str] = &[$($area),*];
    };
}
catalogue_files!("pages", "files", "cli", "outputs", "sheets", "workflow", "draw");

/// The catalogue of one language.
type Catalogue = FluentBundle<FluentResource>;

static CATALOGUES: LazyLock<(Catalogue, Catalogue)> = LazyLock::new(|| {
    (
        catalogue(ZH, unic_langid::langid!("zh-CN")),
        catalogue(EN, unic_langid::langid!("en")),
    )
});

fn catalogue(sources: &[&str], language: unic_langid::LanguageIdentifier) -> Catalogue {
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Arguments are our own words and numbers, never right-to-left text:
    // no isolation marks around them (they would show in a terminal).
    bundle.set_use_isolating(false);
    for source in sources {
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| panic!("a catalogue does not parse: {errors:?}"));
        bundle.add_resource(resource).expect("message ids are unique across the areas");
    }
    bundle
}

/// The message `id` in `lang`, its `{ $name }` places filled from `args`.
/// A message missing from the catalogue (which the tests rule out) shows
/// its id rather than nothing.
pub fn say(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let bundle = match lang {
        Lang::Zh => &CATALOGUES.0,
        Lang::En => &CATALOGUES.1,
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "no message `{id}` in the {lang:?} catalogue");
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// Whether the catalogue has the message `id` (for ids made at run time,
/// such as the help of each command: `help-score`).
pub fn knows(id: &str) -> bool {
    CATALOGUES.1.has_message(id)
}

/// Words for a person, not yet in a language: a message of the catalogue
/// with its arguments, or text that reads the same in every language (a
/// name from the user's file, a number). Errors carry it from where they
/// are found to where the command shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Said {
        id: &'static str,
        args: Vec<(&'static str, String)>,
    },
    Verbatim(String),
}

impl Text {
    /// A message of the catalogue that takes no arguments, by an id made
    /// at run time (a role's, an action's).
    pub fn said(id: &'static str) -> Text {
        Text::Said { id, args: Vec::new() }
    }

    /// These words in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Text::Said { id, args } => {
                let args: Vec<(&str, String)> = args.iter().map(|(name, value)| (*name, value.clone())).collect();
                say(lang, id, &args)
            }
            Text::Verbatim(text) => text.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Text::Verbatim(text) if text.is_empty())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Verbatim(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Verbatim(text.to_string())
    }
}

/// In the language of the process ([`speak`]).
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(spoken()))
    }
}

static SPOKEN: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Records the language of this process (once, at the start of a command);
/// a [`Text`] shown with `{}` speaks it.
pub fn speak(lang: Lang) {
    let _ = SPOKEN.set(lang);
}

/// The language of this process: the one [`speak`] recorded, else the one
/// the environment chooses.
pub fn spoken() -> Lang {
    // The library's own tests read messages in English whatever the
    // machine's locale, as the command's tests ask for a language.
    #[cfg(test)]
    return *SPOKEN.get_or_init(|| Lang::En);
    #[cfg(not(test))]
    *SPOKEN.get_or_init(|| Lang::chosen(None))
}

/// `msg!("id", name = value, …)`: the message as a [`Text`], to be shown
/// later in the language of whoever reads it.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::Said { id: $id, args: vec![$((stringify!($name), ($value).to_string())),*] }
    };
}

/// `say!(lang, "id", name = value, …)`: the message in `lang`, each value
/// shown as it displays.
#[macro_export]
macro_rules! say {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::say($lang, $id, &[$((stringify!($name), ($value).to_string())),*])
    };
}

impl Lang {
    /// The language to speak: the one asked for, else `PODIUM_LANG`, else
    /// the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub fn chosen(asked: Option<Lang>) -> Lang {
        asked
            .or_else(|| Lang::named(&std::env::var("PODIUM_LANG").ok()?))
            .unwrap_or_else(Lang::of_locale)
    }

    /// `zh` / `en` (and `zh_CN.UTF-8`, `en-GB` and the like).
    fn named(name: &str) -> Option<Lang> {
        let name = name.trim().to_ascii_lowercase();
        if name.starts_with("zh") {
            Some(Lang::Zh)
        } else if name.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The system locale's language; Chinese where the system names none
    /// (Windows sets no locale variables, and podium's users are Chinese
    /// offices), English where it names another.
    fn of_locale() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        match locale {
            Some(locale) if !locale.to_ascii_lowercase().starts_with("zh") => Lang::En,
            _ => Lang::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The message ids a catalogue defines.
    fn ids(sources: &[&str]) -> BTreeSet<String> {
        sources
            .iter()
            .flat_map(|source| source.lines())
            .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    /// The `{ $name }` places of each message.
    fn places(sources: &[&str]) -> std::collections::BTreeMap<String, BTreeSet<String>> {
        let mut places = std::collections::BTreeMap::new();
        let mut current = String::new();
        let lines = sources.iter().flat_map(|source| source.lines());
        for line in lines.filter(|line| !line.starts_with('#')) {
            if let Some((id, _)) = line
                .split_once('=')
                .filter(|_| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            {
                current = id.trim().to_string();
            }
            let names = line
                .split("{ $")
                .skip(1)
                .filter_map(|rest| rest.split([' ', '}']).next())
                .map(String::from);
            places.entry(current.clone()).or_insert_with(BTreeSet::new).extend(names);
        }
        places
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_places() {
        assert_eq!(ids(ZH), ids(EN), "messages in one catalogue only");
        assert_eq!(places(ZH), places(EN), "a message's places differ between the languages");
        for (area, (zh, en)) in AREAS.iter().zip(ZH.iter().zip(EN)) {
            assert_eq!(
                ids(&[zh]),
                ids(&[en]),
                "area {area}: a message sits in another area in one language"
            );
        }
        let _ = &*CATALOGUES;
    }

    #[test]
    fn every_message_the_code_names_is_in_the_catalogues() {
        let known = ids(EN);
        let mut named = BTreeSet::new();
        let mut files = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/mod.rs") {
                let code = std::fs::read_to_string(&path).unwrap();
                let said = code.split("say!(").skip(1).filter_map(|call| call.split('"').nth(1));
                let kept = code.split("msg!(").skip(1).filter_map(|call| call.split('"').nth(1));
                for id in said.chain(kept).filter(|id| !id.contains(' ') && !id.is_empty()) {
                    named.insert((id.to_string(), path.display().to_string()));
                }
            }
        }
        let missing: Vec<_> = named.iter().filter(|(id, _)| !known.contains(id)).collect();
        assert!(missing.is_empty(), "messages named in code but in no catalogue: {missing:?}");
        assert!(named.len() > 10, "the code names its messages through say!");
    }

    /// Messages whose Chinese holds no Chinese character, each with why.
    const NOT_CHINESE: &[(&str, &str)] = &[
        ("audit-marked", "joins a cell and a value, each said elsewhere"),
        ("audit-state", "joins an action and a scope, each said elsewhere"),
        ("audit-state-reason", "joins an action, a scope and the user's reason"),
        ("explain-division", "a field and its value, both from the user's files"),
        ("panel-named", "words said elsewhere, with the rule's name beside them"),
        ("status-list-separator", "Chinese punctuation only: 、"),
        ("status-scope", "a scope said elsewhere and a record number"),
        (
            "files-verify-disagrees",
            "a cell's names from the user's files and a reason said elsewhere",
        ),
        ("scope-division", "a field and its value, both from the user's files"),
        ("list-separator", "the Chinese enumeration comma (、) between names"),
    ];

    /// Every message of every area, in both languages, with each of its
    /// places filled: it renders without error, no place is left unfilled,
    /// none is empty, and the Chinese is Chinese.
    #[test]
    fn every_message_renders_in_both_languages() {
        let places = places(ZH);
        assert!(ids(ZH).len() > 100, "the catalogue is read");
        let mut missing = Vec::new();
        for (lang, bundle) in [(Lang::Zh, &CATALOGUES.0), (Lang::En, &CATALOGUES.1)] {
            for id in ids(ZH) {
                let mut args = FluentArgs::new();
                for name in places.get(&id).into_iter().flatten() {
                    args.set(name.as_str(), format!("<{name}>"));
                }
                let pattern = bundle.get_message(&id).and_then(|m| m.value());
                let pattern = pattern.unwrap_or_else(|| panic!("{lang:?} {id}: no text"));
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang:?} {id}: {errors:?}");
                assert!(!text.trim().is_empty(), "{lang:?} {id} is empty");
                assert!(
                    !text.contains("{$") && !text.contains("{ $"),
                    "{lang:?} {id} leaves a place: {text}"
                );
                let chinese = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                if lang == Lang::Zh && !NOT_CHINESE.iter().any(|(exception, _)| *exception == id) && !chinese {
                    missing.push(format!("{id}: {text}"));
                }
            }
        }
        assert!(missing.is_empty(), "Chinese messages with no Chinese: {missing:#?}");
    }

    #[test]
    fn arguments_fill_their_places_without_marks() {
        assert_eq!(say!(Lang::En, "hall-waiting", n = 3), "3 places still to be revealed");
        assert_eq!(say!(Lang::Zh, "hall-waiting", n = 3), "还有 3 个名次待揭晓");
    }

    #[test]
    fn a_text_speaks_the_language_it_is_shown_in() {
        let text = msg!("hall-waiting", n = 2);
        assert_eq!(text.in_lang(Lang::Zh), "还有 2 个名次待揭晓");
        assert_eq!(text.in_lang(Lang::En), "2 places still to be revealed");
        assert_eq!(Text::from("J1").in_lang(Lang::Zh), "J1");
    }

    #[test]
    fn the_language_comes_from_the_flag_then_the_environment() {
        assert_eq!(Lang::chosen(Some(Lang::En)), Lang::En);
        assert_eq!(Lang::named("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::named("en-GB"), Some(Lang::En));
        assert_eq!(Lang::named("C.UTF-8"), None);
    }
}
