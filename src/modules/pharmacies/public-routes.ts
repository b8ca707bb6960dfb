import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCheckBody, ZPortalPharmacist, ZTokenBody } from '../../contracts/pharmacies.ts';
import type { AttendanceService } from './services/attendance.ts';

/**
 * The pharmacist's phone page (no login, their personal link's token in the body). Every token-bearing route
 * shares one per-client limit (PHARMACIST_ACCESS_RATE_LIMIT_PER_MINUTE), so guessing links is slow.
 */
export const publicPharmacistRoutes: FastifyPluginAsyncZod<{
  attendance: AttendanceService;
  perMinute: number;
}> = async (app, { attendance, perMinute }) => {
  const tags = ['public'];
  const config = {
    auth: 'public' as const,
    rateLimit: { max: perMinute, timeWindow: '1 minute', groupId: 'pharmacist-checkin' },
  };
  app.post(
    '/public/pharmacist',
    {
      config,
      schema: {
        tags,
        summary: '执业药师凭个人链接查看今日签到',
        body: ZTokenBody,
        response: { 200: ZPortalPharmacist },
      },
    },
    (req) => attendance.portalView(req.body.token),
  );
  app.post(
    '/public/pharmacist/check-in',
    {
      config,
      schema: {
        tags,
        summary: '执业药师签到（定位须在药店范围内）',
        body: ZCheckBody,
        response: { 200: ZPortalPharmacist },
      },
    },
    (req) => attendance.checkIn(req.body),
  );
  app.post(
    '/public/pharmacist/check-out',
    {
      config,
      schema: {
        tags,
        summary: '执业药师签退（定位须在药店范围内）',
        body: ZCheckBody,
        response: { 200: ZPortalPharmacist },
      },
    },
    (req) => attendance.checkOut(req.body),
  );
};
