/**
 * Field paths of decode and encode errors (`flow_mod.instructions[0].actions[1].port`), kept by
 * `Reader` and `Writer` as a stack of segments and rendered only when an error is thrown.
 */

/** Initial capacity of a `PathStack` (segments); deeper paths grow it. */
const INITIAL_DEPTH = 16;

/**
 * The segments of the field being read or written. `enter`/`leave` are two stores and a counter
 * (they run for every nested record, so no push/pop and no strings on the success path).
 * Invariant: segments `0 .. depth - 1` are the current path, outermost first.
 */
export class PathStack {
  private readonly names: string[] = new Array<string>(INITIAL_DEPTH).fill("");
  private readonly indices: number[] = new Array<number>(INITIAL_DEPTH).fill(-1);
  private depth = 0;

  /** Adds a segment: `enter("actions", 2)` renders as `actions[2]`, `enter("match")` as `match`. */
  enter(name: string, index: number): void {
    const d = this.depth;
    this.names[d] = name;
    this.indices[d] = index;
    this.depth = d + 1;
  }

  leave(): void {
    this.depth--;
  }

  /** Forgets every segment (after an error left some entered). */
  clear(): void {
    this.depth = 0;
  }

  /** The path, with `last` appended when given. */
  render(last?: string): string {
    // Each segment: its name, then `[index]` when the index is >= 0 (an empty name renders as
    // just the index); joined by dots.
    let path = "";
    for (let i = 0; i < this.depth; i++) path = appendSegment(path, this.names[i] as string, this.indices[i] as number);
    return last === undefined || last === "" ? path : appendSegment(path, last, -1);
  }
}

function appendSegment(path: string, name: string, index: number): string {
  const segment = index >= 0 ? `${name}[${index}]` : name;
  if (path === "") return segment;
  return segment.startsWith("[") ? path + segment : `${path}.${segment}`;
}
