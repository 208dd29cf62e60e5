/**
 * The built-in templates as the initial migration seeds them (version 1). Frozen: a later change to a
 * built-in template is a new migration that writes the next version, so inspections keep what they used.
 */

type Unit = 'MILLIMETERS' | 'INCH_32NDS' | 'PSI' | 'VOLTS' | 'PERCENT' | 'COLD_CRANKING_AMPS' | 'FAHRENHEIT';

interface SeedItem {
  key: string;
  name: string;
  kind: 'CONDITION' | 'MEASUREMENT';
  unit: Unit | null;
  thresholds: { direction: 'LOWER_IS_WORSE' | 'HIGHER_IS_WORSE'; yellowAt: number; redAt: number } | null;
}

const check = (key: string, name: string): SeedItem => ({ key, name, kind: 'CONDITION', unit: null, thresholds: null });
const lowIsWorse = (key: string, name: string, unit: Unit, yellowAt: number, redAt: number): SeedItem => ({
  key,
  name,
  kind: 'MEASUREMENT',
  unit,
  thresholds: { direction: 'LOWER_IS_WORSE', yellowAt, redAt },
});
const highIsWorse = (key: string, name: string, unit: Unit, yellowAt: number, redAt: number): SeedItem => ({
  key,
  name,
  kind: 'MEASUREMENT',
  unit,
  thresholds: { direction: 'HIGHER_IS_WORSE', yellowAt, redAt },
});

const tires = {
  key: 'tires',
  name: 'Tires',
  items: [
    lowIsWorse('tires.lf_tread', 'LF tread depth', 'INCH_32NDS', 4, 2),
    lowIsWorse('tires.rf_tread', 'RF tread depth', 'INCH_32NDS', 4, 2),
    lowIsWorse('tires.lr_tread', 'LR tread depth', 'INCH_32NDS', 4, 2),
    lowIsWorse('tires.rr_tread', 'RR tread depth', 'INCH_32NDS', 4, 2),
    check('tires.sidewalls', 'Sidewalls and valve stems'),
  ],
};
const brakes = {
  key: 'brakes',
  name: 'Brakes',
  items: [
    lowIsWorse('brakes.front_pads', 'Front pads', 'MILLIMETERS', 4, 2),
    lowIsWorse('brakes.rear_pads', 'Rear pads', 'MILLIMETERS', 4, 2),
    check('brakes.rotors', 'Rotors'),
    highIsWorse('brakes.fluid_moisture', 'Brake fluid moisture', 'PERCENT', 2, 3),
  ],
};
const fluids = {
  key: 'fluids',
  name: 'Fluids',
  items: [check('fluids.engine_oil', 'Engine oil level and condition'), check('fluids.coolant', 'Coolant'), check('fluids.washer', 'Washer fluid')],
};
const battery = {
  key: 'battery',
  name: '12 V battery',
  items: [lowIsWorse('battery.voltage', 'Resting voltage', 'VOLTS', 12.4, 12.2), check('battery.terminals', 'Terminals and hold-down')],
};
const underHood = {
  key: 'under_hood',
  name: 'Under the hood',
  items: [check('under_hood.belts', 'Drive belts'), check('under_hood.hoses', 'Hoses'), check('under_hood.air_filter', 'Engine air filter')],
};
const lights = {
  key: 'lights',
  name: 'Lights and wipers',
  items: [check('lights.exterior', 'Exterior lights'), check('lights.wipers', 'Wiper blades')],
};
const suspension = {
  key: 'suspension',
  name: 'Steering and suspension',
  items: [check('suspension.shocks', 'Shocks and struts'), check('suspension.tie_rods', 'Tie rod ends'), check('suspension.ball_joints', 'Ball joints')],
};

