import type { SanitizedCollectionConfig } from 'payload'

import { ERROR_REF, RATE_LIMITED, UNAVAILABLE, type Operation, type PathItems } from './customPaths'
import { collectionSchemaRef, type JsonSchema } from './zodToSchema'

/** Payload's own collections (admin preferences, locks, jobs, migrations): the admin UI's internals, not the API. */
export const isInternalCollection = (slug: string) => slug.startsWith('payload-')

const AUTH = [{ cookieAuth: [] }, { bearerAuth: [] }, {}]
const json = (schema: JsonSchema) => ({ 'application/json': { schema } })
const ref = (name: string) => ({ $ref: collectionSchemaRef(name) })
const error = (description: string) => ({ description, content: json(ERROR_REF) })

const ERRORS = {
  400: error('Invalid input: `errors[].data.errors` names each field'),
  401: error('Not logged in'),
  403: error('Not allowed: access control refused'),
  404: error('No such document, or not visible to this user'),
  409: error('Conflicts with existing data (a unique value taken, a document still in use)'),
  413: error('Body too large'),
  429: error(RATE_LIMITED),
  503: error(UNAVAILABLE),
} as const

function errors(...statuses: (keyof typeof ERRORS)[]): Record<string, unknown> {
  const all: (keyof typeof ERRORS)[] = [...statuses, 429, 503]
  return Object.fromEntries(all.sort().map((status) => [status, ERRORS[status]]))
}

const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }
const depth = { name: 'depth', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 5 }, description: 'How deep to populate relationships (0: ids only)' }
const where = {
  name: 'where',
  in: 'query',
  style: 'deepObject',
  explode: true,
  schema: { type: 'object' },
  description: 'Payload query: `where[field][operator]=value` (equals, not_equals, in, not_in, like, contains, greater_than, less_than, exists…), combined with `where[or][0]…` and `where[and][0]…`',
}
const listParams = [
  where,
  { name: 'sort', in: 'query', schema: { type: 'string' }, description: 'Field to sort by; `-field` descending; several comma-separated' },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 0 }, description: 'Documents per page (default 10; 0: all)' },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
  depth,
  { name: 'select', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' }, description: '`select[field]=true`: only these fields' },
]

function paginated(slug: string): JsonSchema {
  const count = { type: 'integer', minimum: 0 }
  const page = { type: ['integer', 'null'] }
  return {
    type: 'object',
    required: ['docs', 'totalDocs', 'limit', 'totalPages', 'page', 'hasPrevPage', 'hasNextPage'],
    properties: { docs: { type: 'array', items: ref(slug) }, totalDocs: count, limit: count, totalPages: count, page: count, pagingCounter: count, hasPrevPage: { type: 'boolean' }, hasNextPage: { type: 'boolean' }, prevPage: page, nextPage: page },
  }
}

const docMessage = (slug: string) => ({ type: 'object', required: ['doc'], properties: { doc: ref(slug), message: { type: 'string' } } })
const bulkResult = (slug: string) => ({
  type: 'object',
  properties: { docs: { type: 'array', items: ref(slug) }, errors: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, message: { type: 'string' } } } }, message: { type: 'string' } },
})

function body(collection: SanitizedCollectionConfig, schemaName: string): JsonSchema {
  if (!collection.upload) return { required: true, content: json({ $ref: collectionSchemaRef(schemaName) }) }
  return {
    required: true,
    content: {
      'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' }, _payload: { type: 'string', description: `The other fields as JSON (${schemaName})` } } } },
      ...json({ $ref: collectionSchemaRef(schemaName) }),
    },
  }
}

/** A collection's tag: its slug in words ("payment-events" → "Payment events"), shared with its custom endpoints' docs. */
export const collectionTag = (slug: string) => slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())

function operation(collection: SanitizedCollectionConfig, name: string, summary: string, rest: Operation): Operation {
  return { operationId: `${name}${collection.slug.replace(/-(.)/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase())}`, tags: [collectionTag(collection.slug)], summary, security: AUTH, ...rest }
}

