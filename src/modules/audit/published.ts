/** What the audit module lets other modules read directly: the chain's head and newest checkpoint (home card). */
export { chainHeadAndCheckpoint } from './repo.ts';
