import type { ValueTransformer } from 'typeorm';

/** Postgres bigint arrives as a string; cents stay within the safe integer range, so read them as numbers. */
export const bigintCents: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A `date` column holding the first day of a month, read as that instant in UTC. */
export const monthColumn: ValueTransformer = {
  to: (value: Date | null | undefined) => (value ? value.toISOString().slice(0, 10) : value),
  from: (value: string | null) => (value === null ? null : new Date(`${value}T00:00:00.000Z`)),
};
