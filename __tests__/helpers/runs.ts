import type { EntryResult, ToolInfo } from '../../src/model/tools.js'

const timings = { startMs: 3, initializeMs: 300, listMs: 10, totalMs: 320 }

/** An enumeration result for rule tests: a server that listed these tools. */
export function listed(
  file: string,
  name: string,
  tools: readonly ToolInfo[],
  launchKey = name
): EntryResult {
  return {
    file,
    name,
    status: 'ok',
    launchKey,
    placeholders: [],
    run: {
      status: 'ok',
      tools,
      prompts: undefined,
      resources: undefined,
      serverInfo: undefined,
      timings,
      peakRssBytes: undefined
    }
  }
}

export function failed(
  file: string,
  name: string,
  reason: 'timeout' | 'exited' | 'needs-credentials',
  detail: string,
  launchKey = name
): EntryResult {
  return { file, name, status: 'failed', reason, detail, launchKey, placeholders: [] }
}

export function skipped(
  file: string,
  name: string,
  reason: NonNullable<EntryResult['reason']>,
  detail: string
): EntryResult {
  return { file, name, status: 'skipped', reason, detail, placeholders: [] }
}
