//! Command-line interface: one file per command.

mod check;
mod explain;
mod gen;
mod init;
mod score;

use crate::contest::Lang;
use crate::output::FormatKind;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "podium",
    version,
    about = "Exact, parallel scoring for skills competitions and labour contests"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a contest, its entries and marks; report every problem.
    Check {
        /// A contest folder (holding contest.ron) or the path of contest.ron.
        contest: PathBuf,
        /// Score marks from this CSV instead of the contest's marks file.
        #[arg(long)]
        marks: Option<PathBuf>,
    },
    /// Score every entry and print the leaderboard.
    Score {
        contest: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: FormatKind,
        /// Only this division: a value (`welder`) or `field=value`.
        #[arg(long, conflicts_with = "teams")]
        division: Option<String>,
        /// The team leaderboard (teams combined from their members).
        #[arg(long)]
        teams: bool,
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long)]
        marks: Option<PathBuf>,
    },
    /// Show every step from one entry's raw marks to its total, rank and award.
    Explain {
        contest: PathBuf,
        /// The entry's id.
        entry: String,
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        #[arg(long)]
        marks: Option<PathBuf>,
    },
    /// Make a new contest folder from one of the bundled examples.
    Init {
        /// The new contest folder.
        #[arg(required_unless_present = "list")]
        dir: Option<PathBuf>,
        /// Which example to start from (see `podium init --list`).
        #[arg(long, default_value = "construction")]
        template: String,
        /// List the templates.
        #[arg(long)]
        list: bool,
    },
    /// Generate a synthetic contest at scale, deterministic from a seed.
    Gen {
        dir: PathBuf,
        #[arg(long, default_value_t = 1000)]
        entries: u32,
        #[arg(long, default_value_t = 20)]
        criteria: u16,
        #[arg(long, default_value_t = 5)]
        judges: u16,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// Runs a command; returns the process exit code (0 ok, 1 bad input or failure).
pub fn run(cli: Cli) -> i32 {
    let result = match cli.command {
        Command::Check { contest, marks } => check::run(&contest, marks.as_deref()),
        Command::Score {
            contest,
            format,
            division,
            teams,
            lang,
            output,
            marks,
        } => {
            let board = score::Board {
                format,
                division: division.as_deref(),
                teams,
                lang,
                output: output.as_deref(),
            };
            score::run(&contest, board, marks.as_deref())
        }
        Command::Explain {
            contest,
            entry,
            lang,
            marks,
        } => explain::run(&contest, &entry, lang, marks.as_deref()),
        Command::Init { dir, template, list } => init::run(dir.as_deref(), &template, list),
        Command::Gen {
            dir,
            entries,
            criteria,
            judges,
            seed,
        } => gen::run(&dir, entries, criteria, judges, seed),
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("{message}");
            1
        }
    }
}
