# gnf/firewall: iptables on the bridged traffic (br_netfilter).
#   GNF_FW_DROP     rules to drop, space-separated: tcp:PORT[-PORT] udp:PORT[-PORT] tcp udp icmp all
#   GNF_FW_ALLOW    rules to accept (checked first), same syntax
#   GNF_FW_DEFAULT  accept (default) or drop; with drop, replies of accepted connections pass
#   GNF_REPORT_MS   every this many ms, a notification "firewall-drop" per drop rule that dropped
#                   packets since the last one; 0 (default) reports nothing
. /gnf/lib.sh
set -f

# fw_rule TARGET TOKEN
fw_rule() {
  fw_target=$1
  fw_tok=$2
  case "$fw_tok" in
    tcp | udp | icmp | all) fw_match="-p $fw_tok" ;;
    tcp:* | udp:*)
      fw_ports=${fw_tok#*:}
      case "$fw_ports" in
        '' | *[!0-9-]* | -* | *- | *-*-*) gnf_fail "firewall rule \"$fw_tok\": the port must be PORT or PORT-PORT" ;;
      esac
      fw_match="-p ${fw_tok%%:*} --dport $(printf '%s' "$fw_ports" | tr - :)"
      ;;
    *) gnf_fail "firewall rule \"$fw_tok\": expected tcp:PORT[-PORT], udp:PORT[-PORT], tcp, udp, icmp or all" ;;
  esac
  # shellcheck disable=SC2086 # fw_match is a list of words
  gnf_run $IPT $IPT_W -A FORWARD $fw_match -m comment --comment "gnf-fw-$(echo "$fw_target" | tr A-Z a-z):$fw_tok" -j "$fw_target"
}

on_drop() {
  gnf_notify firewall-drop "rule $1 dropped $2 packet(s)" "{\"rule\":$(gnf_str "$1"),\"packets\":$2,\"bytes\":$3,\"totalPackets\":$4,\"totalBytes\":$5}"
}

gnf_wait_interfaces
default=${GNF_FW_DEFAULT:-accept}
case "$default" in
  accept | drop) ;;
  *) gnf_fail "GNF_FW_DEFAULT must be accept or drop, got \"$default\"" ;;
esac
gnf_uint GNF_REPORT_MS "${GNF_REPORT_MS:-0}"
[ "$default" = accept ] || gnf_run $IPT $IPT_W -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
for tok in ${GNF_FW_ALLOW:-}; do fw_rule ACCEPT "$tok"; done
for tok in ${GNF_FW_DROP:-}; do fw_rule DROP "$tok"; done
[ "$default" = accept ] || gnf_run $IPT $IPT_W -P FORWARD DROP
gnf_bridge 1
gnf_line '{"gnf":"ready"}'
if [ "${GNF_REPORT_MS:-0}" -gt 0 ]; then gnf_watch_rules FORWARD gnf-fw-drop "$GNF_REPORT_MS" on_drop; fi
gnf_idle
