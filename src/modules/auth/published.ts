/**
 * What the auth module lets other modules call directly (inside their own transaction): ending a user's
 * sessions when an administrator changes them, resolving a user to an Actor for background jobs, and the failed
 * sign-ins the administrator's home card counts.
 */
export { deleteUserSessions, failedLoginsSince, findActorRow } from './repo.ts';
