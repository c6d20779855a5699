/**
 * The repository root. Every script, the server and jest run from it; import.meta.url
 * cannot be used because inside Next's bundle it points into .next/.
 */
export const projectRoot = process.cwd()
