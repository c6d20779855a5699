import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'

import { CLIENT_IP_HEADER, resolveClientIp, stampClientIp } from '../../security/clientIp'
import { parseIpAddress, parseTrustProxy, TRUST_NOBODY } from '../../security/trustProxy'

const nobody = TRUST_NOBODY
const oneHop = parseTrustProxy('1')
const twoHops = parseTrustProxy('2')
const ourProxies = parseTrustProxy('127.0.0.1, 10.0.0.0/8, ::1, fd00::/8')

describe('TRUST_PROXY', () => {
  it('trusts nobody when unset, false or 0', () => {
    for (const value of [undefined, '', 'false', '0', ' false ']) expect(parseTrustProxy(value)).toEqual({ kind: 'none' })
  })

  it('reads a whole number as a hop count', () => {
    expect(parseTrustProxy('1')).toEqual({ kind: 'hops', hops: 1 })
    expect(parseTrustProxy('3')).toEqual({ kind: 'hops', hops: 3 })
  })

  it('reads a comma-separated list of IPv4 and IPv6 addresses and CIDR ranges', () => {
    const trust = parseTrustProxy('127.0.0.1,10.0.0.0/8, ::1 ,2001:db8::/32,::ffff:192.168.0.0/112')
    expect(trust.kind).toBe('ranges')
    const ranges = trust.kind === 'ranges' ? trust.ranges.map(([address, prefix]) => `${address.toString()}/${prefix}`) : []
    // A mapped IPv6 range is the IPv4 range it maps (client addresses are normalised the same way).
    expect(ranges).toEqual(['127.0.0.1/32', '10.0.0.0/8', '::1/128', '2001:db8::/32', '192.168.0.0/16'])
  })

  it('refuses "true": it would let any client choose its address', () => {
    expect(() => parseTrustProxy('true')).toThrow(/number of proxies/)
  })

  it.each([
    ['a hop count past 32', '33', /0-32/],
    ['a negative number', '-1', /"-1" is not an IP address/],
    ['a name', 'loopback', /"loopback" is not an IP address/],
    ['a short IPv4 form', '127.1', /"127.1"/],
    ['an octal-looking IPv4', '010.0.0.1', /"010.0.0.1"/],
    ['an IPv4 prefix over 32', '10.0.0.0/33', /"10.0.0.0\/33"/],
    ['an IPv6 prefix over 128', '::1/129', /"::1\/129"/],
    ['a prefix that is not a number', '10.0.0.0/x', /"10.0.0.0\/x"/],
    ['an empty entry', '127.0.0.1,,::1', /\(empty\)/],
    ['an address with a port', '127.0.0.1:8080', /"127.0.0.1:8080"/],
  ])('refuses %s, naming it', (_, value, message) => {
    expect(() => parseTrustProxy(value)).toThrow(message)
  })

  it('names every bad entry at once', () => {
    expect(() => parseTrustProxy('10.0.0.0/8,proxy-a,proxy-b')).toThrow('"proxy-a", "proxy-b" are not IP addresses')
  })
})

