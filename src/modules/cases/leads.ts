/** Kept for the modules that import the entry point from here (complaints, spot-checks); use service.ts. */
export { type CaseLeadInput, createCaseLead } from './service.ts';
