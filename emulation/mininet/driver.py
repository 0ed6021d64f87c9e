#!/usr/bin/python3
"""GNF Lab Mininet driver: one JSON command per line on stdin, one JSON answer per line on stdout.

Run with /usr/bin/python3 (the interpreter that imports Mininet 2.3), as root.

  request:  {"id": 7, "cmd": "addHost", "args": {"name": "g1x-3h", "ip": "10.0.0.1/24"}}
  answer:   {"id": 7, "ok": true, "result": {...}, "warnings": [...]}
            {"id": 7, "ok": false, "error": {"type": "DriverError", "message": "..."}}
  events:   {"event": "ready", "mininet": "2.3.0", "pid": 123}   (first line, no id)
            {"event": "execStarted", "pid": 456, "argv0": "ping"} / {"event": "execDone", "pid": 456}
            {"event": "stopped", "reason": "end of input", "result": {...}}   (last line)

Commands (arguments by name): hello; addHost(name, ip?, mac?); addSwitch(name, dpid,
controllerPort, controllerHost?); addLink(node1, node2, port1?, port2?, bwMbit?); start;
nodeInfo(name); exec(host, argv, timeoutMs?, input?) (answered when done, others may be answered
meanwhile); spawn(host, argv, logFile?); kill(pid, graceMs?); moveLink(node, fromSwitch, toSwitch,
port); stop (tears down and exits).

Anything Mininet logs at error level while a command runs fails the command (Mininet reports
some failures, e.g. a bad bandwidth, only in its log); warnings come back in "warnings".
On stop, end of input, SIGTERM, SIGINT or SIGHUP the driver removes what it created (lab_net.py)
and exits; Mininet's own cleanup never runs (safety.py).
"""

import inspect
import json
import logging
import os
import re
import signal
import sys
import threading
import traceback

# The protocol owns the real stdout; everything else (Mininet's log, children) goes to stderr.
PROTOCOL = os.fdopen(os.dup(1), 'w', buffering=1, encoding='utf-8')
os.dup2(2, 1)
sys.stdout = sys.stderr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree (we run as root)

WRITE_LOCK = threading.Lock()


def send(message):
    with WRITE_LOCK:
        PROTOCOL.write(json.dumps(message) + '\n')
        PROTOCOL.flush()


try:
    from safety import make_mininet_safe
    make_mininet_safe()
    import mininet.net
    from mininet.log import lg, setLogLevel
    from lab_net import DriverError, LabNet
except Exception as exc:  # pylint: disable=broad-except
    send({'event': 'error', 'message': 'cannot import Mininet with %s: %s' % (sys.executable, exc)})
    sys.exit(1)


# tc's advice printed when htb's quantum is large (any rate above ~12 Mbit/s with Mininet's r2q);
# the qdisc is installed all the same (lab_net.py verifies it), so this is not an error.
HARMLESS = re.compile(r'Warning: sch_htb: quantum of class \w+ is big\. Consider r2q change\.')


def real_errors(records):
    """Messages of error records, minus tc's harmless htb advice and Mininet's '*** Error:'."""
    errors = []
    for record in records:
        if record.levelno < logging.ERROR:
            continue
        text = HARMLESS.sub('', record.getMessage()).replace('*** Error:', '').strip()
        if text:
            errors.append(text)
    return errors


class Stop(Exception):
    """Raised by the signal handlers to leave the main loop and tear down."""


class LogCapture(logging.Handler):
    """Collects Mininet's warnings and errors logged on the main thread during one command."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        if threading.current_thread() is threading.main_thread():
            self.records.append(record)

    def take(self):
        records, self.records = self.records, []
        return records


def on_signal(signum, _frame):
    raise Stop('signal %d' % signum)


def ignore_signals():
    """Teardown must not be interrupted half-way by a second signal."""
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)


def answer_exec(net, request_id, args):
    try:
        send({'id': request_id, 'ok': True, 'result': net.exec_in(**args)})
    except Exception as exc:  # pylint: disable=broad-except
        send({'id': request_id, 'ok': False,
              'error': {'type': type(exc).__name__, 'message': str(exc)}})


def main():
    setLogLevel('warning')
    capture = LogCapture()
    lg.addHandler(capture)
    net = LabNet(notify=send)
    commands = {
        'hello': lambda: {'mininet': mininet.net.VERSION, 'python': sys.version.split()[0],
                          'pid': os.getpid()},
        'addHost': net.addHost, 'addSwitch': net.addSwitch, 'addLink': net.addLink,
        'start': net.start, 'nodeInfo': net.nodeInfo, 'spawn': net.spawn, 'kill': net.kill,
        'moveLink': net.moveLink, 'exec': net.exec_in,
    }
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, on_signal)
    reason = 'end of input'
    try:
        # Inside the try: a signal right after the ready line still ends in a teardown.
        send({'event': 'ready', 'mininet': mininet.net.VERSION, 'pid': os.getpid()})
        for line in sys.stdin:
            if not line.strip():
                continue
            request_id = None
            try:
                request = json.loads(line)
                request_id = request.get('id')
                cmd = request.get('cmd')
                args = request.get('args') or {}
                if cmd == 'stop':
                    ignore_signals()
                    result = net.teardown()
                    send({'id': request_id, 'ok': not result['errors'], 'result': result,
                          'error': {'type': 'TeardownError',
                                    'message': '; '.join(result['errors'])}
                          if result['errors'] else None})
                    return 0 if not result['errors'] else 1
                if cmd not in commands:
                    raise DriverError('unknown command %r (known: stop, %s)'
                                      % (cmd, ', '.join(sorted(commands))))
                fn = commands[cmd]
                try:
                    inspect.signature(fn).bind(**args)
                except TypeError as exc:
                    raise DriverError('bad arguments for %s: %s' % (cmd, exc)) from exc
                if cmd == 'exec':
                    threading.Thread(target=answer_exec, args=(net, request_id, args),
                                     daemon=True).start()
                    continue
                capture.take()
                result = fn(**args)
                logged = capture.take()
                errors = real_errors(logged)
                if errors:
                    raise DriverError('Mininet reported: %s' % ' '.join(errors))
                send({'id': request_id, 'ok': True, 'result': result,
                      'warnings': [r.getMessage().strip() for r in logged]})
            except Stop:
                raise
            except Exception as exc:  # pylint: disable=broad-except
                message = str(exc) or type(exc).__name__
                if not isinstance(exc, DriverError):
                    traceback.print_exc(file=sys.stderr)
                send({'id': request_id, 'ok': False,
                      'error': {'type': type(exc).__name__, 'message': message}})
    except Stop as stop:
        reason = str(stop)
    # End of input or a signal: remove everything, then exit.
    ignore_signals()
    result = net.teardown()
    send({'event': 'stopped', 'reason': reason, 'result': result})
    return 0 if not result['errors'] else 1


if __name__ == '__main__':
    sys.exit(main())
