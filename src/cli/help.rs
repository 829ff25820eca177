//! `--help` and argument errors in the language podium speaks. clap's
//! derive takes the doc comments (English, fixed at compile time) as help;
//! here the command built from them gets every command's and argument's
//! words from the catalogue instead (`help-score`, `help-score-format`,
//! `help-score-example`), and clap's own words (the headings, "Usage",
//! its errors) in Chinese when Chinese is spoken. The language must be
//! known before the arguments are parsed: `--lang` is looked for in the
//! raw arguments first, then `Lang::chosen` as for everything else.

use super::Cli;
use crate::contest::Lang;
use crate::i18n::say;
use crate::say;
use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// The arguments of this process, parsed, with help and errors in the
/// language chosen; exits (as clap does) on `--help`, `--version` or a
/// bad argument.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = Lang::chosen(asked_lang(&args));
    match parse_from(lang, args.clone()) {
        Ok(cli) => cli,
        Err(error) => {
            let code = i32::from(error.use_stderr()) * 2;
            let shown = match (lang, error.kind()) {
                (_, ErrorKind::DisplayHelp) => finished(lang, &error.render().to_string()),
                (_, ErrorKind::DisplayVersion) | (Lang::En, _) => error.render().to_string(),
                (Lang::Zh, _) => in_chinese(&error, &args),
            };
            if error.use_stderr() {
                eprint!("{shown}");
            } else {
                print!("{shown}");
            }
            std::process::exit(code);
        }
    }
}

