import { InspectionRef, UserRef } from './refs';

UserRef.implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the user.' }),
    assignedInspections: t.field({
      type: [InspectionRef],
      description: 'Inspections assigned to this technician at shops the caller may see, newest first.',
      args: { first: t.arg.int({ defaultValue: 20, description: 'How many, 1 to 100.' }) },
      resolve: (user, { first }, ctx) => ctx.reader.latest('technician_id', user.id, first),
    }),
  }),
});
