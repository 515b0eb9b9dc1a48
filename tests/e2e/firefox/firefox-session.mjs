// One headless Firefox ESR for the Firefox end-to-end tests, driven by geckodriver through
// selenium-webdriver with WebDriver BiDi, and everything it is watched by:
// - the built page (dist/) served by serve-dist.mjs, as the Chromium tests serve it;
// - console errors and uncaught exceptions, from BiDi `log.entryAdded`;
// - Content-Security-Policy refusals, from a `securitypolicyviolation` listener that a BiDi preload
//   script installs in every document and frame before any script of the page runs;
// - requests off the local host, twice over: the page's requests as BiDi reports them, and a
//   counting proxy that Firefox's proxy settings send every off-host connection to (it refuses
//   them all), whoever makes it: a document, a service worker or Firefox itself.
//
// Nothing is downloaded: Firefox is Debian's firefox-esr and geckodriver is the one setup.sh built
// from crates.io. Both paths are given, so Selenium Manager (selenium-webdriver's driver
// downloader) never runs, and SE_OFFLINE keeps it offline if it ever did. geckodriver starts
// Firefox with a fresh temporary profile and deletes it on quit.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, Browser } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { waitFor } from './wait-for.mjs';

process.env.SE_OFFLINE = 'true';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKODRIVER_PATH = process.env.GECKODRIVER_PATH ?? join(homedir(), '.cargo/bin/geckodriver');
/** The page's port: E2E_PORT as for Playwright, else one beside Playwright's default 4173. */
const PORT = Number(process.env.E2E_PORT ?? 4174);
const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('../../../dist', import.meta.url));

/** The window the Chromium tests use (playwright.config.mjs), so layouts match. */
const WINDOW = { width: 1366, height: 768 };

/** Hosts that are this machine. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a request the page made left this machine (data:, blob: and about: never do). */
export function isOffHost(address) {
  const url = new URL(address);
  return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && !LOCAL_HOSTS.has(url.hostname);
}

/**
 * Runs in every document and frame before the page's own scripts (a BiDi preload script, which
 * the page's policy does not apply to): each refusal of the policy is sent to the test through
 * the channel `report`, in the words the Chromium security spec uses.
 */
const RECORD_VIOLATIONS = `(report) => {
  window.addEventListener('securitypolicyviolation', (event) => {
    report(event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline')
      + ' (' + event.sourceFile + ':' + event.lineNumber + ')');
  }, true);
}`;

/** The start of the console lines `settle` writes. */
const SETTLE_MARKER = 'marrow-factory-test-settled-';

/** A server that stands for the whole network beyond this machine: it notes and refuses every request. */
async function startCountingProxy() {
  const requests = [];
  const proxy = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(403).end();
  });
  proxy.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { proxy, requests, port: proxy.address().port };
}

/** serve-dist.mjs in a child process, once it says it is listening (not another server on the port). */
function startPageServer() {
  const server = spawn(process.execPath, ['serve-dist.mjs', DIST_DIR, String(PORT)], {
    cwd: E2E_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    server.stdout.once('data', () => resolve(server));
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`serve-dist.mjs exited with ${code} (is port ${PORT} taken?)`)));
  });
}

function assertExecutable(path, what) {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`${what} not found at ${path}: run \`bash setup.sh tools\``);
  }
}

export class FirefoxSession {
  constructor() {
    this.baseUrl = `http://127.0.0.1:${PORT}`;
    /** Console errors and uncaught exceptions, in every tab and frame. */
    this.consoleErrors = [];
    /** Refusals of the Content-Security-Policy, in every tab and frame. */
    this.cspViolations = [];
    /** Off-host requests the page made, as BiDi saw them. */
    this.offHostRequests = [];
    /** Markers that `settle` wrote to the console and BiDi has since reported. */
    this.markersSeen = new Set();
    this.markersWritten = 0;
  }

