#!/usr/bin/env bash
# Installs what the WebAssembly build (scripts/build-wasm.sh) needs, and skips what is already there:
#   - Debian's Rust with std source (rustc-web, cargo-web, rust-web-src) in /usr/bin, because rustup
#     cannot add the wasm32 target on this machine; the build uses -Zbuild-std with it.
#   - wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock: the CLI refuses to process
#     a module made by a different version of the library.
# Safe to run again and again.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf 'wasm-toolchain: %s\n' "$*"; }

# --- Debian packages ---------------------------------------------------------------------------
. "$root/scripts/lib.sh"
apt_ensure rustc-web cargo-web rust-web-src

# --- wasm-bindgen-cli -------------------------------------------------------------------------
# The version line follows `name = "wasm-bindgen"` in Cargo.lock.
version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
if [ -z "$version" ]; then
    log "error: no wasm-bindgen package in $root/Cargo.lock" >&2
    exit 1
fi
installed="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$installed" = "$version" ]; then
    log "wasm-bindgen-cli $version present"
else
    log "installing wasm-bindgen-cli $version (found: ${installed:-none})"
    cargo install wasm-bindgen-cli --version "$version"
fi

log "ready"
