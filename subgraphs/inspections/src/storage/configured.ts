import type { Config } from '@cip/platform';
import { localDiskStore } from './local-disk';
import { s3Store } from './s3';
import type { MediaStore } from './store';

/** The store the configuration names (MEDIA_STORE): chosen once, at start, for the life of the process. */
export function configuredStore(config: Config): MediaStore {
  return config.media.store === 's3' ? s3Store(config.media) : localDiskStore({ dataDir: config.dataDir });
}
