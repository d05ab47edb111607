#!/usr/bin/env bash
# book-check.sh — screenshots of two pages of the book, taken with headless Chromium (Debian's
# `chromium`), to look at before a release: dist/book-check/index.png and 04-backprop.png.
# Installs Chromium when run as root and it is missing (large: give it minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
book="${1:-dist/book}"
out="dist/book-check"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is missing: install it with: sudo apt-get install chromium" >&2
    exit 1
  fi
  echo "Installing chromium ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  browser="$(command -v chromium)"
fi

# The chapters and the audit ledger quote the Chinese articles: without a CJK font the
# screenshots show boxes where a reader's browser shows characters.
if [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing fonts-noto-cjk (for the Chinese quotations) ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
  else
    echo "No Chinese font: quotations will show as boxes (sudo apt-get install fonts-noto-cjk)" >&2
  fi
fi

mkdir -p "$out"
for page in index 04-backprop; do
  # --no-sandbox: Chromium's sandbox refuses to run as root, which CI and containers are.
  "$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --window-size=1280,2000 \
    --screenshot="$out/$page.png" "file://$(realpath "$book/$page.html")" >/dev/null 2>&1
  echo "screenshot: $out/$page.png"
done