function authPaths(collection: SanitizedCollectionConfig): PathItems {
  const slug = collection.slug
  // Not the stored document exactly: Payload adds `collection` and `_strategy`, and leaves `updatedAt` null on login.
  const authUser = { type: 'object', required: ['id', 'email'], properties: { id: { type: 'integer' }, email: { type: 'string' } }, description: `The ${slug} document as Payload returns it to its owner (${collectionSchemaRef(slug)}) plus \`collection\` and \`_strategy\`` }
  const user = { type: 'object', properties: { user: authUser, token: { type: 'string' }, exp: { type: 'integer' }, message: { type: 'string' } } }
  const emailBody = { required: true, content: json({ type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }) }
  const message = { description: 'Done', content: json({ type: 'object', properties: { message: { type: 'string' } } }) }
  const op = (name: string, summary: string, rest: Operation) => ({ ...operation(collection, name, summary, rest), tags: ['Authentication'] })
  return {
    [`/api/${slug}/login`]: {
      post: op('login', 'Log in: sets the session cookie and returns a JWT', {
        security: [],
        requestBody: { required: true, content: json({ type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } } }) },
        responses: { 200: { description: 'Logged in', content: json(user) }, ...errors(400, 401, 403) },
      }),
    },
    [`/api/${slug}/logout`]: { post: op('logout', 'Log out: clears the session cookie', { responses: { 200: message, ...errors(400) } }) },
    [`/api/${slug}/me`]: {
      get: op('me', 'The logged-in user (null when not logged in)', {
        responses: { 200: { description: 'The user', content: json({ type: 'object', properties: { user: { oneOf: [authUser, { type: 'null' }] }, token: { type: 'string' }, exp: { type: 'integer' }, collection: { type: 'string' } } }) }, ...errors() },
      }),
    },
    [`/api/${slug}/refresh-token`]: { post: op('refreshToken', 'A fresh session for the logged-in user', { responses: { 200: { description: 'Refreshed', content: json({ type: 'object', properties: { user: authUser, refreshedToken: { type: 'string' }, exp: { type: 'integer' } } }) }, ...errors(401) } }) },
    [`/api/${slug}/forgot-password`]: { post: op('forgotPassword', 'Email a password-reset link (answers the same whether or not the address exists)', { security: [], requestBody: emailBody, responses: { 200: message, ...errors(400) } }) },
    [`/api/${slug}/reset-password`]: {
      post: op('resetPassword', "Set a new password with the emailed link's token", {
        security: [],
        requestBody: { required: true, content: json({ type: 'object', required: ['token', 'password'], properties: { token: { type: 'string' }, password: { type: 'string', minLength: 8 } } }) },
        responses: { 200: { description: 'Password set and logged in', content: json(user) }, ...errors(400, 403) },
      }),
    },
    [`/api/${slug}/unlock`]: { post: op('unlock', 'Admins: unlock an account locked after failed logins', { requestBody: emailBody, responses: { 200: message, ...errors(400, 401, 403) } }) },
    [`/api/${slug}/first-register`]: {
      post: op('firstRegister', 'Create the first admin (only while there are no users)', {
        security: [],
        requestBody: { required: true, content: json({ $ref: collectionSchemaRef(`${slug}_create`) }) },
        responses: { 200: { description: 'Created and logged in', content: json(user) }, ...errors(400, 403) },
      }),
    },
    [`/api/${slug}/verify/{id}`]: { post: op('verify', "Verify an email address with the emailed token (unused: verification is off)", { security: [], parameters: [{ ...id, schema: { type: 'string' } }], responses: { 200: message, ...errors(400, 403) } }) },
    [`/api/${slug}/init`]: { get: op('init', 'Whether a first user exists', { security: [], responses: { 200: { description: 'Initialised or not', content: json({ type: 'object', properties: { initialized: { type: 'boolean' } } }) }, ...errors() } }) },
  }
}

function versionPaths(collection: SanitizedCollectionConfig): PathItems {
  const slug = collection.slug
  const version = { type: 'object', properties: { id: { type: 'integer' }, parent: { oneOf: [{ type: 'integer' }, ref(slug)] }, version: ref(slug), createdAt: { type: 'string' }, updatedAt: { type: 'string' }, latest: { type: ['boolean', 'null'] } } }
  const versionList = { type: 'object', properties: { docs: { type: 'array', items: version }, totalDocs: { type: 'integer' }, page: { type: 'integer' }, totalPages: { type: 'integer' }, hasNextPage: { type: 'boolean' }, hasPrevPage: { type: 'boolean' } } }
  return {
    [`/api/${slug}/versions`]: { get: operation(collection, 'listVersions', 'Saved versions and drafts (staff)', { parameters: listParams, responses: { 200: { description: 'A page of versions', content: json(versionList) }, ...errors(400, 401, 403) } }) },
    [`/api/${slug}/versions/{id}`]: {
      get: operation(collection, 'getVersion', 'One version', { parameters: [id, depth], responses: { 200: { description: 'The version', content: json(version) }, ...errors(400, 401, 403, 404) } }),
      post: operation(collection, 'restoreVersion', 'Restore a version', { parameters: [id], responses: { 200: { description: 'Restored', content: json(docMessage(slug)) }, ...errors(400, 401, 403, 404) } }),
    },
  }
}

