/** True when dist/ holds a build of the current sources. */
export function distIsCurrent(env?: NodeJS.ProcessEnv): boolean;
/** The module that exports the CLI's `main`: dist's when current, else src's (then tsx must be registered). */
export function cliEntry(env?: NodeJS.ProcessEnv): { url: string; compiled: boolean };
