import { expectedCheckDigit } from '../../src/domain/vin';

/** The VIN with its check digit (position 9) set right. */
export function withCheckDigit(vin: string): string {
  return `${vin.slice(0, 8)}${expectedCheckDigit(vin)}${vin.slice(9)}`;
}

let serial = Math.floor(Math.random() * 500_000);

/** A fresh valid VIN of the same model, plant and year as `vin` (a new serial), so no cache knows it yet. */
export function freshVin(vin: string): string {
  serial = (serial + 1) % 1_000_000;
  return withCheckDigit(`${vin.slice(0, 11)}${String(serial).padStart(6, '0')}`);
}

/** Valid VINs of vehicles each template category is meant for (checked against the offline vPIC data). */
export const sampleVins = {
  /** 2021 Ford F-150 SuperCrew 4x4, gasoline: vPIC's recorded response. */
  f150: '1FTMW1T88MFA00001',
  /** 2019 Tesla Model 3: battery-electric sedan. */
  teslaModel3: withCheckDigit('5YJ3E1EA0KF317000'),
  /** 2018 Toyota Prius Prime: plug-in hybrid. */
  priusPrime: withCheckDigit('JTDKARFP0J3000000'),
  /** 2019 Ram 2500 with the 6.7 L Cummins: diesel pickup. */
  ram2500Diesel: withCheckDigit('3C6UR5CL0KG500000'),
  /** 2018 Harley-Davidson Road Glide Special. */
  harley: withCheckDigit('1HD1KTC10JB600000'),
  /** 2019 Toyota Camry: gasoline sedan. */
  camry: withCheckDigit('4T1B11HK0KU000000'),
  /** 2011 BMW X3 xDrive35i: vPIC's recorded batch response (5UXWX7C5*BA). */
  bmwX3: withCheckDigit('5UXWX7C50BA123456'),
  /** 2014 Tesla Model S: vPIC's recorded batch response (5YJSA3DS*EF). */
  teslaModelS: withCheckDigit('5YJSA3DS0EF123456'),
};
