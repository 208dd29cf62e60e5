import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { badInput, parseInput, type Principal } from '@cip/platform';
import type { InspectionMedia } from '../data/media';
import type { Repositories } from '../data/repositories';
import { maxMediaBytes, mediaContentTypes, type MediaStorage, type SignedUpload } from '../storage/storage';
import { isUuid, lockInspection, staffOf } from './access';
import { assertStatus } from './status';

const uploadTtlSeconds = 15 * 60;
const downloadTtlSeconds = 60 * 60;

const uploadSchema = z
  .object({
    itemKey: z.string().min(1).max(100),
    kind: z.enum(['PHOTO', 'VIDEO']),
    contentType: z.string(),
    byteSize: z.number().int().min(1, 'must be at least 1 byte').max(maxMediaBytes, `must be at most ${maxMediaBytes} bytes (25 MB)`),
    caption: z.string().max(500).nullish(),
  })
  .refine((m) => (mediaContentTypes[m.kind] as readonly string[]).includes(m.contentType), { message: 'is not a content type this kind allows', path: ['contentType'] });

/** Photos and videos of inspection items: registered here, their bytes in media storage. */
export class MediaLibrary {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repos: Repositories,
    private readonly storage: MediaStorage,
  ) {}

  /** Registers a file about to be uploaded and signs the URL to upload it to. */
  async requestUpload(principal: Principal | null, inspectionId: string, input: unknown): Promise<{ media: InspectionMedia; upload: SignedUpload }> {
    const [inspection] = isUuid(inspectionId) ? await this.repos.inspections.findByIds([inspectionId]) : [null];
    const staff = staffOf(principal, inspection, inspectionId);
    const values = parseInput(uploadSchema, input);
    const media = await this.dataSource.transaction(async (manager) => {
      const locked = await lockInspection(this.repos.inspections, manager, inspectionId);
      assertStatus(locked.status, ['IN_PROGRESS', 'COMPLETED'], 'add media');
      const items = await this.repos.items.listForInspection(manager, locked.id);
      if (!items.some((item) => item.itemKey === values.itemKey)) {
        throw badInput(`Item "${values.itemKey}" is not in this inspection's template.`, { field: 'input.itemKey' });
      }
      return this.repos.media.create(manager, {
        inspectionId: locked.id,
        shopId: locked.shopId,
        itemKey: values.itemKey,
        kind: values.kind,
        contentType: values.contentType,
        byteSize: values.byteSize,
        storageKey: `${locked.shopId}/${locked.id}/${randomUUID()}`,
        caption: values.caption ?? '',
        createdBy: staff.userId,
      });
    });
    const upload = await this.storage.signUpload({ storageKey: media.storageKey, contentType: media.contentType, byteSize: media.byteSize, ttlSeconds: uploadTtlSeconds });
    return { media, upload };
  }

  /** A signed URL to read the file, once its bytes arrived. */
  readUrl(media: InspectionMedia): Promise<string> | null {
    return media.uploadedAt ? this.storage.signDownload({ storageKey: media.storageKey, contentType: media.contentType, ttlSeconds: downloadTtlSeconds }) : null;
  }

  /** The storage confirmed the bytes of `storageKey` arrived. */
  async uploaded(storageKey: string): Promise<void> {
    const media = await this.repos.media.findByStorageKey(storageKey);
    if (media) await this.repos.media.markUploaded(media.id);
  }
}
