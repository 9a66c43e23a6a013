import type {} from 'fastify';
import type { Role } from '../domain/role.js';

/**
 * Who a web request is for, once its session cookie was checked: the member a personal link was made
 * for, with the role and scope they had then (re-read on every request, so a deactivated member or a
 * revoked link stops working at once). Every route checks the scope on the server with this.
 */
export interface WebSession {
  readonly sessionId: number;
  readonly campaignId: number;
  readonly memberId: number;
  readonly role: Role;
  /** The unit the member belongs to; their scope is this unit and everything under it. */
  readonly unitId: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook of src/web on every route behind a personal link. */
    webSession?: WebSession;
  }
}
