# GNF vNF shell library, sourced by every entrypoint (busybox sh). The contract with the host:
# - the host moves two interfaces named `in` and `out` into the container's network namespace;
# - the entrypoint waits for them, configures itself from GNF_* environment variables, and prints
#   exactly one line {"gnf":"ready"} once it forwards;
# - every report is one JSON line on stdout:
#     {"gnf":"notification","kind":K,"message":M,"data":{...}}
#     {"gnf":"measurement","kind":K,"data":{...}}
#     {"gnf":"error","message":M}        (then the entrypoint exits 1)
# busybox sh runs its own applets before PATH (ip, tc are busybox applets there), so the full
# binaries copied into the image are always called by absolute path.
IP=/usr/sbin/ip
TC=/usr/sbin/tc
IPT=/usr/sbin/iptables
IPT_W="-w 5"

# gnf_str TEXT: TEXT as a JSON string (quotes included). Control characters become spaces.
gnf_str() {
  printf '"%s"' "$(printf '%s' "$1" | tr '\000-\037' ' ' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

gnf_line() { printf '%s\n' "$1"; }

# gnf_notify KIND MESSAGE DATA_JSON
gnf_notify() {
  gnf_line "{\"gnf\":\"notification\",\"kind\":$(gnf_str "$1"),\"message\":$(gnf_str "$2"),\"data\":${3:-null}}"
}

# gnf_measure KIND DATA_JSON [REQUEST_ID]: a measurement, with the id of the request it answers.
gnf_measure() {
  if [ -n "${3:-}" ]; then
    gnf_line "{\"gnf\":\"measurement\",\"kind\":$(gnf_str "$1"),\"request\":$(gnf_str "$3"),\"data\":${2:-null}}"
  else
    gnf_line "{\"gnf\":\"measurement\",\"kind\":$(gnf_str "$1"),\"data\":${2:-null}}"
  fi
}

# gnf_fail MESSAGE: reports the error and exits 1.
gnf_fail() {
  gnf_line "{\"gnf\":\"error\",\"message\":$(gnf_str "$1")}"
  exit 1
}

# gnf_run CMD...: runs CMD; on failure reports it with its error output and exits.
gnf_run() {
  gnf_err=$("$@" 2>&1) || gnf_fail "\`$*\` failed: $gnf_err"
}

# gnf_seconds MS: milliseconds as a seconds string for sleep (e.g. 250 -> 0.25).
gnf_seconds() {
  awk -v ms="$1" 'BEGIN { printf "%g", ms / 1000 }'
}

# gnf_uint NAME VALUE: VALUE must be a decimal integer, else fail naming variable NAME.
gnf_uint() {
  case "$2" in
    '' | *[!0-9]*) gnf_fail "$1 must be a non-negative integer, got \"$2\"" ;;
  esac
}

# gnf_wait_interfaces: waits until `in` and `out` exist (GNF_WAIT_MS, default 30000 ms), checking
# every 20 ms. The pause is the shell's own `read -t` on a FIFO nobody writes to, not `sleep`: a
# fork+exec per check cost ~170 ms of CPU per second of waiting (measured on a busy 2-core host,
# 9x less this way), which slowed every other vNF being started at the same time.
gnf_wait_interfaces() {
  gnf_wait_left=$(( ${GNF_WAIT_MS:-30000} / 20 ))
  gnf_wait_fifo=/tmp/gnf-wait.$$
  mkfifo "$gnf_wait_fifo" && exec 3<>"$gnf_wait_fifo" && rm -f "$gnf_wait_fifo" || gnf_fail "cannot create $gnf_wait_fifo"
  while [ ! -e /sys/class/net/in ] || [ ! -e /sys/class/net/out ]; do
    gnf_wait_left=$((gnf_wait_left - 1))
    [ "$gnf_wait_left" -gt 0 ] || gnf_fail "interfaces in and out did not appear within ${GNF_WAIT_MS:-30000} ms (the host attaches them)"
    read -t 0.02 -u 3 _ || :
  done
  exec 3<&-
}

# gnf_bridge NF_CALL_IPTABLES: joins in and out by the Linux bridge br0 (no STP: forwards at once).
# NF_CALL_IPTABLES 1 sends bridged IPv4 through this namespace's iptables (br_netfilter).
gnf_bridge() {
  gnf_run $IP link add br0 type bridge stp_state 0 nf_call_iptables "$1"
  for gnf_if in in out; do
    gnf_run $IP link set "$gnf_if" master br0
    gnf_run $IP link set "$gnf_if" up
  done
  gnf_run $IP link set br0 up
}

# gnf_rule_counters CHAIN PREFIX: "NAME PACKETS BYTES" for each rule of CHAIN whose comment is
# PREFIX:NAME.
gnf_rule_counters() {
  $IPT $IPT_W -L "$1" -v -x -n 2>/dev/null | awk -v p="$2:" '
    { for (i = 1; i <= NF; i++) if ($i == "/*" && index($(i + 1), p) == 1) print substr($(i + 1), length(p) + 1), $1, $2 }'
}

# gnf_watch_rules CHAIN PREFIX INTERVAL_MS CALLBACK: polls the rule counters every INTERVAL_MS
# and calls CALLBACK NAME NEW_PACKETS NEW_BYTES TOTAL_PACKETS TOTAL_BYTES when a rule's packet
# counter increased. Never returns.
gnf_watch_rules() {
  gnf_prev=/tmp/gnf-counters.$1
  gnf_rule_counters "$1" "$2" >"$gnf_prev"
  gnf_pause=$(gnf_seconds "$3")
  while :; do
    sleep "$gnf_pause"
    gnf_rule_counters "$1" "$2" >"$gnf_prev.new"
    awk 'NR == FNR { p[$1] = $2; b[$1] = $3; next } $2 > p[$1] + 0 { print $1, $2 - p[$1], $3 - b[$1], $2, $3 }' \
      "$gnf_prev" "$gnf_prev.new" | while read -r n dp db tp tb; do "$4" "$n" "$dp" "$db" "$tp" "$tb"; done
    mv "$gnf_prev.new" "$gnf_prev"
  done
}

# gnf_idle: keeps the vNF alive until it is stopped (docker stop signals the shell via --init).
gnf_idle() {
  while :; do sleep 3600; done
}

# gnf_indexed PREFIX: the values of PREFIX_1, PREFIX_2, ... up to the first unset one, one a line.
gnf_indexed() {
  gnf_i=1
  while :; do
    eval "gnf_v=\${$1_$gnf_i-}"
    eval "gnf_set=\${$1_$gnf_i+x}"
    [ -n "$gnf_set" ] || break
    printf '%s\n' "$gnf_v"
    gnf_i=$((gnf_i + 1))
  done
}