/// `args` (the program's name first) parsed by the command in `lang`.
pub fn parse_from(lang: Lang, args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let matches = command(lang).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The language `--lang zh|en` (or `--lang=en`) asks for, looked for before
/// clap parses: its help and errors must already be in that language.
fn asked_lang(args: &[OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let value = args.iter().enumerate().find_map(|(i, arg)| match arg.strip_prefix("--lang") {
        Some("") => args.get(i + 1).copied(),
        Some(rest) => rest.strip_prefix('='),
        None => None,
    })?;
    match value {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// podium's command line, its words in `lang`.
pub fn command(lang: Lang) -> Command {
    let version = say!(lang, "help-flag-version");
    localized(Cli::command(), "", lang)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(version)
                .help_heading(say!(lang, "help-heading-options")),
        )
}

/// Help as clap renders it, with the words clap puts in itself (the colon
/// after a heading, `[OPTIONS]` in the usage) in `lang`.
pub fn finished(lang: Lang, help: &str) -> String {
    let mut help = help.replace("[OPTIONS]", &format!("[{}]", say!(lang, "help-heading-options")));
    if lang == Lang::Zh {
        for heading in ["help-heading-options", "help-heading-arguments", "help-heading-commands"] {
            let heading = say(lang, heading, &[]);
            help = help.replace(&format!("{heading}:"), &format!("{heading}："));
        }
    }
    help
}

/// The message `id` in `lang`, if the catalogue has it.
fn said(lang: Lang, id: &str) -> Option<String> {
    crate::i18n::knows(id).then(|| say(lang, id, &[]))
}

/// `cmd` (at `path`: `score`, `audit-log`; empty for podium itself) and its
/// subcommands, their help from the catalogue where it has it.
fn localized(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let below = if path.is_empty() { name.clone() } else { format!("{path}-{name}") };
        cmd = cmd.mut_subcommand(&name, |sub| localized(sub, &below, lang));
    }
    let id = if path.is_empty() {
        "help-podium".to_string()
    } else {
        format!("help-{path}")
    };
    if let Some(about) = said(lang, &id) {
        cmd = cmd.about(about).long_about(None);
    }
    if let Some(example) = said(lang, &format!("{id}-example")) {
        cmd = cmd.after_help(format!("{}\n{example}", say!(lang, "help-heading-example")));
    }
    let args: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for arg in args {
        cmd = cmd.mut_arg(&arg, |a| localized_arg(a, &id, lang));
    }
    let help = say!(lang, "help-flag-help");
    cmd.disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(help)
                .help_heading(say!(lang, "help-heading-options")),
        )
        .subcommand_help_heading(say!(lang, "help-heading-commands"))
        .subcommand_value_name(say!(lang, "help-value-command"))
        .help_template(say!(lang, "help-template"))
}

/// One argument's help from the catalogue: `help-COMMAND-ARG`, else
/// `help-arg-ARG` (an argument many commands share, e.g. `contest`), with
/// its default and its choices in the same language.
fn localized_arg(arg: Arg, command_id: &str, lang: Lang) -> Arg {
    let name = arg.get_id().to_string();
    let help = said(lang, &format!("{command_id}-{name}")).or_else(|| said(lang, &format!("help-arg-{name}")));
    let Some(mut help) = help else { return arg };
    let heading = if arg.is_positional() {
        "help-heading-arguments"
    } else {
        "help-heading-options"
    };
    let arg = arg.long_help(None).help_heading(say(lang, heading, &[]));
    // clap's own "[default: …]" and "[possible values: …]" are English.
    if lang == Lang::En || !matches!(arg.get_action(), ArgAction::Set | ArgAction::Append) {
        return arg.help(help);
    }
    let choices: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !choices.is_empty() {
        help += &say!(lang, "help-choices", choices = choices.join(", "));
    }
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() {
        help += &say!(lang, "help-default", value = defaults.join(", "));
    }
    arg.help(help).hide_possible_values(true).hide_default_value(true)
}

/// clap's error in Chinese: what was wrong, the usage, and where to get help.
fn in_chinese(error: &clap::Error, args: &[OsString]) -> String {
    let get = |kind: ContextKind| error.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let lang = Lang::Zh;
    let message = match error.kind() {
        ErrorKind::UnknownArgument => say!(lang, "clap-unknown-argument", arg = get(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => say!(lang, "clap-unknown-command", command = get(ContextKind::InvalidSubcommand)),
        ErrorKind::InvalidValue => say!(
            lang,
            "clap-invalid-value",
            value = get(ContextKind::InvalidValue),
            arg = get(ContextKind::InvalidArg)
        ),
        // A value podium's own parser refused: its words say what is valid.
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error).map(|e| e.to_string()).unwrap_or_default();
            say!(
                lang,
                "clap-invalid-value-why",
                value = get(ContextKind::InvalidValue),
                arg = get(ContextKind::InvalidArg),
                why = why
            )
        }
        ErrorKind::MissingRequiredArgument => say!(lang, "clap-missing", args = get(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            say!(lang, "clap-missing-command")
        }
        ErrorKind::ArgumentConflict => say!(
            lang,
            "clap-conflict",
            arg = get(ContextKind::InvalidArg),
            other = get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            say!(lang, "clap-values", arg = get(ContextKind::InvalidArg))
        }
        ErrorKind::NoEquals => say!(lang, "clap-no-equals", arg = get(ContextKind::InvalidArg)),
        _ => say!(lang, "clap-other", message = error.to_string().trim()),
    };
    let mut said = say!(lang, "clap-error", message = message);
    let valid = get(ContextKind::ValidValue);
    if !valid.is_empty() {
        said += &format!("\n  {}", say!(lang, "clap-valid", values = valid));
    }
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(get)
    .find(|s| !s.is_empty());
    if let Some(suggested) = suggested {
        said += &format!("\n  {}", say!(lang, "suggest-did-you-mean", name = suggested));
    }
    let usage = usage(args).replace("[OPTIONS]", &format!("[{}]", say!(lang, "help-heading-options")));
    format!(
        "{said}\n\n{}\n\n{}\n",
        say!(lang, "clap-usage", usage = usage),
        say!(lang, "clap-more")
    )
}

/// The usage line of the (sub)command `args` name, without its heading.
fn usage(args: &[OsString]) -> String {
    let mut cmd = command(Lang::Zh);
    cmd.build();
    let mut cmd = &mut cmd;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if cmd.find_subcommand(arg).is_none() {
            continue;
        }
        cmd = cmd.find_subcommand_mut(arg).expect("found just before");
    }
    let usage = cmd.render_usage().to_string();
    usage.trim().trim_start_matches("Usage:").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command of podium, with its path of names.
    fn commands(cmd: &Command, path: &str, all: &mut Vec<(String, Command)>) {
        all.push((path.to_string(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            let below = format!("{path} {}", sub.get_name()).trim().to_string();
            commands(sub, &below, all);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_languages_with_an_example() {
        for lang in [Lang::Zh, Lang::En] {
            let mut root = command(lang);
            root.build();
            let mut all = Vec::new();
            commands(&root, "", &mut all);
            assert!(all.len() > 20, "{} commands", all.len());
            for (path, mut cmd) in all {
                let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
                assert!(!about.trim().is_empty(), "{lang:?} `podium {path}` has no description");
                let help = finished(lang, &cmd.render_help().to_string());
                let example = say!(lang, "help-heading-example");
                assert!(
                    help.contains(&example) && help.contains("podium "),
                    "{lang:?} `podium {path}` has no example:\n{help}"
                );
                for arg in cmd.get_arguments() {
                    let text = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                    assert!(!text.trim().is_empty(), "{lang:?} `podium {path}`: `{}` has no help", arg.get_id());
                    if lang == Lang::Zh {
                        assert!(
                            text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                            "`podium {path}`: the help of `{}` is not Chinese: {text}",
                            arg.get_id()
                        );
                    }
                }
                if lang == Lang::Zh {
                    for english in [
                        "Usage",
                        "Options",
                        "OPTIONS",
                        "Arguments",
                        "Commands",
                        "Print help",
                        "[default",
                        "[possible",
                        ":\n",
                    ] {
                        assert!(!help.contains(english), "`podium {path}` help says {english}:\n{help}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(asked_lang(&args(&["podium", "status", "--lang", "en", "x"])), Some(Lang::En));
        assert_eq!(asked_lang(&args(&["podium", "--lang=zh", "status"])), Some(Lang::Zh));
        assert_eq!(asked_lang(&args(&["podium", "status", "x"])), None);
    }

    #[test]
    fn argument_errors_read_in_chinese() {
        let args = ["podium", "score", "x", "--format", "pdf"].map(OsString::from).to_vec();
        let error = parse_from(Lang::Zh, args.clone()).unwrap_err();
        let said = in_chinese(&error, &args);
        assert!(said.contains("`pdf`") && said.contains("`--format"), "{said}");
        assert!(said.contains("可用的值：") && said.contains("table"), "{said}");
        assert!(said.contains("用法：podium score [选项] <CONTEST>"), "{said}");
        let args = ["podium", "scor"].map(OsString::from).to_vec();
        let said = in_chinese(&parse_from(Lang::Zh, args.clone()).unwrap_err(), &args);
        assert!(
            said.contains("没有命令 `scor`") && said.contains("您是不是要写 `score`？"),
            "{said}"
        );
    }
}
