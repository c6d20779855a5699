import type { Access } from 'payload'

/** Records written only by the server itself (Local API with overrideAccess). */
export const nobody: Access = () => false
