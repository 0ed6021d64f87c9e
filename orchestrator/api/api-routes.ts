/**
 * The API's routes as data (`API_ROUTES`: the OpenAPI document lists exactly these), and which
 * methods a path takes (`allowedMethods`, for the 405 answer to any other method).
 */

/** Every route of the API, as `METHOD /path/{param}` (the OpenAPI document lists exactly these). */
export const API_ROUTES = [
  "GET /devices",
  "GET /ues",
  "GET /ues/{id}",
  "GET /chains",
  "POST /chains",
  "GET /chains/{id}",
  "DELETE /chains/{id}",
  "GET /vnfs",
  "GET /vnfs/{id}",
  "POST /vnfs/{id}/stop",
  "POST /vnfs/{id}/start",
  "POST /vnfs/{id}/migrate",
  "POST /vnfs/{id}/mute",
  "POST /vnfs/{id}/unmute",
  "GET /notifications",
  "GET /notifications/{id}",
  "POST /notifications/{id}/ack",
  "DELETE /notifications/{id}",
  "GET /placement",
  "PUT /placement",
  "GET /metrics",
  "GET /migrations",
  "GET /migrations/{id}",
  "GET /operator-refusals",
  "GET /status",
] as const;

/** `/chains/{id}` → a pattern matching `/chains/<one segment>`. */
function routePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[a-z]+\}/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

const ROUTE_PATTERNS = [...API_ROUTES, "GET /openapi.json"].map((route) => {
  const [method, template] = route.split(" ") as [string, string];
  return { method, pattern: routePattern(template) };
});

/** The methods `API_ROUTES` serve on `path` (with HEAD beside GET), e.g. ["GET", "HEAD", "POST"]. */
export function allowedMethods(path: string): string[] {
  const methods = new Set<string>();
  for (const { method, pattern } of ROUTE_PATTERNS) {
    if (!pattern.test(path)) continue;
    methods.add(method);
    if (method === "GET") methods.add("HEAD");
  }
  return [...methods];
}
