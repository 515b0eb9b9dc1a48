// The Firefox end-to-end tests (run with `node --test firefox/firefox.test.mjs` in tests/e2e):
// one Firefox ESR for every spec of this folder, closed when they are done.
import { after } from 'node:test';
import { closeSharedSession } from './firefox-session.mjs';
import './page.spec.mjs';
import './links.spec.mjs';
import './security.spec.mjs';

after(closeSharedSession);
