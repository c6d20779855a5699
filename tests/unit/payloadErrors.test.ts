import { AuthenticationError, Forbidden, LockedAuth, ValidationError } from 'payload'

import { loginRefusal, payloadFieldErrors } from '../../accounts/payloadErrors'

describe("recognising Payload's errors without instanceof", () => {
  it("tells a lock-out from a wrong password, though Payload gives both 401", () => {
    expect(new LockedAuth().status).toBe(401)
    expect(loginRefusal(new LockedAuth())).toBe('locked')
    expect(loginRefusal(new AuthenticationError())).toBe('wrong')
  })

  it('is not fooled by other errors', () => {
    expect(loginRefusal(new Forbidden())).toBeUndefined()
    expect(loginRefusal(new Error('locked'))).toBeUndefined()
    expect(loginRefusal({ status: 401, message: 'locked' })).toBeUndefined()
  })

  it("reads a ValidationError's field errors", () => {
    const error = new ValidationError({ errors: [{ path: 'email', message: 'taken' }] })
    expect(payloadFieldErrors(error)).toEqual([{ path: 'email', message: 'taken' }])
    expect(payloadFieldErrors(new Forbidden())).toBeUndefined()
  })
})
