import { redactText } from '../detect/redact.js'
import { allFiles, type Workspace } from '../model/workspace.js'
import type { Transport } from '../model/workspace.js'
import { toolHash, type EntryResult } from '../model/tools.js'
import type { DialectId } from '../platforms/platform.js'

/** One server entry of one file in the JSON report, with what enumeration made of it. */
export interface ServerReport {
  readonly name: string
  readonly file: string
  readonly platform: DialectId
  readonly transport: Transport
  readonly status: 'ok' | 'failed' | 'skipped'
  readonly reason?: string
  readonly detail?: string
  readonly durationMs?: number
  readonly timings?: {
    readonly startMs: number
    readonly initializeMs: number
    readonly listMs: number
  }
  readonly peakRssBytes?: number
  readonly placeholders?: readonly string[]
  readonly package?: { readonly spec: string; readonly name: string; readonly version?: string }
  readonly prompts?: number
  readonly resources?: number
  readonly tools?: readonly {
    readonly name: string
    readonly description?: string
    readonly hash: string
  }[]
}

/** Every server entry, in file order, with its enumeration result where there is one. */
export function serverReports(workspace: Workspace): ServerReport[] {
  const results = resultsByFile(workspace.tools?.entries ?? [])
  return allFiles(workspace).flatMap((file) =>
    file.servers.map((server): ServerReport => {
      const name = server.name.value
      const result = results.get(file.path)?.get(name)
      // One literal, not a spread of a shared base: a check without enumeration makes one per entry.
      return result === undefined
        ? {
            name,
            file: file.path,
            platform: file.platform.id,
            transport: server.transport,
            status: 'skipped',
            reason: 'enumeration-off'
          }
        : {
            name,
            file: file.path,
            platform: file.platform.id,
            transport: server.transport,
            ...describe(result)
          }
    })
  )
}

/** Enumeration results by file and name, the first one where two share both (as `find` would). */
function resultsByFile(entries: readonly EntryResult[]): Map<string, Map<string, EntryResult>> {
  const byFile = new Map<string, Map<string, EntryResult>>()
  for (const entry of entries) {
    const byName = byFile.get(entry.file) ?? new Map<string, EntryResult>()
    byFile.set(entry.file, byName)
    if (!byName.has(entry.name)) byName.set(entry.name, entry)
  }
  return byFile
}

function describe(
  result: EntryResult
): Omit<ServerReport, 'name' | 'file' | 'platform' | 'transport'> {
  const run = result.run
  return {
    status: result.status,
    ...(result.reason === undefined ? {} : { reason: result.reason }),
    ...(result.detail === undefined ? {} : { detail: result.detail }),
    ...(run === undefined
      ? {}
      : {
          durationMs: run.timings.totalMs,
          timings: {
            startMs: run.timings.startMs,
            initializeMs: run.timings.initializeMs,
            listMs: run.timings.listMs
          },
          ...(run.peakRssBytes === undefined ? {} : { peakRssBytes: run.peakRssBytes })
        }),
    ...(result.placeholders.length === 0 ? {} : { placeholders: result.placeholders }),
    ...(result.package === undefined
      ? {}
      : {
          package: {
            spec: result.package.spec,
            name: result.package.name,
            ...(result.package.version === undefined ? {} : { version: result.package.version })
          }
        }),
    ...(run?.status === 'ok'
      ? {
          ...(run.prompts === undefined ? {} : { prompts: run.prompts }),
          ...(run.resources === undefined ? {} : { resources: run.resources }),
          tools: run.tools.map((tool) => ({
            name: tool.name,
            // A server can put anything in a description, a token included.
            ...(tool.description === undefined
              ? {}
              : { description: redactText(tool.description) }),
            hash: toolHash(tool)
          }))
        }
      : {})
  }
}
