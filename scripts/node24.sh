#!/usr/bin/env bash
# Node.js 24 LTS for machines whose `node` is older (docs/decisions/0039).
#
# Prints the shell lines that put Node 24 first on PATH; evaluate them:
#
#   eval "$(scripts/node24.sh)"      # or: eval "$(npm run -s node24)"
#
# When the machine's node is already 24 or newer it prints nothing. Otherwise
# it takes the official Node binary from the npm registry (package
# node-linux-<arch>, the same build as nodejs.org's tarball), checks it against
# the integrity pinned below, and unpacks it once into .cache/node/ inside the
# clone (gitignored); later runs reuse it. It needs only npm and the registry.
# The npm that runs is the machine's (11.x; Node 24.22 ships npm 11.19.1).
set -euo pipefail

# Keep in step with .nvmrc, .node-version and package.json (tests/unit/node-version.test.ts).
NODE_VERSION=24.22.3
declare -A INTEGRITY=(
  [x64]="sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=="
  [arm64]="sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw=="
)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { echo "node24: $*" >&2; }

command -v npm >/dev/null 2>&1 || { say "npm is needed (with any Node.js) to fetch Node 24"; exit 1; }
if [ "${NODE24_FORCE:-}" != "1" ]; then
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -ge 24 ]; then
    say "node $(node --version) is new enough; nothing to do"
    exit 0
  fi
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) arch=x64 ;;
  Linux-aarch64 | Linux-arm64) arch=arm64 ;;
  *) say "no pinned Node $NODE_VERSION for $(uname -s)-$(uname -m); install Node 24 yourself (nodejs.org)"; exit 1 ;;
esac

dir="$root/.cache/node/v$NODE_VERSION-linux-$arch"
if [ ! -x "$dir/bin/node" ]; then
  say "installing Node $NODE_VERSION ($arch) from the npm registry into ${dir#"$root"/}"
  mkdir -p "$root/.cache"
  work="$(mktemp -d "$root/.cache/node-download.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  # npm pack downloads the tarball (through npm's own cache and registry settings)
  # and prints its integrity; compare it with the pinned one before unpacking.
  got="$(cd "$work" && npm pack "node-linux-$arch@$NODE_VERSION" --json --silent --ignore-scripts \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s)[0].integrity))')"
  if [ "$got" != "${INTEGRITY[$arch]}" ]; then
    say "integrity mismatch for node-linux-$arch@$NODE_VERSION: got $got"
    exit 1
  fi
  mkdir -p "$work/unpacked"
  tar -xzf "$work/node-linux-$arch-$NODE_VERSION.tgz" -C "$work/unpacked" --strip-components=1
  chmod +x "$work/unpacked/bin/node"
  "$work/unpacked/bin/node" --version >/dev/null
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  mv "$work/unpacked" "$dir"
fi

say "using $("$dir/bin/node" --version) from ${dir#"$root"/}"
# npm_config_nodedir: native add-ons (node-gyp) build against Node 24's own headers,
# not the machine's Node 20 ones.
printf 'export PATH=%q:"$PATH"\nexport npm_config_nodedir=%q\n' "$dir/bin" "$dir"
