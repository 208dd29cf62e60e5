import type { CacheHint, CacheHints } from '@cip/platform';

/**
 * Shops data changes only through this subgraph's mutations, and the gateway starts every cached
 * response of an organization over after any mutation by it; the age bound covers the rest (a second
 * gateway replica's mutation is seen through the shared store, not the age). Everything is private:
 * what a staff user may see depends on their roles.
 */
const privately: CacheHint = { maxAge: 30, scope: 'PRIVATE' };

export const cacheHints: CacheHints = {
  Organization: privately,
  Shop: privately,
  Address: privately,
  Money: privately,
  ShopRole: privately,
  User: privately,
  Customer: privately,
  StaffInvitation: privately,
  MessageTemplate: privately,
  MessageSettings: privately,
};
