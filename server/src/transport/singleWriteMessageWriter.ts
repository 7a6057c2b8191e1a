import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const HEADER_ENCODING = 'ascii';

/**
 * The LSP base protocol on a byte stream, each message leaving in one write: header and body in
 * one buffer. vscode-jsonrpc's StreamMessageWriter writes the header, waits for it to flush, then
 * writes the body, so a client blocked on the pipe is woken twice per answer and the second half
 * waits on this process being scheduled again; on a busy machine that is most of a small answer's
 * tail latency. Writes go out in call order (one stream, no awaits between them).
 */
export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;
  /** Errors already reported with their message by a write's callback; the stream's 'error' event repeats them. */
  private readonly reported = new WeakSet<Error>();

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => {
      if (!this.reported.has(error)) this.fireError(error);
    });
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let frame: Buffer;
    try {
      // Encoded once, straight into the frame (no separate body buffer to copy).
      const body = JSON.stringify(message);
      const bodyBytes = Buffer.byteLength(body, 'utf8');
      const header = `Content-Length: ${bodyBytes}\r\n\r\n`;
      frame = Buffer.allocUnsafe(header.length + bodyBytes);
      frame.write(header, 0, HEADER_ENCODING);
      frame.write(body, header.length, 'utf8');
    } catch (error) {
      // A message that cannot be serialised is that message's failure, not the connection's.
      this.errorCount++;
      this.fireError(error, message, this.errorCount);
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.output.write(frame, (error?: Error | null) => {
        if (error) {
          this.reported.add(error);
          this.errorCount++;
          this.fireError(error, message, this.errorCount);
          reject(error);
        } else {
          this.errorCount = 0;
          resolve();
        }
      });
    });
  }

  end(): void {}
}
