// The proxy decision, table-driven: both letter cases, `*`, domain suffixes, host:port, loopback.
import { describe, expect, it } from 'vitest';
import { describeProxy, proxyFor } from '../../src/net/proxy-env.js';

const P = 'http://proxy.corp:3128';

describe('proxyFor', () => {
  it.each([
    ['https://api.smallest.ai/atoms/v1', { HTTPS_PROXY: P }, P],
    ['https://api.smallest.ai/atoms/v1', { https_proxy: P }, P],
    ['https://api.smallest.ai/', { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' }, 'http://lower:1'],
    ['https://api.smallest.ai/', { HTTPS_PROXY: '' }, undefined],
    ['https://api.smallest.ai/', { HTTPS_PROXY: 'proxy.corp:3128' }, P],
    ['https://api.smallest.ai/', { HTTP_PROXY: P }, undefined],
    ['http://ghe.corp/api/v3', { HTTP_PROXY: P }, P],
    ['http://ghe.corp/api/v3', { HTTPS_PROXY: P }, undefined],
    ['https://api.smallest.ai/', { HTTPS_PROXY: P, NO_PROXY: '*' }, undefined],
    ['https://api.smallest.ai/', { HTTPS_PROXY: P, no_proxy: 'smallest.ai' }, undefined],
    ['https://api.smallest.ai/', { HTTPS_PROXY: P, NO_PROXY: '.smallest.ai' }, undefined],
    ['https://api.smallest.ai/', { HTTPS_PROXY: P, NO_PROXY: '*.smallest.ai' }, undefined],
    ['https://notsmallest.ai/', { HTTPS_PROXY: P, NO_PROXY: 'smallest.ai' }, P],
    ['https://api.smallest.ai/', { HTTPS_PROXY: P, NO_PROXY: 'github.com, api.smallest.ai' }, undefined],
    ['https://api.smallest.ai/', { HTTPS_PROXY: P, NO_PROXY: 'api.smallest.ai:443' }, undefined],
    ['https://api.smallest.ai/', { HTTPS_PROXY: P, NO_PROXY: 'api.smallest.ai:8443' }, P],
    ['https://api.smallest.ai:8443/', { HTTPS_PROXY: P, NO_PROXY: 'api.smallest.ai:8443' }, undefined],
    ['https://10.1.2.3/', { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3' }, undefined],
    ['https://[fd00::1]:8443/', { HTTPS_PROXY: P, NO_PROXY: '[fd00::1]:8443' }, undefined],
    ['http://127.0.0.1:4010/atoms/v1', { HTTP_PROXY: P }, undefined],
    ['http://localhost:4010/', { HTTP_PROXY: P }, undefined],
    ['http://[::1]:4010/', { HTTP_PROXY: P }, undefined],
    ['https://api.smallest.ai/', {}, undefined],
  ])('%s with %j → %s', (url, env, expected) => {
    expect(proxyFor(url, env)).toBe(expected);
  });

  it('shows a proxy without its credentials', () => {
    expect(describeProxy('http://user:secret@proxy.corp:3128')).toBe('http://proxy.corp:3128');
  });
});