  /** Starts the page server, the proxy and Firefox, with every listener in place. */
  static async start() {
    assertExecutable(FIREFOX_PATH, 'Firefox ESR');
    assertExecutable(GECKODRIVER_PATH, 'geckodriver');
    const session = new FirefoxSession();
    try {
      await session.launch();
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }

  async launch() {
    this.server = await startPageServer();
    this.network = await startCountingProxy();
    this.downloadDir = mkdtempSync(join(tmpdir(), 'marrow-firefox-downloads-'));
    const options = new firefox.Options()
      .setBinary(FIREFOX_PATH)
      .addArguments('-headless')
      .windowSize(WINDOW)
      .enableBidi()
      // Every connection off this machine goes to the counting proxy; this machine's own
      // addresses never go through a proxy.
      .setPreference('network.proxy.type', 1)
      .setPreference('network.proxy.http', '127.0.0.1')
      .setPreference('network.proxy.http_port', this.network.port)
      .setPreference('network.proxy.ssl', '127.0.0.1')
      .setPreference('network.proxy.ssl_port', this.network.port)
      .setPreference('network.proxy.allow_hijacking_localhost', false)
      // Firefox's own remote settings would otherwise ask Mozilla's servers for updates every few
      // seconds (the proxy saw a dozen such requests a run). The address is the one Firefox's
      // remote agent uses to switch them off; Firefox honours it when MOZ_REMOTE_SETTINGS_DEVTOOLS
      // is set (below).
      .setPreference('services.settings.server', 'data:,#remote-settings-dummy/v1')
      // Exports land in a folder of this run's own, without a question.
      .setPreference('browser.download.folderList', 2)
      .setPreference('browser.download.dir', this.downloadDir)
      .setPreference('browser.download.useDownloadDir', true)
      .setPreference('browser.download.always_ask_before_handling_new_types', false);
    const service = new firefox.ServiceBuilder(GECKODRIVER_PATH)
      .setEnvironment({ ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' });
    this.driver = await new Builder()
      .forBrowser(Browser.FIREFOX)
      .setFirefoxOptions(options)
      .setFirefoxService(service)
      .build();
    await this.listen();
  }

  async listen() {
    const bidi = await this.driver.getBidi();
    bidi.on('log.entryAdded', (entry) => {
      if (entry.level === 'error') this.consoleErrors.push(`${entry.type}: ${entry.text}`);
      else if (entry.text?.startsWith(SETTLE_MARKER)) this.markersSeen.add(entry.text);
    });
    bidi.on('network.beforeRequestSent', (event) => {
      if (isOffHost(event.request.url)) this.offHostRequests.push(event.request.url);
    });
    bidi.on('script.message', (message) => {
      if (message.channel === 'csp-violation') this.cspViolations.push(message.data.value);
    });
    await bidi.subscribe(['log.entryAdded', 'network.beforeRequestSent', 'script.message']);
    const added = await bidi.send({
      method: 'script.addPreloadScript',
      params: {
        functionDeclaration: RECORD_VIOLATIONS,
        arguments: [{ type: 'channel', value: { channel: 'csp-violation' } }],
      },
    });
    if (added.type !== 'success') throw new Error(`preload script refused: ${JSON.stringify(added)}`);
  }

  /** Every off-host request: the page's as BiDi saw them, and any connection the proxy refused. */
  get allOffHostRequests() {
    return [...this.offHostRequests, ...this.network.requests];
  }

  /**
   * Waits until BiDi has reported what the browser did so far: a marker written to the page's
   * console now comes back after every console entry written before it.
   */
  async settle() {
    this.markersWritten += 1;
    const marker = `${SETTLE_MARKER}${this.markersWritten}`;
    await this.driver.executeScript((text) => console.log(text), marker);
    await waitFor(() => this.markersSeen.has(marker), { what: 'the browser\'s events so far' });
  }

  /** Forgets what was recorded so far. */
  clearRecords() {
    this.consoleErrors.length = 0;
    this.cspViolations.length = 0;
    this.offHostRequests.length = 0;
    this.network.requests.length = 0;
  }

  /** Closes tabs other than the first and goes back to it, as a new test expects. */
  async keepOneTab() {
    const [first, ...others] = await this.driver.getAllWindowHandles();
    for (const handle of others) {
      await this.driver.switchTo().window(handle);
      await this.driver.close();
    }
    await this.driver.switchTo().window(first);
  }

  async close() {
    await this.driver?.quit();
    this.server?.kill();
    await new Promise((resolve) => (this.network ? this.network.proxy.close(resolve) : resolve()));
    if (this.downloadDir) rmSync(this.downloadDir, { recursive: true, force: true });
  }
}

let shared = null;

/** The one Firefox of this test run, started by the first test file that asks for it. */
export function sharedSession() {
  shared ??= FirefoxSession.start();
  return shared;
}

/** Closes the run's Firefox, if it started (a failed start has cleaned up after itself). */
export async function closeSharedSession() {
  const starting = shared;
  shared = null;
  await starting?.then((session) => session.close(), () => {});
}
