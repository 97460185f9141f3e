//! `--help` in the user's language. English comes from the doc comments on
//! the argument structs; for Dutch the command tree is rewritten with texts
//! from the message catalogue.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::i18n::Lang;

/// The language to show help and parse errors in, decided before the
/// arguments are parsed: `--lang`, then `MAATWERK_LANG`, then the locale.
pub fn early_lang(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> Lang {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => iter.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("nl") => return Lang::Nl,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    match var("MAATWERK_LANG").as_deref() {
        Some("nl") => Lang::Nl,
        Some("en") => Lang::En,
        _ => Lang::from_locale(var),
    }
}

/// `maatwerk help norms list` read as `maatwerk norms list --help`, in
/// either language: the Dutch command tree has no generated `help`
/// command, whose texts would be English.
pub fn help_subcommand(mut args: Vec<OsString>) -> Vec<OsString> {
    // Global options that take a value as the next argument.
    const TAKES_VALUE: [&str; 5] = ["--lang", "--store", "--norms", "--key", "--color"];
    let mut i = 1;
    while i < args.len() {
        match args[i].to_str() {
            Some(flag) if TAKES_VALUE.contains(&flag) => i += 2,
            Some(flag) if flag.starts_with('-') => i += 1,
            Some("help") => {
                args.remove(i);
                args.push(OsString::from("--help"));
                return args;
            }
            _ => return args,
        }
    }
    args
}

/// The command-line definition with help texts in `lang`.
pub fn command(lang: Lang) -> Command {
    let command = Cli::command();
    if lang.help_headings().is_none() {
        return command;
    }
    localize(command, lang, "maatwerk", true)
}

fn localize(mut command: Command, lang: Lang, path: &str, root: bool) -> Command {
    let Some([usage, commands, options, arguments]) = lang.help_headings() else {
        return command;
    };
    if let Some(about) = lang.help_about(path) {
        command = command.about(about).long_about(about);
    }
    command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(commands)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(|arg| {
            let heading = if arg.is_global_set() {
                lang.global_options_heading()
            } else if arg.is_positional() {
                arguments
            } else {
                options
            };
            let arg = arg.help_heading(heading);
            // A default is said in Dutch, after the Dutch text.
            let default: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let with_default = |help: &str| -> String {
                if default.is_empty() {
                    help.to_owned()
                } else {
                    format!("{help} [standaard: {}]", default.join(", "))
                }
            };
            match lang.help_arg(path, arg.get_id().as_str()) {
                // The Dutch text names the allowed values itself.
                Some(help) if arg.get_action().takes_values() => {
                    let help = with_default(help);
                    arg.help(help.clone())
                        .long_help(help)
                        .hide_possible_values(true)
                        .hide_default_value(true)
                }
                Some(help) => arg.help(help).long_help(help),
                None => arg,
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(lang.help_arg(path, "help").unwrap_or("Print help"))
                .help_heading(options)
                .global(true),
        );
    if root {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(lang.help_arg(path, "version").unwrap_or("Print version"))
                .help_heading(options),
        );
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        command = command.mut_subcommand(&name, |sub| localize(sub, lang, &sub_path, false));
    }
    command
}

/// A usage error in Dutch: what is wrong, how to use the command, and where
/// its help is. `None` for what clap prints best itself (help, version).
pub fn dutch_error(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use std::fmt::Write as _;
    let get = |kind: ContextKind| -> Option<String> {
        match error.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(list) => Some(list.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            _ => None,
        }
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        // What clap says of an option given without its value.
        ErrorKind::InvalidValue if value.is_empty() => {
            format!(
                "fout: `{}` vraagt een waarde, en die ontbreekt",
                dutch_placeholders(&arg)
            )
        }
        ErrorKind::InvalidValue => format!(
            "fout: `{value}` is geen geldige waarde voor `{arg}`{}",
            get(ContextKind::ValidValue)
                .filter(|v| !v.is_empty())
                .map(|v| format!("; kies uit: {v}"))
                .unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("fout: onbekende optie `{arg}`"),
        ErrorKind::InvalidSubcommand => format!(
            "fout: onbekende opdracht `{}`",
            get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("fout: dit ontbreekt nog: {arg}"),
        ErrorKind::ArgumentConflict => format!(
            "fout: `{arg}` gaat niet samen met `{}`",
            get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => format!(
            "fout: ongeldige waarde voor `{arg}`: {}",
            get(ContextKind::InvalidValue).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("fout: een ander aantal waarden verwacht voor `{arg}`")
        }
        ErrorKind::NoEquals => format!("fout: `{arg}` vraagt een waarde met `=`"),
        _ => return None,
    };
    if let Some(suggestion) =
        get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand))
    {
        let _ = write!(message, "\n\n  tip: bedoelt u `{suggestion}`?");
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").map_or(usage, str::trim);
        let _ = write!(message, "\n\nGebruik: {}", dutch_placeholders(usage));
    }
    message.push_str("\n\nMeer met `--help`.");
    Some(message)
}

/// clap's placeholders in a usage line, in Dutch.
pub fn dutch_placeholders(text: &str) -> String {
    text.replace("[OPTIONS]", "[OPTIES]")
        .replace("[COMMAND]", "[OPDRACHT]")
        .replace("<COMMAND>", "<OPDRACHT>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn help_as_a_command_asks_for_the_help_of_what_follows() {
        assert_eq!(
            help_subcommand(args(&["maatwerk", "--lang", "nl", "help", "norms", "list"])),
            args(&["maatwerk", "--lang", "nl", "norms", "list", "--help"])
        );
        assert_eq!(
            help_subcommand(args(&["maatwerk", "help"])),
            args(&["maatwerk", "--help"])
        );
        // Only as the command, not as a value or an argument.
        for kept in [
            &["maatwerk", "--store", "help", "verify"][..],
            &["maatwerk", "norms", "show", "help"],
        ] {
            assert_eq!(help_subcommand(args(kept)), args(kept));
        }
    }

    #[test]
    fn the_language_is_known_before_parsing() {
        let none = |_: &str| None;
        assert_eq!(
            early_lang(&args(&["maatwerk", "--lang", "nl"]), none),
            Lang::Nl
        );
        assert_eq!(
            early_lang(&args(&["maatwerk", "--lang=nl", "x"]), none),
            Lang::Nl
        );
        assert_eq!(early_lang(&args(&["maatwerk", "norms"]), none), Lang::En);
        let dutch_env = |name: &str| (name == "MAATWERK_LANG").then(|| "nl".to_owned());
        assert_eq!(early_lang(&args(&["maatwerk"]), dutch_env), Lang::Nl);
        assert_eq!(
            early_lang(&args(&["maatwerk", "--lang", "en"]), dutch_env),
            Lang::En
        );
    }

    /// Every command and argument has a Dutch text: a new flag without one
    /// fails here instead of showing English in a Dutch help screen.
    #[test]
    fn every_command_and_argument_has_dutch_help() {
        fn walk(command: &Command, path: &str, missing: &mut Vec<String>) {
            if Lang::Nl.help_about(path).is_none() {
                missing.push(path.to_owned());
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if Lang::Nl.help_arg(path, id).is_none() {
                    missing.push(format!("{path} --{id}"));
                }
            }
            // clap's own `help` subcommand is left out of the Dutch tree.
            for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        let mut cli = Cli::command();
        cli.build();
        walk(&cli, "maatwerk", &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn dutch_help_is_complete_and_parses_the_same() {
        let mut command = command(Lang::Nl);
        command.build();
        let help = command.render_long_help().to_string();
        assert!(help.contains("Gebruik:"), "{help}");
        assert!(help.contains("Opdrachten"));
        assert!(help.contains("Map met de afgesproken normen"));
        assert!(!help.contains("Print help"));
        let check = command
            .find_subcommand_mut("norms")
            .and_then(|n| n.find_subcommand_mut("check"))
            .map(|c| c.render_long_help().to_string())
            .unwrap_or_default();
        assert!(check.contains("Normbestanden of mappen daarmee"), "{check}");
        assert!(check.contains("Argumenten"));
        // Every argument that has a Dutch text got it.
        let matches = super::command(Lang::Nl)
            .try_get_matches_from(["maatwerk", "norms", "list", "--all", "--json"])
            .expect("parses");
        let (_, norms) = matches.subcommand().expect("norms");
        let (_, list) = norms.subcommand().expect("list");
        assert!(list.get_flag("all"));
    }
}
