import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badInput, parseInput, requireShopRole } from '@cip/platform';
import { builder } from '../builder';
import type { InspectionMedia } from '../data/media';
import { lockInspection, requireReadableInspection } from '../domain/access';
import { assertStatus } from '../domain/status';
import { maxMediaBytes, mediaContentTypes, type SignedUpload } from '../storage/storage';
import { InspectionMediaRef } from './refs';

const uploadTtlSeconds = 15 * 60;
const downloadTtlSeconds = 60 * 60;

const MediaKindEnum = builder.enumType('InspectionMediaKind', {
  description: 'What a media file is.',
  values: {
    PHOTO: { value: 'PHOTO' as const, description: `A photo: ${mediaContentTypes.PHOTO.join(', ')}.` },
    VIDEO: { value: 'VIDEO' as const, description: `A video: ${mediaContentTypes.VIDEO.join(', ')}.` },
  },
});

InspectionMediaRef.implement({
  description: 'A photo or video of an inspection item. The bytes live in media storage; read them from `url`.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the media.' }),
    itemKey: t.exposeString('itemKey', { description: 'The item it shows.' }),
    kind: t.field({ type: MediaKindEnum, description: 'Photo or video.', resolve: (m) => m.kind }),
    contentType: t.exposeString('contentType', { description: 'MIME type, e.g. "image/jpeg".' }),
    byteSize: t.exposeInt('byteSize', { description: 'Size in bytes.' }),
    caption: t.exposeString('caption', { description: 'Caption shown with it.' }),
    storageKey: t.exposeString('storageKey', { description: 'Where the file lives in media storage (`<shop>/<inspection>/<media>`); stable, unlike `url`.' }),
    uploaded: t.boolean({ description: 'Whether the bytes have arrived; until then `url` is null.', resolve: (m) => m.uploadedAt !== null }),
    url: t.string({
      nullable: true,
      description: 'A signed URL to read the file, valid for an hour; null until uploaded.',
      resolve: (m, _args, ctx) => (m.uploadedAt ? ctx.storage.signDownload({ storageKey: m.storageKey, contentType: m.contentType, ttlSeconds: downloadTtlSeconds }) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the upload was requested.' }),
  }),
});

const HeaderRef = builder.objectRef<{ name: string; value: string }>('InspectionUploadHeader').implement({
  description: 'An HTTP header the upload request must carry.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Header name.' }),
    value: t.exposeString('value', { description: 'Header value.' }),
  }),
});

const MediaUploadRef = builder.objectRef<{ media: InspectionMedia; upload: SignedUpload }>('InspectionMediaUpload').implement({
  description: 'Where to send the bytes of a new photo or video: `PUT` them to `url` with `headers` before `expiresAt`.',
  fields: (t) => ({
    media: t.field({ type: InspectionMediaRef, description: 'The media record; `uploaded` turns true once the bytes arrive.', resolve: (u) => u.media }),
    url: t.string({ description: 'The signed upload URL.', resolve: (u) => u.upload.url }),
    method: t.string({ description: 'The HTTP method to use (PUT).', resolve: (u) => u.upload.method }),
    headers: t.field({
      type: [HeaderRef],
      description: 'Headers to send exactly as given.',
      resolve: (u) => Object.entries(u.upload.headers).map(([name, value]) => ({ name, value })),
    }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the URL stops working.', resolve: (u) => u.upload.expiresAt }),
  }),
});

const MediaUploadInput = builder.inputType('InspectionMediaUploadInput', {
  description: 'A photo or video about to be uploaded.',
  fields: (t) => ({
    itemKey: t.string({ required: true, description: 'The item it shows.' }),
    kind: t.field({ type: MediaKindEnum, required: true, description: 'Photo or video.' }),
    contentType: t.string({ required: true, description: 'MIME type; must be one the kind allows.' }),
    byteSize: t.int({ required: true, description: `Exact size in bytes, at most ${maxMediaBytes} (25 MB).` }),
    caption: t.string({ description: 'Caption, up to 500 characters.' }),
  }),
});

const uploadSchema = z
  .object({
    itemKey: z.string().min(1).max(100),
    kind: z.enum(['PHOTO', 'VIDEO']),
    contentType: z.string(),
    byteSize: z.number().int().min(1, 'must be at least 1 byte').max(maxMediaBytes, `must be at most ${maxMediaBytes} bytes (25 MB)`),
    caption: z.string().max(500).nullish(),
  })
  .refine((m) => (mediaContentTypes[m.kind] as readonly string[]).includes(m.contentType), { message: 'is not a content type this kind allows', path: ['contentType'] });

builder.mutationField('requestMediaUpload', (t) =>
  t.field({
    type: MediaUploadRef,
    description:
      'Registers a photo or video of an item and returns a signed URL to upload it to (valid 15 minutes). A size over 25 MB, a content type the kind does not allow or an unknown item fails with BAD_USER_INPUT and registers nothing. Any staff role, while the inspection is IN_PROGRESS or COMPLETED.',
    args: {
      inspectionId: t.arg.id({ required: true, description: 'The inspection.' }),
      input: t.arg({ type: MediaUploadInput, required: true, description: 'The file about to be uploaded.' }),
    },
    resolve: async (_root, args, ctx) => {
      const inspection = await requireReadableInspection(ctx, args.inspectionId);
      const staff = requireShopRole(ctx.principal, inspection.shopId);
      const values = parseInput(uploadSchema, args.input);
      const media = await ctx.dataSource.transaction(async (manager) => {
        const locked = await lockInspection(ctx, manager, inspection.id);
        assertStatus(locked.status, ['IN_PROGRESS', 'COMPLETED'], 'add media');
        const items = await ctx.repos.items.listForInspection(manager, locked.id);
        if (!items.some((item) => item.itemKey === values.itemKey)) {
          throw badInput(`Item "${values.itemKey}" is not in this inspection's template.`, { field: 'input.itemKey' });
        }
        return ctx.repos.media.create(manager, {
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
      const upload = await ctx.storage.signUpload({ storageKey: media.storageKey, contentType: media.contentType, byteSize: media.byteSize, ttlSeconds: uploadTtlSeconds });
      return { media, upload };
    },
  }),
);
