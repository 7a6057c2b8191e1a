// The dry-run panel's script (bundled to client/out/webview.js). Messages from the extension are
// validated before use; anything malformed is dropped.
import { parsePanelMessage } from '../dryrun/messages';
import { App } from './app';
import { PanelMemory } from './persistence';
import { vscodeApi } from './vscodeApi';

const api = vscodeApi();
const root = document.getElementById('app');
if (root) {
  const app = new App(root, (message) => api.postMessage(message), new PanelMemory(api));
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parsePanelMessage(event.data);
    if (message) app.handle(message);
    else console.warn('Shipshape dry-run panel: ignored a malformed message', event.data);
  });
  app.start();
}
