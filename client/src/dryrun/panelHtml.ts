/**
 * The dry-run webview's HTML: a fixed shell with a strict Content-Security-Policy. No data is ever put
 * into it; the plan arrives by postMessage and the script builds the DOM with textContent.
 */
import { randomBytes } from 'node:crypto';

export interface PanelHtmlResources {
  /** `webview.cspSource`: the origin our styles and fonts are served from. */
  cspSource: string;
  /** A fresh nonce per render; only the script carrying it may run. */
  nonce: string;
  /** `webview.asWebviewUri(...)` of client/out/webview.js, client/media/dryrun.css and client/out/codicons/codicon.css. */
  scriptUri: string;
  styleUri: string;
  codiconsUri: string;
}

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderPanelHtml(resources: PanelHtmlResources): string {
  const attr = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(resources.cspSource, resources.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attr(resources.codiconsUri)}">
  <link rel="stylesheet" href="${attr(resources.styleUri)}">
  <title>Shipshape: Preview Apply</title>
</head>
<body>
  <div id="app" class="app"></div>
  <script nonce="${attr(resources.nonce)}" src="${attr(resources.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
