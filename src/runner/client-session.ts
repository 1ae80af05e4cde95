import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { ServerRun, Timings } from '../model/tools.js'
import { VERSION } from '../version.js'
import type { EnumerationLimits } from './limits.js'
import { classify, Stop } from './run-failure.js'
import type { Tail } from './text.js'
import { countPages, listAll } from './tool-list.js'

/**
 * The client declares no capabilities (no roots, sampling or elicitation): the tool list a server
 * returns depends on them (server-everything lists 13 tools without, 16 with all three), and no
 * capabilities is what the most conservative client gets.
 */
export const CLIENT_CAPABILITIES = {} as const

/** Initialise, list every page of tools, count prompts and resources, within the limits; always close. */
export async function session(
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
