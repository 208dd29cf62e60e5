import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { InspectionItemResultInput } from '@cip/sdk/documents';

/** One change the technician made, kept until the server has it. */
export interface QueuedResult {
  id?: number;
  inspectionId: string;
  result: InspectionItemResultInput;
  queuedAt: string;
}

interface AppDb extends DBSchema {
  /** Item results waiting to be sent, in the order they were made (auto-increment key). */
  outbox: { key: number; value: QueuedResult; indexes: { byInspection: string } };
  /** The last data the app showed (the Apollo cache), for starting without a network. */
  snapshot: { key: string; value: { savedAt: string; data: unknown } };
}

let db: Promise<IDBPDatabase<AppDb>> | null = null;

export function appDb() {
  db ??= openDB<AppDb>('courtesy-inspection', 1, {
    upgrade(database) {
      const outbox = database.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      outbox.createIndex('byInspection', 'inspectionId');
      database.createObjectStore('snapshot');
    },
  });
  return db;
}
