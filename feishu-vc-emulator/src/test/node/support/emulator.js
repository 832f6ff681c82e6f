// The runnable emulator as another language's suite sees it: a child process (java -jar) that prints its settings
// and then "ready", a control API driven with fetch, and a bounded wait for a condition (never a fixed sleep).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// Start-up is under 2 s on a quiet machine; a CI runner shared with other builds gets ten times that.
const READY_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 10_000;

/** The jar to run: FEISHU_VC_EMULATOR_JAR, else the one the module's build left in its target directory. */
function jarPath() {
  const fromEnvironment = process.env.FEISHU_VC_EMULATOR_JAR;
  if (fromEnvironment) {
    return fromEnvironment;
  }
  const target = path.resolve(__dirname, '..', '..', '..', '..', 'target');
  const jars = fs.existsSync(target)
    ? fs.readdirSync(target).filter((name) => /^feishu-vc-emulator-.+\.jar$/.test(name)
      && !/-(sources|javadoc|tests)\.jar$/.test(name))
    : [];
  if (jars.length !== 1) {
    throw new Error(`Expected one feishu-vc-emulator-*.jar in ${target}, found ${JSON.stringify(jars)}: build it `
      + '(./mvnw -B package -DskipTests -pl feishu-vc-emulator -am) or set FEISHU_VC_EMULATOR_JAR');
  }
  return path.join(target, jars[0]);
}

function javaCommand() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * Start the emulator with some options (["--encrypt-key=..."]) and resolve once it printed "ready", with the settings
 * it printed (baseUrl, appId, appSecret, controlUrl), how long it took, and stop() to end it.
 */
function startEmulator(options = []) {
  const started = Date.now();
  const child = spawn(javaCommand(), ['-jar', jarPath(), ...options], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Both streams are read to the end, so that a talkative emulator never blocks on a full pipe; the tails say why
  // it failed when it does.
  let stdoutTail = '';
  let stderrTail = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const settings = {};
    let pending = '';
    let isReady = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The emulator did not print "ready" within ${READY_TIMEOUT_MS} ms; stdout: ${stdoutTail}; `
        + `stderr: ${stderrTail}`));
    }, READY_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdoutTail = (stdoutTail + chunk).slice(-4000);
      if (isReady) {
        return;
      }
      pending += chunk;
      let newline;
      while (!isReady && (newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        if (line === 'ready') {
          isReady = true;
          clearTimeout(timer);
          resolve(settings);
        }
        const setting = /^([a-z-]+): (.+)$/.exec(line);
        if (setting) {
          settings[setting[1]] = setting[2];
        }
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The emulator exited (code ${code}, signal ${signal}) before "ready"; stderr: ${stderrTail}`));
    });
  });
  return ready.then((printed) => {
    const emulator = {
      baseUrl: printed['base-url'],
      appId: printed['app-id'],
      appSecret: printed['app-secret'],
      controlUrl: printed['control-url'],
      printed,
      startupMs: Date.now() - started,
      pid: child.pid,
      /**
       * SIGTERM, then how it exited ({code, signal}, and running: whether it still ran when asked to stop); SIGKILL if
       * it does not exit within the bound.
       */
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) {
          return { ...(await exited), running: false };
        }
        child.kill('SIGTERM');
        let timer;
        const outcome = await Promise.race([exited,
          new Promise((resolve) => {
            timer = setTimeout(() => resolve(null), EXIT_TIMEOUT_MS);
          })]);
        clearTimeout(timer);
        if (outcome === null) {
          child.kill('SIGKILL');
          await exited;
          throw new Error(`The emulator did not exit within ${EXIT_TIMEOUT_MS} ms of SIGTERM; stderr: ${stderrTail}`);
        }
        return { ...outcome, running: true };
      },
      /** Call the control API: {status, body} (body parsed when JSON, else text; null when empty). */
      control: (method, route, body) => control(printed['control-url'], method, route, body),
      stderr: () => stderrTail,
    };
    return emulator;
  });
}

async function control(controlUrl, method, route, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(controlUrl + route, init);
  const text = await response.text();
  let parsed = text.length === 0 ? null : text;
  if (text.length > 0 && (response.headers.get('content-type') || '').includes('json')) {
    parsed = JSON.parse(text);
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/**
 * Ask until the answer satisfies the condition, a bounded number of milliseconds, resting a little between asks: for
 * what the emulator does later (a recording processed, an export written, an event pushed).
 */
async function until(ask, satisfied, { timeoutMs = 10_000, intervalMs = 50, what = 'the condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await ask();
    if (satisfied(last)) {
      return last;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

module.exports = { startEmulator, until, jarPath };
