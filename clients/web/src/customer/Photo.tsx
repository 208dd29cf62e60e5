import type { CustomerReportFragment } from '@cip/sdk/customer';

type Variants = CustomerReportFragment['items'][number]['media'][number]['variants'];

/** A finding's photo from its web-sized copies: the browser picks the thumbnail or the display size for the screen. */
export function Photo({ variants, alt }: { variants: Variants; alt: string }) {
  const display = variants.find((variant) => variant.size === 'DISPLAY');
  if (!display) return null;
  const srcSet = variants.map((variant) => `${variant.url} ${variant.width}w`).join(', ');
  return <img src={display.url} srcSet={srcSet} sizes="(max-width: 40rem) 100vw, 40rem" width={display.width} height={display.height} alt={alt} loading="lazy" className="photo" />;
}