export const builtInTemplates = [
  {
    id: 'tpl_standard',
    name: 'Standard multi-point inspection',
    description: 'Tires, brakes, fluids, battery, under the hood, lights and suspension: the everyday courtesy inspection.',
    sections: [tires, brakes, fluids, battery, underHood, lights, suspension],
  },
  {
    id: 'tpl_ev_hybrid',
    name: 'EV / hybrid inspection',
    description: 'The multi-point inspection for battery-electric and plug-in vehicles: high-voltage battery, its cooling, and charging.',
    sections: [
      tires,
      brakes,
      {
        key: 'hv_battery',
        name: 'High-voltage battery',
        items: [
          lowIsWorse('hv_battery.state_of_health', 'State of health', 'PERCENT', 80, 70),
          check('hv_battery.enclosure', 'Enclosure and mounts'),
          check('hv_battery.cables', 'Orange high-voltage cables and connectors'),
        ],
      },
      {
        key: 'hv_cooling',
        name: 'Battery and inverter cooling',
        items: [check('hv_cooling.coolant', 'Battery coolant level'), check('hv_cooling.pump', 'Coolant pump operation'), check('hv_cooling.cabin_filter', 'Cabin air filter')],
      },
      { key: 'charging', name: 'Charging', items: [check('charging.port', 'Charge port and latch'), check('charging.onboard', 'On-board charger test')] },
      battery,
      lights,
      suspension,
    ],
  },
  {
    id: 'tpl_diesel',
    name: 'Diesel inspection',
    description: 'The multi-point inspection plus fuel, exhaust after-treatment and glow plugs of diesel engines.',
    sections: [
      tires,
      brakes,
      fluids,
      {
        key: 'diesel',
        name: 'Diesel systems',
        items: [
          check('diesel.fuel_filter', 'Fuel filter and water separator'),
          lowIsWorse('diesel.def_level', 'DEF level', 'PERCENT', 25, 10),
          highIsWorse('diesel.dpf_soot', 'DPF soot load', 'PERCENT', 60, 80),
          check('diesel.glow_plugs', 'Glow plugs'),
          check('diesel.turbo', 'Turbocharger and intercooler hoses'),
        ],
      },
      {
        key: 'battery',
        name: '12 V batteries',
        items: [lowIsWorse('battery.cca', 'Cold cranking amps, % of rating', 'PERCENT', 75, 60), check('battery.terminals', 'Terminals and hold-down')],
      },
      underHood,
      lights,
      suspension,
    ],
  },
  {
    id: 'tpl_light_truck',
    name: 'Light truck / 4x4 inspection',
    description: 'The multi-point inspection plus the driveline, transfer case and towing equipment of pickups and 4x4s.',
    sections: [
      tires,
      brakes,
      fluids,
      battery,
      {
        key: 'driveline',
        name: 'Driveline and 4x4',
        items: [
          check('driveline.u_joints', 'U-joints and drive shafts'),
          check('driveline.transfer_case', 'Transfer case fluid and leaks'),
          check('driveline.differentials', 'Differential fluid and leaks'),
          check('driveline.cv_boots', 'CV boots'),
        ],
      },
      { key: 'towing', name: 'Towing', items: [check('towing.hitch', 'Hitch and receiver'), check('towing.connector', 'Trailer connector')] },
      lights,
      suspension,
    ],
  },
  {
    id: 'tpl_motorcycle',
    name: 'Motorcycle inspection',
    description: 'Tires, brakes, chain or belt, controls, lights and fluids of a motorcycle.',
    sections: [
      {
        key: 'tires',
        name: 'Tires',
        items: [
          lowIsWorse('tires.front_tread', 'Front tread depth', 'INCH_32NDS', 3, 2),
          lowIsWorse('tires.rear_tread', 'Rear tread depth', 'INCH_32NDS', 3, 2),
          lowIsWorse('tires.front_pressure', 'Front pressure', 'PSI', 30, 26),
          lowIsWorse('tires.rear_pressure', 'Rear pressure', 'PSI', 34, 30),
        ],
      },
      {
        key: 'brakes',
        name: 'Brakes',
        items: [lowIsWorse('brakes.front_pads', 'Front pads', 'MILLIMETERS', 3, 1.5), lowIsWorse('brakes.rear_pads', 'Rear pads', 'MILLIMETERS', 3, 1.5), check('brakes.fluid', 'Brake fluid')],
      },
      { key: 'drive', name: 'Final drive', items: [check('drive.chain', 'Chain or belt tension and wear'), check('drive.sprockets', 'Sprockets')] },
      { key: 'controls', name: 'Controls', items: [check('controls.cables', 'Throttle and clutch cables'), check('controls.steering_head', 'Steering head bearings')] },
      { key: 'fluids', name: 'Fluids and battery', items: [check('fluids.engine_oil', 'Engine oil'), lowIsWorse('fluids.battery_voltage', 'Battery resting voltage', 'VOLTS', 12.4, 12.2)] },
      { key: 'lights', name: 'Lights', items: [check('lights.all', 'Head, tail, brake and turn lights')] },
    ],
  },
];
