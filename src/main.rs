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
/// rayon worker freed stays in its arena: with an arena per thread of the
/// event server, megabytes more at the peak. An arena for each core's
/// worker, the main thread and the marks reader: fewer, and two workers
/// allocating at once (an entry's scores are made as it is scored) would
/// wait on one arena's lock — in half the runs, the scoring took twice as long.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let arenas = std::thread::available_parallelism().map_or(2, |cores| cores.get()) + 2;
        // SAFETY: called first thing in main, before any thread starts;
        // M_ARENA_MAX only bounds how many arenas glibc makes.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas.min(64) as libc::c_int);
        }
    }
}
