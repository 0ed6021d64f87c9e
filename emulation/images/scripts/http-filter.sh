# gnf/http-filter: drops HTTP requests whose URL or Host header contains a pattern (xt_string on
# request packets toward the HTTP ports; the client sees no answer and times out).
#   GNF_HTTP_URL_1, GNF_HTTP_URL_2, ...    substrings of the request line, case-sensitive ("/admin")
#   GNF_HTTP_HOST_1, GNF_HTTP_HOST_2, ...  host names: matches "Host: NAME" case-insensitively
#   GNF_HTTP_PORTS                         TCP ports of HTTP servers, comma-separated (default 80)
#   GNF_REPORT_MS                          every this many ms (default 1000), a notification
#                                          "http-blocked" per rule that matched (data: rule
#                                          url-N or host-N, pattern, packets, bytes); 0: none
. /gnf/lib.sh
set -f

RULES=/tmp/gnf-http-rules

on_block() {
  pattern=$(awk -v n="$1" '$1 == n { sub(/^[^ ]+ /, ""); print; exit }' "$RULES")
  gnf_notify http-blocked "rule $1 ($pattern) blocked $2 packet(s)" "{\"rule\":$(gnf_str "$1"),\"pattern\":$(gnf_str "$pattern"),\"packets\":$2,\"bytes\":$3,\"totalPackets\":$4,\"totalBytes\":$5}"
}

# block NAME PATTERN [--icase]: one DROP rule, remembered in $RULES as "NAME PATTERN".
block() {
  printf '%s %s\n' "$1" "$2" >>"$RULES"
  gnf_run $IPT $IPT_W -A FORWARD -p tcp -m multiport --dports "$ports" -m string --algo bm ${3:-} --string "$2" -m comment --comment "gnf-http:$1" -j DROP
}

gnf_wait_interfaces
ports=${GNF_HTTP_PORTS:-80}
case "$ports" in
  '' | *[!0-9,]*) gnf_fail "GNF_HTTP_PORTS must be comma-separated port numbers, got \"$ports\"" ;;
esac
report=${GNF_REPORT_MS:-1000}
gnf_uint GNF_REPORT_MS "$report"
n=0
i=0
gnf_indexed GNF_HTTP_URL >/tmp/urls
while IFS= read -r p; do
  i=$((i + 1))
  block "url-$i" "$p"
done </tmp/urls
n=$((n + i))
i=0
gnf_indexed GNF_HTTP_HOST >/tmp/hosts
while IFS= read -r h; do
  i=$((i + 1))
  block "host-$i" "Host: $h" --icase
done </tmp/hosts
n=$((n + i))
[ "$n" -gt 0 ] || gnf_fail "no patterns: set GNF_HTTP_URL_1 or GNF_HTTP_HOST_1"
gnf_bridge 1
gnf_line '{"gnf":"ready"}'
if [ "$report" -gt 0 ]; then gnf_watch_rules FORWARD gnf-http "$report" on_block; fi
gnf_idle
