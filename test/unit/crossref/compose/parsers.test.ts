import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, parseAddress, parseSubnet } from '../../../../server/src/crossref/compose/cidr';
import { cleanPath, isFilePath, parseMount } from '../../../../server/src/crossref/compose/mounts';
import { parsePort } from '../../../../server/src/crossref/compose/ports';
import type { Origin, YNode } from '../../../../server/src/crossref/compose/tree';
import { baseName, dirOf, resolvePath } from '../../../../server/src/crossref/compose/uris';
import { interpolateString } from '../../../../server/src/validation/compose/interpolation';

const origin = {} as Origin;
function scalar(raw: unknown): YNode {
  const result = typeof raw === 'string' ? interpolateString(raw) : { value: raw, unresolved: false };
  return { kind: 'scalar', origin, raw, value: result.value, unresolved: result.unresolved };
}

test('mounts: short syntax split like compose-go, sources classified after interpolation', () => {
  const read = (spec: string) => {
    const m = parseMount(scalar(spec));
    return m && [m.type, m.source, m.target, m.sourceSub];
  };
  assert.deepEqual(read('data:/data:ro'), ['volume', 'data', '/data', [0, 4]]);
  assert.deepEqual(read('./data:/data'), ['bind', './data', '/data', [0, 6]]);
  assert.deepEqual(read('C:\\data:/data'), ['bind', 'C:\\data', '/data', [0, 7]]);
  assert.deepEqual(read('${D:-./x}:/x'), ['bind', './x', '/x', [0, 9]]);
  assert.deepEqual(read('${D:-vol}:/x'), ['volume', 'vol', '/x', [0, 9]]);
  assert.deepEqual(read('/anonymous'), ['volume', undefined, '/anonymous', undefined]);
  assert.equal(read('${UNSET}:/x'), undefined);
  assert.equal(read('data::/x'), undefined); // empty section between colons
  assert.deepEqual(read('a::b')?.slice(0, 2), ['bind', 'a:']); // compose-go reads a one-letter part as a drive
  assert.ok(isFilePath('~/x') && isFilePath('\\\\.\\pipe\\x') && !isFilePath('data'));
  assert.equal(cleanPath('/data/'), '/data');
  assert.equal(cleanPath('/a/./b/../c'), '/a/c');
});

test('ports: fixed host ports, ranges, IPs and protocols', () => {
  const read = (spec: unknown) => {
    const p = parsePort(scalar(spec));
    return p && [p.hostIp, p.published, p.protocol, p.sub];
  };
  assert.deepEqual(read('8080:80'), ['', [8080], 'tcp', [0, 4]]);
  assert.deepEqual(read('127.0.0.1:8080:80/udp'), ['127.0.0.1', [8080], 'udp', [10, 14]]);
  assert.deepEqual(read('[::1]:8080:80'), ['::1', [8080], 'tcp', [6, 10]]);
  assert.deepEqual(read('8000-8002:80-82'), ['', [8000, 8001, 8002], 'tcp', [0, 9]]);
  assert.deepEqual(read('8000-8002:80'), ['', [], 'tcp', [0, 9]]);
  assert.deepEqual(read('127.0.0.1::80'), ['127.0.0.1', [], 'tcp', undefined]);
  assert.deepEqual(read('3000'), ['', [], 'tcp', undefined]);
  assert.deepEqual(read(3000), ['', [], 'tcp', undefined]);
  assert.equal(read('${P}:80'), undefined);
});

test('cidr: IPv4 and IPv6 membership', () => {
  assert.ok(contains(parseSubnet('172.28.0.0/16')!, parseAddress('172.28.5.1')!));
  assert.ok(!contains(parseSubnet('172.28.0.0/16')!, parseAddress('172.29.0.1')!));
  assert.ok(contains(parseSubnet('2001:db8::/64')!, parseAddress('2001:db8::ff')!));
  assert.ok(contains(parseSubnet('::ffff:0:0/96')!, parseAddress('::ffff:10.0.0.1')!));
  assert.ok(!contains(parseSubnet('10.0.0.0/8')!, parseAddress('::1')!));
  assert.equal(parseAddress('300.1.1.1'), undefined);
  assert.equal(parseAddress('1::2::3'), undefined);
  assert.equal(parseSubnet('10.0.0.0/33'), undefined);
});

test('uris: relative paths resolve against the folder; home, Windows and remote paths do not', () => {
  const dir = dirOf('file:///p/a%20b/compose.yaml')!;
  assert.equal(dir, 'file:///p/a%20b/');
  assert.equal(resolvePath('../x y/c#1.yaml', dir), 'file:///p/x%20y/c%231.yaml');
  assert.equal(resolvePath('/abs/f', dir), 'file:///abs/f');
  assert.equal(resolvePath('~/f', dir), undefined);
  assert.equal(resolvePath('C:\\f', dir), undefined);
  assert.equal(resolvePath('https://example.com/c.yaml', dir), undefined);
  assert.equal(dirOf('untitled:Untitled-1'), undefined);
  assert.equal(baseName('file:///p/docker-compose.override.yml'), 'docker-compose.override.yml');
});
