/**
 * The HOME a server gets in the bubblewrap sandbox, where the sandbox creates it; `${userHome}` and
 * VS Code's `~` are expanded to it when a launch is planned.
 */
export const SANDBOX_HOME = '/home/mcp-lint'

/** npm's cache in the sandbox, where a launch's view of the fetched packages is mounted. */
export const SANDBOX_NPM = `${SANDBOX_HOME}/.npm`
