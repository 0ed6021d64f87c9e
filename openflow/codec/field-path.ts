/**
 * Field paths of decode and encode errors (`flow_mod.instructions[0].actions[1].port`), kept by
 * `Reader` and `Writer` as a stack of segments and rendered only when an error is thrown.
 */

/**
 * Renders the segments: `names[i]`, followed by `[indices[i]]` when that index is >= 0 (an empty
 * name renders as just the index), joined by dots, with `last` appended when given.
 */
export function renderPath(names: readonly string[], indices: readonly number[], last?: string): string {
  let path = "";
  for (let i = 0; i < names.length; i++) path = appendSegment(path, names[i] as string, indices[i] as number);
  return last === undefined || last === "" ? path : appendSegment(path, last, -1);
}

function appendSegment(path: string, name: string, index: number): string {
  const segment = index >= 0 ? `${name}[${index}]` : name;
  if (path === "") return segment;
  return segment.startsWith("[") ? path + segment : `${path}.${segment}`;
}
