#!/usr/bin/env bash
# setup.sh — Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu
# 22.04 or 24.04). It installs Swift and the system packages the grader needs, then builds the
# grader's package, so that each submission only builds the student's files.
#
# AUTOGRADER_ROOT (default /autograder) lets the same script run in a simulated tree.
set -euo pipefail

root="${AUTOGRADER_ROOT:-/autograder}"
package="$root/source/package"
swift_version="6.3.1"
export GRADER_WORK="${GRADER_WORK:-$root/work}"
export DEBIAN_FRONTEND=noninteractive

missing=()
for p in libopenblas-dev pkg-config python3 util-linux; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
  # Swift's Linux toolchain and what it needs at run time (swift.org's list for Ubuntu).
  missing+=(binutils curl git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libpython3-dev libsqlite3-0
    libxml2-dev libz3-dev tzdata unzip zlib1g-dev ca-certificates)
  install_swift=1
fi

if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${install_swift:-0}" = 1 ]; then
  . /etc/os-release # ID=ubuntu, VERSION_ID=22.04 or 24.04
  platform="${ID}${VERSION_ID}"
  folder="${platform//./}"
  url="https://download.swift.org/swift-${swift_version}-release/${folder}/swift-${swift_version}-RELEASE/swift-${swift_version}-RELEASE-${platform}.tar.gz"
  mkdir -p /opt/swift
  curl -fsSL "$url" | tar -xz -C /opt/swift --strip-components=1
fi
export PATH="/opt/swift/usr/bin:$PATH"
swift --version

python3 "$package/grading/exercises.py" prepare --work "$GRADER_WORK"
