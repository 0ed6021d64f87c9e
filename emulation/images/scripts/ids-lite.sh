# gnf/ids-lite: raises a notification when forwarded traffic matches a signature. Each signature
# is a counting iptables rule (xt_string, no verdict: traffic is never changed) whose packet
# counter is polled.
#   GNF_IDS_NAME_1, GNF_IDS_NAME_2, ...        signature names ([A-Za-z0-9_.-])
#   GNF_IDS_PATTERN_1, GNF_IDS_PATTERN_2, ...  the byte strings to look for in packets
#   GNF_INTERVAL_MS                            polling period (default 500 ms)
# Notification: {"gnf":"notification","kind":"ids-alert","message":...,"data":{"signature":NAME,
# "packets":N,"bytes":B,"totalPackets":T,"totalBytes":TB}} once per period with matches.
. /gnf/lib.sh
set -f

on_match() {
  gnf_notify ids-alert "signature $1 matched $2 packet(s)" "{\"signature\":$(gnf_str "$1"),\"packets\":$2,\"bytes\":$3,\"totalPackets\":$4,\"totalBytes\":$5}"
}

gnf_wait_interfaces
interval=${GNF_INTERVAL_MS:-500}
gnf_uint GNF_INTERVAL_MS "$interval"
[ "$interval" -gt 0 ] || gnf_fail "GNF_INTERVAL_MS must be positive"
gnf_run $IPT $IPT_W -N GNF_IDS
gnf_run $IPT $IPT_W -A FORWARD -j GNF_IDS
gnf_indexed GNF_IDS_NAME >/tmp/names
gnf_indexed GNF_IDS_PATTERN >/tmp/patterns
[ "$(wc -l </tmp/names)" -eq "$(wc -l </tmp/patterns)" ] || gnf_fail "GNF_IDS_NAME_n and GNF_IDS_PATTERN_n must come in pairs"
[ -s /tmp/names ] || gnf_fail "no signatures: set GNF_IDS_NAME_1 and GNF_IDS_PATTERN_1"
i=0
while IFS= read -r name; do
  i=$((i + 1))
  case "$name" in
    '' | *[!A-Za-z0-9_.-]*) gnf_fail "GNF_IDS_NAME_$i \"$name\" may only contain letters, digits, _ . -" ;;
  esac
  pattern=$(sed -n "${i}p" /tmp/patterns)
  [ -n "$pattern" ] || gnf_fail "GNF_IDS_PATTERN_$i is empty"
  gnf_run $IPT $IPT_W -A GNF_IDS -m string --algo bm --string "$pattern" -m comment --comment "gnf-ids:$name"
done </tmp/names
gnf_bridge 1
gnf_line '{"gnf":"ready"}'
gnf_watch_rules GNF_IDS gnf-ids "$interval" on_match