describe('the client address', () => {
  it('is the socket address when nobody is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('203.0.113.5', undefined, nobody)).toBe('203.0.113.5')
    expect(resolveClientIp('203.0.113.5', '198.51.100.1', nobody)).toBe('203.0.113.5')
    expect(resolveClientIp('203.0.113.5', ['198.51.100.1', '198.51.100.2'], nobody)).toBe('203.0.113.5')
  })

  it('with a hop count, is the entry that many proxies from the app (Express\'s hop count)', () => {
    // The socket peer is the proxy; the proxy appended the client it saw.
    expect(resolveClientIp('10.0.0.2', '198.51.100.1', oneHop)).toBe('198.51.100.1')
    // A CDN in front of the balancer: the balancer appended the CDN's address.
    expect(resolveClientIp('10.0.0.2', '198.51.100.1, 192.0.2.44', oneHop)).toBe('192.0.2.44')
    expect(resolveClientIp('10.0.0.2', '198.51.100.1, 192.0.2.44', twoHops)).toBe('198.51.100.1')
    // Fewer entries than hops: the leftmost one (as Express does).
    expect(resolveClientIp('10.0.0.2', '198.51.100.1', twoHops)).toBe('198.51.100.1')
    // No header: nobody forwarded anything, the peer is the client.
    expect(resolveClientIp('10.0.0.2', undefined, oneHop)).toBe('10.0.0.2')
  })

  it('with a hop count, ignores what a client wrote left of the entries the proxies added', () => {
    expect(resolveClientIp('10.0.0.2', '1.1.1.1, 2.2.2.2, 198.51.100.1', oneHop)).toBe('198.51.100.1')
    expect(resolveClientIp('10.0.0.2', 'garbage, 198.51.100.1', oneHop)).toBe('198.51.100.1')
  })

  it('with a list, walks X-Forwarded-For from the right past trusted proxies to the first untrusted address', () => {
    expect(resolveClientIp('127.0.0.1', '198.51.100.1', ourProxies)).toBe('198.51.100.1')
    expect(resolveClientIp('127.0.0.1', '198.51.100.1, 10.1.2.3, 10.9.9.9', ourProxies)).toBe('198.51.100.1')
    // Only trusted peers are believed: a client connecting directly names nobody else.
    expect(resolveClientIp('198.51.100.7', '10.0.0.1', ourProxies)).toBe('198.51.100.7')
  })

  it('with a list, stops at the first untrusted address, so spoofed entries left of it change nothing', () => {
    expect(resolveClientIp('127.0.0.1', '6.6.6.6, 198.51.100.1', ourProxies)).toBe('198.51.100.1')
    // The client pretends to be behind our own proxy: it still is the untrusted address our proxy saw.
    expect(resolveClientIp('127.0.0.1', '10.0.0.1, 198.51.100.1', ourProxies)).toBe('198.51.100.1')
    expect(resolveClientIp('127.0.0.1', 'not-an-ip, [::1]:80, 198.51.100.1', ourProxies)).toBe('198.51.100.1')
  })

  it('with a list whose every entry is trusted, is the leftmost', () => {
    expect(resolveClientIp('127.0.0.1', '10.0.0.5, 10.0.0.6', ourProxies)).toBe('10.0.0.5')
  })

  it.each([
    ['a word', 'unknown'],
    ['an address with a port', '198.51.100.1:4711'],
    ['a bracketed IPv6 address', '[2001:db8::1]'],
    ['an empty header', ''],
    ['an empty entry', '198.51.100.1, '],
    ['a short IPv4 form', '127.1'],
    ['an out-of-range octet', '198.51.100.256'],
    ['control characters', '198.51.100.1\u0000'],
    ['an obfuscated IPv4', '0x7f.0.0.1'],
  ])('falls back to the socket address when the entry it has to read is %s', (_, header) => {
    expect(resolveClientIp('127.0.0.1', header, ourProxies)).toBe('127.0.0.1')
    expect(resolveClientIp('10.0.0.2', header, oneHop)).toBe('10.0.0.2')
  })

  it('normalises IPv4-mapped IPv6 addresses to IPv4, from the socket and from the header', () => {
    expect(resolveClientIp('::ffff:203.0.113.5', undefined, nobody)).toBe('203.0.113.5')
    // A dual-stack listener reports the IPv4 proxy as mapped; the IPv4 range still trusts it.
    expect(resolveClientIp('::ffff:127.0.0.1', '::ffff:198.51.100.1', ourProxies)).toBe('198.51.100.1')
    expect(resolveClientIp('::ffff:10.0.0.2', '::FFFF:C633:6401', oneHop)).toBe('198.51.100.1')
  })

  it('handles IPv6 proxies and clients, in one canonical (RFC 5952) form', () => {
    expect(resolveClientIp('::1', '2001:DB8:0:0:0:0:0:1', ourProxies)).toBe('2001:db8::1')
    expect(resolveClientIp('fd12::7', '2001:db8::42, fd00::1', ourProxies)).toBe('2001:db8::42')
    expect(resolveClientIp('2001:db8::99', '198.51.100.1', ourProxies)).toBe('2001:db8::99')
  })

  it('keeps an unparseable socket address as it is, and an absent one empty', () => {
    expect(resolveClientIp(undefined, '198.51.100.1', oneHop)).toBe('')
    expect(resolveClientIp('weird', '198.51.100.1', oneHop)).toBe('weird')
  })

  it('never throws, and answers an address or the socket\'s, for any header', () => {
    const address = fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())
    const header = fc.oneof(fc.string(), fc.array(address).map((entries) => entries.join(', ')))
    const trust = fc.constantFrom(nobody, oneHop, twoHops, ourProxies)
    fc.assert(
      fc.property(header, trust, (value, rule) => {
        const ip = resolveClientIp('127.0.0.1', value, rule)
        expect(parseIpAddress(ip)).not.toBeNull()
        expect(ip).not.toMatch(/[\s,]/)
      }),
    )
  })
})

describe('the client address header', () => {
  it('replaces whatever the client sent as x-jasaweb-client-ip with the resolved address', async () => {
    const seen: { ip: string; header: unknown }[] = []
    const server = http.createServer((req, res) => {
      seen.push({ ip: stampClientIp(req, ourProxies), header: req.headers[CLIENT_IP_HEADER] })
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
      await fetch(url, { headers: { [CLIENT_IP_HEADER]: '6.6.6.6' } })
      await fetch(url, { headers: { [CLIENT_IP_HEADER]: '6.6.6.6', 'x-forwarded-for': '198.51.100.1' } })
      expect(seen).toEqual([
        { ip: '127.0.0.1', header: '127.0.0.1' },
        { ip: '198.51.100.1', header: '198.51.100.1' },
      ])
    } finally {
      server.close()
    }
  })
})
