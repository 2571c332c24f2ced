#!/usr/bin/env bash
# Smoke test of the Linux package: inspects the .deb, unpacks it into a temporary folder (nothing is
# installed) and runs the packaged launcher headless through the command line, proving that the trimmed
# runtime has every module the program needs (crypto, SQL, XML and fonts for Excel).
#
#   installer/linux/smoke-test.sh [FILE.deb]     (default: the one .deb in target/installer/)
#
# Build the .deb first: mvn -B -Pinstaller -DskipTests package. Needs dpkg-deb (any Debian/Ubuntu).
# The password of the throwaway vault comes from OUTREACH_DESK_PASSWORD (a fixed test value if unset).
# KEEP_SMOKE_DIR=1 keeps the temporary folder for a look afterwards.
set -euo pipefail

MAX_DEB_BYTES=80000000 # issue 7: the .deb stays under 80 MB

steps=0
step() { steps=$((steps + 1)); printf '\n== smoke test: %s\n' "$*"; } # a step that returns has passed
fail() { printf 'SMOKE TEST FAILED: %s\n' "$*" >&2; exit 1; }

cd "$(dirname "$0")/../.."
if [ $# -gt 0 ]; then
  deb=$1
else
  shopt -s nullglob
  debs=(target/installer/*.deb)
  shopt -u nullglob
  [ ${#debs[@]} -eq 1 ] || fail "expected exactly one .deb in target/installer/ (found ${#debs[@]}); build it with: mvn -B -Pinstaller -DskipTests package"
  deb=${debs[0]}
fi
[ -f "$deb" ] || fail "no such file: $deb"
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing (apt-get install dpkg)"

work=$(mktemp -d "${TMPDIR:-/tmp}/outreach-desk-smoke.XXXXXX")
cleanup() {
  if [ "${KEEP_SMOKE_DIR:-}" = 1 ]; then echo "smoke test: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

step "size"
bytes=$(stat -c %s "$deb")
printf 'package: %s\nsize: %d bytes (%s MB, %s MiB); limit %d bytes\n' "$deb" "$bytes" \
  "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1000000 }')" \
  "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')" "$MAX_DEB_BYTES"
[ "$bytes" -lt "$MAX_DEB_BYTES" ] || fail "the .deb is $bytes bytes, over the limit of $MAX_DEB_BYTES"

step "control (dpkg-deb -I)"
dpkg-deb -I "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
for pkg in libgtk-3-0 libgl1 libxtst6 libxxf86vm1 libfreetype6 xdg-utils; do
  grep -Eq "(^|[ ,])$pkg([ ,(]|$)" <<<"$depends" || fail "Depends lacks $pkg: $depends"
done
[ "$(dpkg-deb -f "$deb" Package)" = outreach-desk ] || fail "the package is not called outreach-desk"
dpkg-deb -e "$deb" "$work/control"
grep -q 'ln -sf /opt/outreach-desk/bin/outreach-desk /usr/bin/outreach-desk' "$work/control/postinst" \
  || fail "postinst does not put the outreach-desk command on the PATH"
grep -q 'rm -f /usr/bin/outreach-desk' "$work/control/prerm" || fail "prerm does not remove the outreach-desk command"

step "contents (dpkg-deb -c): launcher, menu entry, icon"
contents=$(dpkg-deb -c "$deb")
grep -v -E '/opt/outreach-desk/lib/(app/lib|runtime)/' <<<"$contents"
for f in ./opt/outreach-desk/bin/outreach-desk ./opt/outreach-desk/lib/outreach-desk.png \
         ./opt/outreach-desk/lib/outreach-desk-outreach-desk.desktop ./opt/outreach-desk/lib/app/outreach-desk.jar; do
  grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
if grep -Eq ' \./(home|root|var|etc)/' <<<"$contents"; then fail "the package writes outside /opt and /usr"; fi

step "unpack (dpkg-deb -x) and check the menu entry"
root=$work/root
dpkg-deb -x "$deb" "$root"
app=$root/opt/outreach-desk
launcher=$app/bin/outreach-desk
desktop=$app/lib/outreach-desk-outreach-desk.desktop
cat "$desktop"
grep -qx 'Name=Outreach Desk' "$desktop" || fail "menu entry: Name is not 'Outreach Desk'"
grep -qx 'Categories=Office;MedicalSoftware;' "$desktop" || fail "menu entry: unexpected Categories"
grep -qx 'Exec=/opt/outreach-desk/bin/outreach-desk' "$desktop" || fail "menu entry: Exec is not the launcher"
grep -qx 'Icon=/opt/outreach-desk/lib/outreach-desk.png' "$desktop" || fail "menu entry: Icon is not the packaged icon"
file_type=$(head -c 8 "$app/lib/outreach-desk.png" | od -An -tx1 | tr -d ' \n')
[ "$file_type" = 89504e470d0a1a0a ] || fail "the menu icon is not a PNG"
ls "$app/lib/runtime/lib/modules" >/dev/null || fail "the package has no bundled runtime"

# the program must behave as installed: headless, with its own HOME and data folder, never the tester's
export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY OUTREACH_DESK_VAULT OUTREACH_DESK_NEW_PASSWORD
export OUTREACH_DESK_PASSWORD=${OUTREACH_DESK_PASSWORD:-smoke-test-password-1288}
vault=$work/vault
touch "$work/before-run"
sleep 1 # file times have a one-second grain on some file systems

run() { # run the packaged launcher; its output goes to the log and is shown
  local name=$1; shift
  printf '$ outreach-desk %s\n' "$*"
  local rc=0
  "$launcher" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  sed 's/^/  | /' "$work/$name.out" "$work/$name.err"
  [ "$rc" -eq 0 ] || fail "'outreach-desk $*' exited with $rc"
}

step "--version"
run version --version
grep -q '^Outreach Desk ' "$work/version.out" || fail "--version does not name the program"

step "init on a fresh vault (Argon2id, AES-GCM, H2, Flyway)"
run init init --vault "$vault" --org "Smoke Test NGO" --admin admin
[ -d "$vault" ] || fail "init made no vault folder"

step "user list (unlocks the vault)"
run users user list --vault "$vault" --user admin
grep -q '^admin ' "$work/users.out" || fail "user list does not show the admin"

run help --help
if grep -Eq '^ +report( |$)' "$work/help.out"; then
  step "report (POI: XML, fonts) on the empty vault"
  month=$(date +%Y-%m)
  run report report --vault "$vault" --user admin --period "$month" --audience donor --out "$work/x.xlsx"
  [ -s "$work/x.xlsx" ] || fail "report wrote no workbook"
  [ "$(head -c 2 "$work/x.xlsx")" = PK ] || fail "the report is not an .xlsx (zip) file"
else
  printf '\n== smoke test: report is not in this build'"'"'s --help yet: skipped\n'
fi

step "nothing written into the install folder"
changed=$(find "$root" -newer "$work/before-run" -print)
[ -z "$changed" ] || fail "the program wrote into its install folder: $changed"
[ -d "$XDG_DATA_HOME/outreach-desk/logs" ] || fail "no log folder in the per-user data folder"
echo "logs went to the per-user data folder; the install folder is unchanged"

printf '\nsmoke test passed: %s (%d bytes)\n' "$deb" "$bytes"
echo "smoke-test: $steps passed, 0 failed"
