import { z } from 'zod';

/** Field shapes several events share. */
export const id = z.string().min(1);
export const instant = z.iso.datetime({ offset: true });
export const cents = z.number().int();
export const currency = z.string().length(3).describe('ISO 4217 currency.');
