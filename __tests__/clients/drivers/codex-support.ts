import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A fake OpenAI Responses API on 127.0.0.1 for `codex exec`: it records every request body and
 * answers `POST …/responses` with the smallest SSE stream Codex 0.171.0 accepts (created, one
 * assistant message, completed), so the turn ends after one model request.
 */
export interface FakeResponsesApi {
  /** `http://127.0.0.1:<port>/v1`, the custom provider's `base_url`. */
  readonly baseUrl: string
  /** Parsed bodies of the `POST …/responses` requests, in arrival order. */
  readonly requests: unknown[]
  readonly close: () => Promise<void>
}

export async function startFakeResponsesApi(): Promise<FakeResponsesApi> {
  const requests: unknown[] = []
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (request.method !== 'POST' || !(request.url ?? '').endsWith('/responses')) {
        response.writeHead(404, { 'content-type': 'application/json' })
        response.end('{"error":{"message":"not found"}}')
        return
      }
      try {
        requests.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        requests.push(undefined)
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      const event = (data: { type: string } & Record<string, unknown>) =>
        response.write(`event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`)
      event({ type: 'response.created', response: { id: 'resp_1' } })
      event({
        type: 'response.output_item.done',
        item: {
          type: 'message',
          role: 'assistant',
          id: 'msg_1',
          content: [{ type: 'output_text', text: 'ok' }]
        }
      })
      event({
        type: 'response.completed',
        response: {
          id: 'resp_1',
          usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 }
        }
      })
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${String(port)}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      })
  }
}

/**
 * The MCP tool names in one Responses API request as the model sees them. Codex 0.171.0 sends each
 * server's tools as a `namespace` tool (`mcp__<server>`) holding plain functions; flattened with
 * Codex's `__` delimiter that is `mcp__<server>__<tool>`. A plain function named `mcp__…` (older
 * Codex, or a tool outside a namespace) counts as is. Sorted, deduplicated.
 */
export function mcpToolNames(body: unknown): string[] {
  const names = new Set<string>()
  const tools = isRecord(body) && Array.isArray(body.tools) ? (body.tools as unknown[]) : []
  for (const tool of tools) {
    if (!isRecord(tool) || typeof tool.name !== 'string') continue
    if (!tool.name.startsWith('mcp__')) continue
    if (tool.type === 'namespace' && Array.isArray(tool.tools)) {
      for (const inner of tool.tools as unknown[])
        if (isRecord(inner) && typeof inner.name === 'string')
          names.add(`${tool.name}__${inner.name}`)
    } else names.add(tool.name)
  }
  return [...names].sort()
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
