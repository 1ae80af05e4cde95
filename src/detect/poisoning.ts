import { findControls } from './poisoning/controls.js'
import { findEncodedBlobs } from './poisoning/encoded-blobs.js'
import { findHiddenWhitespace } from './poisoning/hidden-whitespace.js'
import { findInjectionPhrases } from './poisoning/injection-phrases.js'
import { findInvisibleUnicode } from './poisoning/invisible-unicode.js'
import { findPseudoTags } from './poisoning/pseudo-tags.js'
import { findSensitiveReferences } from './poisoning/sensitive-references.js'
import type { PoisonSign } from './poisoning/sign.js'

/**
 * Tool-poisoning heuristics over text a server sends to the model. Sources: Invariant Labs' PoCs
 * and mcp-scan (pseudo-tags, cross-origin references), Trail of Bits' line jumping (ANSI escapes),
 * Unicode smuggling research (tags block, variation selectors), CyberArk's full-schema poisoning.
 * Every rule is tuned against the official reference servers so that it stays quiet on ordinary
 * tool documentation; precision matters more than recall because a noisy rule gets disabled.
 */

export type { PoisonKind, PoisonSign } from './poisoning/sign.js'
export {
  findShadowing,
  ShadowingIndex,
  type ServerNames,
  type ShadowingReference
} from './poisoning/shadowing.js'
export { toolTexts, type ToolText } from './poisoning/tool-texts.js'

export type InspectedField = 'name' | 'description' | 'instructions' | 'schema'

/**
 * Signs in one piece of text from a server. Names only get the character-level checks: prose rules
 * (phrases, whitespace, blobs) mean nothing in an identifier.
 */
export function inspectText(text: string, field: InspectedField): PoisonSign[] {
  const signs = [...findPseudoTags(text), ...findInvisibleUnicode(text), ...findControls(text)]
  if (field !== 'name') {
    // Underscores read as spaces so phrases hidden in identifiers (`content_from_reading_id_rsa`)
    // match too; the length stays the same, so offsets still point into `text`.
    const words = text.replaceAll('_', ' ')
    signs.push(
      ...findInjectionPhrases(words),
      ...findSensitiveReferences(text, words),
      ...findHiddenWhitespace(text),
      ...findEncodedBlobs(text)
    )
  }
  return signs.sort((a, b) => a.start - b.start || a.end - b.end)
}
