"""Makes Mininet 2.3 safe on a shared machine, before anything else of it is used.

Mininet's cleanup (its command-line clean option and ``mininet.clean.cleanup``) kills processes by
name and deletes every Open vSwitch bridge on the machine. It must never run: it is
replaced by a function that raises, so any path that would call it fails loudly instead.
``Mininet.init`` (which changes machine-wide sysctls and rlimits) is marked as done, and the
helpers that kill by name (``Mininet.iperf``) are disabled. The driver tears down
only what it created itself, by name and PID (see lab_net.py).
"""

import mininet.clean
import mininet.net


class UnsafeMininetCall(RuntimeError):
    """A Mininet function that would touch objects this driver did not create."""


def _refuse(what):
    def refuse(*_args, **_kwargs):
        raise UnsafeMininetCall(
            '%s is disabled in the GNF Lab driver: it kills processes by name and deletes '
            'every OVS bridge on the machine' % what)
    return refuse


def make_mininet_safe():
    """Replaces Mininet's global cleanup and by-name killers; idempotent."""
    mininet.clean.cleanup = _refuse('mininet.clean.cleanup')
    mininet.clean.Cleanup.cleanup = staticmethod(_refuse('mininet.clean.Cleanup.cleanup'))
    mininet.clean.killprocs = _refuse('mininet.clean.killprocs')
    mininet.clean.sh = _refuse('mininet.clean.sh')
    # No machine-wide sysctl/rlimit changes (Mininet.init -> fixLimits).
    mininet.net.Mininet.inited = True
    # Mininet.iperf kills iperf in hosts by name.
    mininet.net.Mininet.iperf = _refuse('Mininet.iperf')
