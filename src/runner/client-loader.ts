import type * as Client from './enumerate.js'

/**
 * The MCP client, loaded on first use: building the SDK's schemas costs tens of milliseconds that
 * a lint without enumeration should not pay.
 */
export function loadClient(): Promise<typeof Client> {
  return import('./enumerate.js')
}
