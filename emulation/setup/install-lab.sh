#!/usr/bin/env bash
# Installs and starts what the emulation lab needs, idempotently (root; CI runs it as root):
# Debian packages (Open vSwitch, Mininet, Docker Engine, busybox-static, network tools, gcc for the
# delay relay), the Docker daemon config (no bridge, no iptables, no NAT: nothing toward the outside
# is ever created), Open vSwitch (userspace datapath: the kernel here has no OVS module) and
# dockerd. Building the vNF images is `gnf emulation images` (run by `gnf emulation setup`).
# Daemons this script starts keep running (they are the lab); their PIDs are in /run/gnf-lab/.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -ne 0 ]; then
  echo "install-lab.sh: run as root (installs Debian packages, starts Open vSwitch and dockerd)" >&2
  exit 2
fi
packages=(openvswitch-switch openvswitch-common mininet docker.io busybox-static iproute2 iputils-ping
  ethtool tshark tcpdump iperf3 iptables util-linux gcc libc6-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Docker must never create a bridge or NAT rules: its config is written before it is installed.
mkdir -p /etc/docker
want='{"bridge":"none","iptables":false,"ip6tables":false,"ip-masq":false}'
if [ "$(cat /etc/docker/daemon.json 2>/dev/null || true)" != "$want" ]; then echo "$want" > /etc/docker/daemon.json; fi
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
mkdir -p /run/gnf-lab
if ! ovs-vsctl --timeout=5 show >/dev/null 2>&1; then
  # ovs-ctl warns about ulimit and the missing kernel datapath; both are harmless here.
  /usr/share/openvswitch/scripts/ovs-ctl start --system-id=random >/dev/null 2>&1 || true
fi
if ! ovs-vsctl --timeout=5 show >/dev/null 2>&1; then
  echo "install-lab.sh: Open vSwitch did not start (see /var/log/openvswitch/)" >&2
  exit 1
fi
echo "Open vSwitch $(ovs-vsctl --version | head -1 | awk '{print $NF}') is running (userspace datapath)"
if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  # The bridge/iptables settings come from daemon.json (dockerd refuses them twice).
  nohup dockerd >/var/log/gnf-lab-dockerd.log 2>&1 &
  echo $! > /run/gnf-lab/dockerd.pid
  for _ in $(seq 1 100); do docker version >/dev/null 2>&1 && break; sleep 0.1; done
fi
if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  echo "install-lab.sh: dockerd did not start (see /var/log/gnf-lab-dockerd.log)" >&2
  exit 1
fi
echo "Docker Engine $(docker version --format '{{.Server.Version}}') is running (no bridge, no iptables)"
/usr/bin/python3 -c "import mininet.net" 2>/dev/null || { echo "install-lab.sh: /usr/bin/python3 cannot import Mininet" >&2; exit 1; }
echo "Mininet $(/usr/bin/python3 -c 'import mininet.net; print(mininet.net.VERSION)') is importable by /usr/bin/python3"
