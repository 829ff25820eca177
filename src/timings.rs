//! Stage timings on standard error when PODIUM_TIMINGS is set, for finding
//! where time goes at scale without a profiler.

use std::time::Instant;

pub struct Stopwatch {
    enabled: bool,
    last: Instant,
    /// The process's CPU time at the last lap, in seconds.
    last_cpu: f64,
}

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch {
            enabled: std::env::var_os("PODIUM_TIMINGS").is_some(),
            last: Instant::now(),
            last_cpu: cpu_seconds(),
        }
    }

    /// Reports the time since the last lap under `stage`: wall clock, and
    /// the CPU time of every thread (twice the wall where both cores work).
    pub fn lap(&mut self, stage: &str) {
        if self.enabled {
            let (now, cpu) = (Instant::now(), cpu_seconds());
            eprintln!(
                "{stage:>12}: {:7.1} ms  {:7.1} ms CPU  {:6} MB resident",
                (now - self.last).as_secs_f64() * 1000.0,
                (cpu - self.last_cpu) * 1000.0,
                resident_mb()
            );
            (self.last, self.last_cpu) = (now, cpu);
        }
    }
}

/// The CPU time the process has used, user and system, in seconds (0
/// where it cannot be read).
fn cpu_seconds() -> f64 {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
        // SAFETY: getrusage writes a whole rusage through a valid pointer,
        // and it is read only when the call succeeds.
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } == 0 {
            let usage = unsafe { usage.assume_init() };
            let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
            return seconds(usage.ru_utime) + seconds(usage.ru_stime);
        }
    }
    0.0
}

/// Resident memory now, from /proc (0 where there is none).
fn resident_mb() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    pages * 4096 / (1 << 20)
}
