# Shared by the set-up scripts (setup.sh, wasm-toolchain.sh, bench.sh); source it after defining
# `log`. Each helper installs only what is missing, so the scripts are safe to run again and again.

# apt_ensure PACKAGE...: installs the Debian packages that are not installed yet (with sudo when
# not root); says so when all are there.
apt_ensure() {
    local missing=() p sudo=""
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    if ((${#missing[@]} == 0)); then
        log "Debian packages present: $*"
        return
    fi
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
    log "installing ${missing[*]}"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
}

# npm_ensure DIR WHAT: `npm ci` in DIR when its node_modules is missing or older than its
# package-lock.json; WHAT says what the packages are for.
npm_ensure() {
    local dir="$1" what="$2"
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
        log "installing npm packages for $what"
        (cd "$dir" && npm ci --no-audit --no-fund)
        touch "$dir/node_modules"
    else
        log "npm packages for $what present"
    fi
}
