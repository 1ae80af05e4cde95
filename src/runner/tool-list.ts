import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import type { ToolInfo } from '../model/tools.js'
import type { PlainValue } from '../model/tree.js'
import { MAX_DEPTH } from '../parse/syntax-problem.js'
import { quote } from '../util/quote.js'
import type { EnumerationLimits } from './limits.js'
import { Stop } from './run-failure.js'

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

export async function listAll(client: Client, limits: EnumerationLimits): Promise<ToolInfo[]> {
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

export async function countPages<T>(
  fetchPage: (cursor: { cursor: string } | undefined) => Promise<Page<T>>,
  limits: EnumerationLimits
): Promise<number | undefined> {
  try {
    return (await paginate(fetchPage, limits)).length
  } catch {
    return undefined // Prompts and resources are counted where a server offers them; a failure is not the server's tool list failing.
  }
}
