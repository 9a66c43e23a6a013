import type { ChatInput } from '../channels/chat-message.js';
import type { ChatContext } from './chat-context.js';

/** A step of the chain: handle the update, or pass it on with `next()`. */
export type ChatHandler = (ctx: ChatContext, next: () => Promise<void>) => Promise<void>;

type InputKind = ChatInput['kind'];

/**
 * A small middleware chain over channel-neutral updates, in the manner of grammY's Composer: each
 * feature is one composer; the bot runs them in order until one handles the update.
 */
export class ChatComposer {
  readonly #handlers: ChatHandler[] = [];

  /** Adds handlers or whole composers. */
  use(...items: (ChatHandler | ChatComposer)[]): this {
    for (const item of items) this.#handlers.push(item instanceof ChatComposer ? item.middleware() : item);
    return this;
  }

  /** `/name …` for any of `names` (lower case). */
  command(names: string | readonly string[], handler: ChatHandler): this {
    const set = new Set(typeof names === 'string' ? [names] : names);
    return this.use((ctx, next) =>
      ctx.message.input.kind === 'command' && set.has(ctx.message.input.command)
        ? handler(ctx, next)
        : next(),
    );
  }

  /** A picked choice whose data matches `pattern`; `ctx.match` holds the groups. */
  choice(pattern: RegExp, handler: ChatHandler): this {
    return this.use((ctx, next) => {
      const input = ctx.message.input;
      const match = input.kind === 'choice' ? pattern.exec(input.data) : null;
      if (!match) return next();
      ctx.match = match;
      return handler(ctx, next);
    });
  }

  /** Updates of one or several input kinds. */
  on(kinds: InputKind | readonly InputKind[], handler: ChatHandler): this {
    const set = new Set(typeof kinds === 'string' ? [kinds] : kinds);
    return this.use((ctx, next) => (set.has(ctx.message.input.kind) ? handler(ctx, next) : next()));
  }

  /** The chain as one handler. */
  middleware(): ChatHandler {
    const handlers = [...this.#handlers];
    return (ctx, next) => {
      const run = (i: number): Promise<void> => {
        const handler = handlers[i];
        return handler ? handler(ctx, () => run(i + 1)) : next();
      };
      return run(0);
    };
  }
}
