// Tests must never reach the network or a developer's real bot: clear what could point there.
delete process.env.TELEGRAM_BOT_TOKEN;
process.env.LOG_LEVEL ??= 'silent';
