"""The network the driver builds with Mininet 2.3's node and link classes, and tears down itself.

No ``Mininet`` object, no ``net.start()``/``net.stop()`` and never Mininet's cleanup: this class
keeps its own registry of the hosts, switches, links and processes it created and removes exactly
those, by name and PID. (Checked in Mininet 2.3.0: ``OVSSwitch.stop`` only deletes its own bridge
and ``batchShutdown`` SIGHUPs its own shells, both safe; but ``Mininet.stop`` leaves processes
daemonised in hosts running, ``RemoteController.stop`` leaves its shell, ``Mininet.init`` changes
machine-wide sysctls, and ``Mininet.iperf`` kills by name. Hence our own teardown.) Conventions:

- hosts are ``Host`` (their own network namespace, via ``mnexec``); switches are ``OVSSwitch`` on
  the userspace datapath (``datapath='user'``), ``failMode='secure'``, OpenFlow 1.3, an explicit
  datapath id, connected to ``tcp:<controllerHost>:<controllerPort>`` (``ovs-vsctl set-controller``);
- every link is a ``TCLink`` with TX checksum offload off on both ends (TCP through userspace OVS
  needs it) and an optional ``bw`` (Mbit/s, htb). Mininet's ``delay=`` is never used (no netem
  here): delays are relay hosts, managed by the TypeScript side;
- switch ports get their OpenFlow numbers with ``ofport_request``; interfaces are named by Mininet,
  ``<node>-eth<port>``, and must fit the kernel's 15-byte limit.
"""

import os
import random
import re
import signal
import subprocess
import threading
import time

from mininet.link import TCLink
from mininet.node import Host, OVSSwitch
from mininet.util import macColonHex

IFNAMSIZ = 15  # longest interface name, bytes
NAME_RE = re.compile(r'^[A-Za-z0-9][A-Za-z0-9_.]*(-[A-Za-z0-9_.]+)*$')
MAC_RE = re.compile(r'^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$')
CIDR_RE = re.compile(r'^\d{1,3}(\.\d{1,3}){3}/\d{1,2}$')


class DriverError(Exception):
    """A request that cannot be carried out; the message goes back to the client as is."""


def run(argv, timeout=30):
    """Runs a command in the root namespace (no shell); raises DriverError with its stderr."""
    try:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise DriverError('`%s` timed out after %d s' % (' '.join(argv), timeout)) from exc
    if done.returncode != 0:
        raise DriverError('`%s` failed (exit %d): %s' % (
            ' '.join(argv), done.returncode,
            done.stderr.decode('utf-8', 'replace').strip() or 'no error output'))
    return done.stdout.decode('utf-8', 'replace')


def link_exists(name):
    return subprocess.run(['ip', 'link', 'show', 'dev', name], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False).returncode == 0


def check_ifconfig_output(what, output):
    """Mininet's Intf setters return ifconfig's output: anything there is an error."""
    if output and output.strip():
        raise DriverError('%s: %s' % (what, output.strip()))


