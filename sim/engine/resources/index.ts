export { Resource, PriorityResource, PreemptiveResource, Request, Preempted } from "./resource.ts";
export { Container, ContainerRequest } from "./container.ts";
export { Store, StorePut, StoreGet } from "./store.ts";
export { ProcessorSharing } from "./processor-sharing.ts";
