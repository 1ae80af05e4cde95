import { UsageError } from '../util/errors.js'

/** A header a remote server gets, from the variable named: bound by the workflow or command line. */
export interface HeaderBinding {
  readonly server: string
  readonly header: string
  readonly variable: string
}

/**
 * Variables the runner and the Action hold for themselves: the runtime and OIDC tokens let whoever
 * has them write the Actions cache and mint cloud credentials, so no server ever gets them.
 */
const RESERVED = /^(?:ACTIONS_|RUNNER_|INPUT_|GITHUB_)/i

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Reads `server=HEADER:VARIABLE` lines (the Action input remote-headers, the --remote-header
 * option). The server name is everything before the last `=`, since header and variable names
 * cannot hold one.
 */
export function parseHeaderBindings(lines: readonly string[], origin: string): HeaderBinding[] {
  const bindings: HeaderBinding[] = []
  for (const raw of lines) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const shown = JSON.stringify(line.slice(0, 80))
    const equals = line.lastIndexOf('=')
    const colon = line.indexOf(':', equals + 1)
    if (equals <= 0 || colon === -1)
      throw new UsageError(`${origin}: ${shown} is not SERVER=HEADER:VARIABLE`)
    const binding = {
      server: line.slice(0, equals).trim(),
      header: line.slice(equals + 1, colon).trim(),
      variable: line.slice(colon + 1).trim()
    }
    if (!HEADER_NAME.test(binding.header))
      throw new UsageError(`${origin}: ${shown}: "${binding.header}" is not a header name`)
    if (!VARIABLE_NAME.test(binding.variable))
      throw new UsageError(
        `${origin}: ${shown}: "${binding.variable}" is not an environment variable name`
      )
    if (RESERVED.test(binding.variable))
      throw new UsageError(
        `${origin}: ${shown}: ${binding.variable} belongs to the runner or the Action (ACTIONS_*, GITHUB_*, RUNNER_*, INPUT_*) and is never sent to a server; put the value in a variable of your own (env: MY_TOKEN: \${{ secrets.MY_TOKEN }})`
      )
    if (
      bindings.some(
        (other) =>
          other.server === binding.server &&
          other.header.toLowerCase() === binding.header.toLowerCase()
      )
    )
      throw new UsageError(
        `${origin}: ${shown}: server ${binding.server} gets ${binding.header} twice`
      )
    bindings.push(binding)
  }
  return bindings
}
