#!/usr/bin/env bash
# Remakes installer/icon/outreach-desk.icns with Apple's iconutil from the committed PNG set (the file
# in the repository is written by installer/icon/render.sh in the same layout, on Linux). Run on macOS
# if Finder or the Dock ever shows a blank icon; commit the result.
set -euo pipefail
cd "$(dirname "$0")/../icon"
command -v iconutil >/dev/null || { echo "make-icns.sh: iconutil not found (macOS only)" >&2; exit 1; }
set_dir=$(mktemp -d)/outreach-desk.iconset
mkdir -p "$set_dir"
for spec in 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x 256:256x256 512:256x256@2x \
            512:512x512 1024:512x512@2x; do
  cp "png/outreach-desk-${spec%%:*}.png" "$set_dir/icon_${spec#*:}.png"
done
iconutil -c icns "$set_dir" -o outreach-desk.icns
echo "make-icns.sh: wrote installer/icon/outreach-desk.icns"
