# gnf/troubleshoot: forwards like gnf/wire and runs ping, traceroute and tcpdump on demand.
#   GNF_ADDRESS  IPv4 address with prefix length for the vNF itself on br0 (e.g. 10.0.0.100/24);
#                needed for ping and traceroute
#   GNF_MAC      MAC address of br0 (optional; lets the controller steer the vNF's own traffic)
# Requests: `/gnf/request.sh ID COMMAND ARGS...` (docker exec) queues one; results are
# measurements carrying the request id, reported on stdout:
#   ID ping TARGET [COUNT]                  kind "ping": transmitted, received, rttMinMs/AvgMs/MaxMs
#   ID traceroute TARGET [MAX_HOPS]         kind "traceroute": hops [{hop, address, rttMs}], reached
#   ID tcpdump IFACE SECONDS MAX [FILTER]   kind "tcpdump": interface, packets, lines (first 100)
# A request that cannot run gives kind "request-failed" with a message.
. /gnf/lib.sh
set -f
FIFO=/run/gnf/requests

failed() {
  gnf_measure request-failed "{\"message\":$(gnf_str "$2")}" "$1"
}

do_ping() {
  id=$1
  target=$2
  count=${3:-3}
  case "$count" in '' | *[!0-9]*) failed "$id" "ping count must be a number"; return ;; esac
  out=$(ping -c "$count" -i 0.2 -W 1 "$target" 2>&1)
  printf '%s\n' "$out" | awk -v t="$target" '
    /packets transmitted/ { tx = $1; rx = $4 }
    /min\/avg\/max/ { split($4, r, "/"); mn = r[1]; av = r[2]; mx = r[3] }
    END {
      if (tx == "") tx = 0; if (rx == "") rx = 0
      if (mn == "") { mn = "null"; av = "null"; mx = "null" }
      printf "{\"target\":\"%s\",\"transmitted\":%d,\"received\":%d,\"rttMinMs\":%s,\"rttAvgMs\":%s,\"rttMaxMs\":%s}\n", t, tx, rx, mn, av, mx
    }' | { read -r data; gnf_measure ping "$data" "$id"; }
}

do_traceroute() {
  id=$1
  target=$2
  hops=${3:-8}
  case "$hops" in '' | *[!0-9]*) failed "$id" "traceroute max hops must be a number"; return ;; esac
  traceroute -n -q 1 -w 1 -m "$hops" "$target" 2>/dev/null | awk -v t="$target" '
    $1 ~ /^[0-9]+$/ {
      a = ($2 == "*") ? "null" : "\"" $2 "\""
      r = ($2 == "*") ? "null" : $3
      h = h (h == "" ? "" : ",") "{\"hop\":" $1 ",\"address\":" a ",\"rttMs\":" r "}"
      last = $2
    }
    END { printf "{\"target\":\"%s\",\"hops\":[%s],\"reached\":%s}\n", t, h, (last == t ? "true" : "false") }' |
    { read -r data; gnf_measure traceroute "$data" "$id"; }
}

do_tcpdump() {
  id=$1
  iface=$2
  secs=$3
  max=$4
  shift 4
  case "$iface" in in | out | br0) ;; *) failed "$id" "tcpdump interface must be in, out or br0"; return ;; esac
  case "$secs$max" in '' | *[!0-9]*) failed "$id" "tcpdump SECONDS and MAX must be numbers"; return ;; esac
  timeout "$secs" /usr/bin/tcpdump -Z root -n -l -i "$iface" -c "$max" "$@" 2>/dev/null >/tmp/tcpdump.$id
  lines=$(head -n 100 /tmp/tcpdump.$id | while IFS= read -r l; do printf '%s,' "$(gnf_str "$l")"; done)
  gnf_measure tcpdump "{\"interface\":\"$iface\",\"packets\":$(wc -l </tmp/tcpdump.$id),\"lines\":[${lines%,}]}" "$id"
  rm -f /tmp/tcpdump.$id
}

handle() {
  [ $# -ge 2 ] || return
  id=$1
  cmd=$2
  shift 2
  case "$cmd" in
    ping) [ $# -ge 1 ] && do_ping "$id" "$@" || failed "$id" "usage: ping TARGET [COUNT]" ;;
    traceroute) [ $# -ge 1 ] && do_traceroute "$id" "$@" || failed "$id" "usage: traceroute TARGET [MAX_HOPS]" ;;
    tcpdump) [ $# -ge 3 ] && do_tcpdump "$id" "$@" || failed "$id" "usage: tcpdump IFACE SECONDS MAX [FILTER]" ;;
    *) failed "$id" "unknown request \"$cmd\" (ping, traceroute or tcpdump)" ;;
  esac
}

gnf_wait_interfaces
gnf_bridge 0
[ -z "${GNF_MAC:-}" ] || gnf_run $IP link set br0 address "$GNF_MAC"
[ -z "${GNF_ADDRESS:-}" ] || gnf_run $IP addr add "$GNF_ADDRESS" dev br0
mkdir -p /run/gnf
rm -f "$FIFO"
mkfifo "$FIFO"
gnf_line '{"gnf":"ready"}'
while :; do
  # shellcheck disable=SC2086 # a request is a list of words
  while read -r request; do handle $request & done <"$FIFO"
done
