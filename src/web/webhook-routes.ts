import type { FastifyInstance } from 'fastify';
import type { WebhookReceiver } from '../channels/webhook-receiver.js';
import type { Logger } from '../config/logger.js';

/** Platforms post small JSON updates; anything bigger is refused before it is read whole. */
const MAX_WEBHOOK_BODY_BYTES = 1_048_576;

/**
 * Mounts every channel's webhook receiver at its path (POST). The body reaches the receiver as the exact
 * bytes sent, whatever the content type, because signatures are computed over them.
 */
export async function registerWebhookRoutes(
  app: FastifyInstance,
  deps: { receivers: readonly WebhookReceiver[]; logger: Logger },
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BODY_BYTES },
      (_request, body, done) => done(null, body),
    );
    for (const receiver of deps.receivers) {
      scope.post(receiver.path, async (request, reply) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        try {
          const answer = await receiver.handle({ headers: request.headers, rawBody });
          reply.code(answer.status);
          if (answer.contentType) reply.type(answer.contentType);
          return reply.send(answer.body ?? '');
        } catch (error) {
          // Not stored: a 5xx makes the platform send the update again.
          deps.logger.error({ err: error }, 'webhook update not stored');
          return reply.code(500).type('text/plain').send('');
        }
      });
    }
  });
}
