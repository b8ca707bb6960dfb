/**
 * What the org module lets other modules call directly (inside their own transaction); everything else of
 * org is reached through its service. The layer check forbids importing another module's repo.
 */
export { findUnit, setPassword } from './repo.ts';
