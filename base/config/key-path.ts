import { UserError } from "../errors.ts";

/**
 * Parses a key path as users write it — `ues.mobility.speed`, `chains[0].priority` — into keys
 * (strings for mapping keys, numbers for list indices).
 */
export function parseKeyPath(text: string, context: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  let consumed = 0;
  for (const match of text.matchAll(pattern)) {
    const between = text.slice(consumed, match.index);
    if (between !== "" && between !== ".") break;
    if (match[1] !== undefined) keys.push(match[1]);
    else keys.push(Number(match[2]));
    consumed = (match.index ?? 0) + match[0].length;
  }
  if (keys.length === 0 || consumed !== text.length) {
    throw new UserError(`${context}: "${text}" is not a key path (expected keys separated by dots, e.g. ues.mobility.speed or chains[0].priority)`);
  }
  return keys;
}
