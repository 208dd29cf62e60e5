import { createContext, useContext } from 'react';
import type { StaffRole } from '@cip/sdk/documents';
import type { Me } from './roles';

export interface ShopContextValue {
  me: Me;
  /** The shop in view (the switcher in the header). */
  shopId: string;
  /** The signed-in user's role at that shop. */
  role: StaffRole;
  setShopId(id: string): void;
}

export const ShopContext = createContext<ShopContextValue | null>(null);

export function useShop(): ShopContextValue {
  const value = useContext(ShopContext);
  if (!value) throw new Error('useShop outside a signed-in shell');
  return value;
}
