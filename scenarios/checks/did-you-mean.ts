import { closestName } from "../../base/config/closest-name.ts";

/** Candidates listed in full up to this many; beyond it the list ends with "…". */
const LIST_LIMIT = 12;

/** `unknown vNF type "firewal" (did you mean "firewall"?); expected one of wire, firewall, …`. */
export function unknownName(what: string, name: string, candidates: readonly string[], expected = `one of ${listOf(candidates)}`): string {
  const hint = closestName(name, candidates);
  return `unknown ${what} "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}; expected ${expected}`;
}

/** A comma-separated list, cut after `LIST_LIMIT` names. */
export function listOf(names: readonly string[]): string {
  return names.length <= LIST_LIMIT ? names.join(", ") : `${names.slice(0, LIST_LIMIT).join(", ")}, … (${names.length} in all)`;
}
