#!/usr/bin/env bash
# Installs the system packages NeuralNotebook needs (Debian/Ubuntu), or says exactly how to.
# Quiet when everything is already there.
set -euo pipefail

packages=(libopenblas-dev libgnuplot-iostream-dev gnuplot-nox cmark-gfm wamerican zlib1g-dev dataset-fashion-mnist)

if ! command -v swift >/dev/null 2>&1; then
  echo "swift was not found on PATH: install Swift 6.1 or later (https://www.swift.org/install/linux/)." >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "This is not a Debian-based system, so nothing was installed." >&2
  echo "Install the equivalents of: ${packages[*]} (OpenBLAS with cblas.h and pkg-config, gnuplot-iostream, gnuplot, cmark-gfm, an English word list at /usr/share/dict/words, zlib with its header, Fashion-MNIST at /usr/share/datasets/fashion-mnist)." >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo sh -c '$command_line'" >&2
  exit 1
fi

echo "Installing ${missing[*]} ..."
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/neuralnotebook-apt.log 2>&1; then
  tail -n 20 /tmp/neuralnotebook-apt.log >&2
  echo "Installing failed (log: /tmp/neuralnotebook-apt.log). Try by hand: $command_line" >&2
  exit 1
fi
echo "Installed ${missing[*]}."
