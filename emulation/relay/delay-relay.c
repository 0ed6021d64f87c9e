/*
 * delay-relay: joins two network interfaces with a fixed one-way delay (the kernel here has no
 * netem). Every frame received on one interface is sent out of the other one `delay` later.
 *
 *   delay-relay -a <ifA> -b <ifB> -d <delay in microseconds> [-q <queue limit in frames>] [-r <rt priority>]
 *
 * - Two AF_PACKET sockets, one bound to each interface, promiscuous; frames the kernel reports as
 *   PACKET_OUTGOING (our own sends, or anything sent by the host itself) are ignored.
 * - One FIFO per direction of (release time, frame). The delay is fixed, so release times are
 *   monotonic per direction and a FIFO is the heap. Queue full: the frame is dropped and counted.
 * - The loop sleeps in ppoll() until a socket is readable (or writable again after EAGAIN) or the
 *   earliest release time comes: no busy polling. Times are CLOCK_MONOTONIC, nanoseconds.
 *   Frames move in batches (recvmmsg into consecutive slots, sendmmsg of all due frames): about
 *   half the CPU per frame of one syscall per frame.
 * - Rate limits are not done here: put tbf/htb on the interfaces (AF_PACKET sends go through the
 *   qdisc; a frame the qdisc drops is counted as txDropped).
 * - Prints one JSON line `{"event":"ready",...}` when both sockets are bound, exits 0 on SIGTERM or
 *   SIGINT printing `{"event":"exit",...}` with per-direction counters. Errors: one JSON line
 *   `{"event":"error","message":...}` on stdout and the message on stderr, exit 1 (bad usage 2).
 * - Dies with its parent (PR_SET_PDEATHSIG), so a crashed lab leaves no relay running.
 * - `-r N` asks for SCHED_FIFO priority N (1-99): release times stay within ~0.1 ms on a busy
 *   machine, where a normal process may wake up milliseconds late. The kernel's RT throttling
 *   (95% by default) still leaves CPU to others. If refused, it runs normally and says so in the
 *   ready line ("sched":"other").
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef PACKET_IGNORE_OUTGOING
#define PACKET_IGNORE_OUTGOING 23
#endif

/* Bytes of an 802.1Q tag. */
#define VLAN_TAG_LEN 4
/* Frames read per socket per wake-up, so one busy direction cannot starve the other. */
#define RX_BATCH 64

struct counters {
  uint64_t rx;          /* frames received and queued */
  uint64_t tx;          /* frames sent */
  uint64_t queueDrops;  /* dropped: queue full */
  uint64_t txDropped;   /* dropped by the outgoing interface (qdisc full: ENOBUFS) */
  uint64_t txErrors;    /* other send errors */
  uint64_t oversize;    /* dropped: longer than a queue slot */
  uint64_t maxQueued;   /* high-water mark of the queue, frames */
  uint64_t vlanRestored; /* frames whose VLAN tag (stripped by the kernel) was put back */
};

struct queue {
  unsigned char *slots; /* capacity × slotSize bytes */
  uint64_t *release;    /* release time of each slot, ns */
  uint32_t *len;        /* frame length of each slot, bytes */
  uint8_t *offset;      /* where the frame starts in its slot: 0, or VLAN_TAG_LEN */
  size_t head, count, capacity, slotSize;
};

/* One direction: frames arriving on `in` leave through `out`. */
struct direction {
  int in, out;
  struct queue q;
  struct counters c;
  int blocked; /* last send hit EAGAIN: wait for POLLOUT on `out` */
};

static volatile sig_atomic_t stopRequested = 0;

static void onSignal(int sig) {
  (void)sig;
  stopRequested = 1;
}

static void fail(const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  fprintf(stderr, "delay-relay: %s\n", msg);
  /* The message is plain text without quotes or backslashes (interface names are checked). */
  printf("{\"event\":\"error\",\"message\":\"%s\"}\n", msg);
  fflush(stdout);
  exit(1);
}

static uint64_t nowNs(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int interfaceMtu(const char *ifname) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) fail("socket(AF_INET): %s", strerror(errno));
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
  if (ioctl(fd, SIOCGIFMTU, &ifr) < 0) fail("cannot read the MTU of %s: %s", ifname, strerror(errno));
  close(fd);
  return ifr.ifr_mtu;
}

