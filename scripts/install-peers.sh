#!/usr/bin/env bash
# Installs the Debian packages the tests meet as real peers (shared/PEERS.md): Chromium for the
# UI, CUPS + ippeveprinter for printers, SoftHSM2 + OpenSC for tokens, iproute2/dnsmasq/nmap for
# the simulated office LAN, snmpd for a Printer-MIB agent, PostgreSQL for the collection server, samba's nmbd for NetBIOS names, poppler for PDF checks. Needs root (apt-get).
# Also PowerShell 7 (pwsh) as a .NET global tool, for the Windows scripts (see install_pwsh).
set -euo pipefail
packages=(
  chromium chromium-driver
  cups cups-client cups-bsd cups-ipp-utils dbus avahi-daemon
  iproute2 iputils-ping dnsmasq nmap snmpd samba
  softhsm2 opensc openssl
  poppler-utils unzip tmux
  libreoffice-writer-nogui

  postgresql
  mono-mcs
)
# PowerShell 7 (pwsh) runs every Windows script of the app in the tests, against the fake Windows
# module (tests/fakes/windows). A .NET global tool, pinned (a later 7.7 may want a newer .NET);
# the tests look for it at ~/.dotnet/tools/pwsh, then on PATH (XASO_PWSH overrides). Idempotent.
install_pwsh() {
  if [ -x "$HOME/.dotnet/tools/pwsh" ]; then
    echo "install-peers: pwsh already installed ($("$HOME/.dotnet/tools/pwsh" --version))"
    return 0
  fi
  local dotnet
  dotnet="$(command -v dotnet || true)"
  [ -z "$dotnet" ] && [ -x "$HOME/.dotnet/dotnet" ] && dotnet="$HOME/.dotnet/dotnet"
  if [ -z "$dotnet" ]; then
    echo "install-peers: no dotnet SDK: cannot install pwsh; the Windows tests will fail in CI" >&2
    return 0
  fi
  echo "install-peers: installing pwsh (dotnet tool install --global PowerShell --version 7.6.9)"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "$dotnet" tool install --global PowerShell --version 7.6.9
}
install_pwsh

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-peers: all ${#packages[@]} packages already installed"
  exit 0
fi
echo "install-peers: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-peers: run as root (apt-get needs it)" >&2; exit 1; }
  sudo="sudo"
fi
# No package may start its daemon on this machine's real network during the install (dnsmasq,
# nmbd, snmpd, cupsd…): tests start their own, on loopback or inside their namespaces. Debian's
# maintainer scripts ask policy-rc.d first; exit code 101 means "do not start".
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
  added_policy=1
fi
cleanup() { [ -n "$added_policy" ] && $sudo rm -f "$policy"; return 0; }
trap cleanup EXIT
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# With recommends: CUPS needs cups-filters (recommended) to print a test page.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
# Tests start their own snmpd/nmbd on loopback or in namespaces; daemons the packages may have
# started on the machine's real network (where systemd runs them) are stopped and disabled.
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  $sudo systemctl disable --now snmpd nmbd smbd samba-ad-dc postgresql >/dev/null 2>&1 || true
fi
