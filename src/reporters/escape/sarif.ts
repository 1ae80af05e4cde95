import { escapeTerminal } from './terminal.js'

/**
 * A SARIF plain-text message. Consumers turn `[text](target)` into a link (SARIF 2.1.0 §3.11.6,
 * "embedded links"), and a backslash escapes a bracket or itself, so all three are escaped; the
 * controls a terminal would act on are shown as `\u{…}` as well, for viewers that print messages.
 */
export function escapeSarifMessage(text: string): string {
  return escapeTerminal(text).replace(/[\\[\]]/g, '\\$&')
}

/**
 * `artifactLocation.uri` must be a URI reference: a file named `a#b.json` or `x: y.json` would
 * otherwise read as a fragment or a scheme. Each segment is percent-encoded; code scanning decodes
 * them back to the repository path. Lone surrogates, which cannot be encoded, become U+FFFD.
 */
export function encodeArtifactUri(path: string): string {
  return path
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .split('/')
    .map(encodeURIComponent)
    .join('/')
}