/* A non-blocking, promiscuous AF_PACKET socket receiving every protocol on `ifname` only. */
static int openPacketSocket(const char *ifname) {
  unsigned idx = if_nametoindex(ifname);
  if (idx == 0) fail("no interface %s in this network namespace: %s", ifname, strerror(errno));
  int fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ALL));
  if (fd < 0) fail("socket(AF_PACKET) for %s: %s (needs CAP_NET_RAW)", ifname, strerror(errno));
  struct sockaddr_ll sll;
  memset(&sll, 0, sizeof sll);
  sll.sll_family = AF_PACKET;
  sll.sll_protocol = htons(ETH_P_ALL);
  sll.sll_ifindex = (int)idx;
  if (bind(fd, (struct sockaddr *)&sll, sizeof sll) < 0) fail("bind to %s: %s", ifname, strerror(errno));
  struct packet_mreq mr;
  memset(&mr, 0, sizeof mr);
  mr.mr_ifindex = (int)idx;
  mr.mr_type = PACKET_MR_PROMISC;
  if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr) < 0) fail("promiscuous mode on %s: %s", ifname, strerror(errno));
  int one = 1;
  if (setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &one, sizeof one) < 0) fail("PACKET_AUXDATA on %s: %s", ifname, strerror(errno));
  /* Best effort (Linux >= 4.20); outgoing frames are also filtered by sll_pkttype below. */
  (void)setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
  int buf = 4 * 1024 * 1024;
  (void)setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &buf, sizeof buf);
  (void)setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &buf, sizeof buf);
  return fd;
}

static void queueInit(struct queue *q, size_t capacity, size_t slotSize) {
  q->slots = malloc(capacity * slotSize);
  q->release = malloc(capacity * sizeof *q->release);
  q->len = malloc(capacity * sizeof *q->len);
  q->offset = malloc(capacity);
  if (!q->slots || !q->release || !q->len || !q->offset) fail("cannot allocate a queue of %zu frames", capacity);
  q->head = q->count = 0;
  q->capacity = capacity;
  q->slotSize = slotSize;
}

/* Frames sent per sendmmsg call. */
#define TX_BATCH 64

/* Puts back a VLAN tag the kernel moved into PACKET_AUXDATA; returns the bytes added (0 or 4). */
static unsigned restoreVlanTag(struct msghdr *msg, unsigned char *slot, size_t len) {
  for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
    if (c->cmsg_level != SOL_PACKET || c->cmsg_type != PACKET_AUXDATA || c->cmsg_len < CMSG_LEN(sizeof(struct tpacket_auxdata))) continue;
    struct tpacket_auxdata aux;
    memcpy(&aux, CMSG_DATA(c), sizeof aux);
    if ((aux.tp_vlan_tci == 0 && !(aux.tp_status & TP_STATUS_VLAN_VALID)) || len < 12) continue;
    uint16_t tpid = htons((aux.tp_status & TP_STATUS_VLAN_TPID_VALID) ? aux.tp_vlan_tpid : ETH_P_8021Q);
    uint16_t tci = htons(aux.tp_vlan_tci);
    memmove(slot, slot + VLAN_TAG_LEN, 12); /* destination and source MAC move to the front */
    memcpy(slot + 12, &tpid, 2);
    memcpy(slot + 14, &tci, 2);
    return VLAN_TAG_LEN;
  }
  return 0;
}

/* Queue full: reads and drops up to RX_BATCH frames (our own outgoing ones are not counted). */
static void drop(struct direction *d) {
  static unsigned char scratch[65536];
  for (int i = 0; i < RX_BATCH; i++) {
    struct sockaddr_ll from;
    socklen_t fromLen = sizeof from;
    if (recvfrom(d->in, scratch, sizeof scratch, MSG_TRUNC, (struct sockaddr *)&from, &fromLen) < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
      fail("recvfrom: %s", strerror(errno));
    }
    if (from.sll_pkttype != PACKET_OUTGOING) d->c.queueDrops++;
  }
}

/*
 * Reads up to RX_BATCH frames (one recvmmsg) from d->in into consecutive free slots of d's queue,
 * each released at arrival + delayNs. The kernel hands AF_PACKET frames with their VLAN tag
 * stripped into PACKET_AUXDATA (veth has VLAN offload): the tag is put back, so tagged traffic
 * crosses the relay unchanged. A frame is read 4 bytes into its slot, leaving room for the tag.
 * Frames to ignore (outgoing, oversize) keep their slot with length 0 and are never sent.
 */
