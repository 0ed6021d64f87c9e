#!/usr/bin/env bash
# Installs and starts Open vSwitch (userspace datapath) for the OpenFlow interop tests and the lab.
# Idempotent; needs root. The kernel here has no OVS module: bridges use datapath_type=netdev.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(openvswitch-switch openvswitch-common iproute2 iputils-ping ethtool)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! ovs-vsctl --timeout=5 show >/dev/null 2>&1; then
  # ovs-ctl warns about ulimit and the missing kernel datapath; both are harmless here.
  /usr/share/openvswitch/scripts/ovs-ctl start --system-id=random >/dev/null 2>&1 || true
fi
ovs-vsctl --timeout=5 show >/dev/null
echo "Open vSwitch $(ovs-vsctl --version | head -1 | awk '{print $NF}') is running (userspace datapath)"
