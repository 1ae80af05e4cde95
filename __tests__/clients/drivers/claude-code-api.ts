import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A fake Anthropic Messages API on 127.0.0.1 for the Claude Code driver: it records every request
 * body and answers `POST /v1/messages` with a minimal assistant turn ("ok"), streamed as
 * server-sent events when the request asks for a stream (Claude Code always does).
 */
export interface FakeAnthropicApi {
  /** `http://127.0.0.1:<port>`, for ANTHROPIC_BASE_URL. */
  readonly url: string
  /** The parsed bodies of the `POST /v1/messages` requests received so far, in order. */
  readonly requests: () => readonly MessagesRequest[]
  readonly close: () => Promise<void>
}

export interface MessagesRequest {
  readonly model?: string
  readonly stream?: boolean
  readonly tools?: readonly { readonly name?: string }[]
}

function event(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`
}

function reply(request: MessagesRequest, response: ServerResponse): void {
  const message = {
    id: 'msg_mcp_lint',
    type: 'message',
    role: 'assistant',
    model: request.model ?? 'claude',
    content: [] as unknown[],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: 1 }
  }
  if (request.stream !== true) {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(
      JSON.stringify({
        ...message,
        content: [{ type: 'text', text: 'ok' }],
        stop_reason: 'end_turn'
      })
    )
    return
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  response.end(
    event('message_start', { message }) +
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }) +
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'ok' } }) +
      event('content_block_stop', { index: 0 }) +
      event('message_delta', {
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: 1 }
      }) +
      event('message_stop', {})
  )
}

function parse(body: string): MessagesRequest {
  try {
    const value: unknown = JSON.parse(body)
    return value !== null && typeof value === 'object' ? value : {}
  } catch {
    return {}
  }
}

export async function startFakeAnthropicApi(): Promise<FakeAnthropicApi> {
  const requests: MessagesRequest[] = []
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0]
      if (request.method === 'POST' && path === '/v1/messages') {
        const body = parse(Buffer.concat(chunks).toString('utf8'))
        requests.push(body)
        reply(body, response)
        return
      }
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'none' } })
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      })
  }
}
