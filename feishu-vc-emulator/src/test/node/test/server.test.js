// The emulator as a server many clients share: sixty-four SDK clients at once, a reset between scenarios, a control
// API that says what is wrong with a malformed request, and a clean exit on SIGTERM.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator } = require('../support/emulator');
const { newClient, quietLogger, refusal } = require('../support/sdk');
const { HOST } = require('../support/meeting');

const CLIENTS = 64;

describe('the emulator as a server', () => {
  let emulator;
  const scenario = {};

  before(async () => {
    emulator = await startEmulator();
  });

  after(async () => {
    if (emulator) {
      await emulator.stop();
    }
  });

  it('6. sixty-four SDK clients in parallel each apply and read a reservation without an error', async () => {
    const logs = [];
    const endTime = String(Math.floor(Date.now() / 1000) + 3600);
    const results = await Promise.all(Array.from({ length: CLIENTS }, async (unused, index) => {
      const log = [];
      logs.push(log);
      // Each its own client and token cache, so each fetches its own tenant access token as well.
      const client = newClient(emulator, quietLogger(log));
      const topic = `Node suite: client ${index}`;
      const applied = await client.vc.v1.reserve.apply({
        params: { user_id_type: 'open_id' },
        data: { end_time: endTime, owner_id: HOST, meeting_settings: { topic } },
      });
      const read = await client.vc.v1.reserve.get({ path: { reserve_id: applied.data.reserve.id },
        params: { user_id_type: 'open_id' } });
      return { topic, applied, read };
    }));
    for (const { topic, applied, read } of results) {
      assert.equal(applied.code, 0);
      assert.equal(read.code, 0);
      assert.equal(read.data.reserve.id, applied.data.reserve.id);
      assert.equal(read.data.reserve.meeting_settings.topic, topic);
    }
    assert.equal(new Set(results.map((result) => result.applied.data.reserve.id)).size, CLIENTS);
    assert.deepEqual(logs.flat().filter((line) => line.startsWith('error')), []);
    const applies = await emulator.control('GET', '/requests?operation=reserve.apply');
    assert.equal(applies.body.count, CLIENTS);
    assert.equal(applies.body.rateLimited, 0);
    const tokens = await emulator.control('GET', '/requests?endpoint=TENANT_ACCESS_TOKEN');
    assert.equal(tokens.body.count, CLIENTS);
    scenario.reserveId = results[0].applied.data.reserve.id;
  });

  it('7a. a reset forgets the reservations and the request log of the scenario before', async () => {
    const client = newClient(emulator);
    assert.equal((await client.vc.v1.reserve.get({ path: { reserve_id: scenario.reserveId } })).code, 0);
    assert.equal((await emulator.control('POST', '/reset')).status, 204);

    const forgotten = await emulator.control('GET', `/reserves/${scenario.reserveId}`);
    assert.equal(forgotten.status, 404);
    assert.equal(typeof forgotten.body.error, 'string');
    assert.equal((await emulator.control('GET', '/requests')).body.count, 0);
    // A client that starts afresh is served as on a new emulator.
    const fresh = newClient(emulator);
    const missing = await fresh.vc.v1.reserve.get({ path: { reserve_id: scenario.reserveId } })
      .then(() => assert.fail('a reservation outlived the reset'), refusal);
    assert.equal(missing.data.code, 121004);
  });

  it('7b. a malformed control request gets 400 with an error naming the field', async () => {
    const cases = [
      { route: '/faults/next', body: { fault: 'NOT_A_FAULT', times: 1 }, field: 'fault' },
      { route: '/faults/next', body: { fault: 'RATE_LIMITED', times: 'twice' }, field: 'times' },
      { route: '/meetings', body: { topic: 'no host' }, field: 'hostId' },
      { route: '/reserves', body: { reserve: 'not an object' }, field: 'reserve' },
      { route: '/rate-limits', method: 'PUT', body: { perSecond: -1, perMinute: 10 }, field: 'perSecond' },
      { route: '/events/destination', method: 'PUT', body: {}, field: 'url' },
    ];
    for (const { route, method = 'POST', body, field } of cases) {
      const answer = await emulator.control(method, route, body);
      assert.equal(answer.status, 400, `${method} ${route} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
      assert.equal(typeof answer.body.error, 'string');
      assert.ok(answer.body.error.includes(field), `${method} ${route}: "${answer.body.error}" names ${field}`);
    }
    const unreadable = await emulator.control('POST', '/reserves', '{"reserve": ');
    assert.equal(unreadable.status, 400);
    assert.equal(typeof unreadable.body.error, 'string');
    const unknown = await emulator.control('GET', '/no-such-route');
    assert.equal(unknown.status, 404);
    assert.equal(typeof unknown.body.error, 'string');
  });

  it('7c. the OpenAPI document declares every control operation this suite drives', async () => {
    const document = await emulator.control('GET', '/openapi.json');
    assert.equal(document.status, 200);
    assert.match(document.body.openapi, /^3\.1\./);
    assert.equal(document.body.servers[0].url, emulator.controlUrl);
    const driven = [['get', '/'], ['post', '/reset'], ['put', '/events/destination'], ['get', '/events'],
      ['get', '/long-connections'], ['post', '/users/{userId}/access-tokens'], ['get', '/requests'],
      ['delete', '/requests'], ['post', '/faults/next'], ['put', '/rate-limits'], ['post', '/reserves'],
      ['get', '/reserves/{reserveId}'], ['post', '/reserves/{reserveId}/meeting'],
      ['delete', '/reserves/{reserveId}/meeting'], ['post', '/meetings'],
      ['post', '/meetings/{meetingId}/participants'],
      ['post', '/meetings/{meetingId}/recording'], ['delete', '/meetings/{meetingId}/recording'],
      ['get', '/meetings/{meetingId}/note']];
    const undeclared = driven.filter(([method, route]) => !(document.body.paths[route] || {})[method]);
    assert.deepEqual(undeclared, []);
  });

  it('exits 0 on SIGTERM', async () => {
    assert.deepEqual(await emulator.stop(), { code: 0, signal: null, running: true });
  });
});
