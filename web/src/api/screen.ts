import { ZScreen } from '../../../src/contracts/screen.ts';
import { type CallOptions, request } from './client.ts';

export type { TScreen, TScreenFigures, TScreenStation } from '../../../src/contracts/screen.ts';

export const screenApi = {
  /** 智慧大脑: the district's figures (or one station's) from the rollup, with when it was computed. */
  get: (unitId?: number, opts?: CallOptions) =>
    request('/screen', { query: { unitId }, schema: ZScreen, signal: opts?.signal }),
};
