import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { FailureReason, ServerRun, Timings, ToolInfo } from '../model/tools.js'
import type { PlainValue } from '../model/tree.js'
import { VERSION } from '../version.js'
import { fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici'
import { MAX_DEPTH } from '../parse/syntax-problem.js'
import { quote } from '../util/quote.js'
import { treeRssBytes } from './process-tree.js'
import { checkedAgent } from './remote-host.js'
import { sanitize, Tail } from './text.js'

/**
 * The only module that talks to the MCP SDK. It starts one server, initialises, lists its tools
 * (every page), counts prompts and resources, and always kills the whole process tree.
 */

/**
 * The client declares no capabilities (no roots, sampling or elicitation): the tool list a server
 * returns depends on them (server-everything lists 13 tools without, 16 with all three), and no
 * capabilities is what the most conservative client gets.
 */
export const CLIENT_CAPABILITIES = {} as const

import { defaultLimits, type EnumerationLimits } from './limits.js'
export { defaultLimits, type EnumerationLimits } from './limits.js'

export interface Launch {
  readonly command: string
  readonly args: readonly string[]
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
}

class Stop extends Error {
  constructor(
    readonly reason: FailureReason,
    detail: string
  ) {
    super(detail)
  }
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

/** Initialise, list every page of tools, count prompts and resources, within the limits; always close. */
async function session(
  transport: Transport,
  limits: EnumerationLimits,
  stderr: Tail,
  peakRss: () => number | undefined
): Promise<ServerRun> {
  const client = new Client(
    { name: 'mcp-lint', version: VERSION },
    { capabilities: CLIENT_CAPABILITIES }
  )
  let closed = false
  client.onclose = () => {
    closed = true
  }
  client.onerror = () => {
    // Non-JSON lines on stdout are reported here; the connection goes on.
  }
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  let startMs = 0
  let initializeMs = 0
  let listMs = 0
  // start() resolves when the process has spawned (or the connection is set up): the start time.
  const begin = transport.start.bind(transport)
  transport.start = async () => {
    await begin()
    startMs = elapsed()
  }
  const timings = (): Timings => ({ startMs, initializeMs, listMs, totalMs: elapsed() })
  let deadline: NodeJS.Timeout | undefined
  const overall = new Promise<never>((_, reject) => {
    deadline = setTimeout(() => {
      reject(new Stop('timeout', `no result within ${limits.totalMs / 1000} s`))
    }, limits.totalMs)
  })
  try {
    const work = (async () => {
      await client.connect(transport, { timeout: limits.initializeMs })
      initializeMs = elapsed()
      const tools = await listAll(client, limits)
      listMs = elapsed() - initializeMs
      const capabilities = client.getServerCapabilities()
      const prompts =
        capabilities?.prompts === undefined
          ? undefined
          : await countPages(
              (cursor) =>
                client
                  .listPrompts(cursor, { timeout: limits.listMs })
                  .then((page) => ({ items: page.prompts, nextCursor: page.nextCursor })),
              limits
            )
      const resources =
        capabilities?.resources === undefined
          ? undefined
          : await countPages(
              (cursor) =>
                client
                  .listResources(cursor, { timeout: limits.listMs })
                  .then((page) => ({ items: page.resources, nextCursor: page.nextCursor })),
              limits
            )
      const info = client.getServerVersion()
      return {
        status: 'ok' as const,
        tools,
        prompts,
        resources,
        serverInfo:
          info === undefined
            ? undefined
            : {
                name: info.name,
                version: info.version,
                ...(typeof info.title === 'string' ? { title: info.title } : {})
              },
        instructions: client.getInstructions(),
        timings: timings(),
        peakRssBytes: peakRss()
      }
    })()
    return await Promise.race([work, overall])
  } catch (error) {
    return {
      status: 'failed',
      ...classify(error, stderr, closed),
      timings: timings(),
      peakRssBytes: peakRss()
    }
  } finally {
    clearTimeout(deadline)
    let grace: NodeJS.Timeout | undefined
    await Promise.race([
      client.close().catch(() => undefined),
      new Promise((done) => {
        grace = setTimeout(done, 5_000)
      })
    ])
    // A pending timer would keep the process alive after the last server is done.
    clearTimeout(grace)
  }
}

interface Page<T> {
  readonly items: readonly T[]
  readonly nextCursor?: string | undefined
}

/** Follows `nextCursor` with a page cap and a guard against a cursor that comes back. */
async function paginate<T>(
  fetchPage: (cursor: { cursor: string } | undefined) => Promise<Page<T>>,
  limits: EnumerationLimits
): Promise<T[]> {
  const items: T[] = []
  const seen = new Set<string>()
  let cursor: string | undefined
  for (let page = 0; ; page++) {
    if (page >= limits.maxPages)
      throw new Stop('protocol-error', `pagination did not end after ${limits.maxPages} pages`)
    const result = await fetchPage(cursor === undefined ? undefined : { cursor })
    items.push(...result.items)
    if (items.length > limits.maxTools)
      throw new Stop('protocol-error', `the server listed more than ${limits.maxTools} items`)
    if (result.nextCursor === undefined || result.nextCursor === '') return items
    if (seen.has(result.nextCursor))
      throw new Stop('protocol-error', 'the server sent the same page cursor twice')
    seen.add(result.nextCursor)
    cursor = result.nextCursor
  }
}

async function listAll(client: Client, limits: EnumerationLimits): Promise<ToolInfo[]> {
  const tools = await paginate(
    (cursor) =>
      client
        .listTools(cursor, { timeout: limits.listMs })
        .then((page) => ({ items: page.tools, nextCursor: page.nextCursor })),
    limits
  )
  for (const tool of tools)
    for (const part of [tool.inputSchema, tool.outputSchema, tool.annotations])
      if (depthExceeds(part, MAX_DEPTH))
        throw new Stop(
          'protocol-error',
          `tool ${quote(tool.name)} has a schema nested deeper than ${MAX_DEPTH} levels`
        )
  return tools.map((tool) => {
    const info: { -readonly [K in keyof ToolInfo]: ToolInfo[K] } = { name: tool.name }
    if (tool.title !== undefined) info.title = tool.title
    if (tool.description !== undefined) info.description = tool.description
    info.inputSchema = tool.inputSchema as PlainValue
    if (tool.outputSchema !== undefined) info.outputSchema = tool.outputSchema as PlainValue
    if (tool.annotations !== undefined) info.annotations = tool.annotations as PlainValue
    return info
  })
}

/**
 * Whether a value nests deeper than `limit`, found without recursion: the hashing and comparing
 * that follow recurse, and a hostile server could send a schema deeper than the call stack.
 */
function depthExceeds(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next
    if (item === null || typeof item !== 'object') continue
    if (depth >= limit) return true
    for (const child of Object.values(item)) pending.push([child, depth + 1])
  }
  return false
}

async function countPages<T>(
  fetchPage: (cursor: { cursor: string } | undefined) => Promise<Page<T>>,
  limits: EnumerationLimits
): Promise<number | undefined> {
  try {
    return (await paginate(fetchPage, limits)).length
  } catch {
    return undefined // Prompts and resources are counted where a server offers them; a failure is not the server's tool list failing.
  }
}

const credentialHints =
  /(token|api[ _-]?key|credential|unauthori[sz]ed|forbidden|\b40[13]\b|access key|secret|password|login|authenticat|fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED)/i

function classify(
  error: unknown,
  stderr: Tail,
  closed: boolean
): { reason: FailureReason; detail: string } {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown }).code
  const last = stderr.lastLine()
  const because = last === '' ? '' : `; stderr: ${sanitize(last, 200)}`
  if (error instanceof Stop) return { reason: error.reason, detail: sanitize(error.message) }
  if (
    code === 'ENOENT' ||
    /execvp .*No such file|command not found|ENOENT/.test(`${message}\n${stderr.text()}`)
  ) {
    return { reason: 'command-not-found', detail: `the command was not found${because}` }
  }
  if (code === -32001 || /timed out/i.test(message))
    return { reason: 'timeout', detail: `${sanitize(message, 120)}${because}` }
  if (credentialHints.test(`${message}\n${last}`)) {
    return {
      reason: 'needs-credentials',
      detail: `it needs credentials or the network to list tools (${sanitize(message, 120)})${because}`
    }
  }
  if (closed || code === -32000 || /connection closed/i.test(message))
    return { reason: 'exited', detail: `the server exited${because}` }
  return {
    reason: 'protocol-error',
    detail: `${sanitize(describeInvalid(message), 160)}${because}`
  }
}

/** The SDK reports a result that fails its schema as a JSON list of issues: say it in one line. */
function describeInvalid(message: string): string {
  try {
    const issues = JSON.parse(message) as { path?: unknown; message?: unknown }[]
    if (!Array.isArray(issues)) return message
    const first = issues[0]
    const path = Array.isArray(first?.path)
      ? first.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join('')
          .replace(/^\./, '')
      : ''
    const problem = typeof first?.message === 'string' ? first.message : 'invalid'
    return `the server's answer does not follow the MCP schema: ${path} ${problem}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`
  } catch {
    return message
  }
}
