//! The `podium` command: parsing arguments and reporting errors; the work
//! is in the library.

fn main() {
    restore_sigpipe();
    // Parsed with help and errors in the language podium speaks.
    let cli = podium::cli::parse();
    std::process::exit(podium::cli::run(cli));
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`podium status | head`)
/// would panic; a command-line tool should end quietly instead, as others do.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread starts; SIG_DFL is
    // a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
