#!/usr/bin/python3
"""GNF Lab traffic probe: samples a scenario's flows with numbered, timestamped packets.

  probe.py send <ue> <flows-json>   in a UE host; flows: [{"flow", "dst", "proto", "port", "pps",
                                    "bytes", "label", "start", "stop"}] (start/stop: seconds from now)
  probe.py sink <tcp-ports> <udp-ports>   in a server host; ports comma-separated ("-" for none)

Every probe packet carries "GNFP <ue> <flow> <seq> <sent ns> <label>" padded to `bytes` (the
label lets an IDS signature match the flow, as in the simulator). Times are CLOCK_MONOTONIC,
which every network namespace of the machine shares, so receive − send is the one-way latency.
Records end with a newline. UDP flows send datagrams; TCP flows one record per packet (TCP_NODELAY) over a connection that is
re-opened when it breaks. The sender prints {"sent": {flow: count}} every second and at exit; the
sink prints one JSON line per packet: {"ue", "flow", "seq", "sent", "recv"}. Stops on SIGTERM.
"""

import json
import selectors
import signal
import socket
import sys
import time

HEADER = b'GNFP'


def record(ue, flow, seq, label, size):
    text = ('GNFP %s %d %d %d %s ' % (ue, flow, seq, time.monotonic_ns(), label)).encode()
    return text + b'.' * max(0, size - len(text) - 1) + b'\n'


class Stop(Exception):
    pass


def on_term(_signum, _frame):
    raise Stop()


def send(ue, flows):
    t0 = time.monotonic()
    state = []
    for f in flows:
        state.append({'f': f, 'seq': 0, 'next': t0 + f.get('start', 0), 'sock': None, 'retry': 0.0})
    last_report = t0

    def report():
        print(json.dumps({'sent': {str(s['f']['flow']): s['seq'] for s in state}}), flush=True)

    try:
        while True:
            now = time.monotonic()
            wake = now + 0.2
            for s in state:
                f = s['f']
                stop = f.get('stop')
                if stop is not None and now - t0 >= stop:
                    continue
                while s['next'] <= now:
                    s['next'] += 1.0 / f['pps']
                    data = record(ue, f['flow'], s['seq'], f.get('label', '-'), f['bytes'])
                    if f['proto'] == 'udp':
                        if s['sock'] is None:
                            s['sock'] = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                        try:
                            s['sock'].sendto(data, (f['dst'], f['port']))
                        except OSError:
                            pass
                        s['seq'] += 1
                    else:
                        if s['sock'] is None and now >= s['retry']:
                            try:
                                c = socket.create_connection((f['dst'], f['port']), timeout=0.5)
                                c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                                c.setblocking(False)
                                s['sock'] = c
                            except OSError:
                                s['retry'] = time.monotonic() + 0.2
                        if s['sock'] is not None:
                            try:
                                s['sock'].send(data)
                            except BlockingIOError:
                                pass
                            except OSError:
                                s['sock'].close()
                                s['sock'] = None
                        s['seq'] += 1
                wake = min(wake, s['next'])
            if now - last_report >= 1.0:
                last_report = now
                report()
            delay = wake - time.monotonic()
            if delay > 0:
                time.sleep(delay)
    except Stop:
        report()


def sink(tcp_ports, udp_ports):
    sel = selectors.DefaultSelector()
    for p in tcp_ports:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(('0.0.0.0', p))
        srv.listen(16)
        srv.setblocking(False)
        sel.register(srv, selectors.EVENT_READ, ('listen', None))
    for p in udp_ports:
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.bind(('0.0.0.0', p))
        u.setblocking(False)
        sel.register(u, selectors.EVENT_READ, ('udp', None))
    buffers = {}

    def emit(data, recv):
        parts = data.split(b' ', 6)
        if len(parts) < 6 or parts[0] != HEADER:
            return
        try:
            print(json.dumps({'ue': parts[1].decode(), 'flow': int(parts[2]), 'seq': int(parts[3]),
                              'sent': int(parts[4]), 'recv': recv}), flush=True)
        except ValueError:
            pass

    print(json.dumps({'ready': True}), flush=True)
    try:
        while True:
            for key, _ in sel.select(timeout=1.0):
                kind, _ = key.data
                sock = key.fileobj
                if kind == 'listen':
                    conn, _ = sock.accept()
                    conn.setblocking(False)
                    buffers[conn] = b''
                    sel.register(conn, selectors.EVENT_READ, ('tcp', None))
                elif kind == 'udp':
                    data = sock.recv(65536)
                    emit(data, time.monotonic_ns())
                else:
                    try:
                        data = sock.recv(65536)
                    except OSError:
                        data = b''
                    recv = time.monotonic_ns()
                    if not data:
                        sel.unregister(sock)
                        sock.close()
                        buffers.pop(sock, None)
                        continue
                    lines = (buffers[sock] + data).split(b'\n')
                    for line in lines[:-1]:
                        emit(line, recv)
                    buffers[sock] = lines[-1]
    except Stop:
        pass


def ports(text):
    return [] if text == '-' else [int(p) for p in text.split(',') if p]


def main():
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    if len(sys.argv) == 4 and sys.argv[1] == 'send':
        send(sys.argv[2], json.loads(sys.argv[3]))
    elif len(sys.argv) == 4 and sys.argv[1] == 'sink':
        sink(ports(sys.argv[2]), ports(sys.argv[3]))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
