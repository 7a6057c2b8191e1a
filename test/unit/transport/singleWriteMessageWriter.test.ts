import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { SingleWriteMessageWriter } from '../../../server/src/transport/singleWriteMessageWriter';

/** A stream that keeps every write it is given, as one chunk each. */
function recordingStream(fail?: (chunk: Buffer) => Error | undefined): Writable & { chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const error = fail?.(chunk);
      if (!error) chunks.push(chunk);
      callback(error);
    },
  });
  return Object.assign(stream, { chunks });
}

const request = (id: number, params: unknown): Message => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params } as Message);

test('each message leaves in one write: the header and the whole body, Content-Length in bytes', async () => {
  const stream = recordingStream();
  const writer = new SingleWriteMessageWriter(stream);
  const message = request(1, { text: 'Größe: 日本語 ✓' });
  await writer.write(message);
  assert.equal(stream.chunks.length, 1);
  const frame = stream.chunks[0].toString('utf8');
  const body = JSON.stringify(message);
  assert.equal(frame, `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  assert.ok(Buffer.byteLength(body, 'utf8') > body.length, 'the body has multi-byte characters, so bytes ≠ characters');
});

test('messages written without waiting arrive whole and in order at an LSP reader', async () => {
  const pipe = new PassThrough();
  const writer = new SingleWriteMessageWriter(pipe);
  const reader = new StreamMessageReader(pipe);
  const received: Message[] = [];
  const all = new Promise<void>((resolve) => {
    reader.listen((message) => {
      received.push(message);
      if (received.length === 50) resolve();
    });
  });
  const sent = Array.from({ length: 50 }, (_, i) => request(i, { text: 'é'.repeat(i * 37), big: 'x'.repeat(i === 7 ? 200_000 : 1) }));
  await Promise.all(sent.map((message) => writer.write(message)));
  await all;
  assert.deepEqual(received, sent);
  reader.dispose();
});

test('a failed write rejects and is reported once, with its message', async () => {
  const stream = recordingStream(() => new Error('EPIPE'));
  const writer = new SingleWriteMessageWriter(stream);
  const errors: Array<[Error, Message | undefined, number | undefined]> = [];
  writer.onError((event) => errors.push(event));
  const first = request(1, {});
  await assert.rejects(writer.write(first), /EPIPE/);
  await new Promise((resolve) => setImmediate(resolve)); // the stream's own 'error' event comes a tick later
  assert.equal(errors.length, 1);
  assert.equal(errors[0][0].message, 'EPIPE');
  assert.deepEqual(errors[0][1], first);
  assert.equal(errors[0][2], 1);
});

test('an error of the stream itself, outside any write, is reported', async () => {
  const stream = recordingStream();
  const writer = new SingleWriteMessageWriter(stream);
  const errors: Array<[Error, Message | undefined, number | undefined]> = [];
  writer.onError((event) => errors.push(event));
  stream.destroy(new Error('broken pipe'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(errors.length, 1);
  assert.equal(errors[0][0].message, 'broken pipe');
});

test('a message that cannot be serialised fails alone: nothing half-written, the connection goes on', async () => {
  const stream = recordingStream();
  const writer = new SingleWriteMessageWriter(stream);
  const errors: unknown[] = [];
  writer.onError((event) => errors.push(event));
  await assert.rejects(writer.write(request(1, { count: 10n })), /BigInt/);
  assert.equal(stream.chunks.length, 0);
  assert.equal(errors.length, 1);
  await writer.write(request(2, { count: 10 }));
  assert.equal(stream.chunks.length, 1);
});

test('the stream closing is reported as the writer closing', async () => {
  const stream = recordingStream();
  const writer = new SingleWriteMessageWriter(stream);
  const closed = new Promise<void>((resolve) => writer.onClose(() => resolve()));
  stream.destroy();
  await closed;
});
