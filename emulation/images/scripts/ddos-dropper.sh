# gnf/ddos-dropper: drops all traffic from listed sources (the paper's IoT DDoS mitigation).
#   GNF_DROP_SOURCES  IPv4 addresses or prefixes, space-separated (e.g. "10.0.0.3 10.0.1.0/24")
#   GNF_REPORT_MS     every this many ms (default 1000), a notification "ddos-dropped" per source
#                     that sent dropped packets since the last one; 0 reports nothing
. /gnf/lib.sh
set -f

on_drop() {
  gnf_notify ddos-dropped "dropped $2 packet(s) from $1" "{\"source\":$(gnf_str "$1"),\"packets\":$2,\"bytes\":$3,\"totalPackets\":$4,\"totalBytes\":$5}"
}

gnf_wait_interfaces
report=${GNF_REPORT_MS:-1000}
gnf_uint GNF_REPORT_MS "$report"
[ -n "${GNF_DROP_SOURCES:-}" ] || gnf_fail "GNF_DROP_SOURCES is empty: give the sources to drop"
for src in $GNF_DROP_SOURCES; do
  case "$src" in
    *[!0-9./]* | '') gnf_fail "GNF_DROP_SOURCES: \"$src\" is not an IPv4 address or prefix" ;;
  esac
  gnf_run $IPT $IPT_W -A FORWARD -s "$src" -m comment --comment "gnf-ddos:$src" -j DROP
done
gnf_bridge 1
gnf_line '{"gnf":"ready"}'
if [ "$report" -gt 0 ]; then gnf_watch_rules FORWARD gnf-ddos "$report" on_drop; fi
gnf_idle
