// The official Node SDK pointed at the emulator, as a user of the emulator would: the base URL as the SDK's domain.
'use strict';
const http = require('node:http');
const lark = require('@larksuiteoapi/node-sdk');

/**
 * The SDK logs every failed call at error level; the suite provokes some (a recording still processing, a 429), so
 * the lines are kept here, for a failed assertion to show, rather than printed among the test's output.
 */
function quietLogger(lines = []) {
  const keep = (level) => (...message) => lines.push(`${level}: ${message.map(String).join(' ')}`.slice(0, 500));
  return {
    lines, error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug'), trace: keep('trace'),
  };
}

/**
 * The SDK's own token cache is one per process, keyed by app id: two emulators (or one reset) in a process would share
 * a tenant token only one of them issued. Each client here has its own.
 */
function ownCache() {
  const values = new Map();
  const key = (name, options) => `${(options && options.namespace) || ''}/${String(name)}`;
  return {
    async get(name, options) {
      const entry = values.get(key(name, options));
      return entry && (!entry.expiredTime || entry.expiredTime > Date.now()) ? entry.value : undefined;
    },
    async set(name, value, expiredTime, options) {
      values.set(key(name, options), { value, expiredTime });
      return true;
    },
  };
}

/** A self-built app's client of the emulator (tenant access token fetched and cached by the SDK). */
function newClient(emulator, logger = quietLogger()) {
  return new lark.Client({
    appId: emulator.appId,
    appSecret: emulator.appSecret,
    appType: lark.AppType.SelfBuild,
    domain: emulator.baseUrl,
    cache: ownCache(),
    logger,
    loggerLevel: lark.LoggerLevel.warn,
  });
}

/** What a refused SDK call answered: the platform's body ({code, msg}), the HTTP status and headers. */
function refusal(error) {
  if (!error || !error.response) {
    throw error;
  }
  return { status: error.response.status, headers: error.response.headers, data: error.response.data };
}

/**
 * Call the SDK again after a 429, once the wait the platform announced in x-ogw-ratelimit-reset (seconds) has
 * passed: the SDK itself does not retry (its client hands the axios error back), so the application does. Returns the
 * answer and each wait (announced and actually waited, in ms).
 */
async function honouringRateLimits(call, maxAttempts = 3) {
  const waits = [];
  for (let attempt = 1; ; attempt++) {
    try {
      return { answer: await call(), waits };
    }
    catch (error) {
      const refused = refusal(error);
      if (refused.status !== 429 || attempt >= maxAttempts) {
        throw error;
      }
      const announcedMs = Number(refused.headers['x-ogw-ratelimit-reset']) * 1000;
      if (!(announcedMs >= 0)) {
        throw new Error(`A 429 without a usable x-ogw-ratelimit-reset: ${JSON.stringify(refused.headers)}`);
      }
      const start = Date.now();
      // A timer may fire a millisecond early by the wall clock: wait until the wall clock says the time has passed.
      for (let left = announcedMs; left > 0; left = start + announcedMs - Date.now()) {
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
      }
      waits.push({ code: refused.data.code, announcedMs, waitedMs: Date.now() - start });
    }
  }
}

/**
 * A small application's event endpoint: a Node HTTP server answering at /webhook/event with the SDK's adaptDefault and
 * the dispatcher given; every request's headers and raw body are kept, to show what came over the wire.
 */
async function webhookServer(dispatcher) {
  const route = '/webhook/event';
  const adapted = lark.adaptDefault(route, dispatcher);
  const requests = [];
  const server = http.createServer((req, res) => {
    if (req.url !== route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    let raw = '';
    req.setEncoding('utf8');
    // A second reader of the same stream: adaptDefault reads the body for itself.
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => requests.push({ headers: req.headers, raw }));
    adapted(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${route}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

module.exports = { lark, newClient, quietLogger, refusal, honouringRateLimits, webhookServer };
