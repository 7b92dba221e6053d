// Renders the installable app's PNG icons from public/favicon.svg in Chromium, so the icons stay
// the favicon's drawing: `npx tsx scripts/render-app-icons.ts` after changing the favicon.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const chromiumPath = process.env.FIREDRILL_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const svg = await readFile('public/favicon.svg', 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** `any` icons draw the flame on a transparent square; `maskable` ones keep it in the safe zone on the app's background. */
const icons = [
  { file: 'public/icon-192.png', size: 192, maskable: false },
  { file: 'public/icon-512.png', size: 512, maskable: false },
  { file: 'public/icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({ ...(chromiumPath && { executablePath: chromiumPath }), args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inset = maskable ? Math.round(size * 0.2) : 0;
    const background = maskable ? '#0d1117' : 'transparent';
    await page.setContent(
      `<html><body style="margin:0;background:${background}"><img src="${dataUrl}" style="display:block;margin:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await writeFile(file, await page.screenshot({ omitBackground: !maskable }));
    await page.close();
    console.log(`${file} ${size}×${size}${maskable ? ' (maskable)' : ''}`);
  }
} finally {
  await browser.close();
}
