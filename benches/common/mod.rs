//! The measuring loop shared by the benchmarks.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Run `f` in batches until `budget` has passed; report the best batch rate
/// (ops/s), which is the least disturbed by other load on the machine.
pub fn measure(budget: Duration, mut f: impl FnMut()) -> f64 {
    f();
    let mut batch = 1u64;
    loop {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        if t.elapsed() > Duration::from_millis(20) {
            break;
        }
        batch *= 2;
    }
    let start = Instant::now();
    let mut best = 0f64;
    while start.elapsed() < budget {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        best = best.max(batch as f64 / t.elapsed().as_secs_f64());
    }
    best
}
