import { EntitySchema, In, IsNull, LessThan, type EntityManager } from 'typeorm';
import { findGroupedBy } from '@cip/platform';
import type { MediaVariant } from '../storage/variants';

export type MediaKind = 'PHOTO' | 'VIDEO';

/** A photo or video of an inspection item: its metadata here, its bytes in the media storage under `storageKey`. */
export interface InspectionMedia {
  id: string;
  inspectionId: string;
  shopId: string;
  itemKey: string;
  kind: MediaKind;
  contentType: string;
  byteSize: number;
  storageKey: string;
  caption: string;
  uploadedAt: Date | null;
  /** Web-sized copies of a photo, made when its bytes arrived; none for videos. */
  variants: MediaVariant[];
  createdBy: string;
  createdAt: Date;
}

export const InspectionMediaEntity = new EntitySchema<InspectionMedia>({
  name: 'InspectionMedia',
  tableName: 'inspection_media',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    inspectionId: { type: 'uuid', name: 'inspection_id' },
    shopId: { type: 'uuid', name: 'shop_id' },
    itemKey: { type: 'text', name: 'item_key' },
    kind: { type: 'text' },
    contentType: { type: 'text', name: 'content_type' },
    byteSize: { type: 'bigint', name: 'byte_size', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } },
    storageKey: { type: 'text', name: 'storage_key', unique: true },
    caption: { type: 'text', default: '' },
    uploadedAt: { type: 'timestamptz', name: 'uploaded_at', nullable: true },
    variants: { type: 'jsonb', default: () => "'[]'" },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export class MediaRepository {
  constructor(private readonly manager: EntityManager) {}

  listByInspectionIds(ids: readonly string[]): Promise<InspectionMedia[][]> {
    return findGroupedBy(this.manager, InspectionMediaEntity, 'inspectionId', ids, { name: 'media.listByInspectionIds', order: { createdAt: 'ASC', id: 'ASC' } });
  }

  create(manager: EntityManager, input: Omit<InspectionMedia, 'id' | 'createdAt' | 'uploadedAt' | 'variants'>): Promise<InspectionMedia> {
    return manager.save(InspectionMediaEntity, manager.create(InspectionMediaEntity, input));
  }

  /** The row of `storageKey`, locked until the transaction ends, so two uploads to one URL take turns. */
  lockByStorageKey(manager: EntityManager, storageKey: string): Promise<InspectionMedia | null> {
    return manager.findOne(InspectionMediaEntity, { where: { storageKey }, lock: { mode: 'pessimistic_write' }, comment: 'media.lockByStorageKey' });
  }

  /** Up to `limit` rows registered before `cutoff` whose bytes never arrived, locked (rows others hold are skipped). */
  lockAbandoned(manager: EntityManager, cutoff: Date, limit: number): Promise<InspectionMedia[]> {
    return manager.find(InspectionMediaEntity, {
      where: { uploadedAt: IsNull(), createdAt: LessThan(cutoff) },
      order: { createdAt: 'ASC' },
      take: limit,
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      comment: 'media.lockAbandoned',
    });
  }

  async deleteByIds(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.delete(InspectionMediaEntity, { id: In(ids) });
  }

  async markUploaded(manager: EntityManager, id: string, variants: MediaVariant[]): Promise<void> {
    await manager.update(InspectionMediaEntity, { id }, { uploadedAt: new Date(), variants });
  }
}
