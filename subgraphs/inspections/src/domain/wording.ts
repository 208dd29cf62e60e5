import type { Condition, InspectionItem } from '../data/inspection';
import type { MeasurementUnit, RecommendationWording } from '../data/template';

/** What the built-in templates' items recommend; a template item's own wording replaces it. */
const builtInActions: Record<string, string> = {
  'tires.lf_tread': 'Replace left front tire',
  'tires.rf_tread': 'Replace right front tire',
  'tires.lr_tread': 'Replace left rear tire',
  'tires.rr_tread': 'Replace right rear tire',
  'tires.front_tread': 'Replace front tire',
  'tires.rear_tread': 'Replace rear tire',
  'tires.front_pressure': 'Inflate front tire and check for leaks',
  'tires.rear_pressure': 'Inflate rear tire and check for leaks',
  'tires.sidewalls': 'Repair tire sidewalls and valve stems',
  'brakes.front_pads': 'Replace front brake pads',
  'brakes.rear_pads': 'Replace rear brake pads',
  'brakes.rotors': 'Resurface or replace brake rotors',
  'brakes.fluid_moisture': 'Flush brake fluid',
  'brakes.fluid': 'Flush brake fluid',
  'fluids.engine_oil': 'Change engine oil and filter',
  'fluids.coolant': 'Service the cooling system',
  'fluids.washer': 'Top up washer fluid',
  'fluids.battery_voltage': 'Charge or replace the battery',
  'battery.voltage': 'Charge or replace the 12 V battery',
  'battery.cca': 'Replace the 12 V batteries',
  'battery.terminals': 'Clean battery terminals and secure the hold-down',
  'under_hood.belts': 'Replace drive belts',
  'under_hood.hoses': 'Replace worn hoses',
  'under_hood.air_filter': 'Replace engine air filter',
  'lights.exterior': 'Replace exterior bulbs',
  'lights.wipers': 'Replace wiper blades',
  'lights.all': 'Replace lighting bulbs',
  'suspension.shocks': 'Replace shocks and struts',
  'suspension.tie_rods': 'Replace tie rod ends',
  'suspension.ball_joints': 'Replace ball joints',
  'hv_battery.state_of_health': 'Diagnose the high-voltage battery',
  'hv_battery.enclosure': 'Repair the high-voltage battery enclosure and mounts',
  'hv_battery.cables': 'Repair high-voltage cables and connectors',
  'hv_cooling.coolant': 'Service the battery cooling system',
  'hv_cooling.pump': 'Replace the battery coolant pump',
  'hv_cooling.cabin_filter': 'Replace cabin air filter',
  'charging.port': 'Repair the charge port and latch',
  'charging.onboard': 'Diagnose the on-board charger',
  'diesel.fuel_filter': 'Replace fuel filter and drain the water separator',
  'diesel.def_level': 'Refill diesel exhaust fluid',
  'diesel.dpf_soot': 'Regenerate or clean the diesel particulate filter',
  'diesel.glow_plugs': 'Replace glow plugs',
  'diesel.turbo': 'Repair turbocharger and intercooler hoses',
  'driveline.u_joints': 'Replace U-joints',
  'driveline.transfer_case': 'Service the transfer case',
  'driveline.differentials': 'Service the differentials',
  'driveline.cv_boots': 'Replace CV boots',
  'towing.hitch': 'Repair hitch and receiver',
  'towing.connector': 'Repair the trailer connector',
  'drive.chain': 'Adjust or replace the chain or belt',
  'drive.sprockets': 'Replace sprockets',
  'controls.cables': 'Adjust or replace throttle and clutch cables',
  'controls.steering_head': 'Service steering head bearings',
};

const unitSuffix: Record<MeasurementUnit, (value: number) => string> = {
  MILLIMETERS: (v) => `${v} mm`,
  INCH_32NDS: (v) => `${v}/32 in`,
  PSI: (v) => `${v} psi`,
  VOLTS: (v) => `${v} V`,
  PERCENT: (v) => `${v} %`,
  COLD_CRANKING_AMPS: (v) => `${v} CCA`,
  FAHRENHEIT: (v) => `${v} °F`,
};

const conditionPhrase: Partial<Record<Condition, string>> = {
  RED: 'Needs attention now',
  YELLOW: 'Needs attention soon',
};

/** "2 mm, minimum 4 mm": the reading beside the limit it should stay on the good side of. */
function reading(item: InspectionItem): string | null {
  if (item.measurement === null || !item.unit) return null;
  const format = unitSuffix[item.unit];
  if (!item.thresholds) return format(item.measurement);
  const bound = item.thresholds.direction === 'LOWER_IS_WORSE' ? 'minimum' : 'maximum';
  return `${format(item.measurement)}, ${bound} ${format(item.thresholds.yellowAt)}`;
}

/**
 * The title and description of the recommendation a yellow or red item gets on completion: the template
 * item's wording (or the built-in one), with the measurement against its limit, the condition and the
 * technician's notes.
 */
export function recommendationWording(item: InspectionItem): RecommendationWording {
  const action = item.recommendation?.title || builtInActions[item.itemKey] || `${item.sectionName}: ${item.name}`;
  const measured = reading(item);
  const title = measured ? `${action} — ${measured}` : action;
  const lead = `${conditionPhrase[item.condition] ?? 'Checked'}: ${item.name}${measured ? ` measured ${measured}` : ''}.`;
  const description = [lead, item.recommendation?.description, item.notes].filter((part) => part && part.trim()).join(' ');
  return { title: title.slice(0, 200), description: description.slice(0, 4000) };
}
