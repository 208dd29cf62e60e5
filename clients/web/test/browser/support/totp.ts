import { generate } from 'otplib';

/** A code of the authenticator app `steps` periods from now (a code already used is refused, so each try takes the next). */
export const codeAt = (secret: string, steps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
