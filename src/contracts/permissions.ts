/** Permissions and data scopes are domain vocabulary (src/domain/permissions.ts); contracts re-export them. */
export * from '../domain/permissions.ts';
