/**
 * SQL fragments the module's access kinds name (access.ts), kept with the repos so SQL stays in the repo layer.
 * One `?`: the caller's user id.
 */

/**
 * The caller's account is linked to one of visit v's drawn inspectors. An array overlap with the caller's inspector
 * ids (read once per statement), not a subquery per visit: the inbox filters tens of thousands of visits with it.
 */
export const drawnInspectorOfVisit =
  'v.inspector_ids && ARRAY(SELECT vi.id FROM spot_check_inspectors vi WHERE vi.user_id = ?)';
