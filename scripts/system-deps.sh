#!/usr/bin/env bash
# Install the Debian packages the test suite and benchmarks drive, when missing.
# Run as root on Debian/Ubuntu; elsewhere it only reports what is missing.
set -euo pipefail

# command -> package that provides it
declare -A PACKAGES=(
  [chromium]=chromium
  [nginx]=nginx-light
  [wrk]=wrk
  [/usr/lib/postgresql/15/bin/initdb]=postgresql
  [msgfmt]=gettext
  [java]=openjdk-17-jre-headless
)

missing=()
for cmd in "${!PACKAGES[@]}"; do
  if [[ "$cmd" == /* ]]; then
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=("${PACKAGES[$cmd]}")
  elif ! command -v "$cmd" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$cmd" ]]; then
    missing+=("${PACKAGES[$cmd]}")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]}; install them (tests that need them skip outside CI)" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
