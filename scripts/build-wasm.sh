#!/usr/bin/env bash
# Builds the site's WebAssembly modules and their wasm-bindgen JS glue.
#
#   scripts/build-wasm.sh [OUTDIR]      (default OUTDIR: generator/assets/wasm)
#
# Needs the toolchain of scripts/wasm-toolchain.sh: Debian's Rust in /usr/bin (with std source, for
# -Zbuild-std, because rustup cannot add the wasm32 target here), rust-lld, and wasm-bindgen-cli at
# the Cargo.lock version. The build is reproducible: paths of the checkout, of CARGO_HOME and of the
# std source are remapped, and panics carry no file locations, so the bytes do not depend on where
# the repository lives. Environment: WASM_TARGET_DIR (default <repo>/target-wasm), kept apart from
# the native target dir so that the two compilers never share artifacts.
#
# To add a module, call build_module at the bottom: build_module CRATE OUTNAME [FEATURES].
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
outdir="${1:-$root/generator/assets/wasm}"
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
target_dir="${WASM_TARGET_DIR:-$root/target-wasm}"

die() {
    printf 'build-wasm: error: %s\n' "$*" >&2
    exit 1
}

debian_rustc=/usr/bin/rustc
debian_cargo=/usr/bin/cargo
[ -x "$debian_rustc" ] && [ -x "$debian_cargo" ] || die "Debian's Rust is missing; run scripts/wasm-toolchain.sh"
sysroot="$("$debian_rustc" --print sysroot)"
[ -d "$sysroot/lib/rustlib/src/rust/library" ] || die "std source is missing (rust-web-src); run scripts/wasm-toolchain.sh"

# The linker: rustup's rust-lld when there is one, else one on PATH.
linker=""
if command -v rustc >/dev/null 2>&1; then
    candidate="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
    [ -x "$candidate" ] && linker="$candidate"
fi
if [ -z "$linker" ]; then
    for name in rust-lld wasm-ld; do
        if command -v "$name" >/dev/null 2>&1; then
            linker="$(command -v "$name")"
            break
        fi
    done
fi
[ -n "$linker" ] || die "no rust-lld or wasm-ld found"

want_bindgen="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
[ "$have_bindgen" = "$want_bindgen" ] || die "wasm-bindgen-cli $want_bindgen needed (found: ${have_bindgen:-none}); run scripts/wasm-toolchain.sh"

cargo_home="${CARGO_HOME:-$HOME/.cargo}"
# -Zlocation-detail=none drops file:line:column strings of panics (size, and checkout paths);
# the remaps cover whatever paths remain.
# -Cpanic=immediate-abort turns every panic into a trap without formatting a message: smaller,
# and the rules never panic on input anyway.
rustflags=(
    -Zlocation-detail=none
    -Zunstable-options
    -Cpanic=immediate-abort
    "--remap-path-prefix=$root=/kennisbank"
    "--remap-path-prefix=$cargo_home=/cargo"
    "--remap-path-prefix=$sysroot/lib/rustlib/src/rust=/rustc"
)
encoded_rustflags="$(printf '%s\x1f' "${rustflags[@]}")"
encoded_rustflags="${encoded_rustflags%$'\x1f'}"

# build_module CRATE OUTNAME [FEATURES]
#   Builds package CRATE (a cdylib) for wasm32 without default features plus FEATURES
#   (comma-separated), and writes OUTNAME.js and OUTNAME_bg.wasm into OUTDIR.
build_module() {
    local crate="$1" outname="$2" features="${3:-}"
    local lib="${crate//-/_}"
    local feature_args=(--no-default-features)
    [ -n "$features" ] && feature_args+=(--features "$features")
    printf 'build-wasm: %s -> %s (features: %s)\n' "$crate" "$outname" "${features:-none}" >&2
    (
        cd "$root"
        RUSTC_BOOTSTRAP=1 \
            RUSTC="$debian_rustc" \
            RUSTFLAGS= \
            CARGO_ENCODED_RUSTFLAGS="$encoded_rustflags" \
            CARGO_TARGET_DIR="$target_dir" \
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$linker" \
            "$debian_cargo" build --locked --quiet \
            --profile wasm --target wasm32-unknown-unknown \
            -Zbuild-std=std,panic_abort \
            -p "$crate" "${feature_args[@]}"
    )
    local wasm="$target_dir/wasm32-unknown-unknown/wasm/$lib.wasm"
    [ -f "$wasm" ] || die "cargo produced no $wasm"
    # A private copy: the next build_module of the same crate overwrites the cargo output.
    local staged
    staged="$(mktemp -d)"
    cp "$wasm" "$staged/$outname.wasm"
    wasm-bindgen --target web --no-typescript --out-dir "$staged/out" --out-name "$outname" "$staged/$outname.wasm"
    cp "$staged/out/$outname.js" "$staged/out/${outname}_bg.wasm" "$outdir/"
    rm -rf "$staged"
}

# The herverdelingscheck: the rules and links (loaded with the page), and the documents (the letter
# with minijinja, .odt and .docx, and reading and writing scenarios as YAML), loaded only when the
# user asks for the letter, a download, or opens or saves a scenario file.
build_module calculator-wasm herverdeling
build_module calculator-wasm herverdeling_documents letter,yaml
build_module search search

printf 'build-wasm: written to %s\n' "$outdir" >&2
