import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake Gemini API received. */
export interface ApiRequest {
  readonly url: string
  readonly body: unknown
}

/** A fake Gemini API (generativelanguage v1beta) on 127.0.0.1 that records what it is sent. */
export interface FakeGeminiApi {
  readonly baseUrl: string
  readonly requests: readonly ApiRequest[]
  readonly close: () => Promise<void>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A reply with one text part; JSON when the request asks for JSON (the model router does). */
function replyFor(body: unknown): unknown {
  const config = isRecord(body) ? body.generationConfig : undefined
  const wantsJson = isRecord(config) && config.responseMimeType === 'application/json'
  const text = wantsJson ? JSON.stringify({ complexity_reasoning: 'x', complexity_score: 1 }) : 'ok'
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 }
  }
}

function answer(request: IncomingMessage, response: ServerResponse, text: string): unknown {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  const url = request.url ?? ''
  if (url.includes(':countTokens')) {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ totalTokens: 1 }))
  } else if (url.includes('alt=sse')) {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.end(`data: ${JSON.stringify(replyFor(body))}\r\n\r\n`)
  } else {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(replyFor(body)))
  }
  return body
}

export async function startFakeGeminiApi(): Promise<FakeGeminiApi> {
  const requests: ApiRequest[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = answer(request, response, Buffer.concat(chunks).toString('utf8'))
      requests.push({ url: request.url ?? '', body })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${String(port)}`,
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
 * The MCP tool names in the first request that declares tools (with `-m` the first model request
 * is the chat itself: no routing call). Gemini CLI names every MCP tool `mcp_…` (generateValidName),
 * and no built-in tool starts so.
 */
export function mcpToolNames(requests: readonly ApiRequest[]): string[] {
  for (const request of requests) {
    const tools = isRecord(request.body) ? request.body.tools : undefined
    if (!Array.isArray(tools)) continue
    const names = tools.flatMap((tool: unknown) => {
      const declarations = isRecord(tool) ? tool.functionDeclarations : undefined
      return Array.isArray(declarations)
        ? declarations.flatMap((declaration: unknown) =>
            isRecord(declaration) && typeof declaration.name === 'string' ? [declaration.name] : []
          )
        : []
    })
    return [...new Set(names.filter((name) => name.startsWith('mcp_')))].sort()
  }
  return []
}
