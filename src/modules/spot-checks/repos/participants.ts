/**
 * SQL fragments the module's access kinds name (access.ts), kept with the repos so SQL stays in the repo layer.
 * One `?`: the caller's user id.
 */

/** The caller's account is linked to one of visit v's drawn inspectors. */
export const drawnInspectorOfVisit =
  'EXISTS (SELECT 1 FROM spot_check_inspectors vi WHERE vi.id = ANY(v.inspector_ids) AND vi.user_id = ?)';
