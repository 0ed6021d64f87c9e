import { describe, expect, it } from "vitest";
import { parseLdd } from "./ldd.ts";

const TWO = `/usr/sbin/ip:
\tlinux-vdso.so.1 (0x00007f70ad0c2000)
\tlibbpf.so.1 => /lib/x86_64-linux-gnu/libbpf.so.1 (0x00007f70acf62000)
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f70acd39000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f70ad0c4000)
/usr/bin/busybox:
\tnot a dynamic executable
`;

describe("parseLdd", () => {
  it("lists each file's libraries with the loader, skipping the vDSO, and maps static files to []", () => {
    expect(parseLdd(TWO, ["/usr/sbin/ip", "/usr/bin/busybox"])).toEqual(
      new Map([
        ["/usr/sbin/ip", ["/lib/x86_64-linux-gnu/libbpf.so.1", "/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2"]],
        ["/usr/bin/busybox", []],
      ]),
    );
  });

  it("reads the header-less output of a single file", () => {
    const one = "\tlinux-vdso.so.1 (0x00007ffd)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f29dfc1e000)\n";
    expect(parseLdd(one, ["/usr/bin/x"])).toEqual(new Map([["/usr/bin/x", ["/lib/x86_64-linux-gnu/libc.so.6"]]]));
  });

  it("fails naming a library that is not installed, and a file ldd said nothing about", () => {
    expect(() => parseLdd("/usr/bin/x:\n\tlibfoo.so.1 => not found\n", ["/usr/bin/x"])).toThrow("ldd: library libfoo.so.1 needed by /usr/bin/x is not installed on this machine");
    expect(() => parseLdd("/usr/bin/x:\n", ["/usr/bin/x", "/usr/bin/y"])).toThrow("ldd printed nothing for /usr/bin/y");
  });
});
