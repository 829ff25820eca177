//! The `podium` command: parsing arguments and reporting errors; the work
//! is in the library.

fn main() {
    restore_sigpipe();
    limit_malloc_arenas();
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

/// glibc gives each thread that allocates an arena of its own, and memory a
/// rayon worker freed stays in its arena: at province scale, 4 MB more at
/// the peak than with one arena. Two arenas keep the peak at one arena's,
/// without every thread of the event server waiting on one lock.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: called first thing in main, before any thread starts or
    // allocates; M_ARENA_MAX only bounds how many arenas glibc makes.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
