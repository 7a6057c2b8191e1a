import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection, type DataCallback, type Disposable } from 'vscode-languageserver/node';
import { SingleWriteMessageWriter } from './singleWriteMessageWriter';

/**
 * The server's connection, from its command line as vscode-languageserver reads it (`--node-ipc`,
 * which the extension uses, `--socket=N`, `--pipe=NAME`), except `--stdio` (other editors, the
 * benchmarks): there each answer leaves in one write (SingleWriteMessageWriter), and what the
 * library does for its own stdio connection is done here.
 */
export function createServerConnection(argv: readonly string[] = process.argv): Connection {
  if (!argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new ShutdownAwareReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, new SingleWriteMessageWriter(process.stdout));
  // stdout is the protocol stream: a stray console.log must become a log message, not corrupt it.
  routeConsole(connection);
  // The client is gone when its end of stdin closes; after `shutdown` that is a clean exit.
  const exitWithInput = () => process.exit(reader.shutdownReceived ? 0 : 1);
  process.stdin.on('end', exitWithInput);
  process.stdin.on('close', exitWithInput);
  return connection;
}

/** Notes the `shutdown` request going by, for the exit code when the input closes. */
class ShutdownAwareReader extends StreamMessageReader {
  shutdownReceived = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if ((message as { method?: unknown }).method === 'shutdown') this.shutdownReceived = true;
      callback(message);
    });
  }
}

function routeConsole(connection: Connection): void {
  const send = (log: (text: string) => void) => (...args: unknown[]) => log(format(...args));
  console.log = send((text) => connection.console.log(text));
  console.info = send((text) => connection.console.info(text));
  console.debug = send((text) => connection.console.log(text));
  console.warn = send((text) => connection.console.warn(text));
  console.error = send((text) => connection.console.error(text));
  console.trace = send((text) => connection.console.log(text));
}
