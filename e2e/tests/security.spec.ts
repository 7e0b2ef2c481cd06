import crypto from 'node:crypto';
import { expect, test } from './helpers';

test('the page carries the strict policy, and every asset its integrity hash', async ({ page, request }) => {
  for (const path of ['/', '/exam/clf-c02/', '/exam/clf-c02/quiz/', '/shared/', '/history/']) {
    const html = await (await request.get(path)).text();
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toMatch(/^'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'$/);
    expect(directives['style-src']).toBe("'self'");
    expect(directives['img-src']).toBe("'self' data:");
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['form-action']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);

    // Subresource integrity: each hash matches the bytes served.
    // By their tags; on pages that fetch the wasm after the first paint,
    // the wasm by the loader's fetch instead of a preload tag.
    const tags = [...html.matchAll(/<link[^>]*integrity=([^ >]+)[^>]*>/g)].map((m) => m[0]);
    const assets = tags.map((tag) => [tag.match(/href=("?)([^" >]+)\1/)![2], tag.match(/integrity=("?)([^" >]+)\1/)![2]]);
    const fetched = html.match(/fetch\(`([^`]+\.wasm)`,\{integrity:"([^"]+)"\}\)/);
    if (fetched) assets.push([fetched[1], fetched[2]]);
    expect(assets.map(([href]) => href.split('.').pop()).sort()).toEqual(['css', 'js', 'wasm']);
    for (const [href, want] of assets) {
      const body = await (await request.get(href)).body();
      const got = 'sha384-' + crypto.createHash('sha384').update(body).digest('base64');
      expect(got, href).toBe(want);
    }
  }
  // And the page runs under it (the guard checks for violations).
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
