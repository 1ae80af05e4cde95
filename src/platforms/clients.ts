import { amazonQ } from './amazon-q.js'
import { antigravity } from './antigravity.js'
import { claudeCode } from './claude-code.js'
import { claudeDesktop } from './claude-desktop.js'
import { codex } from './codex.js'
import { continueIde, continueJson } from './continue.js'
import { crush } from './crush.js'
import { cursor } from './cursor.js'
import { geminiCli } from './gemini-cli.js'
import { junie } from './junie.js'
import { kilo } from './kilo.js'
import { kiloCode } from './kilo-code.js'
import { kiro } from './kiro.js'
import { mistralVibe } from './mistral-vibe.js'
import { opencode } from './opencode.js'
import { qwenCode } from './qwen-code.js'
import { roo } from './roo.js'
import { trae } from './trae.js'
import { vscode } from './vscode.js'
import { windsurf } from './windsurf.js'
import { zed } from './zed.js'
import type { Platform } from './platform.js'

/** Every client mcp-lint knows, sorted by id: adding a client is its module and a line here. */
export const platforms: readonly Platform[] = [
  amazonQ,
  antigravity,
  claudeCode,
  claudeDesktop,
  codex,
  continueIde,
  continueJson,
  crush,
  cursor,
  geminiCli,
  junie,
  kilo,
  kiloCode,
  kiro,
  mistralVibe,
  opencode,
  qwenCode,
  roo,
  trae,
  vscode,
  windsurf,
  zed
]
