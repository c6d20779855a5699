import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

import type { ApiResponse } from './api'

type Json = Record<string, any>

/**
 * Checks real answers against the OpenAPI document: the status must be documented for the
 * operation, and a JSON body must validate against the documented schema (references into
 * the document's components resolved). One compiled validator per operation and status.
 */
export function openApiContract(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
  addFormats(ajv)
  const validators = new Map<string, ValidateFunction>()

  function operation(method: string, template: string): Json {
    const found = document.paths?.[template]?.[method.toLowerCase()]
    if (!found) throw new Error(`${method} ${template} is not in the OpenAPI document`)
    return found
  }

  return {
    operation,
    /** Throws, naming the differences, unless the answer is what the document promises. */
    check(method: string, template: string, response: ApiResponse): void {
      const documented = operation(method, template).responses?.[String(response.status)]
      if (!documented) throw new Error(`${method} ${template} answered ${response.status}, which the document does not list: ${JSON.stringify(response.body).slice(0, 300)}`)
      const contentType = response.headers.get('content-type') ?? ''
      const media = contentType.split(';')[0]!.trim()
      if (!documented.content) return
      if (!documented.content[media]) throw new Error(`${method} ${template} ${response.status} answered ${media}; documented: ${Object.keys(documented.content).join(', ')}`)
      if (media !== 'application/json') return
      const key = `${method} ${template} ${response.status}`
      let validate = validators.get(key)
      if (!validate) {
        validate = ajv.compile({ ...documented.content[media].schema, components: document.components })
        validators.set(key, validate)
      }
      if (!validate(response.body)) {
        throw new Error(`${key}: the body does not match the documented schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}\n${JSON.stringify(response.body).slice(0, 600)}`)
      }
    },
  }
}
