import { APIError } from 'payload'
import { z } from 'zod'

import { currentRequestId } from './requestContext'

/**
 * Domain errors. They extend Payload's APIError so REST, GraphQL and custom endpoints all
 * turn them into the same status code and message; nothing else maps errors.
 */
export class InvalidTransition extends APIError {
  constructor(message: string, allowed: string[]) {
    super(message, 400, { allowed }, true)
    this.name = 'InvalidTransition'
  }
}

export class BadRequest extends APIError {
  constructor(message: string, data?: Record<string, unknown>) {
    super(message, 400, data, true)
    this.name = 'BadRequest'
  }
}

export class PayloadTooLarge extends APIError {
  constructor(limit: number) {
    super(`The request body is larger than ${limit} bytes.`, 413, { limit }, true)
    this.name = 'PayloadTooLarge'
  }
}

export class Forbidden extends APIError {
  constructor(message = 'You are not allowed to perform this action.') {
    super(message, 403, undefined, true)
    this.name = 'Forbidden'
  }
}

export class Unauthorized extends APIError {
  constructor(message = 'Log in first.') {
    super(message, 401, undefined, true)
    this.name = 'Unauthorized'
  }
}

export class NotFound extends APIError {
  constructor(message = 'Not found.') {
    super(message, 404, undefined, true)
    this.name = 'NotFound'
  }
}

/** The request clashes with the data as it stands (for example, deleting what others still use). */
export class Conflict extends APIError {
  constructor(message: string, data?: Record<string, unknown>) {
    super(message, 409, data, true)
    this.name = 'Conflict'
  }
}

/** Maps any thrown value from a custom endpoint to a JSON Response in Payload's error shape. */
export function errorResponse(error: unknown): Response {
  const requestId = currentRequestId()
  if (error instanceof z.ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')
    return Response.json({ errors: [{ message, data: { issues: error.issues } }], requestId }, { status: 400 })
  }
  if (error instanceof APIError) {
    const status = error.status ?? 500
    return Response.json({ errors: [{ message: error.message, data: error.data }], requestId }, { status })
  }
  throw error
}

/** Midtrans could not be reached or is failing: the client may try again later. */
export class PaymentProviderUnavailable extends APIError {
  constructor(message = 'Layanan pembayaran sedang tidak tersedia. Coba lagi beberapa saat lagi.') {
    super(message, 503, undefined, true)
    this.name = 'PaymentProviderUnavailable'
  }
}

/** Midtrans answered but refused the request: retrying the same request will not help. */
export class PaymentProviderRejected extends APIError {
  constructor(message: string) {
    super(message, 502, undefined, true)
    this.name = 'PaymentProviderRejected'
  }
}

/** The invoice cannot be paid in its current state (paid, cancelled, nothing to pay). */
export class InvoiceNotPayable extends APIError {
  constructor(message: string) {
    super(message, 409, undefined, true)
    this.name = 'InvoiceNotPayable'
  }
}

