#!/usr/bin/env bash
# Installs what the browser tests (tests/report_browser.rs, tests/common/browser.rs) need:
#   - Chromium at /usr/bin/chromium (or $SHANZHAI_CHROMIUM): the Debian `chromium` package,
#     installed with apt-get when it is missing and this runs as root (CI);
#   - Node.js 20 or newer (the Debian `nodejs` and `npm` packages when node is missing, as root);
#   - playwright-core, pinned by package-lock.json, into tests/browser/node_modules (npm ci). It
#     drives the system Chromium; no browser is downloaded.
# With --npm-only it does only the last step (what the tests do by themselves on first need).
# Runs again in a second when everything is there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${SHANZHAI_CHROMIUM:-/usr/bin/chromium}"
npm_only=false
[ "${1:-}" = "--npm-only" ] && npm_only=true

apt_install() {
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "tests/browser/setup.sh: $1 is missing; install it (Debian: sudo apt-get install $2)" >&2
        exit 1
    fi
    echo "tests/browser/setup.sh: installing $2 with apt-get" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $2 >/dev/null
}

if ! $npm_only; then
    [ -x "$chromium" ] || apt_install "Chromium ($chromium)" chromium
    command -v node >/dev/null || apt_install "Node.js" "nodejs npm"
fi

command -v node >/dev/null || { echo "tests/browser/setup.sh: node is not on PATH" >&2; exit 1; }
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
    echo "tests/browser/setup.sh: Node.js $(node --version) is too old; playwright-core needs 20 or newer" >&2
    exit 1
fi

# npm ci only when the locked playwright-core is not installed already.
wanted="$(node -p 'require(process.argv[1]).packages["node_modules/playwright-core"].version' "$here/package-lock.json")"
have="$(node -p 'try { require(process.argv[1]).version } catch { "" }' "$here/node_modules/playwright-core/package.json")"
if [ "$have" != "$wanted" ]; then
    echo "tests/browser/setup.sh: npm ci (playwright-core $wanted) into $here/node_modules" >&2
    npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi
