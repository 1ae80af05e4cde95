import { findReferences, type Reference } from '../model/interpolation.js'
import type { AnyConfigFile } from '../model/workspace.js'
import { locateInString } from '../model/string-range.js'
import { findProperty, forEachString, type ValueNode } from '../model/tree.js'
import type { Interpolation, InterpolationSyntax } from '../platforms/platform.js'
import { replaceAt, writeReference } from '../model/fix.js'
import { defineRule } from './rule.js'

/** Server fields that reach the launched process or the remote request. */
const launchFields = new Set([
  'command',
  'args',
  'env',
  'cwd',
  'url',
  'serverUrl',
  'httpUrl',
  'headers',
  'envFile',
  'http_headers'
])

/** Shells expand `$VAR` themselves, so `sh -c "… $HOME …"` is not a missed reference. */
const shells = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'cmd', 'powershell', 'pwsh'])

/** Editor variables that platforms with `${VAR}` syntax would look up as environment variables. */
const editorVariables = new Set([
  'workspaceFolder',
  'workspaceFolderBasename',
  'workspaceRoot',
  'userHome',
  'pathSeparator'
])

export default defineRule({
  id: 'config-env-syntax',
  phase: 'file',
  severity: 'error',
  docs: {
    description: 'Require environment references in the syntax the platform expands',
    rationale:
      'Every platform writes references to environment variables differently: `${VAR}` in Claude Code, ' +
      '`${env:VAR}` in Cursor and VS Code, `$VAR` or `${VAR}` in Gemini CLI, and none at all in Codex (which ' +
      "forwards variables with `env_vars`) or Zed. A reference in another platform's syntax is passed to the " +
      'server as literal text: the server gets `${env:GITHUB_TOKEN}` as its token and fails at the first call. ' +
      'VS Code `${input:id}` references must name a declared input. Findings on platforms whose interpolation ' +
      'is undocumented are one level milder.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "github": {\n      "command": "github-mcp-server",\n      "env": { "GITHUB_TOKEN": "${env:GITHUB_TOKEN}" }\n    }\n  }\n}\n'
        },
        {
          path: '.vscode/mcp.json',
          text: '{\n  "servers": {\n    "github": {\n      "command": "github-mcp-server",\n      "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" }\n    }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.vscode/mcp.json',
          text: '{\n  "inputs": [{ "type": "promptString", "id": "token", "password": true }],\n  "servers": {\n    "github": {\n      "command": "github-mcp-server",\n      "env": { "GITHUB_TOKEN": "${input:token}", "HOME_DIR": "${env:HOME}" }\n    }\n  }\n}\n'
        }
      ]
    }
  },
  messages: {
    notExpanded: (d: { reference: string; platform: string; fix: string }) =>
      `"${d.reference}" is not expanded by ${d.platform}; ${d.fix}`,
    notInField: (d: { reference: string; platform: string; field: string }) =>
      `${d.platform} does not expand references in "${d.field}": "${d.reference}" stays literal`,
    editorVariable: (d: { reference: string; platform: string; name: string }) =>
      `"${d.reference}" is an editor variable: ${d.platform} looks up an environment variable named ${d.name}, which is usually unset`,
    refused: (d: { reference: string; consequence: string; fix: string }) =>
      `"${d.reference}": ${d.consequence}; ${d.fix}`,
    undeclaredInput: (d: { reference: string }) =>
      `"${d.reference}" names an input that "inputs" does not declare`
  },
  check({ file, report }) {
    const source = file.source
    if (source === undefined) return
    const interpolation = file.platform.interpolation
    const platform = file.platform.displayName
    const inputs = declaredInputs(file)
    const envKey = file.platform.translation.envKey
    const sharedOptions = {
      unconfirmed: interpolation.certainty === 'unconfirmed',
      // The server still loads, with the reference as its value.
      ...(interpolation.unexpandedStaysLiteral === true ? { milder: 1 as const } : {})
    }
    for (const server of file.servers) {
      // Made when a finding needs them: most entries have none.
      const optionsOf = () => ({ server: server.name.value, ...sharedOptions })
      // Asked for a `$VAR` argument only: most entries have no reference at all.
      let shell: boolean | undefined
      for (const [field, property] of server.fields) {
        if (!launchFields.has(field) && field !== envKey) continue
        forEachString(property.value, (node) => {
          for (const reference of findReferences(node.value)) {
            if (
              reference.kind === 'bare' &&
              field === 'args' &&
              (shell ??= isShell(server.fields.get('command')?.value))
            )
              continue
            const at = locateInString(source, node, reference.start, reference.end)
            const text = reference.text
            const refuses = interpolation.refuses
            const syntax = syntaxOf(reference)
            if (
              refuses !== undefined &&
              syntax !== undefined &&
              refuses.syntaxes.includes(syntax)
            ) {
              report(
                'refused',
                at,
                {
                  reference: text,
                  consequence: refuses.consequence,
                  fix: fixFor(reference, interpolation)
                },
                { server: server.name.value }
              )
              continue
            }
            if (
              reference.prefix === 'input' &&
              inputs !== undefined &&
              isExpanded(reference, interpolation)
            ) {
              const id = text.slice('${input:'.length, -1)
              if (!inputs.has(id))
                report('undeclaredInput', at, { reference: text }, { server: server.name.value })
            } else if (!isExpanded(reference, interpolation) && !readsAnySyntax(file, reference)) {
              // A location that is the whole literal could not be mapped into it: no edit there.
              const exact = at.offset !== node.location.offset || at.length !== node.location.length
              const written = exact ? rewrite(reference, interpolation) : undefined
              const options = optionsOf()
              report(
                'notExpanded',
                at,
                { reference: text, platform, fix: fixFor(reference, interpolation) },
                written === undefined
                  ? options
                  : {
                      ...options,
                      fix: { description: `write "${written}"`, edits: [replaceAt(at, written)] }
                    }
              )
            } else if (interpolation.fields !== 'all' && !interpolation.fields.includes(field)) {
              report('notInField', at, { reference: text, platform, field }, optionsOf())
            } else if (
              reference.kind === 'brace' &&
              reference.name !== undefined &&
              editorVariables.has(reference.name) &&
              !interpolation.variables.includes(reference.name)
            ) {
              report(
                'editorVariable',
                at,
                { reference: text, platform, name: reference.name },
                optionsOf()
              )
            }
          }
        })
      }
    }
  }
})

