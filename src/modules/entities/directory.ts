/**
 * The registry's published read API for other modules (routing, linking): no scope, no personal data. Other
 * modules import from here, not from the repo.
 */
export { type EntityRef, findEntityRef } from './repo.ts';
