import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type ShipshapeSettings } from './shared/settings';

/** Pulls `shipshape.*` per resource through workspace/configuration and caches it until settings change. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ShipshapeSettings>>();
  private supported = false;

  constructor(private readonly connection: Connection) {}

  setSupported(supported: boolean): void {
    this.supported = supported;
  }

  get(uri: string | undefined): Promise<ShipshapeSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    const key = uri ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'shipshape' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** The globs of VS Code's `files.exclude` that are switched on. */
  async filesExclude(): Promise<string[]> {
    if (!this.supported) return [];
    const files = (await this.connection.workspace.getConfiguration({ section: 'files' }).catch(() => undefined)) as { exclude?: Record<string, unknown> } | undefined;
    return Object.entries(files?.exclude ?? {})
      .filter(([, on]) => on === true)
      .map(([glob]) => glob);
  }

  clear(): void {
    this.cache.clear();
  }
}
