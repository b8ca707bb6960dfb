/**
 * The visit engine as other modules use it (food's routine inspections run on spot-check visits): reading a visit,
 * its evidence files, moving its status inside the caller's transaction, and queueing the entity's risk recompute.
 * Everything else about visits stays behind the spot-check services.
 */
export { findVisit, queueRiskRecompute, setVisitStatus, visitFiles } from '../repos/visits.ts';
