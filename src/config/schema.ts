import { platforms } from '../platforms/index.js'
import { SCHEMA_BASE_URL, type JsonSchema } from '../platforms/schema-parts.js'
import { rules } from '../rules/index.js'

const severities = ['error', 'warning', 'notice', 'off']

const timeouts = {
  timeoutSeconds: {
    type: 'number',
    exclusiveMinimum: 0,
    description: 'The whole server: start, initialize, list.'
  },
  initializeTimeoutSeconds: { type: 'number', exclusiveMinimum: 0 },
  listTimeoutSeconds: { type: 'number', exclusiveMinimum: 0 }
}

/** The schema of mcp-lint.json, built from the rule registry so a misspelt rule id is an error. */
export function lintConfigSchema(): JsonSchema {
  const ruleIds = rules.map((rule) => rule.id)
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}/mcp-lint.schema.json`,
    title: 'mcp-lint configuration (mcp-lint.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Severity per rule id: "error", "warning", "notice" or "off".',
        type: 'object',
        propertyNames: { enum: ruleIds },
        additionalProperties: { enum: severities }
      },
      paths: {
        description: 'Extra config files to check, beyond the known locations.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['path', 'platform'],
          properties: {
            path: { type: 'string', minLength: 1, description: 'Repo-relative path.' },
            platform: { enum: platforms.map((platform) => platform.id) }
          }
        }
      },
      ignores: {
        description: 'Findings to suppress; each needs a reason.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['reason'],
          properties: {
            rule: { enum: ruleIds },
            files: { type: 'array', items: { type: 'string', minLength: 1 } },
            server: { type: 'string' },
            reason: { type: 'string', minLength: 1 }
          }
        }
      },
      enumeration: {
        description:
          'How servers are started to list their tools (with --enumerate, and in the Action).',
        type: 'object',
        additionalProperties: false,
        properties: {
          concurrency: { type: 'integer', minimum: 1, maximum: 64 },
          ...timeouts,
          runTimeoutSeconds: { type: 'number', exclusiveMinimum: 0 },
          servers: {
            description: 'Per server name: its own timeouts.',
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: timeouts
            }
          }
        }
      },
      toolLimits: {
        description:
          'Per platform id: the tool count above which tools-limit warns and fails; null turns a threshold off.',
        type: 'object',
        propertyNames: {
          enum: platforms.map((p) => p.id)
        },
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            warning: { type: ['integer', 'null'], minimum: 0 },
            error: { type: ['integer', 'null'], minimum: 0 }
          }
        }
      },
      slowStartSeconds: {
        description:
          'server-slow-start reports servers slower than this to answer initialize (default 5).',
        type: 'number',
        exclusiveMinimum: 0
      },
      maxFileBytes: {
        description: 'Config files larger than this are reported and not read (default 1048576).',
        type: 'integer',
        minimum: 1
      }
    }
  }
}
