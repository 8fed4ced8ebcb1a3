#!/usr/bin/env bash
# Installs everything the full test suite needs on a fresh Debian machine, skipping what is there:
#   - the WebAssembly toolchain (scripts/wasm-toolchain.sh): Debian's rustc-web + std source, wasm-bindgen-cli;
#   - Debian's Chromium and ChromeDriver, for the browser tests;
#   - the browser tests' npm packages (playwright-core, axe-core), from tests/browser/package-lock.json.
# Building and serving the site needs none of this: the WebAssembly modules ship with the generator.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf 'setup: %s\n' "$*"; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi

apt_missing=()
for p in chromium chromium-driver; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        apt_missing+=("$p")
    fi
done
if ((${#apt_missing[@]})); then
    log "installing ${apt_missing[*]}"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${apt_missing[@]}"
else
    log "Chromium present"
fi

"$root/scripts/wasm-toolchain.sh"

if [ -f "$root/tests/browser/package.json" ]; then
    if [ ! -d "$root/tests/browser/node_modules" ] || [ "$root/tests/browser/package-lock.json" -nt "$root/tests/browser/node_modules" ]; then
        log "installing npm packages for the browser tests"
        (cd "$root/tests/browser" && npm ci --no-audit --no-fund)
        touch "$root/tests/browser/node_modules"
    else
        log "npm packages present"
    fi
fi
log "ready"
