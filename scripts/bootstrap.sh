#!/usr/bin/env bash
# One-command set-up for a fresh Debian 12 machine.
#
#   scripts/bootstrap.sh sample   install what is missing, build, run erx on the sample article
#   scripts/bootstrap.sh test     install what is missing, build, run the whole test suite
#
# Only missing Debian packages are installed (with sudo when not root). The build goes to
# build/release (override with ERX_BUILD_DIR). Nothing is downloaded except Debian packages and,
# for `test`, the npm packages ajv-cli and ajv-formats (into .cache/node).
set -euo pipefail

mode=${1:-sample}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${ERX_BUILD_DIR:-$root/build/release}
jobs=${ERX_JOBS:-$(nproc 2>/dev/null || echo 2)}

packages=(g++ cmake ninja-build pkg-config python3 libicu-dev libfmt-dev catch2
          libboost1.81-dev libboost-json1.81-dev libboost-program-options1.81-dev)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# The test suite validates the vcpkg manifests with ajv-cli, installed with npm below.
if [ "$mode" = test ] && ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi
if ((${#missing[@]})); then
  echo "erx: installing missing packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ajv-cli for the vcpkg manifest schema test (tests/packaging): from npm into .cache/node, here at
# set-up and never at build time. If it cannot be installed, that one test is skipped with a message.
if [ "$mode" = test ] && [ ! -x "$root/.cache/node/node_modules/.bin/ajv" ]; then
  echo "erx: installing ajv-cli into .cache/node"
  npm install --prefix "$root/.cache/node" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error ajv-cli@5.0.0 ajv-formats@2.1.1 ||
    echo "erx: could not install ajv-cli; the vcpkg manifest schema test will be skipped" >&2
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$jobs"

case "$mode" in
  sample)
    "$build/tools/erx" extract "$root/examples/sample-article.txt"
    ;;
  test)
    ctest --test-dir "$build" -j "$jobs" --output-on-failure
    ;;
  *)
    echo "usage: $0 sample|test" >&2
    exit 2
    ;;
esac
