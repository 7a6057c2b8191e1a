/** The handle VS Code gives a webview script: messages to the extension and a state kept across reloads. */
import type { WebviewMessage } from '../dryrun/messages';

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState<T>(state: T): T;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Can be called once per page load (VS Code throws on a second call). */
export function vscodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}
