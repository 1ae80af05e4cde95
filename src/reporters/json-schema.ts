import { dialects } from '../platforms/index.js'
import { SCHEMA_BASE_URL, type JsonSchema } from '../platforms/schema-parts.js'
import { rules } from '../rules/index.js'

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength })
const count: JsonSchema = { type: 'integer', minimum: 0, maximum: 10_000_000 }
const position: JsonSchema = { type: 'integer', minimum: 1, maximum: 10_000_000 }
/** A client, or the central source ('source'), as files, servers and findings name it. */
const platformId: JsonSchema = { enum: dialects.map((dialect) => dialect.id) }
/** Repo-relative, `/`-separated, never leaving the repository. */
const repoPath: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 1000,
  pattern: '^(?![/\\\\])(?![A-Za-z]:)(?!\\.\\.(/|$))(?!.*/\\.\\.(/|$))[^\\u0000-\\u001f]+$'
}

function object(properties: Record<string, JsonSchema>, required: readonly string[]): JsonSchema {
  return { type: 'object', additionalProperties: false, properties, required: [...required] }
}

/**
 * The JSON report (`--format json`, the Action's `json-file`), bounded everywhere: in the fork-safe
 * setup a privileged workflow reads a report that an untrusted pull request produced, so the
 * reader validates it against this before using a single field.
 */
export function reportSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}/report.schema.json`,
    title: 'mcp-lint JSON report',
    ...object(
      {
        schemaVersion: { const: 1 },
        tool: object({ name: text(100), version: text(100) }, ['name', 'version']),
        github: object(
          {
            repository: { type: 'string', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' },
            pullRequest: { type: 'integer', minimum: 1 },
            headSha: { type: 'string', pattern: '^[0-9a-f]{40}$' },
            workflow: text(200),
            path: text(1000)
          },
          ['repository']
        ),
        files: {
          type: 'array',
          maxItems: 10_000,
          items: object(
            {
              path: repoPath,
              platform: platformId,
              servers: { type: 'array', maxItems: 100_000, items: text(1000) }
            },
            ['path', 'platform', 'servers']
          )
        },
        enumeration: object(
          {
            sandbox: { enum: ['bwrap', 'sudo-bwrap', 'none', 'unavailable', 'unused'] },
            durationMs: { type: 'number', minimum: 0 }
          },
          ['sandbox', 'durationMs']
        ),
        servers: { type: 'array', maxItems: 100_000, items: serverSchema() },
        platforms: {
          type: 'array',
          maxItems: 10_000,
          items: object(
            {
              file: repoPath,
              platform: platformId,
              servers: count,
              tools: count,
              unknown: count,
              limits: object({ warning: count, error: count }, [])
            },
            ['file', 'platform', 'servers', 'tools', 'unknown', 'limits']
          )
        },
        diagnostics: { type: 'array', maxItems: 100_000, items: diagnosticSchema() },
        baseline: object(
          {
            path: text(1000),
            known: { type: 'array', maxItems: 100_000, items: diagnosticSchema() }
          },
          ['path', 'known']
        ),
        summary: object({ errors: count, warnings: count, notices: count }, [
          'errors',
          'warnings',
          'notices'
        ]),
        ignored: count
      },
      ['schemaVersion', 'tool', 'files', 'servers', 'platforms', 'diagnostics', 'summary']
    )
  }
}

function serverSchema(): JsonSchema {
  const ms: JsonSchema = { type: 'number', minimum: 0 }
  return object(
    {
      name: text(1000),
      file: repoPath,
      platform: platformId,
      transport: { enum: ['stdio', 'http', 'sse', 'unknown'] },
      status: { enum: ['ok', 'failed', 'skipped'] },
      reason: text(100),
      detail: text(2000),
      durationMs: ms,
      timings: object({ startMs: ms, initializeMs: ms, listMs: ms }, [
        'startMs',
        'initializeMs',
        'listMs'
      ]),
      peakRssBytes: ms,
      placeholders: { type: 'array', maxItems: 1000, items: text(200) },
      package: object({ spec: text(1000), name: text(500), version: text(200) }, ['spec', 'name']),
      prompts: count,
      resources: count,
      tools: {
        type: 'array',
        maxItems: 10_000,
        items: object({ name: text(1000), description: text(100_000), hash: text(100) }, [
          'name',
          'hash'
        ])
      }
    },
    ['name', 'file', 'platform', 'transport', 'status']
  )
}

/** One finding, as `diagnostics` and the baseline's `known` list it. */
function diagnosticSchema(): JsonSchema {
  return object(
    {
      ruleId: { enum: rules.map((rule) => rule.id) },
      messageId: { type: 'string', pattern: '^[A-Za-z]{1,60}$' },
      severity: { enum: ['error', 'warning', 'notice'] },
      message: text(4000),
      file: repoPath,
      line: position,
      column: position,
      endLine: position,
      endColumn: position,
      platform: platformId,
      server: text(1000),
      fix: object(
        {
          description: text(4000),
          edits: {
            type: 'array',
            maxItems: 1000,
            items: object(
              {
                line: position,
                column: position,
                endLine: position,
                endColumn: position,
                offset: { type: 'integer', minimum: 0 },
                length: { type: 'integer', minimum: 0 },
                text: text(100_000)
              },
              ['line', 'column', 'endLine', 'endColumn', 'offset', 'length', 'text']
            )
          }
        },
        ['description', 'edits']
      )
    },
    ['ruleId', 'messageId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn']
  )
}
