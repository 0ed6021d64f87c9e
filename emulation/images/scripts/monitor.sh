# gnf/monitor: forwards like gnf/wire and reports the interface counters of in and out.
#   GNF_INTERVAL_MS  reporting period (default 1000 ms)
# Measurement: {"gnf":"measurement","kind":"counters","data":{"in":{"rxPackets":..,"rxBytes":..,
# "txPackets":..,"txBytes":..,"rxDropped":..,"txDropped":..},"out":{...}}}: cumulative counters
# since the interfaces were created; the first report comes right after ready.
. /gnf/lib.sh

counters() {
  d=/sys/class/net/$1/statistics
  printf '{"rxPackets":%s,"rxBytes":%s,"txPackets":%s,"txBytes":%s,"rxDropped":%s,"txDropped":%s}' \
    "$(cat $d/rx_packets)" "$(cat $d/rx_bytes)" "$(cat $d/tx_packets)" "$(cat $d/tx_bytes)" "$(cat $d/rx_dropped)" "$(cat $d/tx_dropped)"
}

gnf_wait_interfaces
interval=${GNF_INTERVAL_MS:-1000}
gnf_uint GNF_INTERVAL_MS "$interval"
[ "$interval" -gt 0 ] || gnf_fail "GNF_INTERVAL_MS must be positive"
pause=$(gnf_seconds "$interval")
gnf_bridge 0
gnf_line '{"gnf":"ready"}'
while :; do
  gnf_measure counters "{\"in\":$(counters in),\"out\":$(counters out)}"
  sleep "$pause"
done