static void receive(struct direction *d, uint64_t delayNs) {
  struct queue *q = &d->q;
  if (q->count == q->capacity) {
    drop(d);
    return;
  }
  size_t tail = (q->head + q->count) % q->capacity;
  size_t want = q->capacity - q->count;
  if (want > q->capacity - tail) want = q->capacity - tail; /* stop at the end of the ring */
  if (want > RX_BATCH) want = RX_BATCH;
  static struct mmsghdr msgs[RX_BATCH];
  static struct iovec iovs[RX_BATCH];
  static struct sockaddr_ll from[RX_BATCH];
  static union {
    struct cmsghdr align;
    char buf[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
  } control[RX_BATCH];
  size_t room = q->slotSize - VLAN_TAG_LEN;
  for (size_t i = 0; i < want; i++) {
    iovs[i].iov_base = q->slots + (tail + i) * q->slotSize + VLAN_TAG_LEN;
    iovs[i].iov_len = room;
    memset(&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
    msgs[i].msg_hdr.msg_name = &from[i];
    msgs[i].msg_hdr.msg_namelen = sizeof from[i];
    msgs[i].msg_hdr.msg_iov = &iovs[i];
    msgs[i].msg_hdr.msg_iovlen = 1;
    msgs[i].msg_hdr.msg_control = control[i].buf;
    msgs[i].msg_hdr.msg_controllen = sizeof control[i].buf;
  }
  int got = recvmmsg(d->in, msgs, (unsigned)want, MSG_DONTWAIT | MSG_TRUNC, NULL);
  if (got < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
    fail("recvmmsg: %s", strerror(errno));
  }
  uint64_t release = nowNs() + delayNs;
  for (int i = 0; i < got; i++) {
    size_t idx = tail + (size_t)i;
    unsigned char *slot = q->slots + idx * q->slotSize;
    size_t n = msgs[i].msg_len;
    uint32_t len = 0;
    if (from[i].sll_pkttype == PACKET_OUTGOING) {
      /* not ours to forward */
    } else if (n > room || (msgs[i].msg_hdr.msg_flags & MSG_TRUNC)) {
      d->c.oversize++;
    } else {
      unsigned added = restoreVlanTag(&msgs[i].msg_hdr, slot, n);
      if (added) d->c.vlanRestored++;
      q->offset[idx] = (uint8_t)(VLAN_TAG_LEN - added);
      len = (uint32_t)(n + added);
      d->c.rx++;
    }
    q->release[idx] = release;
    q->len[idx] = len;
  }
  q->count += (size_t)got;
  if (q->count > d->c.maxQueued) d->c.maxQueued = q->count;
}

static void pop(struct queue *q) {
  q->head = (q->head + 1) % q->capacity;
  q->count--;
}

/*
 * Sends every frame whose release time has come, up to TX_BATCH per sendmmsg. A frame the
 * outgoing qdisc drops (ENOBUFS) is counted and skipped; EAGAIN stops until POLLOUT.
 */
static void release(struct direction *d, uint64_t now) {
  struct queue *q = &d->q;
  static struct mmsghdr msgs[TX_BATCH];
  static struct iovec iovs[TX_BATCH];
  d->blocked = 0;
  while (q->count > 0 && q->release[q->head] <= now) {
    size_t scanned = 0, k = 0;
    while (scanned < q->count && k < TX_BATCH) {
      size_t idx = (q->head + scanned) % q->capacity;
      if (q->release[idx] > now) break;
      scanned++;
      if (q->len[idx] == 0) continue;
      iovs[k].iov_base = q->slots + idx * q->slotSize + q->offset[idx];
      iovs[k].iov_len = q->len[idx];
      memset(&msgs[k].msg_hdr, 0, sizeof msgs[k].msg_hdr);
      msgs[k].msg_hdr.msg_iov = &iovs[k];
      msgs[k].msg_hdr.msg_iovlen = 1;
      k++;
    }
    int sent = k > 0 ? sendmmsg(d->out, msgs, (unsigned)k, MSG_DONTWAIT) : 0;
    int err = 0;
    if (sent < 0) {
      err = errno;
      sent = 0;
    } else if ((size_t)sent < k) {
      /* sendmmsg drops the error of the first unsent frame: send that one alone to learn it. */
      if (send(d->out, iovs[sent].iov_base, iovs[sent].iov_len, MSG_DONTWAIT) >= 0) sent++;
      else err = errno;
    }
    d->c.tx += (uint64_t)sent;
    /* Pop the sent frames and the ignored slots among them; stop at the first unsent frame. */
    size_t real = 0;
    for (size_t i = 0; i < scanned; i++) {
      if (q->len[q->head] != 0) {
        if (real == (size_t)sent) break;
        real++;
      }
      pop(q);
    }
    if (err != 0) { /* the head is the frame that failed */
      if (err == EAGAIN || err == EWOULDBLOCK) {
        d->blocked = 1;
        return;
      }
      if (err == EINTR) continue;
      if (err == ENOBUFS) d->c.txDropped++;
      else d->c.txErrors++;
      pop(q);
    }
  }
}

static void printCounters(const char *name, const struct direction *d, int last) {
  printf("\"%s\":{\"rx\":%llu,\"tx\":%llu,\"queueDrops\":%llu,\"txDropped\":%llu,\"txErrors\":%llu,\"oversize\":%llu,\"maxQueued\":%llu,\"vlanRestored\":%llu,\"pending\":%zu}%s",
         name, (unsigned long long)d->c.rx, (unsigned long long)d->c.tx, (unsigned long long)d->c.queueDrops, (unsigned long long)d->c.txDropped,
         (unsigned long long)d->c.txErrors, (unsigned long long)d->c.oversize, (unsigned long long)d->c.maxQueued, (unsigned long long)d->c.vlanRestored,
         d->q.count, last ? "" : ",");
}

static int validName(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n >= IFNAMSIZ) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] == '"' || s[i] == '\\' || (unsigned char)s[i] < 0x21) return 0;
  return 1;
}

