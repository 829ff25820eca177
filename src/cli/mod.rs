//! Command-line interface: one file per command.

mod audit;
mod chart;
mod check;
mod codes;
mod draw;
mod explain;
mod export;
mod gen;
mod help;
mod import;
mod init;
mod lock;
mod mark;
mod recheck;
mod report;
mod score;
mod serve;
mod sheets;
mod status;
mod workflow;

use crate::chart::{ChartKind, ChartOptions, ImageFormat};
use crate::contest::Lang;
use crate::output::FormatKind;
use crate::store::StateChange;
pub use help::{command, parse, parse_from};

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
    /// The language of everything podium says: zh or en (default: the
    /// PODIUM_LANG environment variable, else the system locale)
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
}

#[derive(Subcommand, Debug)]
pub enum JudgesAction {
    /// Every judge's link and the organiser's desk link.
    Links {
        contest: PathBuf,
        /// The server's address as judges reach it.
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        base: String,
        /// Also write a printable page with each judge's link as a QR code.
        #[arg(long)]
        sheet: Option<PathBuf>,
    },
    /// Revoke a judge's link (or `admin`, the desk's) and print the new one.
    Revoke {
        contest: PathBuf,
        /// A judge id, or `admin`.
        who: String,
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        base: String,
    },
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
        /// CSV and XLSX column names: words in the chosen language, or the ids scripts read.
        #[arg(long, value_enum, default_value = "words")]
        headers: crate::output::Headers,
        /// A contest run in stages: the standings after this stage (its id),
        /// instead of the final classification.
        #[arg(long, conflicts_with = "teams")]
        stage: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long)]
        marks: Option<PathBuf>,
    },
    /// Draw an award chart (PNG or SVG) from the scored results.
    Chart {
        contest: PathBuf,
        #[arg(value_enum)]
        kind: ChartKind,
        /// The file to write (`.png` or `.svg`); KIND.png in this folder if not given.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// PNG or SVG; by default from the output file's extension.
        #[arg(long, value_enum)]
        format: Option<ImageFormat>,
        /// WIDTHxHEIGHT in pixels, or 1080p (the hall screen), 4k, a4 (300 dpi), a4-portrait.
        #[arg(long, default_value = "1080p", value_parser = chart::parse_size)]
        size: (u32, u32),
        /// How many entries (or groups) the chart shows.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Only this division: a value (`welder`) or `field=value`.
        #[arg(long)]
        division: Option<String>,
        /// The entries a radar shows (repeat the flag); the top three if none.
        #[arg(long = "entry")]
        entries: Vec<String>,
        /// The field the division comparison groups by (a division or `organisation`).
        #[arg(long)]
        by: Option<String>,
        /// A font (.ttf/.otf) to draw with instead of the bundled one, for names outside it.
        #[arg(long)]
        font: Option<PathBuf>,
        /// A contest run in stages: the standings after this stage (its id).
        #[arg(long)]
        stage: Option<String>,
        #[arg(long)]
        marks: Option<PathBuf>,
    },
    /// Write the contest report: summary, awards, leaderboards, charts, each
    /// entry's breakdown and the rules in words, as one self-contained HTML file.
    Report {
        contest: PathBuf,
        #[arg(long, short, default_value = "report.html")]
        output: PathBuf,
        /// A font (.ttf/.otf) for the charts instead of the bundled one.
        #[arg(long)]
        font: Option<PathBuf>,
        #[arg(long)]
        marks: Option<PathBuf>,
    },
    /// Serve the event: judges' pages (each by a secret link), the organiser's
    /// desk and the hall's live leaderboard, over the mark store.
    Serve {
        contest: PathBuf,
        /// The address to listen on (loopback unless --lan).
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// Listen on every network interface, for judges' phones on the hall's network.
        #[arg(long)]
        lan: bool,
        /// The address printed in links, e.g. http://192.168.1.20:8080.
        #[arg(long)]
        base: Option<String>,
        /// How many places the hall screen shows.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// Judges' secret links: list them, or revoke one and issue a new one.
    Judges {
        #[command(subcommand)]
        action: JudgesAction,
    },
    /// Show every step from one entry's raw marks to its total, rank and award.
    Explain {
        contest: PathBuf,
        /// The entry's id.
        entry: String,
        #[arg(long)]
        marks: Option<PathBuf>,
    },
    /// Enter one mark into the mark store: checked against the contest, stored
    /// durably, or refused with the reason. A correction needs --reason.
    Mark {
        contest: PathBuf,
        /// The judge whose mark it is (empty for records without a judge).
        #[arg(long)]
        judge: Option<String>,
        #[arg(long)]
        entry: String,
        /// `category.criterion`
        #[arg(long)]
        criterion: String,
        /// The element number, for criteria with elements.
        #[arg(long)]
        element: Option<u8>,
        /// Why an existing mark is being corrected (kept in the audit trail).
        #[arg(long)]
        reason: Option<String>,
        /// Who is entering it (default: your login name).
        #[arg(long)]
        by: Option<String>,
        /// Double entry: confirm a mark another clerk entered, if the values agree.
        #[arg(long, conflicts_with = "reason")]
        verify: bool,
        /// In a contest with a workflow: the role entering it.
        #[arg(long = "as")]
        role: Option<String>,
        /// A correction an upheld appeal decided: made even though marking is locked.
        #[arg(long, conflicts_with = "verify")]
        appeal: Option<String>,
        /// A correction of a difference the re-check found: made even though marking is locked.
        #[arg(long, conflicts_with_all = ["verify", "appeal"])]
        recheck: bool,
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Import a marks CSV (entry,criterion,element,judge,value) into the store:
    /// all or nothing; the same file again stores nothing new.
    Import {
        contest: PathBuf,
        file: PathBuf,
        #[arg(long)]
        by: Option<String>,
        /// Let the file correct marks already stored, for this reason.
        #[arg(long)]
        reason: Option<String>,
        /// Double entry: the file is a second clerk's typing of sheets already
        /// entered; agreeing marks are confirmed, disagreements listed.
        #[arg(long, conflicts_with = "reason")]
        verify: bool,
        /// In a contest with a workflow: the role entering the marks.
        #[arg(long = "as")]
        role: Option<String>,
    },
    /// Each judge's paper marking sheet (评分表): entries down, their criteria
    /// across, with scales and a signature line; one file per judge, named
    /// by their id (OUT/J1.xlsx, OUT/J1.html). Filled sheets go back in
    /// with `podium import`.
    Sheets {
        contest: PathBuf,
        /// Only this judge's sheet.
        #[arg(long)]
        judge: Option<String>,
        /// xlsx or html; both if not given.
        #[arg(long, value_enum)]
        format: Option<sheets::SheetFormat>,
        /// The folder to write into (default: `sheets` in the contest's folder).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Blind judging: give every entry an anonymous code, and list them.
    Codes {
        contest: PathBuf,
        /// Write the list (code, entry, name, organisation) here.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long)]
        by: Option<String>,
        #[arg(long = "as")]
        role: Option<String>,
        #[arg(long, default_value_t = 1)]
        layer: u8,
    },
    /// Lock the whole contest, or a criterion, category or division: its marks
    /// cannot change until it is unlocked.
    Lock(LockArgs),
    /// Unlock what `lock` locked (a reason is required and kept).
    Unlock(LockArgs),
    /// Make the results final: the contest must be locked (and, with a
    /// workflow, signed, decoded and past its notice); nothing changes after.
    Publish {
        contest: PathBuf,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        by: Option<String>,
        #[arg(long = "as")]
        role: Option<String>,
    },
    /// Draw lots anyone can verify: commit (`--commit`), then draw; move an
    /// entry after it; show, verify or print a draw.
    Draw {
        contest: PathBuf,
        #[arg(long = "for", value_enum)]
        what: Option<crate::event::draw::Drawn>,
        #[arg(long)]
        commit: bool,
        #[arg(long = "move")]
        move_entry: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        heat: Option<u32>,
        #[arg(long)]
        time_added: Option<String>,
        #[arg(long)]
        show: bool,
        #[arg(long, value_enum)]
        format: Option<DrawFormat>,
        #[arg(long)]
        verify: bool,
        #[arg(long)]
        sheet: Option<PathBuf>,
        #[arg(long = "as")]
        role: Option<String>,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Confirm a judge's sheet (`--sheet`), or sign the results: the chief
    /// judge first, then the supervisor.
    Sign {
        contest: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
        /// Write the results sign-off sheet (to print and sign) here instead.
        #[arg(long, conflicts_with = "sheet")]
        print: Option<PathBuf>,
        #[arg(long = "as")]
        role: Option<String>,
        #[arg(long)]
        reason: Option<String>,
    },
    /// The re-check: draw its sample (`--draw`), compare a re-typed file of
    /// the sampled sheets (`--enter`), or show where it stands.
    Recheck {
        contest: PathBuf,
        #[arg(long, conflicts_with = "enter")]
        draw: bool,
        #[arg(long, value_name = "FILE")]
        enter: Option<PathBuf>,
        #[arg(long = "as")]
        role: Option<String>,
    },
    /// Decode the next layer of blind codes (encryption judge), or confirm
    /// the decoding (supervisor).
    Decode {
        contest: PathBuf,
        #[arg(long = "as")]
        role: Option<String>,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Put the signed, decoded results on public notice for the declared length.
    Notice {
        contest: PathBuf,
        #[arg(long = "as")]
        role: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        /// Write the notice to post (HTML, A4) here instead.
        #[arg(long)]
        print: Option<PathBuf>,
    },
    /// File an appeal (or an objection during the notice), rule on one, or list them.
    Appeal {
        contest: PathBuf,
        #[arg(long = "as")]
        role: Option<String>,
        #[arg(long)]
        entry: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        what: Option<String>,
        #[arg(long)]
        rule: Option<String>,
        #[arg(long)]
        upheld: bool,
        #[arg(long)]
        dismissed: bool,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        list: bool,
    },
    /// What is missing or flagged: completeness per criterion, judge and entry.
    Status { contest: PathBuf },
    /// Export from the mark store.
    Export {
        #[command(subcommand)]
        what: Export,
    },
    /// The mark store's audit trail.
    Audit {
        #[command(subcommand)]
        what: Audit,
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
    /// Send the qualifiers of a locked contest on to the next level's
    /// contest: added to its entries with where they came from.
    Advance {
        /// The contest the qualifiers come from (locked, every entry scored).
        source: PathBuf,
        /// The next level's contest, whose entries file gains them.
        target: PathBuf,
        /// The top N places go on, everyone tied at the Nth too.
        #[arg(long, required_unless_present = "award")]
        top: Option<u32>,
        /// The winners of this award tier go on (repeat the flag for more tiers).
        #[arg(long)]
        award: Vec<String>,
        /// Only this division of the source (`welder` or `trade=welder`), by its places within it.
        #[arg(long)]
        division: Option<String>,
    },
    /// The campaign board: each contest of a campaign by level and trade,
    /// its entries, state and award winners with where they came from.
    Campaign {
        /// A campaign folder (holding campaign.ron) or the path of campaign.ron.
        folder: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: crate::campaign::board::BoardFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// A contest assessed each period (month): the roll-up board (each
    /// team's periods, rolled-up total, place, award, rotating award, bars),
    /// or one team's year sheet.
    Periods {
        /// A series folder (holding periods.ron) or the path of periods.ron.
        folder: PathBuf,
        /// The roll-up to show (its id; the last declared if not given).
        #[arg(long = "roll-up", conflicts_with = "team")]
        roll_up: Option<String>,
        /// One team's year sheet: every period, then every roll-up.
        #[arg(long)]
        team: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: crate::campaign::board::BoardFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
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
        /// Judges on each entry's panel, drawn from --judges and written to
        /// assignments.csv (default: every judge marks every entry)
        #[arg(long)]
        panel: Option<u16>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// How `podium draw --show` writes a draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DrawFormat {
    Table,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct LockArgs {
    contest: PathBuf,
    #[command(flatten)]
    scope: ScopeArgs,
    #[arg(long)]
    reason: Option<String>,
    #[arg(long)]
    by: Option<String>,
    #[arg(long = "as")]
    role: Option<String>,
}

impl LockArgs {
    fn run(&self, change: StateChange) -> Result<(), String> {
        lock::run(
            &self.contest,
            change,
            self.scope.flags(),
            self.reason.as_deref(),
            self.by.as_deref(),
            self.role.as_deref(),
        )
    }
}

/// Which part of the contest a lock covers (none given: the whole contest).
#[derive(clap::Args, Debug)]
pub struct ScopeArgs {
    /// `category.criterion`
    #[arg(long)]
    criterion: Option<String>,
    #[arg(long)]
    category: Option<String>,
    /// `field=value`, e.g. trade=welder
    #[arg(long)]
    division: Option<String>,
}

impl ScopeArgs {
    fn flags(&self) -> lock::ScopeFlags<'_> {
        lock::ScopeFlags {
            criterion: self.criterion.as_deref(),
            category: self.category.as_deref(),
            division: self.division.as_deref(),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Export {
    /// The current marks, in the CSV form `import` reads.
    Marks {
        contest: PathBuf,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum Audit {
    /// Check that no record was edited, removed or inserted outside podium.
    Verify { contest: PathBuf },
    /// The history of marks: who entered what, when, and every correction.
    Log {
        contest: PathBuf,
        #[arg(long)]
        entry: Option<String>,
        #[arg(long)]
        criterion: Option<String>,
        #[arg(long)]
        judge: Option<String>,
    },
}

/// The contest's inputs for a command that scores them, after telling the
/// user on standard error what scoring them leaves out (`load::left_out`).
pub(crate) fn load_warned(contest: &std::path::Path, marks: Option<&std::path::Path>) -> Result<crate::engine::Inputs, String> {
    let inputs = crate::load::load(contest, marks).map_err(|p| p.to_string())?;
    warn(crate::load::left_out(&inputs, marks));
    Ok(inputs)
}

/// Tells the user `warnings`, on standard error.
pub(crate) fn warn(warnings: crate::error::Diagnostics) {
    for warning in warnings.0 {
        eprintln!("{warning}");
    }
}

/// `podium advance`: what was added, and what an earlier run had added.
fn advance(source: &std::path::Path, target: &std::path::Path, rule: crate::campaign::advance::Rule) -> Result<(), String> {
    let outcome = crate::campaign::advance::run(source, target, &rule)?;
    let said = |ids: &[String]| ids.join(&crate::msg!("list-separator").to_string());
    if outcome.added.is_empty() && outcome.already.is_empty() {
        println!("{}", crate::msg!("advance-none"));
    }
    if !outcome.added.is_empty() {
        let target = target.display();
        println!(
            "{}",
            crate::msg!(
                "advance-added",
                count = outcome.added.len(),
                target = target,
                ids = said(&outcome.added)
            )
        );
    }
    if !outcome.already.is_empty() {
        println!(
            "{}",
            crate::msg!("advance-already", count = outcome.already.len(), ids = said(&outcome.already))
        );
    }
    Ok(())
}

/// Runs a command; returns the process exit code (0 ok, 1 bad input or failure).
pub fn run(cli: Cli) -> i32 {
    let lang = Lang::chosen(cli.lang);
    crate::i18n::speak(lang);
    let result = match cli.command {
        Command::Check { contest, marks } => check::run(&contest, marks.as_deref()),
        Command::Chart {
            contest,
            kind,
            output,
            format,
            size,
            top,
            division,
            entries,
            by,
            font,
            stage,
            marks,
        } => {
            let args = chart::ChartArgs {
                stage: stage.as_deref(),
                options: ChartOptions {
                    kind,
                    width: size.0,
                    height: size.1,
                    lang,
                    top: top.max(1),
                    entries,
                    group: by,
                },
                format,
                output: output.as_deref(),
                division: division.as_deref(),
                font: font.as_deref(),
            };
            chart::run(&contest, args, marks.as_deref())
        }
        Command::Serve {
            contest,
            bind,
            lan,
            base,
            top,
        } => serve::serve(
            &contest,
            crate::serve::ServeOptions {
                bind,
                base,
                lang,
                top: top.max(1),
            },
            lan,
        ),
        Command::Judges { action } => match action {
            JudgesAction::Links { contest, base, sheet } => serve::links(&contest, &base, sheet.as_deref(), lang),
            JudgesAction::Revoke { contest, who, base } => serve::revoke(&contest, &who, &base),
        },
        Command::Report {
            contest,
            output,
            font,
            marks,
        } => report::run(&contest, &output, lang, font.as_deref(), marks.as_deref()),
        Command::Score {
            contest,
            format,
            division,
            teams,
            headers,
            stage,
            output,
            marks,
        } => {
            let board = score::Board {
                stage: stage.as_deref(),
                format,
                division: division.as_deref(),
                teams,
                headers,
                lang,
                output: output.as_deref(),
            };
            score::run(&contest, board, marks.as_deref())
        }
        Command::Explain { contest, entry, marks } => explain::run(&contest, &entry, lang, marks.as_deref()),
        Command::Init { dir, template, list } => init::run(dir.as_deref(), &template, list),
        Command::Mark {
            contest,
            judge,
            entry,
            criterion,
            element,
            reason,
            by,
            verify,
            role,
            appeal,
            recheck,
            value,
        } => {
            let args = mark::MarkArgs {
                judge: judge.as_deref(),
                entry: &entry,
                criterion: &criterion,
                element,
                value: &value,
                reason: reason.as_deref(),
                by: by.as_deref(),
                verify,
                role: role.as_deref(),
                appeal: appeal.as_deref(),
                recheck,
            };
            mark::run(&contest, args)
        }
        Command::Import {
            contest,
            file,
            by,
            reason,
            verify,
            role,
        } => {
            let mode = if verify {
                import::Mode::Verify
            } else {
                import::Mode::Enter { reason: reason.as_deref() }
            };
            import::run(&contest, &file, (by.as_deref(), role.as_deref()), mode)
        }
        Command::Export {
            what: Export::Marks { contest, output },
        } => export::marks(&contest, output.as_deref()),
        Command::Status { contest } => status::run(&contest, lang),
        Command::Sheets {
            contest,
            judge,
            format,
            output,
        } => sheets::run(
            &contest,
            sheets::Ask {
                judge: judge.as_deref(),
                format,
                output: output.as_deref(),
                lang,
            },
        ),
        Command::Codes {
            contest,
            output,
            by,
            role,
            layer,
        } => codes::run(&contest, output.as_deref(), (by.as_deref(), role.as_deref()), layer),
        Command::Lock(args) => args.run(StateChange::Lock),
        Command::Unlock(args) => args.run(StateChange::Unlock),
        Command::Publish { contest, reason, by, role } => {
            let whole = lock::ScopeFlags {
                criterion: None,
                category: None,
                division: None,
            };
            lock::run(
                &contest,
                StateChange::Publish,
                whole,
                reason.as_deref(),
                by.as_deref(),
                role.as_deref(),
            )
        }
        Command::Sign {
            contest,
            print: Some(path),
            ..
        } => workflow::print_sheet(&contest, &path, lang, false),
        Command::Sign {
            contest,
            sheet,
            role,
            reason,
            print: None,
        } => workflow::sign(workflow::Acting::new(&contest, &role, &reason), sheet.as_deref()),
        Command::Draw {
            contest,
            what,
            commit,
            move_entry,
            to,
            heat,
            time_added,
            show,
            format,
            verify,
            sheet,
            role,
            reason,
        } => draw::run(
            &contest,
            draw::DrawArgs {
                what,
                commit,
                move_entry: move_entry.as_deref(),
                to: to.as_deref(),
                heat,
                time_added: time_added.as_deref(),
                show,
                json: format == Some(DrawFormat::Json),
                verify,
                sheet: sheet.as_deref(),
                role: role.as_deref(),
                reason: reason.as_deref(),
            },
            lang,
        ),
        Command::Recheck {
            contest,
            draw,
            enter,
            role,
        } => recheck::run(&contest, draw, enter.as_deref(), role.as_deref()),
        Command::Decode { contest, role, reason } => workflow::decode(workflow::Acting::new(&contest, &role, &reason)),
        Command::Notice {
            contest,
            print: Some(path),
            ..
        } => workflow::print_sheet(&contest, &path, lang, true),
        Command::Notice {
            contest,
            role,
            reason,
            print: None,
        } => workflow::notice(workflow::Acting::new(&contest, &role, &reason)),
        Command::Appeal {
            contest,
            role,
            entry,
            from,
            what,
            rule,
            upheld,
            dismissed,
            reason,
            list,
        } => {
            let flags = (entry.as_deref(), from.as_deref(), what.as_deref(), rule.as_deref());
            workflow::AppealAsk::from_flags(flags, upheld, dismissed, list)
                .and_then(|ask| workflow::appeal(workflow::Acting::new(&contest, &role, &reason), ask))
        }
        Command::Audit {
            what: Audit::Verify { contest },
        } => audit::verify(&contest),
        Command::Audit {
            what:
                Audit::Log {
                    contest,
                    entry,
                    criterion,
                    judge,
                },
        } => audit::log(&contest, entry.as_deref(), criterion.as_deref(), judge.as_deref()),
        Command::Advance {
            source,
            target,
            top,
            award,
            division,
        } => advance(
            &source,
            &target,
            crate::campaign::advance::Rule {
                top,
                awards: award,
                division,
            },
        ),
        Command::Campaign { folder, format, output } => crate::campaign::board::run(&folder, format, lang, output.as_deref()),
        Command::Periods {
            folder,
            roll_up,
            team,
            format,
            output,
        } => crate::periods::board::run(
            &folder,
            crate::periods::board::Wanted {
                roll_up: roll_up.as_deref(),
                team: team.as_deref(),
                format,
                lang,
                output: output.as_deref(),
            },
        ),
        Command::Gen {
            dir,
            entries,
            criteria,
            judges,
            panel,
            seed,
        } => gen::run(&dir, entries, criteria, judges, panel, seed),
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("{message}");
            1
        }
    }
}
