#!/usr/bin/env bash
# Renders the application icon from its source, outreach-desk.svg, into every file the build uses:
#   installer/icon/png/outreach-desk-<N>.png   Linux menu icon and the PNG set for macOS (iconutil)
#   installer/icon/outreach-desk.ico           Windows (.exe and .msi)
#   installer/icon/outreach-desk.icns          macOS (.app and .dmg)
#   src/main/resources/org/outreachdesk/ui/icon-<N>.png   JavaFX window icon (stage.getIcons())
# The outputs are committed, so a build needs none of these tools. Run this after editing the SVG.
# Needs (Debian): librsvg2-bin (rsvg-convert) and imagemagick (convert). The .icns is written here the way
# macOS's iconutil writes one (PNG data in ic07..ic14 elements); on a Mac, installer/macos/build.sh can
# remake it with iconutil from the PNG set instead.
set -euo pipefail
cd "$(dirname "$0")"
svg=outreach-desk.svg
ui=../../src/main/resources/org/outreachdesk/ui
command -v rsvg-convert >/dev/null || { echo "render.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }
# the real ImageMagick, not a wrapper that may put a background behind transparent pixels
convert=/usr/bin/convert
[ -x "$convert" ] || convert=convert

mkdir -p png
for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$n" -h "$n" "$svg" -o "png/outreach-desk-$n.png"
done
"$convert" png/outreach-desk-{16,24,32,48,64,256}.png outreach-desk.ico

# .icns: "icns" + total length, then elements (4-byte type, 4-byte length including the 8-byte header, PNG)
be32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(( ($1 >> 24) & 255 )) $(( ($1 >> 16) & 255 )) $(( ($1 >> 8) & 255 )) $(( $1 & 255 )); }
elements=$(mktemp)
trap 'rm -f "$elements"' EXIT
for pair in ic11:32 ic12:64 ic07:128 ic08:256 ic13:256 ic09:512 ic14:512 ic10:1024; do
  type=${pair%%:*} file=png/outreach-desk-${pair##*:}.png
  size=$(( $(wc -c < "$file") + 8 ))
  { printf '%s' "$type"; printf "$(be32 "$size")"; cat "$file"; } >> "$elements"
done
{ printf 'icns'; printf "$(be32 $(( $(wc -c < "$elements") + 8 )))"; cat "$elements"; } > outreach-desk.icns
for n in 16 32 48 64 128 256; do
  cp "png/outreach-desk-$n.png" "$ui/icon-$n.png"
done
echo "render.sh: icons written"
