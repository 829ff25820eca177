//! Stage timings on standard error when PODIUM_TIMINGS is set, for finding
//! where time goes at scale without a profiler.

use std::time::Instant;

pub struct Stopwatch {
    enabled: bool,
    last: Instant,
}

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch {
            enabled: std::env::var_os("PODIUM_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    /// Reports the time since the last lap under `stage`.
    pub fn lap(&mut self, stage: &str) {
        if self.enabled {
            let now = Instant::now();
            eprintln!(
                "{stage:>12}: {:7.1} ms  {:6} MB resident",
                (now - self.last).as_secs_f64() * 1000.0,
                resident_mb()
            );
            self.last = now;
        }
    }
}

/// Resident memory now, from /proc (0 where there is none).
fn resident_mb() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    pages * 4096 / (1 << 20)
}
