import type { visitSignaturesZhCN } from './visit-signatures.zh-cn.ts';

export const visitSignaturesEnUS: Record<keyof typeof visitSignaturesZhCN, string> = {
  'signature.pad.label': 'Signature area: sign with a finger, a stylus or the mouse',
  'signature.pad.clear': 'Clear',
  'signature.pad.confirm': 'Confirm signature',
  'signature.title': 'Inspection record signatures',
  'signature.role.entity': 'Inspected business',
  'signature.role.inspector': 'Inspector',
  'signature.signedAt': 'Signed {time}',
  'signature.signer': '{role}: {name}',
  'signature.unsigned': 'Not signed',
  'signature.as.entity': 'Business signs',
  'signature.as.me': 'I sign',
  'signature.entityName': "Name of the business's signatory",
  'signature.nameRequired': "Enter the name of the business's signatory",
  'signature.hint': 'Sign in the box below; entering or changing a result requires signing again.',
  'signature.resultsFirst': 'Enter a result for every item before signing.',
  'signature.saved': 'Signature saved',
  'signature.recordPdf': 'Open the inspection record (PDF)',
  'auditAction.spotcheck.visit.sign': 'Inspection record signed',
  'auditAction.spotcheck.visit.signatures.clear': 'Signatures voided by a changed result',
  'auditAction.spotcheck.visit.record.print': 'Inspection record printed',
};