class LabNet:
    """Hosts, switches, links and processes of one driver, and how to remove them."""

    def __init__(self, notify=lambda event: None):
        self.notify = notify   # sends an event line to the client (thread-safe)
        self.hosts = {}        # name -> Host
        self.switches = {}     # name -> OVSSwitch
        self.controller = {}   # switch name -> 'tcp:host:port'
        self.addresses = {}    # host name -> (cidr or None, mac or None)
        self.links = []        # TCLink, in creation order
        self.bandwidth = {}    # id(link) -> Mbit/s
        self.processes = {}    # pid -> Popen, background processes in hosts
        self.running = {}      # pid -> Popen, foreground commands in progress
        self.lock = threading.Lock()
        self.started = False

    # ---- lookup -------------------------------------------------------------------------------

    def node(self, name):
        node = self.hosts.get(name) or self.switches.get(name)
        if node is None:
            raise DriverError('no node named %r (hosts: %s; switches: %s)' % (
                name, ', '.join(sorted(self.hosts)) or 'none',
                ', '.join(sorted(self.switches)) or 'none'))
        return node

    def host(self, name):
        if name not in self.hosts:
            raise DriverError('no host named %r' % name)
        return self.hosts[name]

    def switch(self, name):
        if name not in self.switches:
            raise DriverError('no switch named %r' % name)
        return self.switches[name]

    def new_name(self, name):
        if not isinstance(name, str) or not NAME_RE.match(name):
            raise DriverError('bad node name %r (letters, digits, "_", ".", "-")' % (name,))
        if len(name) + len('-eth0') > IFNAMSIZ:
            raise DriverError('node name %r is too long: its interfaces %s-eth<N> must fit in '
                              '%d bytes' % (name, name, IFNAMSIZ))
        if name in self.hosts or name in self.switches:
            raise DriverError('a node named %r already exists' % name)

    # ---- building -----------------------------------------------------------------------------

    def addHost(self, name, ip=None, mac=None):
        """A host in its own network namespace; `ip` is "a.b.c.d/len" for its first interface."""
        self.new_name(name)
        if ip is not None and not CIDR_RE.match(ip):
            raise DriverError('host %s: ip must look like 10.0.0.1/24, got %r' % (name, ip))
        if mac is not None and not MAC_RE.match(mac):
            raise DriverError('host %s: mac must look like 02:00:00:00:00:01, got %r' % (name, mac))
        host = Host(name, inNamespace=True)
        self.hosts[name] = host
        self.addresses[name] = (ip, mac)
        host.cmd('sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 '
                 'net.ipv6.conf.default.disable_ipv6=1; ip link set lo up')
        return {'name': name, 'pid': host.pid}

    def addSwitch(self, name, dpid, controllerPort, controllerHost='127.0.0.1'):
        """An OVS bridge (userspace datapath, secure, OpenFlow13) dialling our controller."""
        self.new_name(name)
        if not isinstance(dpid, str) or not re.match(r'^[0-9a-fA-F]{1,16}$', dpid):
            raise DriverError('switch %s: dpid must be 1-16 hex digits, got %r' % (name, dpid))
        if not isinstance(controllerPort, int) or not 0 < controllerPort < 65536:
            raise DriverError('switch %s: controllerPort must be a TCP port, got %r'
                              % (name, controllerPort))
        if controllerHost not in ('127.0.0.1', 'localhost'):
            raise DriverError('switch %s: the lab only connects to a controller on loopback, '
                              'got %r' % (name, controllerHost))
        sw = OVSSwitch(name, inNamespace=False, dpid=dpid.lower().rjust(16, '0'),
                       datapath='user', failMode='secure', protocols='OpenFlow13',
                       inband=False, batch=False)
        self.switches[name] = sw
        self.controller[name] = 'tcp:127.0.0.1:%d' % controllerPort
        if self.started:
            self.start_switch(sw)
        return {'name': name, 'dpid': sw.dpid, 'pid': sw.pid}

    def planned_port(self, node, port):
        if port is None:
            port = node.newPort()
        if not isinstance(port, int) or port < 0:
            raise DriverError('%s: port must be a non-negative integer, got %r' % (node.name, port))
        if port in node.intfs:
            raise DriverError('%s: port %d is already used by %s' % (node.name, port,
                                                                      node.intfs[port].name))
        name = '%s-eth%d' % (node.name, port)  # Mininet's Link.intfName
        if len(name) > IFNAMSIZ:
            raise DriverError('%s: interface name %s would be longer than %d bytes: use a '
                              'shorter node name or a smaller port number'
                              % (node.name, name, IFNAMSIZ))
        return port, name

    def addLink(self, node1, node2, port1=None, port2=None, bwMbit=None):
        """A veth link (TCLink, TX offload off) with an optional htb rate limit in Mbit/s."""
        n1, n2 = self.node(node1), self.node(node2)
        if n1 is n2:
            raise DriverError('a link needs two different nodes, got %s twice' % node1)
        if bwMbit is not None and not (isinstance(bwMbit, (int, float)) and 0 < bwMbit <= 1000):
            raise DriverError('link %s-%s: bwMbit must be in (0, 1000] (Mininet\'s htb range), '
                              'got %r' % (node1, node2, bwMbit))
        link = self.make_link(n1, n2, port1, port2, bwMbit)
        return self.link_info(link)

    def make_link(self, n1, n2, port1, port2, bw, mac1=None, attach=True):
        p1, name1 = self.planned_port(n1, port1)
        p2, name2 = self.planned_port(n2, port2)
        params = {'txo': False}
        if bw is not None:
            params['bw'] = bw
        if mac1 is not None:
            # node1's interface is created with this MAC (`ip link add … address`); Mininet then
            # needs one for node2's too: a random locally administered unicast one.
            params['addr1'] = mac1
            params['addr2'] = macColonHex((random.getrandbits(48) & 0xfeffffffffff) | 0x020000000000)
        link = TCLink(n1, n2, port1=p1, port2=p2, intfName1=name1, intfName2=name2, **params)
        self.links.append(link)
        if bw is not None:
            self.bandwidth[id(link)] = bw
            for intf in (link.intf1, link.intf2):
                verify_rate_limit(intf, bw)
        if self.started and attach:
            self.attach_ends(link)
        return link

    def attach_ends(self, link):
        """On a running network: switch ends join their bridge, host ends get their address."""
        for intf in (link.intf1, link.intf2):
            if intf.node.name in self.switches:
                self.attach_port(intf.node, intf)
            elif intf is intf.node.defaultIntf():
                # A host added after start gets its address on its first link.
                self.configure_host(intf.node.name, intf.node)

    def link_info(self, link):
        return {'intf1': link.intf1.name, 'intf2': link.intf2.name,
                'port1': link.intf1.node.ports[link.intf1],
                'port2': link.intf2.node.ports[link.intf2]}

    # ---- running ------------------------------------------------------------------------------

    def start(self):
        """Configures host addresses, creates the OVS bridges and connects them to the controller."""
        if self.started:
            raise DriverError('the network is already started')
        for name, host in self.hosts.items():
            self.configure_host(name, host)
        for sw in self.switches.values():
            self.start_switch(sw)
        self.started = True
        return {'hosts': {n: h.pid for n, h in self.hosts.items()},
                'switches': {n: s.dpid for n, s in self.switches.items()}}

    def configure_host(self, name, host):
        ip, mac = self.addresses[name]
        intf = host.defaultIntf() if host.intfs else None
        if intf is None:
            return
        if mac:
            check_ifconfig_output('%s: setting MAC %s' % (intf.name, mac), intf.setMAC(mac))
        if ip:
            check_ifconfig_output('%s: setting IP %s' % (intf.name, ip), intf.setIP(ip))

    def start_switch(self, sw):
        sw.start([])
        run(['ovs-vsctl', '--timeout=10', 'br-exists', sw.name])
        run(['ovs-vsctl', '--timeout=10', 'set-controller', sw.name, self.controller[sw.name]])
        for intf in sw.intfList():
            if sw.ports.get(intf):
                self.check_ofport(sw, intf)

    def attach_port(self, sw, intf):
        port = sw.ports[intf]
        run(['ovs-vsctl', '--timeout=10', 'add-port', sw.name, intf.name, '--', 'set',
             'Interface', intf.name, 'ofport_request=%d' % port])
        run(['ip', 'link', 'set', intf.name, 'up'])
        self.check_ofport(sw, intf)

    def check_ofport(self, sw, intf):
        want = sw.ports[intf]
        got = self.ofport(intf.name)
        if got != want:
            raise DriverError('%s: OVS gave %s OpenFlow port %s, not the requested %d'
                              % (sw.name, intf.name, got, want))

    @staticmethod
    def ofport(intf_name):
        text = run(['ovs-vsctl', '--timeout=10', 'get', 'Interface', intf_name, 'ofport']).strip()
        return int(text) if re.match(r'^-?\d+$', text) else None

    def nodeInfo(self, name):
        node = self.node(name)
        is_switch = name in self.switches
        intfs = []
        for port in sorted(node.intfs):
            intf = node.intfs[port]
            if intf.name == 'lo':
                continue
            entry = {'name': intf.name, 'port': port, 'mac': intf.MAC(), 'ip': intf.IP()}
            if is_switch and self.started:
                entry['ofport'] = self.ofport(intf.name)
            intfs.append(entry)
        return {'name': name, 'kind': 'switch' if is_switch else 'host', 'pid': node.pid,
                'dpid': node.dpid if is_switch else None, 'intfs': intfs}

    def moveLink(self, node, fromSwitch, toSwitch, port):
        """Moves `node`'s link from one switch to another (a UE handover): the old link is deleted,
        a new one to `toSwitch` port `port` is made with the same node-side port number, name, MAC
        and IP (and bandwidth) and attached to the running switch. Returns the new names/ports."""
        t0 = time.monotonic()
        n, src, dst = self.node(node), self.switch(fromSwitch), self.switch(toSwitch)
        if src is dst:
            raise DriverError('moveLink %s: fromSwitch and toSwitch are both %s' % (node, fromSwitch))
        found = [l for l in self.links if {l.intf1.node, l.intf2.node} == {n, src}]
        if len(found) != 1:
            raise DriverError('%s has %d links to %s; moveLink needs exactly one'
                              % (node, len(found), fromSwitch))
        link = found[0]
        node_intf, sw_intf = ((link.intf1, link.intf2) if link.intf1.node is n
                              else (link.intf2, link.intf1))
        node_port = n.ports[node_intf]
        ip = node_intf.IP()
        cidr = '%s/%s' % (ip, node_intf.prefixLen) if ip else None
        mac = node_intf.MAC()
        # Check the new port first, so a bad request changes nothing.
        self.planned_port(dst, port)
        bw = self.bandwidth.pop(id(link), None)
        steps = {}
        mark = [time.monotonic()]

        def step(name):
            now = time.monotonic()
            steps[name] = round((now - mark[0]) * 1000, 1)
            mark[0] = now

        if self.started:
            run(['ovs-vsctl', '--timeout=10', '--if-exists', 'del-port', src.name, sw_intf.name])
        step('detachMs')
        self.links.remove(link)
        link.delete()
        step('deleteMs')
        new = self.make_link(n, dst, node_port, port, bw, mac1=mac, attach=False)
        step('linkMs')
        new_node_intf = new.intf1
        if mac and new_node_intf.MAC() != mac:
            raise DriverError('%s: created with MAC %s, not %s' % (new_node_intf.name,
                                                               new_node_intf.MAC(), mac))
        if cidr:
            check_ifconfig_output('%s: setting IP %s' % (new_node_intf.name, cidr),
                                  new_node_intf.setIP(cidr))
        step('addressMs')
        if self.started:
            self.attach_port(dst, new.intf2)
        step('attachMs')
        info = self.link_info(new)
        info['ofport'] = self.ofport(new.intf2.name) if self.started else None
        info['elapsedMs'] = (time.monotonic() - t0) * 1000
        info['steps'] = steps
        return info

    # ---- commands in hosts --------------------------------------------------------------------

    def exec_in(self, host, argv, timeoutMs=30000, input=None):  # pylint: disable=redefined-builtin
        """Runs argv in the host (no shell), waits; returns exit code and output. Thread-safe."""
        h = self.host(host)
        check_argv(argv)
        proc = h.popen(argv, stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with self.lock:
            self.running[proc.pid] = proc
        # The client tracks the PID, to kill it by PID should this driver die meanwhile.
        self.notify({'event': 'execStarted', 'pid': proc.pid, 'argv0': argv[0]})
        try:
            out, err = proc.communicate(input.encode() if input is not None else None,
                                        timeout=timeoutMs / 1000)
        except subprocess.TimeoutExpired as exc:
            proc.kill()
            proc.communicate()
            raise DriverError('`%s` in %s timed out after %d ms' % (' '.join(argv), host,
                                                                   timeoutMs)) from exc
        finally:
            with self.lock:
                self.running.pop(proc.pid, None)
            self.notify({'event': 'execDone', 'pid': proc.pid})
        return {'exitCode': proc.returncode, 'stdout': out.decode('utf-8', 'replace'),
                'stderr': err.decode('utf-8', 'replace')}

    def spawn(self, host, argv, logFile=None):
        """Starts argv in the host in the background; its PID is killed at teardown."""
        h = self.host(host)
        check_argv(argv)
        out = open(logFile, 'ab') if logFile else subprocess.DEVNULL  # pylint: disable=consider-using-with
        try:
            proc = h.popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        finally:
            if logFile:
                out.close()
        with self.lock:
            self.processes[proc.pid] = proc
        return {'pid': proc.pid}

    def kill(self, pid, graceMs=2000):
        """Stops a background process this driver started: SIGTERM, SIGKILL after graceMs."""
        with self.lock:
            proc = self.processes.get(pid)
        if proc is None:
            raise DriverError('pid %r was not started by this driver (or already killed)' % (pid,))
        code = stop_process(proc, graceMs / 1000)
        with self.lock:
            self.processes.pop(pid, None)
        return {'exitCode': code}

    # ---- teardown -----------------------------------------------------------------------------

    def teardown(self):
        """Removes everything this driver created, by PID and name; carries on past failures and
        returns what could not be removed."""
        errors = []

        def attempt(what, fn):
            try:
                fn()
            except Exception as exc:  # pylint: disable=broad-except
                errors.append('%s: %s' % (what, exc))

        with self.lock:
            procs = list(self.processes.values()) + list(self.running.values())
            self.processes.clear()
            self.running.clear()
        for proc in procs:
            attempt('stopping pid %d' % proc.pid, lambda p=proc: stop_process(p, 1.0))
        for name in list(self.switches):
            attempt('deleting OVS bridge %s' % name,
                    lambda n=name: run(['ovs-vsctl', '--timeout=10', '--if-exists', 'del-br', n]))
        for link in self.links:
            for intf in (link.intf1, link.intf2):
                # Host-side ends vanish with their namespace; root-namespace ends are deleted here.
                if intf is not None and intf.node.name in self.switches and link_exists(intf.name):
                    attempt('deleting %s' % intf.name,
                            lambda i=intf: run(['ip', 'link', 'del', i.name]))
        self.links = []
        nodes = list(self.hosts.values()) + list(self.switches.values())
        for node in nodes:
            attempt('stopping the shell of %s' % node.name, lambda n=node: stop_shell(n))
        for name in list(self.switches):
            if link_exists(name):
                attempt('deleting %s' % name, lambda n=name: run(['ip', 'link', 'del', n]))
        self.hosts.clear()
        self.switches.clear()
        self.started = False
        return {'nodes': len(nodes), 'processes': len(procs), 'errors': errors}


def verify_rate_limit(intf, bw):
    """Checks that Mininet's htb (class 5:1) is on `intf`: Mininet only logs tc's failures."""
    classes = intf.tc('%s class show dev %s')
    if 'class htb 5:1' not in classes:
        raise DriverError('%s: the %s Mbit/s rate limit was not applied (tc class show: %s)'
                          % (intf.name, bw, classes.strip() or 'nothing'))


def check_argv(argv):
    if not (isinstance(argv, list) and argv and all(isinstance(a, str) for a in argv)):
        raise DriverError('argv must be a non-empty list of strings, got %r' % (argv,))


def stop_process(proc, grace):
    """SIGTERM by PID, SIGKILL after `grace` seconds; returns the exit code."""
    if proc.poll() is None:
        try:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        except ProcessLookupError:
            pass
    return proc.returncode


def stop_shell(node):
    """Ends a Mininet node's shell by PID (SIGHUP to its own process group, then SIGKILL)."""
    shell = node.shell
    node.terminate()
    if shell is None:
        return
    try:
        shell.wait(timeout=2)
    except subprocess.TimeoutExpired:
        os.killpg(shell.pid, signal.SIGKILL)
        shell.wait(timeout=5)
