/**
 * A value that failed every form of a union (`vnfs[0]` is a name or `{ type, params }`) is
 * reported by zod as one "invalid input" on the whole value. When the value has the type of
 * exactly one form (here: a mapping) the user meant that form, so its own issues — at the key
 * inside that is wrong, e.g. `vnfs[0].params` — say what to fix. This replaces such a union issue
 * by that form's issues, with their full key paths.
 */
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** True when a form failed only because the value has another type. */
function wrongType(branch: readonly Issue[]): boolean {
  return branch.length === 1 && branch[0]?.code === "invalid_type" && branch[0].path.length === 0;
}

export function flattenUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (issue.code !== "invalid_union" || (issue as { options?: unknown[] }).options !== undefined) return [issue];
    const meant = issue.errors.filter((branch) => branch.length > 0 && !wrongType(branch));
    if (meant.length !== 1) return [issue];
    return flattenUnions((meant[0] as Issue[]).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue));
  });
}