static void usage(void) {
  fprintf(stderr, "usage: delay-relay -a <ifA> -b <ifB> -d <one-way delay, microseconds> [-q <queue limit, frames>] [-r <SCHED_FIFO priority>]\n");
  exit(2);
}

int main(int argc, char **argv) {
  const char *ifA = NULL, *ifB = NULL;
  long long delayUs = -1, queueLimit = 0, rtPriority = 0;
  int opt;
  while ((opt = getopt(argc, argv, "a:b:d:q:r:")) != -1) {
    char *end = NULL;
    switch (opt) {
      case 'a': ifA = optarg; break;
      case 'b': ifB = optarg; break;
      case 'd':
        delayUs = strtoll(optarg, &end, 10);
        if (*optarg == '\0' || *end != '\0' || delayUs < 0 || delayUs > 60000000) {
          fprintf(stderr, "delay-relay: -d must be an integer number of microseconds in [0, 60000000], got \"%s\"\n", optarg);
          exit(2);
        }
        break;
      case 'q':
        queueLimit = strtoll(optarg, &end, 10);
        if (*optarg == '\0' || *end != '\0' || queueLimit < 1 || queueLimit > 1000000) {
          fprintf(stderr, "delay-relay: -q must be an integer number of frames in [1, 1000000], got \"%s\"\n", optarg);
          exit(2);
        }
        break;
      case 'r':
        rtPriority = strtoll(optarg, &end, 10);
        if (*optarg == '\0' || *end != '\0' || rtPriority < 1 || rtPriority > 99) {
          fprintf(stderr, "delay-relay: -r must be a SCHED_FIFO priority in [1, 99], got \"%s\"\n", optarg);
          exit(2);
        }
        break;
      default: usage();
    }
  }
  if (!ifA || !ifB || delayUs < 0 || optind != argc) usage();
  if (!validName(ifA) || !validName(ifB)) {
    fprintf(stderr, "delay-relay: interface names must be 1-15 printable characters without quotes\n");
    exit(2);
  }
  if (strcmp(ifA, ifB) == 0) {
    fprintf(stderr, "delay-relay: -a and -b must name two different interfaces\n");
    exit(2);
  }
  setvbuf(stdout, NULL, _IOLBF, 0);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  prctl(PR_SET_TIMERSLACK, 1UL); /* wake up on time: the default 50 µs slack would add to every delay */
  if (getppid() == 1) return 0; /* parent already gone */

  /* SIGTERM/SIGINT are blocked except while sleeping in ppoll: no lost wake-up. */
  sigset_t blocked, waitMask;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGTERM);
  sigaddset(&blocked, SIGINT);
  sigprocmask(SIG_BLOCK, &blocked, &waitMask);
  sigdelset(&waitMask, SIGTERM);
  sigdelset(&waitMask, SIGINT);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = onSignal;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);

  int fdA = openPacketSocket(ifA), fdB = openPacketSocket(ifB);
  int mtuA = interfaceMtu(ifA), mtuB = interfaceMtu(ifB);
  int mtu = mtuA > mtuB ? mtuA : mtuB;
  /* Ethernet header, one in-band VLAN tag, and room to put back a tag the kernel stripped. */
  size_t slotSize = ((size_t)mtu + 14 + 4 + VLAN_TAG_LEN + 63) & ~(size_t)63;
  uint64_t delayNs = (uint64_t)delayUs * 1000ull;
  if (queueLimit == 0) {
    /* Enough for 2.5 Gbit/s of full-size frames during one delay, at least 4096 frames. */
    long long need = (long long)(2.5e9 / 8.0 / 1500.0 * (double)delayUs / 1e6) + 1;
    queueLimit = need < 4096 ? 4096 : need;
  }

  char sched[64] = "other";
  if (rtPriority > 0) {
    struct sched_param sp = {.sched_priority = (int)rtPriority};
    if (sched_setscheduler(0, SCHED_FIFO, &sp) == 0) snprintf(sched, sizeof sched, "fifo:%lld", rtPriority);
    else fprintf(stderr, "delay-relay: SCHED_FIFO %lld refused (%s); running as a normal process\n", rtPriority, strerror(errno));
  }

  struct direction dirs[2];
  memset(dirs, 0, sizeof dirs);
  dirs[0].in = fdA;
  dirs[0].out = fdB;
  dirs[1].in = fdB;
  dirs[1].out = fdA;
  queueInit(&dirs[0].q, (size_t)queueLimit, slotSize);
  queueInit(&dirs[1].q, (size_t)queueLimit, slotSize);

  printf("{\"event\":\"ready\",\"ifA\":\"%s\",\"ifB\":\"%s\",\"delayUs\":%lld,\"queueLimit\":%lld,\"slotBytes\":%zu,\"sched\":\"%s\",\"pid\":%d}\n", ifA, ifB,
         delayUs, queueLimit, slotSize, sched, (int)getpid());

  while (!stopRequested) {
    uint64_t now = nowNs();
    for (int i = 0; i < 2; i++) release(&dirs[i], now);
    /* Sleep until a socket is readable, a blocked one writable, or the next release time. */
    uint64_t next = UINT64_MAX;
    for (int i = 0; i < 2; i++)
      if (dirs[i].q.count > 0 && !dirs[i].blocked && dirs[i].q.release[dirs[i].q.head] < next) next = dirs[i].q.release[dirs[i].q.head];
    struct pollfd fds[2] = {{.fd = fdA, .events = POLLIN}, {.fd = fdB, .events = POLLIN}};
    if (dirs[1].blocked) fds[0].events |= POLLOUT; /* direction B→A sends on fdA */
    if (dirs[0].blocked) fds[1].events |= POLLOUT;
    struct timespec timeout, *tp = NULL;
    if (next != UINT64_MAX) {
      uint64_t wait = next > now ? next - now : 0;
      timeout.tv_sec = (time_t)(wait / 1000000000ull);
      timeout.tv_nsec = (long)(wait % 1000000000ull);
      tp = &timeout;
    }
    int ready = ppoll(fds, 2, tp, &waitMask);
    if (ready < 0) {
      if (errno == EINTR) continue;
      fail("ppoll: %s", strerror(errno));
    }
    for (int i = 0; i < 2; i++)
      if (fds[i].revents & (POLLERR | POLLHUP | POLLNVAL)) {
        /* Read (and clear) the pending error; only a vanished interface ends the relay. */
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(fds[i].fd, SOL_SOCKET, SO_ERROR, &err, &len);
        const char *name = i == 0 ? ifA : ifB;
        if ((fds[i].revents & POLLNVAL) || if_nametoindex(name) == 0) fail("interface %s went away (%s)", name, strerror(err ? err : ENODEV));
      }
    if (fds[0].revents & POLLIN) receive(&dirs[0], delayNs);
    if (fds[1].revents & POLLIN) receive(&dirs[1], delayNs);
  }

  printf("{\"event\":\"exit\",");
  printCounters("aToB", &dirs[0], 0);
  printCounters("bToA", &dirs[1], 1);
  printf("}\n");
  fflush(stdout);
  return 0;
}
