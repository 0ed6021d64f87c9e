# Queues an on-demand request for the vNF's entrypoint: request.sh ID COMMAND ARGS...
# (run with docker exec). ID: letters, digits, _ and -. The result comes on the vNF's stdout.
FIFO=/run/gnf/requests
case "${1:-}" in
  '' | *[!A-Za-z0-9_-]*) echo "request.sh: the request id must be letters, digits, _ or -" >&2; exit 2 ;;
esac
[ $# -ge 2 ] || { echo "request.sh: usage: request.sh ID COMMAND ARGS..." >&2; exit 2; }
[ -p "$FIFO" ] || { echo "request.sh: this vNF takes no requests (no $FIFO)" >&2; exit 1; }
printf '%s\n' "$*" >"$FIFO"