function isExpanded(reference: Reference, interpolation: Interpolation): boolean {
  switch (reference.kind) {
    case 'brace': {
      if (interpolation.variables.includes(reference.text.slice(2, -1))) return true
      if (reference.name === undefined || !interpolation.syntaxes.includes('brace')) return false
      return !reference.hasDefault || interpolation.syntaxes.includes('brace-default')
    }
    case 'prefixed':
      return reference.prefix !== undefined && interpolation.prefixes.includes(reference.prefix)
    case 'bare':
      return interpolation.syntaxes.includes('bare')
    case 'curly-env':
      return interpolation.syntaxes.includes('curly-env')
    case 'template':
      return interpolation.syntaxes.includes('secrets-template')
  }
}

/**
 * The central source reads a reference in any client's syntax (`${env:VAR}`, `$VAR`,
 * `{env:VAR}`) as `${VAR}`, so none of them is a mistake there.
 */
function readsAnySyntax(file: AnyConfigFile, reference: Reference): boolean {
  return (
    file.platform.translation.lenientReferences === true &&
    reference.name !== undefined &&
    reference.prefix !== 'input'
  )
}

/** The syntax a reference is written in; `${prefix:…}` forms are platform prefixes instead. */
function syntaxOf(reference: Reference): InterpolationSyntax | undefined {
  switch (reference.kind) {
    case 'brace':
      return reference.hasDefault ? 'brace-default' : 'brace'
    case 'bare':
      return 'bare'
    case 'curly-env':
      return 'curly-env'
    case 'template':
      return 'secrets-template'
    case 'prefixed':
      return undefined
  }
}

function fixFor(reference: Reference, interpolation: Interpolation): string {
  const written = rewrite(reference, interpolation)
  if (written !== undefined) return `write "${written}"`
  const name = reference.name
  if (interpolation.preferred !== undefined && name !== undefined && reference.prefix !== 'input')
    return `write "${writeReference(interpolation.preferred, name)}"`
  const advice =
    interpolation.advice ?? 'write the value or an environment reference this platform expands'
  return advice.replaceAll('{name}', reference.name ?? 'the variable')
}

/**
 * The environment reference in the platform's preferred syntax, when it has one. Inputs, editor
 * variables and defaults have no equal there: those stay advice.
 */
function rewrite(reference: Reference, interpolation: Interpolation): string | undefined {
  const name = reference.name
  const fromEnvironment = [undefined, 'env', 'secrets'].includes(reference.prefix)
  if (interpolation.preferred === undefined || name === undefined || !fromEnvironment)
    return undefined
  if (reference.hasDefault || editorVariables.has(name)) return undefined
  const written = writeReference(interpolation.preferred, name)
  return written === reference.text ? undefined : written
}

function declaredInputs(file: AnyConfigFile): Set<string> | undefined {
  if (file.root?.kind !== 'object' || !file.platform.interpolation.prefixes.includes('input'))
    return undefined
  const inputs = findProperty(file.root, 'inputs')?.value
  const ids = new Set<string>()
  if (inputs?.kind === 'array') {
    for (const input of inputs.items) {
      const id = input.kind === 'object' ? findProperty(input, 'id')?.value : undefined
      if (id?.kind === 'string') ids.add(id.value)
    }
  }
  return ids
}

function isShell(command: ValueNode | undefined): boolean {
  if (command?.kind !== 'string') return false
  const base =
    command.value
      .split(/[\\/]/)
      .at(-1)
      ?.replace(/\.exe$/i, '')
      .toLowerCase() ?? ''
  return shells.has(base)
}
