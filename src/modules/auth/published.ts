/**
 * What the auth module lets other modules call directly (inside their own transaction): ending a user's
 * sessions when an administrator changes them, and resolving a user to an Actor for background jobs.
 */
export { deleteUserSessions, findActorRow } from './repo.ts';
