import { InspectionRef, VehicleRef } from './refs';

VehicleRef.implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the vehicle.' }),
    inspections: t.field({
      type: [InspectionRef],
      description: "The vehicle's inspection history at shops the caller may see, newest first. A customer's share-link token sees only its own inspection.",
      args: { first: t.arg.int({ defaultValue: 20, description: 'How many, 1 to 100.' }) },
      resolve: (vehicle, { first }, ctx) => ctx.reader.latest('vehicle_id', vehicle.id, first),
    }),
  }),
});
