/**
 * Test fixture (run as a child process by lab.integration.test.ts): creates a namespace registered
 * with a Teardown, prints its name, then waits to be interrupted. SIGINT/SIGTERM must remove it.
 */
import { labName } from "./names.ts";
import { Namespace } from "./namespace.ts";
import { Teardown } from "./teardown.ts";

const teardown = new Teardown();
const ns = await Namespace.create(labName("sig"), teardown);
process.stdout.write(`${ns.name}\n`);
setInterval(() => undefined, 60_000);
