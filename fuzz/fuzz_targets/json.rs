//! The fuzz target `json`: options and statements as JSON, through the calls the WebAssembly
//! bindings make; its body is `fuzz_json` in tests/common/checks.rs.
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::fuzz_json(data));
