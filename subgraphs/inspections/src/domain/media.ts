import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { appError, badInput, ErrorCode, notFound, parseInput, type Logger, type Principal } from '@cip/platform';
import type { InspectionMedia } from '../data/media';
import type { Repositories } from '../data/repositories';
import { maxMediaBytes, mediaContentTypes, sniffContentType } from '../storage/content';
import type { ReceivedUpload } from '../storage/routes';
import type { SignedMediaUrls, SignedUpload } from '../storage/signed-urls';
import type { MediaStore } from '../storage/store';
import { photoVariants, variantEdges, variantKey, type MediaVariant, type VariantSize } from '../storage/variants';
import { isUuid, lockInspection, staffOf } from './access';
import { assertStatus } from './status';

const uploadTtlSeconds = 15 * 60;
/** A registration whose URL expired this long ago without its bytes is abandoned (the margin covers an upload still arriving). */
const abandonedAfterSeconds = uploadTtlSeconds + 5 * 60;
const sweepBatch = 500;
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
    private readonly store: MediaStore,
    private readonly urls: SignedMediaUrls,
    private readonly logger: Logger,
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
    const upload = this.urls.upload({ storageKey: media.storageKey, contentType: media.contentType, byteSize: media.byteSize, ttlSeconds: uploadTtlSeconds });
    return { media, upload };
  }

  /**
   * A signed URL to read the original, once its bytes arrived. Customers get none for a photo: the original keeps
   * the camera's metadata (its location among it); they see the variants.
   */
  readUrl(principal: Principal | null, media: InspectionMedia): string | null {
    if (!media.uploadedAt || (principal?.kind === 'customer' && media.kind === 'PHOTO')) return null;
    return this.urls.download({ storageKey: media.storageKey, contentType: media.contentType, ttlSeconds: downloadTtlSeconds });
  }

  /** A signed URL to read one web-sized copy. */
  variantUrl(media: InspectionMedia, size: VariantSize): string {
    const variant = media.variants.find((v) => v.size === size)!;
    return this.urls.download({ storageKey: variantKey(media.storageKey, size), contentType: variant.contentType, ttlSeconds: downloadTtlSeconds });
  }

  /**
   * Takes the bytes sent to a signed upload URL: they must be the type registered (by their magic numbers, not the
   * client's header), a photo must decode (its web-sized copies are made here), and the original, the copies and the
   * row's mark are stored together. Whatever fails, the objects this upload
   * stored are removed again, so no object outlives a refused upload and no row claims bytes the store lacks.
   */
  async receive(upload: ReceivedUpload): Promise<void> {
    const sniffed = await sniffContentType(upload.bytes);
    if (sniffed !== upload.contentType) {
      throw appError(ErrorCode.BAD_USER_INPUT, `The file's content is ${sniffed ?? 'of no type this platform reads'}, not the ${upload.contentType} it was registered as.`, {
        http: { status: 415 },
        contentType: sniffed,
      });
    }
    const variants = (mediaContentTypes.PHOTO as readonly string[]).includes(upload.contentType) ? await this.variantsOf(upload.bytes) : [];
    const objects = [
      { key: upload.storageKey, bytes: upload.bytes, contentType: upload.contentType },
      ...variants.map(({ variant, bytes }) => ({ key: variantKey(upload.storageKey, variant.size), bytes, contentType: variant.contentType })),
    ];
    let stored: string[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        const media = await this.repos.media.lockByStorageKey(manager, upload.storageKey);
        if (!media) throw notFound('InspectionMedia');
        if (media.uploadedAt) throw appError(ErrorCode.CONFLICT, 'This media was already uploaded; request another upload for another file.');
        stored = objects.map((object) => object.key);
        await Promise.all(objects.map((object) => this.store.put(object.key, object.bytes, object.contentType)));
        await this.repos.media.markUploaded(manager, media.id, variants.map(({ variant }) => variant));
      });
    } catch (error) {
      if (stored.length > 0) await this.store.delete(stored).catch((cleanup) => this.logger.error('media objects of a failed upload were not removed', { keys: stored, error: String(cleanup) }));
      throw error;
    }
  }

  private async variantsOf(bytes: Buffer): Promise<{ variant: MediaVariant; bytes: Buffer }[]> {
    try {
      return await photoVariants(bytes);
    } catch {
      throw appError(ErrorCode.BAD_USER_INPUT, 'The photo could not be read as an image; take it again.', { http: { status: 415 } });
    }
  }

  /**
   * Deletes what uploads registered but never completed, once their URL expired: the rows, and any object a crash
   * between storing and committing left behind. Returns how many rows went (at most one batch per call).
   */
  async sweepAbandoned(): Promise<number> {
    const cutoff = new Date(Date.now() - abandonedAfterSeconds * 1000);
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.repos.media.lockAbandoned(manager, cutoff, sweepBatch);
      if (rows.length === 0) return 0;
      const sizes = Object.keys(variantEdges) as VariantSize[];
      await this.store.delete(rows.flatMap((row) => [row.storageKey, ...sizes.map((size) => variantKey(row.storageKey, size))]));
      await this.repos.media.deleteByIds(manager, rows.map((row) => row.id));
      return rows.length;
    });
  }
}
