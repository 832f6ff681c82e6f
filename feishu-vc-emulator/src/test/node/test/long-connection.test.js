// The other half of the day's events: the SDK's long-connection client (WSClient). Its own emulator process, because
// the emulator, like the platform, sends every event down the long connection once an application opened one, and
// the webhook half (day.test.js) must see them at its URL.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, until } = require('../support/emulator');
const { lark, newClient, quietLogger } = require('../support/sdk');
const {
  HOST, ADA, BOB, MEETING_EVENT_TYPES, meetingEventsOf, assertMeetingEvents, applyReservation, holdMeeting,
} = require('../support/meeting');

const CONNECT_TIMEOUT_MS = 10_000;

describe('the day\'s meeting events over the SDK\'s long connection', () => {
  let emulator;
  let ws;
  const received = [];

  before(async () => {
    emulator = await startEmulator();
  });

  after(async () => {
    if (ws) {
      ws.close({ force: true });
    }
    if (emulator) {
      await emulator.stop();
    }
  });

  it('3. WSClient connects through /callback/ws/endpoint and receives the meeting\'s events', async () => {
    const handlers = {};
    for (const type of MEETING_EVENT_TYPES) {
      handlers[type] = (data) => {
        received.push(data);
      };
    }
    const dispatcher = new lark.EventDispatcher({ logger: quietLogger() }).register(handlers);
    let timer;
    await Promise.race([
      new Promise((resolve, reject) => {
        ws = new lark.WSClient({
          appId: emulator.appId, appSecret: emulator.appSecret, domain: emulator.baseUrl, logger: quietLogger(),
          loggerLevel: lark.LoggerLevel.warn, onReady: resolve, onError: reject,
        });
        ws.start({ eventDispatcher: dispatcher });
      }),
      new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`WSClient not ready within ${CONNECT_TIMEOUT_MS} ms`)),
          CONNECT_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const connections = await emulator.control('GET', '/long-connections');
    assert.equal(connections.status, 200);
    assert.equal(connections.body.count, 1);
    const asked = await emulator.control('GET', '/requests?endpoint=LONG_CONNECTION_ENDPOINT');
    assert.equal(asked.body.count, 1);
    assert.match(asked.body.requests[0].uri, /\/callback\/ws\/endpoint/);

    const client = newClient(emulator);
    const reserveId = await applyReservation(client, 'Node suite: over the long connection');
    const meetingId = await holdMeeting(emulator, reserveId);

    const events = await until(() => meetingEventsOf(received, meetingId),
      (of) => of.some((event) => event.event_type === 'vc.meeting.recording_ready_v1'),
      { what: 'vc.meeting.recording_ready_v1 over the long connection' });
    assertMeetingEvents(events, { host: HOST, joined: [ADA, BOB] });
    for (const event of events) {
      assert.equal(event.app_id, emulator.appId);
    }
    // Nothing was left to push again: every event was acknowledged on the connection.
    const pending = await emulator.control('GET', '/events');
    assert.equal(pending.status, 200);
    assert.deepEqual(pending.body.pending, []);
  });
});
