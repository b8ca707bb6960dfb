import { type TChangePasswordBody, type TLoginBody, ZMe } from '../../../src/contracts/auth.ts';
import { ZOk } from '../../../src/contracts/common.ts';
import { request } from './client.ts';

export const authApi = {
  login: (body: TLoginBody) =>
    request('/auth/login', { method: 'POST', body, schema: ZMe, expectUnauthenticated: true }),
  me: () => request('/auth/me', { schema: ZMe, expectUnauthenticated: true }),
  changePassword: (body: TChangePasswordBody) => request('/auth/password', { method: 'POST', body, schema: ZOk }),
  logout: () => request('/auth/logout', { method: 'POST', schema: ZOk, expectUnauthenticated: true }),
};
