import type { ExtensionContext } from 'vscode';
import { ShipshapeContext } from './context';

let shipshape: ShipshapeContext | undefined;

/** Activation only: everything the extension owns lives in one context object. */
export async function activate(context: ExtensionContext): Promise<ShipshapeContext> {
  shipshape = new ShipshapeContext(context);
  await shipshape.start();
  return shipshape;
}

export async function deactivate(): Promise<void> {
  await shipshape?.dispose();
  shipshape = undefined;
}
