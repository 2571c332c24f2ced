# Builds the Windows installer, target\installer\Outreach Desk-<version>.msi, and smoke-tests the
# application image it is made from. Run from any folder in PowerShell:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs: a full JDK 17 (with jmods\) as JAVA_HOME, Maven 3.8+, the WiX Toolset 3 on PATH.
# NOT run on this project's Linux CI; see installer\README.md.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue) -or -not (Get-Command light.exe -ErrorAction SilentlyContinue)) {
    throw 'WiX Toolset 3 is not on PATH (candle.exe, light.exe): install WiX 3.14, add its bin folder to PATH, open a new shell.'
}

mvn -B -Pinstaller package
if ($LASTEXITCODE -ne 0) { throw "mvn -Pinstaller package failed ($LASTEXITCODE)" }

# smoke test: the console launcher of the application image, on a throwaway vault
$cli = Join-Path (Get-Location) 'target\installer\Outreach Desk\outreach-desk.exe'
$work = Join-Path ([System.IO.Path]::GetTempPath()) ("outreach-desk-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null
try {
    $env:LOCALAPPDATA = $work   # logs go here, not into the tester's data folder
    if (-not $env:OUTREACH_DESK_PASSWORD) { $env:OUTREACH_DESK_PASSWORD = 'smoke-test-password-1288' }
    & $cli --version
    if ($LASTEXITCODE -ne 0) { throw "--version failed ($LASTEXITCODE)" }
    & $cli init --vault "$work\vault" --org 'Smoke Test NGO' --admin admin
    if ($LASTEXITCODE -ne 0) { throw "init failed ($LASTEXITCODE)" }
    & $cli user list --vault "$work\vault" --user admin
    if ($LASTEXITCODE -ne 0) { throw "user list failed ($LASTEXITCODE)" }
    if ((& $cli --help) -match '^\s+report\s') {
        $month = Get-Date -Format 'yyyy-MM'
        & $cli report --vault "$work\vault" --user admin --period $month --audience donor --out "$work\x.xlsx"
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path "$work\x.xlsx")) { throw "report failed ($LASTEXITCODE)" }
    }
} finally {
    Remove-Item -Recurse -Force $work
}

Get-ChildItem target\installer\*.msi | ForEach-Object { '{0}: {1:N1} MB' -f $_.Name, ($_.Length / 1MB) }
