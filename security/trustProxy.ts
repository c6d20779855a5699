import ipaddr from 'ipaddr.js'

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6

/**
 * Which peers may tell us who the client is (TRUST_PROXY): nobody (the socket's address is the
 * client), the nearest `hops` peers whatever their address (Express's hop count), or peers whose
 * address is in one of `ranges`.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'ranges'; ranges: [IpAddress, number][] }

export const TRUST_NOBODY: TrustProxy = Object.freeze({ kind: 'none' })

const MAX_HOPS = 32

/**
 * One address in the strict textual forms: four-part decimal IPv4 (no `127.1`, `0x7f.0.0.1` or
 * octal-looking `010.0.0.1`, which ipaddr.js's loose parser would take) or IPv6. An IPv4-mapped
 * IPv6 address (`::ffff:1.2.3.4`, what a dual-stack socket reports) becomes the IPv4 address, so
 * one client has one key however it arrived. Null for anything else.
 */
export function parseIpAddress(text: string): IpAddress | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text)
  if (!ipaddr.IPv6.isValid(text)) return null
  const address = ipaddr.IPv6.parse(text)
  return address.isIPv4MappedAddress() ? address.toIPv4Address() : address
}

/** The canonical text of an address: dotted IPv4, or RFC 5952 IPv6 (lower case, shortest). */
export function formatIpAddress(address: IpAddress): string {
  return address.kind() === 'ipv4' ? address.toString() : (address as ipaddr.IPv6).toRFC5952String()
}

function parseRange(text: string): [IpAddress, number] | null {
  const [addressText, prefixText, ...rest] = text.split('/')
  if (rest.length > 0 || addressText === undefined) return null
  const address = parseIpAddress(addressText)
  if (!address) return null
  const bits = address.kind() === 'ipv4' ? 32 : 128
  if (prefixText === undefined) return [address, bits]
  if (!/^\d{1,3}$/.test(prefixText)) return null
  const prefix = Number(prefixText)
  // parseIpAddress turned a mapped address into IPv4: its prefix counted 96 bits of ::ffff:.
  const mapped = address.kind() === 'ipv4' && addressText.includes(':')
  const prefixLength = mapped ? prefix - 96 : prefix
  if (prefixLength < 0 || prefixLength > bits) return null
  return [address, prefixLength]
}

/**
 * TRUST_PROXY's value: unset or `false` trusts nobody; a whole number is a hop count; otherwise
 * a comma-separated list of addresses and CIDR ranges (IPv4 and IPv6). Throws with a message
 * for the start-up error. `true` (Express's "trust everything") is refused: it would let any
 * client choose the address it is limited and audited by.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? ''
  if (text === '' || text === 'false') return TRUST_NOBODY
  if (text === 'true') {
    throw new Error('"true" would trust any X-Forwarded-For a client sends; give the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.0/8)')
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops > MAX_HOPS) throw new Error(`a hop count must be 0-${MAX_HOPS} (the number of proxies in front of the app)`)
    return hops === 0 ? TRUST_NOBODY : { kind: 'hops', hops }
  }
  const entries = text.split(',').map((entry) => entry.trim())
  const invalid = entries.filter((entry) => parseRange(entry) === null)
  if (invalid.length > 0) {
    const shown = invalid.map((entry) => (entry === '' ? '(empty)' : `"${entry}"`)).join(', ')
    throw new Error(`${shown} ${invalid.length === 1 ? 'is not an IP address or CIDR range' : 'are not IP addresses or CIDR ranges'}; use false, a hop count (e.g. 1) or a comma-separated list such as 127.0.0.1,10.0.0.0/8,::1`)
  }
  return { kind: 'ranges', ranges: entries.map((entry) => parseRange(entry)!) }
}

/** Whether the peer `hop` steps from the app (0: the socket's peer) may name the address before it. */
export function isTrustedHop(trust: TrustProxy, address: IpAddress, hop: number): boolean {
  switch (trust.kind) {
    case 'none':
      return false
    case 'hops':
      return hop < trust.hops
    case 'ranges':
      return trust.ranges.some(([network, prefix]) => network.kind() === address.kind() && address.match(network, prefix))
  }
}
