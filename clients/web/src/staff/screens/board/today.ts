/** Midnight of the device's day, as the board's "today" (shops and their staff share a time zone). */
export function startOfToday(): string {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}
