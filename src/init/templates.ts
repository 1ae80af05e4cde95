import { ACTION_REPOSITORY, VERSION } from '../version.js'

export const WORKFLOW_PATH = '.github/workflows/mcp-lint.yml'
export const STARTER_CONFIG_PATH = 'mcp-lint.json'

/** actions/checkout at the commit of its v5.0.0 tag: a tag can be moved, a commit cannot. */
const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0'

/** Action inputs the workflow passes on, when `init` was given them. */
export interface WorkflowInputs {
  /** The directory checked, when it is not the repository's top level. */
  readonly path?: string
  readonly source?: string
  readonly platforms?: readonly string[]
}

/**
 * The workflow `init` writes: the check on every pull request and, weekly, the drift check that
 * starts the servers again. No permission at the top; each job gets only what it uses. The Action
 * is the release of this CLI, so both apply the same rules.
 */
export function workflowText(inputs: WorkflowInputs): string {
  const action = `${ACTION_REPOSITORY}@v${VERSION}`
  const extra = [
    ...(inputs.path === undefined ? [] : [`path: ${yamlString(inputs.path)}`]),
    ...(inputs.source === undefined ? [] : [`source: ${yamlString(inputs.source)}`]),
    ...(inputs.platforms === undefined ? [] : [`platforms: ${inputs.platforms.join(', ')}`])
  ]
  const withLines = (lines: readonly string[]) =>
    lines.length === 0
      ? ''
      : `\n        with:\n${lines.map((line) => `          ${line}`).join('\n')}`
  return `# Written by mcp-lint init (${VERSION}). Checks the MCP server configs on every pull request, and
# once a week starts their servers again to catch drift: a new release, changed tools.
name: MCP lint
on:
  pull_request:
  schedule:
    - cron: '23 6 * * 1'
  workflow_dispatch:
permissions: {}
jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      pull-requests: write # the summary comment
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: ${action} # a tag: pin it to the release's commit SHA, as checkout is${withLines(extra)}
  drift:
    if: github.event_name != 'pull_request'
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      issues: write # the tracking issue while there is drift
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: ${action} # a tag: pin it to the release's commit SHA, as checkout is${withLines([...extra, 'mode: drift', 'drift-issue: true'])}
`
}

/** A starter mcp-lint.json: the schema gives editors completion and checks every key. */
export function starterConfigText(): string {
  const schema = `https://raw.githubusercontent.com/${ACTION_REPOSITORY}/v${VERSION}/schemas/mcp-lint.schema.json`
  return `${JSON.stringify({ $schema: schema, rules: {}, ignores: [] }, null, 2)}\n`
}

/** A YAML double-quoted scalar: a path from the command line cannot break the workflow. */
function yamlString(text: string): string {
  return JSON.stringify(text)
}
