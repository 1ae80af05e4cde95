// Secret-sounding names: env vars, flags, headers and query parameters that hold a secret.

/** §1.5 notes, on names normalised to lower snake case. */
const secretNamePattern =
  /(?:^|_)(?:api_?keys?|apikeys?|keys?|tokens?|secrets?|passwords?|passwd|pass|pwd|pat|auth|authorization|credentials?|access_?keys?|private_?keys?|dsn|connection_?string|bearer)(?:_|$)/
/** Names that hold where a secret is, or its public half, rather than the secret itself. */
const notSecretNamePattern =
  /(?:^|_)(?:public|publishable)(?:_|$)|_(?:url|uri|endpoint|id|ids|path|file|dir|directory|host|hostname|port|name|user|username|region|type|mode|ttl|timeout|expiry|expires|expiration|limit|count|size|length|version|header|format|location)$/

export function normalizeName(name: string): string {
  return name
    .replace(/^-+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase()
}

export function isSecretName(name: string): boolean {
  return secretNamePattern.test(name) && !notSecretNamePattern.test(name)
}
