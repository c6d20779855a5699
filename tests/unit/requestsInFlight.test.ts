import { EventEmitter } from 'node:events'

import { RequestsInFlight } from '../../lib/requestsInFlight'

const response = () => new EventEmitter()

describe('requests in flight, for background work that steps aside', () => {
  it('is idle at once when nothing is being answered', async () => {
    const requests = new RequestsInFlight()
    expect(requests.size).toBe(0)
    expect(requests.busyWithin(100)).toBe(false)
    await expect(requests.whenIdle(10_000)).resolves.toBeUndefined()
  })

  it('releases a waiter when the last request closes, not before', async () => {
    const requests = new RequestsInFlight()
    const [first, second] = [response(), response()]
    requests.track(first)
    requests.track(second)
    expect(requests.size).toBe(2)
    let released = false
    const waiting = requests.whenIdle(10_000).then(() => (released = true))
    first.emit('close')
    await new Promise((resolve) => setImmediate(resolve))
    expect(released).toBe(false)
    second.emit('close')
    await waiting
    expect(released).toBe(true)
    expect(requests.size).toBe(0)
  })

  it('releases a waiter after its longest wait under steady traffic (jobs slow down, never starve)', async () => {
    const requests = new RequestsInFlight()
    requests.track(response())
    const started = performance.now()
    await requests.whenIdle(50)
    expect(performance.now() - started).toBeGreaterThanOrEqual(45)
    expect(requests.size).toBe(1)
  })

  it('counts a request as recent for the window after it closed', () => {
    const requests = new RequestsInFlight()
    const one = response()
    requests.track(one)
    expect(requests.busyWithin(100)).toBe(true)
    one.emit('close')
    const closedAt = performance.now()
    expect(requests.busyWithin(100, closedAt + 50)).toBe(true)
    expect(requests.busyWithin(100, closedAt + 150)).toBe(false)
  })
})
