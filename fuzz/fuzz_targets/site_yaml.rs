#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kennisbank_fuzz::site_yaml(data));
