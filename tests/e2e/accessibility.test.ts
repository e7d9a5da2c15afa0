import { createRequire } from 'node:module';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startWebApp, type WebApp } from '../helpers/web-app.js';

// axe-core (the engine behind browser accessibility checkers) run on the real UI in Chromium,
// on the first screen and every place, in both languages: labels, roles, contrast (WCAG 2 AA).
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
};

describe('accessibility (axe-core, WCAG 2 AA) in Chromium', () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp({ bypassCSP: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function violations(route: string): Promise<string[]> {
    const { page } = app;
    await page.goto(`${app.server.origin}/${route}`);
    await page
      .getByTestId(route === '' ? 'place-home' : `place-${route.replace('#/', '')}`)
      .waitFor();
    await page.waitForTimeout(300);
    await page.addScriptTag({ path: axePath });
    const found = (await page.evaluate(
      `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }).then(r => r.violations)`,
    )) as AxeViolation[];
    return found.map(
      (v) =>
        `${route || 'home'}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  }

  it('has no violations on the first screen or in any place, in Vietnamese and English', async () => {
    const found: string[] = [];
    for (const lang of ['vi', 'en']) {
      await app.page.evaluate(`localStorage.setItem('xaso.lang', '${lang}')`);
      for (const route of ['', '#/diagnose', '#/checklists', '#/visit', '#/reports']) {
        found.push(...(await violations(route)).map((v) => `[${lang}] ${v}`));
      }
    }
    expect(found).toEqual([]);
  });
});