function uploadPaths(collection: SanitizedCollectionConfig): PathItems {
  const slug = collection.slug
  return {
    [`/api/${slug}/file/{filename}`]: {
      get: operation(collection, 'file', 'The stored file (or one of its resized images)', {
        parameters: [{ name: 'filename', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } }, ...errors(403, 404) },
      }),
    },
    [`/api/${slug}/paste-url/{id}`]: { get: operation(collection, 'pasteUrl', "Staff: fetch a file from a URL (the admin UI's paste)", { parameters: [{ ...id, schema: { type: 'string' } }], responses: { 200: { description: 'The file' }, ...errors(400, 401, 403) } }) },
  }
}

/** Payload's REST routes of one collection (and its auth and versions routes when it has them). */
export function collectionPaths(collection: SanitizedCollectionConfig): PathItems {
  const slug = collection.slug
  const drafts = collection.versions && typeof collection.versions === 'object' && collection.versions.drafts
  const draftParam = drafts ? [{ name: 'draft', in: 'query', schema: { type: 'boolean' }, description: 'Staff: the newest draft instead of the published version' }] : []
  return {
    [`/api/${slug}`]: {
      get: operation(collection, 'list', 'List (only what the caller may read)', { parameters: [...listParams, ...draftParam], responses: { 200: { description: 'A page of documents', content: json(paginated(slug)) }, ...errors(400, 401, 403) } }),
      post: operation(collection, 'create', 'Create', { parameters: [depth, ...draftParam], requestBody: body(collection, `${slug}_create`), responses: { 201: { description: 'Created', content: json(docMessage(slug)) }, ...errors(400, 401, 403, 409, 413) } }),
      patch: operation(collection, 'updateMany', 'Update every document matching `where`', { parameters: [where, depth], requestBody: body(collection, `${slug}_update`), responses: { 200: { description: 'Updated (and per-document errors)', content: json(bulkResult(slug)) }, ...errors(400, 401, 403) } }),
      delete: operation(collection, 'deleteMany', 'Delete every document matching `where`', { parameters: [where], responses: { 200: { description: 'Deleted (and per-document errors)', content: json(bulkResult(slug)) }, ...errors(400, 401, 403, 409) } }),
    },
    [`/api/${slug}/count`]: { get: operation(collection, 'count', 'Count (only what the caller may read)', { parameters: [where], responses: { 200: { description: 'The count', content: json({ type: 'object', required: ['totalDocs'], properties: { totalDocs: { type: 'integer', minimum: 0 } } }) }, ...errors(400) } }) },
    [`/api/${slug}/{id}`]: {
      get: operation(collection, 'get', 'One document', { parameters: [id, depth, ...draftParam], responses: { 200: { description: 'The document', content: json(ref(slug)) }, ...errors(400, 401, 403, 404) } }),
      patch: operation(collection, 'update', 'Update', { parameters: [id, depth, ...draftParam], requestBody: body(collection, `${slug}_update`), responses: { 200: { description: 'Updated', content: json(docMessage(slug)) }, ...errors(400, 401, 403, 404, 409, 413) } }),
      delete: operation(collection, 'delete', 'Delete', { parameters: [id], responses: { 200: { description: 'Deleted', content: json(docMessage(slug)) }, ...errors(400, 401, 403, 404, 409) } }),
    },
    [`/api/${slug}/{id}/duplicate`]: { post: operation(collection, 'duplicate', 'Copy a document', { parameters: [id, depth], responses: { 201: { description: 'The copy', content: json(docMessage(slug)) }, ...errors(400, 401, 403, 404, 409) } }) },
    [`/api/${slug}/access`]: { post: operation(collection, 'access', "The caller's permissions on this collection (the admin UI's)", { responses: { 200: { description: 'Permissions', content: json({ type: 'object' }) }, ...errors(401) } }) },
    [`/api/${slug}/access/{id}`]: { post: operation(collection, 'accessById', "The caller's permissions on one document (the admin UI's)", { parameters: [id], responses: { 200: { description: 'Permissions', content: json({ type: 'object' }) }, ...errors(401) } }) },
    ...(collection.upload ? uploadPaths(collection) : {}),
    ...(collection.auth ? authPaths(collection) : {}),
    ...(drafts || collection.versions ? versionPaths(collection) : {}),
  }
}
