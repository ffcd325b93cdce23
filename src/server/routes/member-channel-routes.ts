/**
 * The member channel permission record: on which channels members may be messaged on the basis of
 * the existing relationship, because the membership form offered an opt-out. Read: `audience:manage` or
 * `accountability:manage`; write: `accountability:manage`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSION_CHANNELS } from '../../domain/consent/types.js';
import type { Deps } from '../../usecases/deps.js';
import { getMemberChannels, setMemberChannels } from '../../usecases/settings/member-channels.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

const RELATIONSHIP_CHANNELS = PERMISSION_CHANNELS.filter((c) => c !== 'POST');

const memberChannelsSchema = z.object({
  channels: z.array(z.enum(PERMISSION_CHANNELS)),
  reason: z.string().nullable(),
  setBy: z.string().nullable(),
  setAt: z.date().nullable(),
});

export function memberChannelRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['activities'];
    app.get(
      '/member-channels',
      {
        schema: {
          tags,
          summary: 'Channels members may be messaged on by existing relationship (R-70)',
          response: { 200: memberChannelsSchema, ...authErrors },
        },
      },
      async (req) => getMemberChannels(deps, requireActor(req)),
    );
    app.put(
      '/member-channels',
      {
        schema: {
          tags,
          summary: 'Record the member channels and how the membership form offered an opt-out (R-70)',
          body: z.strictObject({
            channels: z.array(z.enum(RELATIONSHIP_CHANNELS)).max(RELATIONSHIP_CHANNELS.length),
            reason: z.string().max(2000).nullable(),
          }),
          response: { 200: memberChannelsSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => setMemberChannels(deps, requireActor(req), req.body),
    );
  };
}
