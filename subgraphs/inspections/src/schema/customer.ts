import { InspectionRef, CustomerRef } from './refs';

CustomerRef.implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the customer.' }),
    inspections: t.field({
      type: [InspectionRef],
      description: "The customer's inspections at shops the caller may see, newest first.",
      args: { first: t.arg.int({ defaultValue: 20, description: 'How many, 1 to 100.' }) },
      resolve: (customer, { first }, ctx) => ctx.reader.latest('customer_id', customer.id, first),
    }),
  }),
});
