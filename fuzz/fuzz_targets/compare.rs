//! The fuzz target `compare`: its body is `fuzz_compare` in tests/common/checks.rs, shared with the
//! regression test of crash inputs (tests/fuzz_regressions.rs).
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::fuzz_compare(data));
