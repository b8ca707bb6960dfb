import { type TSignerKind, ZVisitSignatures } from '../../../src/contracts/spot-check-signatures.ts';
import { type CallOptions, request } from './client.ts';

/** The 检查记录表's signatures of one visit: who has signed, and a new signature as a PNG (multipart). */
export const visitSignaturesApi = {
  list: (visitId: number, opts?: CallOptions) =>
    request(`/spot-checks/visits/${visitId}/signatures`, { schema: ZVisitSignatures, signal: opts?.signal }),
  sign: (visitId: number, png: Blob, signer: TSignerKind, signerName?: string) => {
    const form = new FormData();
    form.append('signer', signer);
    if (signerName) form.append('signerName', signerName);
    form.append('file', png, 'signature.png');
    return request(`/spot-checks/visits/${visitId}/signatures`, {
      method: 'POST',
      body: form,
      schema: ZVisitSignatures,
    });
  },
};
