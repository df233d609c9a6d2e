#!/usr/bin/env bash
# The Windows release, built and checked on Debian 12 under wine (as root): see README, "Windows release".
# Installs what it needs from Debian, then runs packaging/windows/release.py (arguments are passed on:
# --no-check builds only, --check-only checks dist/windows/ again).
set -euo pipefail
cd "$(dirname "$0")/../.."

needed=(wine wine64 wixl msitools osslsigncode openssl xvfb x11-apps xdotool fonts-wine fonts-dejavu-core ca-certificates)
missing=()
for package in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing from Debian: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec python3 packaging/windows/release.py "$@"
