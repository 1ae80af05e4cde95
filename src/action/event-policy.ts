/**
 * GitHub events whose runs can hold the base repository's secrets and write token while checking
 * out code from a fork: a server from the pull request must never start there.
 */
const privilegedEvents = new Set(['pull_request_target', 'workflow_run'])

/**
 * Why servers must not be launched in a workflow run of this event, or undefined. The CLI applies
 * the same policy when a workflow runs it (GITHUB_EVENT_NAME), so `npx mcp-lint lock` in a
 * pull_request_target job is refused as the Action is.
 */
export function launchRefusal(eventName: string | undefined): string | undefined {
  if (eventName === undefined || !privilegedEvents.has(eventName)) return undefined
  return `servers are not launched in ${eventName} runs, which can hold secrets; lint in a pull_request workflow instead`
}
