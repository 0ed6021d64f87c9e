/**
 * The images of the emulation lab, as plain data. `gnf/base` is a busybox-static root file system
 * (`docker import`); `gnf/net` adds the full iproute2 `ip` and `tc` and `iptables` (legacy) with
 * the xtables extensions the vNFs use, and the vNF shell library; every vNF image is `FROM gnf/net`
 * with its entrypoint script (and, for troubleshoot, `tcpdump`). Binaries are copied with their
 * shared libraries (ldd) at the same paths. Parameters of each vNF: `params.ts`.
 */

/** The vNF kinds, one image `gnf/<kind>` each. */
export const VNF_KINDS = ["wire", "firewall", "rate-limiter", "ddos-dropper", "http-filter", "monitor", "troubleshoot", "ids-lite"] as const;
export type VnfKind = (typeof VNF_KINDS)[number];

/** An image built `FROM` another local image by copying host files and scripts. */
export interface LayerRecipe {
  /** Repository name, e.g. "gnf/net". */
  name: string;
  /** Repository of the parent image (built first). */
  parent: string;
  /** Host executables or libraries copied to the same path, each with its shared libraries. */
  files: readonly string[];
  /** Symbolic links created in the image: link path → target. */
  links: Readonly<Record<string, string>>;
  /** Files of `scripts/` copied to `/gnf/`. */
  scripts: readonly string[];
  /** Directories created empty. */
  directories: readonly string[];
  /** Script of `scripts/` run by `/bin/sh` as the entrypoint. */
  entrypoint?: string;
  /** Docker labels. */
  labels: Readonly<Record<string, string>>;
}

/** What a vNF image needs at run time. */
export interface VnfImageInfo {
  kind: VnfKind;
  image: string;
  /** Bridged IPv4 goes through iptables in the container (br_netfilter, bridge-nf-call-iptables=1). */
  bridgeNetfilter: boolean;
  /** Takes on-demand requests (`/gnf/request.sh`). */
  requests: boolean;
}

export const BASE_IMAGE = "gnf/base";
export const NET_IMAGE = "gnf/net";

/** Where busybox-static installs the static busybox binary on Debian. */
export const BUSYBOX = "/bin/busybox";

/** PATH inside every image (full binaries in /usr/sbin; busybox applets in /bin). */
export const IMAGE_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

const XTABLES = "/usr/lib/x86_64-linux-gnu/xtables";
/** iptables extensions the vNF scripts use (matches and targets). */
const XTABLES_EXTENSIONS = ["standard", "tcp", "udp", "comment", "conntrack", "state", "multiport", "string", "u32", "physdev", "mark", "limit", "iprange", "length", "mac"];

const IPTABLES_NAMES = ["iptables", "iptables-save", "iptables-restore", "iptables-legacy", "iptables-legacy-save", "iptables-legacy-restore"];

export const NET_RECIPE: LayerRecipe = {
  name: NET_IMAGE,
  parent: BASE_IMAGE,
  files: [
    "/usr/sbin/ip",
    "/usr/sbin/tc",
    "/usr/sbin/xtables-legacy-multi",
    ...XTABLES_EXTENSIONS.map((e) => `${XTABLES}/libxt_${e}.so`),
    `${XTABLES}/libipt_icmp.so`,
    `${XTABLES}/libipt_REJECT.so`,
  ],
  links: Object.fromEntries(IPTABLES_NAMES.map((n) => [`/usr/sbin/${n}`, "xtables-legacy-multi"])),
  scripts: ["lib.sh", "request.sh"],
  directories: ["/run", "/tmp"],
  labels: { "gnf.image": "net" },
};

const VNF_INFO: Readonly<Record<VnfKind, Omit<VnfImageInfo, "kind" | "image">>> = {
  wire: { bridgeNetfilter: false, requests: false },
  firewall: { bridgeNetfilter: true, requests: false },
  "rate-limiter": { bridgeNetfilter: false, requests: false },
  "ddos-dropper": { bridgeNetfilter: true, requests: false },
  "http-filter": { bridgeNetfilter: true, requests: false },
  monitor: { bridgeNetfilter: false, requests: false },
  troubleshoot: { bridgeNetfilter: false, requests: true },
  "ids-lite": { bridgeNetfilter: true, requests: false },
};

/** Extra host files per vNF image. */
const VNF_FILES: Partial<Record<VnfKind, readonly string[]>> = {
  troubleshoot: ["/usr/bin/tcpdump"],
};

export function vnfImageInfo(kind: VnfKind): VnfImageInfo {
  return { kind, image: `gnf/${kind}`, ...VNF_INFO[kind] };
}

export function vnfRecipe(kind: VnfKind): LayerRecipe {
  return {
    name: `gnf/${kind}`,
    parent: NET_IMAGE,
    files: VNF_FILES[kind] ?? [],
    links: {},
    scripts: [`${kind}.sh`],
    directories: [],
    entrypoint: `${kind}.sh`,
    labels: { "gnf.image": kind, "gnf.vnf": kind },
  };
}

export function isVnfKind(s: string): s is VnfKind {
  return (VNF_KINDS as readonly string[]).includes(s);
}
