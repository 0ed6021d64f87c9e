# gnf/rate-limiter: forwards like gnf/wire, shaping with an htb class on the egress of out (the
# in → out direction); optionally also on in (out → in).
#   GNF_RATE_BPS      rate in bit/s (required), e.g. 20000000
#   GNF_BURST_BYTES   bucket size in bytes (default: tc's, rate/HZ at least one MTU)
#   GNF_RATE_SIDES    out (default) or both
. /gnf/lib.sh

shape() {
  gnf_run $TC qdisc add dev "$1" root handle 1: htb default 10
  # shellcheck disable=SC2086 # burst is empty or two words
  gnf_run $TC class add dev "$1" parent 1: classid 1:10 htb rate "${rate}bit" ceil "${rate}bit" quantum 1514 $burst
}

gnf_wait_interfaces
rate=${GNF_RATE_BPS:-}
[ -n "$rate" ] || gnf_fail "GNF_RATE_BPS is required (the rate in bit/s)"
gnf_uint GNF_RATE_BPS "$rate"
[ "$rate" -gt 0 ] || gnf_fail "GNF_RATE_BPS must be positive"
burst=
if [ -n "${GNF_BURST_BYTES:-}" ]; then
  gnf_uint GNF_BURST_BYTES "$GNF_BURST_BYTES"
  burst="burst ${GNF_BURST_BYTES}b cburst ${GNF_BURST_BYTES}b"
fi
case "${GNF_RATE_SIDES:-out}" in
  out) sides=out ;;
  both) sides="out in" ;;
  *) gnf_fail "GNF_RATE_SIDES must be out or both, got \"$GNF_RATE_SIDES\"" ;;
esac
for side in $sides; do shape "$side"; done
gnf_bridge 0
gnf_line '{"gnf":"ready"}'
gnf_idle
