//! The `podium` command: parsing arguments and reporting errors; the work
//! is in the library.

use clap::Parser;

fn main() {
    let cli = podium::cli::Cli::parse();
    std::process::exit(podium::cli::run(cli));
}
