//! Record files: `fieldguard::stream::process` over untrusted bytes in every
//! format, with `skip_bad` on and off.
//!
//! The mode byte picks: format = mode % 3 (JSON array/object, NDJSON, CSV);
//! bit 3 `skip_bad`; bit 6 the CSV delimiter `;` instead of `,`; bits 4–5
//! the transform: identity, one that rejects records holding a `"bad"`
//! member (a transform error, which `skip_bad` must turn into a skip), a
//! sanitize policy (clean `name`, validate `email`, reject otherwise), or
//! identity with batches of one record (batch boundaries everywhere).
//!
//! Checked besides "no panic": the counts add up (records = written +
//! skipped, one skip callback per skipped record, none without
//! `skip_bad`); and with the identity transform the writer's output is a
//! fixed point: processing it again succeeds and gives the same bytes
//! (except the empty output of a single JSON object that was skipped,
//! which is not JSON: see the report in benches/README.md#fuzzing).
#![no_main]

use fieldguard::policy::Policy;
use fieldguard::stream::{process, Format, StreamOptions};
use fieldguard::Error;
use fieldguard_fuzz::split_first;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::sync::OnceLock;

const POLICY: &str = r#"{"version": 1, "fields": {
  "name": {"clean": {"preset": "name"}, "onViolation": "clean"},
  "email": {"validate": {"type": "email"}}
}}"#;

fn policy() -> &'static Policy {
    static POLICY_: OnceLock<Policy> = OnceLock::new();
    POLICY_.get_or_init(|| Policy::from_json(POLICY).expect("the fixed policy parses"))
}

fn run(
    input: &[u8],
    options: &StreamOptions,
    transform: &(dyn Fn(&mut Value) -> fieldguard::Result<()> + Sync),
) -> (fieldguard::Result<fieldguard::stream::Stats>, Vec<u8>, u64) {
    let mut output = Vec::new();
    let mut skips = 0u64;
    let stats = process(
        input,
        &mut output,
        options,
        transform,
        &mut |_| skips += 1,
        &mut |_| {},
    );
    (stats, output, skips)
}

fuzz_target!(|data: &[u8]| {
    let (mode, input) = split_first(data);
    let format = [Format::Json, Format::Ndjson, Format::Csv][usize::from(mode % 3)];
    let mut options = StreamOptions::new(format).skip_bad(mode & 0x08 != 0);
    if mode & 0x40 != 0 {
        options = options.delimiter(b';');
    }
    let which = (mode >> 4) & 3;
    if which == 3 {
        options.batch_size = 1;
    }
    let identity = |_: &mut Value| Ok(());
    let reject_bad = |v: &mut Value| {
        if v.get("bad").is_some() {
            Err(Error::invalid_argument("record marked bad"))
        } else {
            Ok(())
        }
    };
    let sanitize = |v: &mut Value| policy().apply(v, None).map(drop);
    let transform: &(dyn Fn(&mut Value) -> fieldguard::Result<()> + Sync) = match which {
        1 => &reject_bad,
        2 => &sanitize,
        _ => &identity,
    };
    let (stats, output, skips) = run(input, &options, transform);
    let Ok(stats) = stats else {
        return;
    };
    assert_eq!(stats.records, stats.written + stats.skipped);
    assert_eq!(stats.skipped, skips);
    if !options.skip_bad {
        assert_eq!(stats.skipped, 0);
    }
    // One JSON object whose record was skipped leaves the output empty, by
    // design (`Sink::finish`): nothing to read back.
    let skipped_single_object = format == Format::Json && output.is_empty();
    if (which == 0 || which == 3) && !skipped_single_object {
        let (again, output2, _) = run(&output, &options, &identity);
        let again = again.expect("the writer's output reads back");
        assert_eq!(
            again.written, stats.written,
            "same records after a round trip"
        );
        assert_eq!(output2, output, "the writer's output is a fixed point");
    }
});
