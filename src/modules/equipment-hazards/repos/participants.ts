/** SQL the module's access kinds name (access.ts), kept with the repos. One `?`: the caller's user id. */

/** The caller's account is linked to one of the drawn inspectors of supervision es's visit. */
export const drawnInspectorOfSupervision = `EXISTS (SELECT 1 FROM spot_check_visits sv WHERE sv.id = es.visit_id
  AND sv.inspector_ids && ARRAY(SELECT vi.id FROM spot_check_inspectors vi WHERE vi.user_id = ?))`;
