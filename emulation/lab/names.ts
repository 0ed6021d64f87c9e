/**
 * Names for everything the lab creates, unique to this process and short enough for Linux
 * interface names (at most 15 bytes): `g<pid base36>-<counter base36><suffix>`. The dash ends the
 * prefix, so no run's prefix is a prefix of another's. A name with the run's prefix was made by this
 * run — leak checks rely on it; teardown removes only what it registered.
 */
let counter = 0;

/** The prefix every lab object of this process starts with. */
export const RUN_PREFIX = `g${process.pid.toString(36)}-`;

/** A fresh unique name, e.g. `g1x3f-5h1` for suffix "h1". Throws if it would exceed 15 bytes. */
export function labName(suffix: string): string {
  const name = `${RUN_PREFIX}${(counter++).toString(36)}${suffix}`;
  if (name.length > 15) throw new RangeError(`lab name "${name}" is longer than 15 characters; use a shorter suffix`);
  return name;
}
