import { describe, expect, it } from 'vitest';
import { isInternalAddress, refusedDestination, refusedUrl } from '../../src/webhooks/ssrf.js';

describe('webhook destinations', () => {
  it('judges internal addresses in IPv4 and IPv6, including IPv4 carried in IPv6', () => {
    const internal = [
      '127.0.0.1',
      '127.255.0.9',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '169.254.0.1',
      '100.64.0.1',
      '100.127.255.254',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'fe80::1%eth0',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::ffff:a00:1',
      '64:ff9b::10.0.0.1',
      '[::1]',
      'not an address',
    ];
    for (const address of internal) expect(isInternalAddress(address), address).toBe(true);
    const external = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'];
    for (const address of external) expect(isInternalAddress(address), address).toBe(false);
  });

  it('takes only http and https URLs without credentials', () => {
    expect(refusedUrl('https://example.com/hook')).toBeUndefined();
    expect(refusedUrl('http://example.com:8080/hook')).toBeUndefined();
    expect(refusedUrl('ftp://example.com/')).toMatch(/http/);
    expect(refusedUrl('file:///etc/passwd')).toMatch(/http/);
    expect(refusedUrl('https://user:pw@example.com/')).toMatch(/credentials/);
    expect(refusedUrl('not a url')).toMatch(/not a URL/);
  });

  it('refuses metadata, private and loopback destinations, by address or by a name resolving to one', async () => {
    expect(await refusedDestination('http://169.254.169.254/latest/meta-data', false)).toMatch(/internal/);
    expect(await refusedDestination('http://10.0.0.1/hook', false)).toMatch(/internal/);
    expect(await refusedDestination('http://[::1]:8080/hook', false)).toMatch(/internal/);
    expect(await refusedDestination('http://[::ffff:127.0.0.1]/hook', false)).toMatch(/internal/);
    expect(await refusedDestination('http://localhost:9/hook', false)).toMatch(/resolves to an internal address/);
    expect(await refusedDestination('http://no-such-host.invalid/hook', false)).toMatch(/does not resolve/);
  });

  it('lets an operator allow private destinations', async () => {
    expect(await refusedDestination('http://127.0.0.1:9/hook', true)).toBeUndefined();
    expect(await refusedDestination('http://localhost:9/hook', true)).toBeUndefined();
    expect(await refusedDestination('http://10.0.0.1/hook', true)).toBeUndefined();
  });
});
