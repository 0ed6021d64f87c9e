#!/usr/bin/env bash
# Installs and starts Open vSwitch (userspace datapath) and the lab's network tools, for the
# OpenFlow interop tests and the emulation lab. Idempotent; needs root (CI runs it as root).
# The kernel here has no OVS module: bridges use datapath_type=netdev. Docker and Mininet are not
# installed here.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -ne 0 ]; then
  echo "install-ovs.sh: run as root (installs Debian packages and starts Open vSwitch)" >&2
  exit 2
fi
packages=(openvswitch-switch openvswitch-common iproute2 iputils-ping ethtool tshark)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  # Refresh the package lists only when they are missing or older than a day.
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages' -mtime -1 2>/dev/null | head -1)" ]; then
    apt-get update -qq
  fi
  # tshark asks whether non-root users may capture; the answer (no) is preseeded.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! ovs-vsctl --timeout=5 show >/dev/null 2>&1; then
  # ovs-ctl warns about ulimit and the missing kernel datapath; both are harmless here.
  /usr/share/openvswitch/scripts/ovs-ctl start --system-id=random >/dev/null 2>&1 || true
fi
if ! ovs-vsctl --timeout=5 show >/dev/null 2>&1; then
  echo "install-ovs.sh: Open vSwitch did not start (see /var/log/openvswitch/)" >&2
  exit 1
fi
echo "Open vSwitch $(ovs-vsctl --version | head -1 | awk '{print $NF}') is running (userspace datapath)"
