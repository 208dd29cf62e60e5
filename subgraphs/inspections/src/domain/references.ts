import { notFound, type EntityLookup, type Principal } from '@cip/platform';

/** Who is asking, as the subgraphs that own the referenced entities need to hear it. */
export interface Caller {
  principal: Principal | null;
  /** The caller's `authorization` header: the owners answer under the caller's own tenancy. */
  authorization: string | null;
}

/** Ids of entities other subgraphs own that an inspection write names. */
export interface References {
  vehicleId?: string;
  customerId?: string;
  technicianId?: string | null;
  /** A partner's product a recommendation carries: one of a program the shop is enrolled in. */
  partnerProductId?: string | null;
}

/**
 * Checks the ids a write names with the subgraphs that own them, as the caller: another organization's
 * or another shop's vehicle, customer or technician, and a product of a partner program the shop is not
 * enrolled in, answer NOT_FOUND, exactly like an id that does not exist. `lookup` null skips the checks, for this subgraph's own tests, which run without shops and
 * vehicles.
 */
export class ReferenceChecks {
  constructor(private readonly lookup: EntityLookup | null) {}

  async assertAtShop(authorization: string | null, shopId: string, references: References): Promise<void> {
    const lookup = this.lookup;
    if (!lookup) return;
    const { vehicleId, customerId, technicianId, partnerProductId } = references;
    await Promise.all([
      vehicleId &&
        lookup.find<{ shop: { id: string } }>(authorization, 'vehicles', { typename: 'Vehicle', id: vehicleId }, 'shop { id }').then((vehicle) => {
          if (vehicle?.shop.id !== shopId) throw notFound('Vehicle', vehicleId);
        }),
      customerId &&
        lookup.find<{ shop: { id: string } }>(authorization, 'shops', { typename: 'Customer', id: customerId }, 'shop { id }').then((customer) => {
          if (customer?.shop.id !== shopId) throw notFound('Customer', customerId);
        }),
      technicianId &&
        lookup.find<{ roles: { shop: { id: string } }[] }>(authorization, 'shops', { typename: 'User', id: technicianId }, 'roles { shop { id } }').then((user) => {
          if (!user?.roles.some((role) => role.shop.id === shopId)) throw notFound('User', technicianId);
        }),
      partnerProductId &&
        Promise.all([
          lookup.find<{ program: { id: string } }>(authorization, 'partners', { typename: 'PartnerProduct', id: partnerProductId }, 'program { id }'),
          lookup.find<{ programs: { program: { id: string } }[] }>(authorization, 'partners', { typename: 'Shop', id: shopId }, 'programs { program { id } }'),
        ]).then(([product, shop]) => {
          if (!product || !shop?.programs.some((enrollment) => enrollment.program.id === product.program.id)) throw notFound('PartnerProduct', partnerProductId);
        }),
    ]);
  }
}
