#!/usr/bin/env bash
# Builds the macOS disk image, target/installer/Outreach Desk-<version>.dmg, and smoke-tests the bundle it
# is made from. Run on a Mac of the architecture you ship for (Intel or Apple silicon: Maven picks the
# matching JavaFX jars). Needs a full JDK 17 (with jmods/) as JAVA_HOME and Maven 3.8+.
# NOT run on this project's Linux CI; see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "installer/macos/build.sh: run this on macOS" >&2; exit 1; }

mvn -B -Pinstaller package

# smoke test: the launcher inside the bundle runs the command line when given arguments
cli="target/installer/Outreach Desk.app/Contents/MacOS/Outreach Desk"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home OUTREACH_DESK_PASSWORD=${OUTREACH_DESK_PASSWORD:-smoke-test-password-1288}
mkdir -p "$HOME"
"$cli" --version
"$cli" init --vault "$work/vault" --org "Smoke Test NGO" --admin admin
"$cli" user list --vault "$work/vault" --user admin
if "$cli" --help | grep -Eq '^ +report( |$)'; then
  "$cli" report --vault "$work/vault" --user admin --period "$(date +%Y-%m)" --audience donor --out "$work/x.xlsx"
  [ -s "$work/x.xlsx" ]
fi

ls -l target/installer/*.dmg
