import type { EntryResult, ToolInfo } from '../model/tools.js'

/**
 * For rule examples: the enumeration result of a server that started and listed these tools
 * (names alone get a one-line description).
 */
export function listedExample(
  file: string,
  name: string,
  tools: readonly (string | ToolInfo)[],
  options: {
    initializeMs?: number
    alone?: boolean
    title?: string
    instructions?: string
  } = {}
): EntryResult {
  const initializeMs = options.initializeMs ?? 300
  return {
    file,
    name,
    status: 'ok',
    launchKey: name,
    placeholders: [],
    run: {
      status: 'ok',
      tools: tools.map((tool) =>
        typeof tool === 'string' ? { name: tool, description: `The ${tool} tool.` } : tool
      ),
      prompts: undefined,
      resources: undefined,
      serverInfo: {
        name,
        version: '1.0.0',
        ...(options.title === undefined ? {} : { title: options.title })
      },
      ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
      timings: {
        startMs: 5,
        initializeMs,
        listMs: 10,
        totalMs: initializeMs + 15,
        ...(options.alone === undefined ? {} : { alone: options.alone })
      },
      peakRssBytes: undefined
    }
  }
}
