import { parseTOML } from 'toml-eslint-parser'
import type { SourceText } from '../model/location.js'
import type { SyntaxProblem } from './syntax-problem.js'
import type { TomlItems } from './toml-tree.js'

/** The TOML version Codex 0.171.0 reads (verified 2026-12-03). */
export const TOML_VERSION = '1.1'

/**
 * toml-eslint-parser's reading of a TOML text: the files the quick reader leaves to it (see
 * toml.ts), and what `sync` edits. A module of its own so a check loads the parser only for them.
 */
export function parseTomlItems(
  source: SourceText
): { readonly items: TomlItems } | { readonly problem: SyntaxProblem } {
  try {
    return { items: parseTOML(source.text, { tomlVersion: TOML_VERSION }).body[0].body }
  } catch (error) {
    return { problem: toProblem(source, error) }
  }
}

interface TomlParseError {
  readonly index: number
  readonly message: string
}

function isTomlParseError(error: unknown): error is TomlParseError {
  return (
    error instanceof SyntaxError && typeof (error as Partial<TomlParseError>).index === 'number'
  )
}

/** toml-eslint-parser's messages are fixed templates; only the code-point one carries input text. */
function toProblem(source: SourceText, error: unknown): SyntaxProblem {
  if (!isTomlParseError(error)) throw error
  const message = error.message.startsWith('Invalid code point')
    ? 'Invalid code point'
    : error.message
  const detail = message.charAt(0).toLowerCase() + message.slice(1)
  return { kind: 'syntax', detail, location: source.locate(error.index, 1) }
}
