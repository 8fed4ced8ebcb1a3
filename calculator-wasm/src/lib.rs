//! The herverdelingscheck: pure rules for redistributing the taakstelling huisvesting
//! vergunninghouders between municipalities (art. 29 lid 2 Huisvestingswet 2014).
//! No WebAssembly types in the core; the binding lives in `wasm.rs`.

pub mod date;
