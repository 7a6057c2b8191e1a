import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where compiled validators are kept when the editor names no folder: SHIPSHAPE_CACHE_DIR when
 * set (empty turns the cache off), else the user's cache folder for Shipshape
 * (~/.cache/shipshape on Linux, ~/Library/Caches/shipshape on macOS, %LOCALAPPDATA%\shipshape\Cache
 * on Windows).
 */
export function defaultValidatorCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.SHIPSHAPE_CACHE_DIR;
  if (fromEnv !== undefined) return fromEnv.trim() === '' ? undefined : join(fromEnv, 'validators');
  return join(envPaths('shipshape', { suffix: '' }).cache, 'validators');
}
