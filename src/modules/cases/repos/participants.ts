/**
 * SQL fragments the module's access kinds name (access.ts), kept with the repos so SQL stays in the repo layer.
 * One `?`: the caller's user id.
 */

/** The caller is a case officer (承办人) of case c. */
export const officerOfCase = 'EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.user_id = ?)';

/** The caller is a case officer of the case disclosure d publishes. */
export const officerOfDisclosedCase =
  'EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = d.case_id AND o.user_id = ?)';
