import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

/**
 * Every request handler goes through here: a throw becomes a ResponseError (never a dead
 * server), a cancelled request answers RequestCancelled, and slow handlers are logged.
 */
export function wrapHandler<P, R, E = void>(
  connection: Connection,
  name: string,
  handler: (params: P, token: CancellationToken) => Promise<R> | R,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<E>> {
  return async (params, token) => {
    const started = performance.now();
    try {
      if (token.isCancellationRequested) return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'cancelled');
      return await handler(params, token);
    } catch (error) {
      connection.console.error(`${name} failed: ${(error as Error).stack ?? String(error)}`);
      return new ResponseError<E>(ErrorCodes.InternalError, `Shipshape ${name} failed: ${(error as Error).message}`);
    } finally {
      const ms = performance.now() - started;
      if (ms > 500) connection.console.log(`${name} took ${ms.toFixed(0)} ms`);
    }
  };
}
