import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPlate, ZPlateVerification, ZPlateVerifyQuery } from '../../contracts/equipment-hazards.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import { cacheablePublicJson } from '../../platform/http-cache.ts';
import type { PlateService } from './service.ts';

/** The QR code opens the portal of the host the plate was asked from (as food placards do). */
const originOf = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;
const ZEquipmentRef = z.object({ equipmentId: z.coerce.number().int().positive() });

export const equipmentPlateRoutes: FastifyPluginAsyncZod<{ plates: PlateService }> = async (app, { plates }) => {
  const tags = ['equipment'];
  app.post(
    '/equipment/plates',
    {
      config: { permission: 'equipment:write' as const },
      schema: { tags, summary: '制作电梯使用标志（签名二维码）', body: ZEquipmentRef, response: { 200: ZPlate } },
    },
    (req) => plates.issue(actorOf(req), req.body.equipmentId, originOf(req)),
  );
  app.get(
    '/equipment/plates',
    {
      config: { permission: 'equipment:read' as const },
      schema: { tags, summary: '电梯的使用标志', querystring: ZEquipmentRef, response: { 200: z.array(ZPlate) } },
    },
    (req) => plates.list(actorOf(req), req.query.equipmentId, originOf(req)),
  );
};

/** Seconds a phone or proxy may reuse an answer. */
const VERIFY_MAX_AGE = 60;

/** What the lift's QR code opens: no login, rate-limited like the rest of the portal, cacheable. */
export const publicPlateRoutes: FastifyPluginAsyncZod<{
  plates: Pick<PlateService, 'verify'>;
  rateLimitPerMinute: number;
}> = async (app, { plates, rateLimitPerMinute }) => {
  app.get(
    '/public/plates/verify',
    {
      config: { auth: 'public' as const, rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } },
      onSend: cacheablePublicJson(VERIFY_MAX_AGE),
      schema: {
        tags: ['public'],
        security: [],
        summary: '核验电梯使用标志（签名、检验有效期：有效、已过期、已被取代、伪造）',
        querystring: ZPlateVerifyQuery,
        response: { 200: ZPlateVerification },
      },
    },
    (req) => plates.verify(req.query),
  );
};
