import { SIMULATOR_SERVER_KEY, useSimulator } from '../../payments/gateway'
import { MidtransStandIn } from '../../payments/midtransStandIn'

/**
 * Serves a Midtrans stand-in for this test file and points midtrans-client at it. Call it
 * before useWorldSuite(): the app reads MIDTRANS_* when its configuration is first built.
 * Each test starts with the stand-in healthy and telling the truth.
 */
export function useMidtransStandIn(serverKey: string): MidtransStandIn {
  let url = ''
  const standIn = new MidtransStandIn(serverKey, () => url)
  let close: (() => Promise<void>) | undefined
  beforeAll(async () => {
    const served = await standIn.listen()
    url = served.url
    close = served.close
    Object.assign(process.env, { MIDTRANS_SERVER_KEY: serverKey, MIDTRANS_API_URL: served.url, MIDTRANS_TIMEOUT_MS: '1500' })
  })
  afterAll(async () => close?.())
  beforeEach(() => {
    standIn.mode = 'normal'
    standIn.statusOverrides.clear()
  })
  return standIn
}

/**
 * Demo mode (no Midtrans keys) with the built-in simulator, served on a port of its own
 * because jest has no app server for midtrans-client to call. Call it before useWorldSuite().
 */
export function useBuiltInSimulator(): MidtransStandIn {
  let served: { url: string; close: () => Promise<void> } | undefined
  const simulator = new MidtransStandIn(SIMULATOR_SERVER_KEY, () => served?.url ?? '')
  beforeAll(async () => {
    served = await simulator.listen()
    delete process.env.MIDTRANS_SERVER_KEY
    process.env.MIDTRANS_API_URL = served.url
    useSimulator(simulator)
  })
  afterAll(async () => served?.close())
  return simulator
}
