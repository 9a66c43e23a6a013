// The few error types of sohoa. Expected outcomes (a verdict, a parsed report) are data, not errors:
// these are for what stops an operation — bad configuration, bad campaign files, refused access.

/** A configuration value is missing or malformed; the process must not start. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly variable: string,
  ) {
    super(message);
  }
}

/** A campaign file is invalid; names the file, the row (1-based, header = 1) and the field. */
export class CampaignFileError extends Error {
  override readonly name = 'CampaignFileError';
  constructor(
    message: string,
    readonly file: string,
    readonly row?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The embedded data folder is held by another process. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    message: string,
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(message);
  }
}

/** Something the caller named does not exist (a unit code, a campaign). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    message: string,
    readonly entity: string,
    readonly key: string,
  ) {
    super(message);
  }
}

/** The caller's role or scope does not allow the action. */
export class AccessDeniedError extends Error {
  override readonly name = 'AccessDeniedError';
  constructor(
    message: string,
    readonly action: string,
  ) {
    super(message);
  }
}

/** The service could not start (a call that must succeed failed) or a loop of it stopped: exit non-zero. */
export class ServiceFailedError extends Error {
  override readonly name = 'ServiceFailedError';
  constructor(
    message: string,
    /** The call or loop that failed, e.g. `setWebhook`, `processor`. */
    readonly stage: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
