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
