import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { ServerRun } from '../model/tools.js'
import { fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici'
import { checkedAgent } from './checked-agent.js'
import { session } from './client-session.js'
import { defaultLimits, type EnumerationLimits } from './limits.js'
import { treeRssBytes } from './process-tree.js'
import { Tail } from './text.js'

/**
 * The MCP client's entry: with the modules it imports, the only code that talks to the MCP SDK,
 * loaded only when servers are enumerated. It starts one server, initialises, lists its tools
 * (every page), counts prompts and resources, and always kills the whole process tree.
 */

export { CLIENT_CAPABILITIES } from './client-session.js'
export { defaultLimits, type EnumerationLimits } from './limits.js'

export interface Launch {
  readonly command: string
  readonly args: readonly string[]
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
}

/** Starts a stdio server (the command is usually bubblewrap wrapping it) and lists its tools. */
export async function enumerateServer(
  launch: Launch,
  limits: EnumerationLimits = defaultLimits
): Promise<ServerRun> {
  const transport = new StdioClientTransport({
    command: launch.command,
    args: [...launch.args],
    env: { ...launch.env },
    cwd: launch.cwd,
    stderr: 'pipe',
    maxBufferSize: limits.maxMessageBytes
  })
  const stderr = new Tail()
  // Unread stderr blocks a chatty server once the pipe fills: drain it from the start.
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString('utf8'))
  })
  let peakRssBytes: number | undefined
  const sample = () => {
    const pid = transport.pid
    const rss = pid === null ? undefined : treeRssBytes(pid)
    if (rss !== undefined) peakRssBytes = Math.max(peakRssBytes ?? 0, rss)
  }
  const sampler = setInterval(sample, 100)
  try {
    return await session(transport, limits, stderr, () => {
      sample()
      return peakRssBytes
    })
  } finally {
    clearInterval(sampler)
    // The sandbox's PID namespace ends with its first process: killing it ends the whole tree.
    const pid = transport.pid
    if (pid !== null) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }
}

export interface RemoteLaunch {
  readonly url: string
  readonly transport: 'http' | 'sse'
  readonly headers: Readonly<Record<string, string>>
  /** Checked again at every connection: see checkedAgent. */
  readonly allowPrivateHosts: boolean
}

/**
 * Connects to a remote server and lists its tools. Redirects are refused: a server must not
 * bounce mcp-lint to another host (the caller has checked this one).
 */
export async function enumerateRemote(
  remote: RemoteLaunch,
  limits: EnumerationLimits = defaultLimits
): Promise<ServerRun> {
  const dispatcher = checkedAgent(remote.allowPrivateHosts)
  // undici's own fetch with its own pool, so the address check runs on every connection.
  const noRedirects = async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const response = await undiciFetch(input, {
      ...(init as UndiciRequestInit | undefined),
      redirect: 'error',
      dispatcher
    })
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Node's global Response is undici's; the SDK reads it through the standard interface only
    return response
  }
  const requestInit = { headers: { ...remote.headers } }
  const url = new URL(remote.url)
  const transport: Transport =
    remote.transport === 'sse'
      ? // eslint-disable-next-line @typescript-eslint/no-deprecated -- SSE servers still exist; configs say which transport they use
        new SSEClientTransport(url, { requestInit, fetch: noRedirects })
      : new StreamableHTTPClientTransport(url, { requestInit, fetch: noRedirects })
  try {
    return await session(transport, limits, new Tail(), () => undefined)
  } finally {
    // Destroy, not close: an SSE stream left open would keep close() waiting.
    await dispatcher.destroy().catch(() => undefined)
  }
}
