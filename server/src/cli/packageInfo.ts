// Bundled into the CLI by esbuild, so the version printed is the one the bundle was built from.
import manifest from '../../../package.json';

interface PackageManifest {
  name: string;
  version: string;
  publisher?: string;
  homepage?: string;
}

const pkg = manifest as PackageManifest;

export const TOOL_NAME = 'shipshape';
export const TOOL_VERSION: string = pkg.version;

/**
 * Where people learn about the tool (SARIF `informationUri`): the package's homepage when it
 * declares one, else the extension's Marketplace page, which publisher + name identify.
 */
export const TOOL_INFORMATION_URI: string =
  pkg.homepage ?? `https://marketplace.visualstudio.com/items?itemName=${pkg.publisher ?? TOOL_NAME}.${pkg.name}`;
