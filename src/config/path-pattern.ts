import { CONFIG_FILE_NAMES } from './lint-config.js'
import { dialects } from '../platforms/index.js'

/**
 * One regular expression for every repo-relative path mcp-lint reads by default: each platform's
 * files and folders, the central source (`.agents/mcp/`, any file format its dialects use) and
 * mcp-lint.json. The pre-commit hook's `files` is this pattern, so only in the syntax Python's `re`
 * and JavaScript share: groups, alternation, classes and escapes.
 */
export function knownPathPattern(): string {
  const exact = new Set<string>([...CONFIG_FILE_NAMES])
  const folders = new Set<string>(['.agents/mcp/'])
  for (const dialect of dialects) {
    for (const path of dialect.paths) if (!path.startsWith('.agents/mcp/')) exact.add(path)
    for (const folder of dialect.folders ?? []) folders.add(`${folder.dir}/`)
  }
  const alternatives = [
    ...[...exact].sort().map(escapeRegex),
    ...[...folders].sort().map((dir) => `${escapeRegex(dir)}.+\\.(?:json|jsonc|ya?ml|toml)`)
  ]
  return `^(?:${alternatives.join('|')})$`
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
