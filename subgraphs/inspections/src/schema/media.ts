import { describedEnum } from '@cip/platform';
import { builder } from '../builder';
import type { InspectionMedia } from '../data/media';
import { maxMediaBytes, mediaContentTypes } from '../storage/content';
import type { SignedUpload } from '../storage/signed-urls';
import { variantEdges, type MediaVariant } from '../storage/variants';
import { InspectionMediaRef } from './refs';


const MediaKindEnum = describedEnum(builder, 'InspectionMediaKind', 'What a media file is.', {
  PHOTO: `A photo: ${mediaContentTypes.PHOTO.join(', ')}.`,
  VIDEO: `A video: ${mediaContentTypes.VIDEO.join(', ')}.`,
});

const VariantSizeEnum = describedEnum(builder, 'InspectionMediaVariantSize', 'Which web-sized copy of a photo.', {
  THUMBNAIL: `At most ${variantEdges.THUMBNAIL} px on the longer side: lists and previews.`,
  DISPLAY: `At most ${variantEdges.DISPLAY} px on the longer side: a phone or laptop screen.`,
});

const VariantRef = builder.objectRef<{ media: InspectionMedia; variant: MediaVariant }>('InspectionMediaVariant').implement({
  description:
    "A web-sized copy of a photo, made when it was uploaded: turned upright, WebP, and without the original's metadata (no location or camera), so it is what customers see.",
  fields: (t) => ({
    size: t.field({ type: VariantSizeEnum, description: 'Which copy.', resolve: (v) => v.variant.size }),
    url: t.string({ description: 'A signed URL to read it, valid for an hour.', resolve: (v, _args, ctx) => ctx.services.media.variantUrl(v.media, v.variant.size) }),
    contentType: t.string({ description: 'MIME type ("image/webp").', resolve: (v) => v.variant.contentType }),
    width: t.int({ description: 'Width in pixels.', resolve: (v) => v.variant.width }),
    height: t.int({ description: 'Height in pixels.', resolve: (v) => v.variant.height }),
    byteSize: t.int({ description: 'Size in bytes.', resolve: (v) => v.variant.byteSize }),
  }),
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
      description:
        "A signed URL to read the original file, valid for an hour; null until uploaded, and for a customer's token on a photo (the original keeps the camera's metadata, its location among it: show `variants`).",
      resolve: (m, _args, ctx) => ctx.services.media.readUrl(ctx.principal, m),
    }),
    variants: t.field({
      type: [VariantRef],
      description: 'Web-sized copies of a photo (a thumbnail and a display size), made on upload; empty for videos and until uploaded.',
      resolve: (m) => m.variants.map((variant) => ({ media: m, variant })),
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

builder.mutationField('requestMediaUpload', (t) =>
  t.field({
    type: MediaUploadRef,
    description:
      'Registers a photo or video of an item and returns a signed URL to upload it to (valid 15 minutes). A size over 25 MB, a content type the kind does not allow or an unknown item fails with BAD_USER_INPUT and registers nothing. Any staff role, while the inspection is IN_PROGRESS or COMPLETED.',
    args: {
      inspectionId: t.arg.id({ required: true, description: 'The inspection.' }),
      input: t.arg({ type: MediaUploadInput, required: true, description: 'The file about to be uploaded.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.media.requestUpload(ctx.principal, args.inspectionId, args.input),
  }),
);
