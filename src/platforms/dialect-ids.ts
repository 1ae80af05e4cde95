/** The clients mcp-lint knows. */
export type PlatformId =
  | 'amazon-q'
  | 'antigravity'
  | 'claude-code'
  | 'claude-desktop'
  | 'codex'
  | 'continue'
  | 'continue-json'
  | 'crush'
  | 'cursor'
  | 'gemini-cli'
  | 'junie'
  | 'kilo'
  | 'kilo-code'
  | 'kiro'
  | 'mistral-vibe'
  | 'opencode'
  | 'qwen-code'
  | 'roo'
  | 'trae'
  | 'vscode'
  | 'windsurf'
  | 'zed'

/** The formats a central source may be written in: mcp-lint's own, rulesync's and ruler's. */
export type SourceDialectId = 'source' | 'rulesync' | 'ruler' | 'ruler-json'

export type DialectId = PlatformId | SourceDialectId
