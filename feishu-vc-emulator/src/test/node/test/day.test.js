// A whole day on the runnable emulator, from Node: the official SDK applies a reservation, the control API holds the
// meeting behind it, a small Node HTTP server receives its events (encrypted and signed), the SDK reads the recording,
// a signed-in user's note and an export, and waits out a 429 the control API injected.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, until } = require('../support/emulator');
const { lark, newClient, quietLogger, refusal, honouringRateLimits, webhookServer } = require('../support/sdk');
const { zipParts } = require('../support/xlsx');
const { HOST, ADA, BOB, meetingEventsOf, MEETING_EVENT_TYPES, assertMeetingEvents } = require('../support/meeting');

const ENCRYPT_KEY = 'node-suite-encrypt-key';
const VERIFICATION_TOKEN = 'node-suite-verification-token';
const RATE_LIMIT_RESET_MS = 700;
const TOPIC = 'Node suite: daily review';

describe('a whole day on the emulator, its events at a webhook', () => {
  let emulator;
  let client;
  let webhook;
  let dispatcher;
  const received = [];
  const day = {};

  before(async () => {
    emulator = await startEmulator([`--encrypt-key=${ENCRYPT_KEY}`, `--verification-token=${VERIFICATION_TOKEN}`,
      `--rate-limit-reset=${RATE_LIMIT_RESET_MS}ms`]);
    client = newClient(emulator);
    const handlers = {};
    for (const type of MEETING_EVENT_TYPES) {
      handlers[type] = (data) => {
        received.push(data);
        return 'ok';
      };
    }
    dispatcher = new lark.EventDispatcher({
      encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, logger: quietLogger(),
    }).register(handlers);
    webhook = await webhookServer(dispatcher);
    const destination = await emulator.control('PUT', '/events/destination', { url: webhook.url });
    assert.equal(destination.status, 204, JSON.stringify(destination.body));
  });

  after(async () => {
    if (webhook) {
      await webhook.close();
    }
    if (emulator) {
      await emulator.stop();
    }
  });

  it('prints its settings once listening, and the control API tells the same', async (t) => {
    t.diagnostic(`the emulator printed "ready" ${emulator.startupMs} ms after it was started`);
    assert.match(emulator.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(emulator.controlUrl, `${emulator.baseUrl}/_emulator`);
    assert.match(emulator.appId, /^cli_[0-9a-f]{16}$/);
    assert.ok(emulator.appSecret.length > 0);
    const info = await emulator.control('GET', '/');
    assert.equal(info.status, 200);
    assert.equal(info.body.baseUrl, emulator.baseUrl);
    assert.equal(info.body.appId, emulator.appId);
    assert.equal(info.body.appSecret, emulator.appSecret);
    assert.equal(info.body.appType, 'self-built');
    assert.deepEqual(info.body.tenants, ['emulated_tenant']);
    // The credentials of its pushes, as the Spring properties that point the starter at it name them.
    assert.equal(info.body.springProperties['feishu.vc.events.verification-token'], VERIFICATION_TOKEN);
    assert.equal(info.body.springProperties['feishu.vc.events.encrypt-key'], ENCRYPT_KEY);
  });

  it('1. the SDK applies a reservation with the tenant access token', async () => {
    const endTime = Math.floor(Date.now() / 1000) + 3600;
    const applied = await client.vc.v1.reserve.apply({
      params: { user_id_type: 'open_id' },
      data: { end_time: String(endTime), owner_id: HOST, meeting_settings: { topic: TOPIC } },
    });
    assert.equal(applied.code, 0);
    assert.match(applied.data.reserve.id, /^\d+$/);
    assert.match(applied.data.reserve.meeting_no, /^\d+$/);
    assert.equal(applied.data.reserve.end_time, String(endTime));
    day.reserveId = applied.data.reserve.id;
    day.meetingNo = applied.data.reserve.meeting_no;

    const seen = await emulator.control('GET', `/reserves/${day.reserveId}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.reserve.reserve_user_id, HOST);
    assert.equal(seen.body.reserve.meeting_settings.topic, TOPIC);
    const log = await emulator.control('GET', '/requests?operation=reserve.apply');
    assert.equal(log.status, 200);
    assert.equal(log.body.count, 1);
    assert.match(log.body.requests[0].authorization, /^Bearer t-/);
  });

  it('2. the control API starts the meeting behind it, joins two users, records, and ends it', async () => {
    const started = await emulator.control('POST', `/reserves/${day.reserveId}/meeting`);
    assert.equal(started.status, 200);
    day.meetingId = started.body.meetingId;
    assert.match(day.meetingId, /^\d+$/);
    for (const userId of [ADA, BOB]) {
      assert.equal((await emulator.control('POST', `/meetings/${day.meetingId}/participants`, { userId })).status, 204);
    }
    const active = await client.vc.v1.reserve.getActiveMeeting({
      path: { reserve_id: day.reserveId }, params: { with_participants: true, user_id_type: 'open_id' },
    });
    assert.equal(active.code, 0);
    assert.equal(active.data.meeting.id, day.meetingId);
    assert.deepEqual(active.data.meeting.participants.map((participant) => participant.id).sort(),
      [ADA, BOB, HOST].sort());

    assert.equal((await emulator.control('POST', `/meetings/${day.meetingId}/recording`)).status, 204);
    assert.equal((await emulator.control('DELETE', `/meetings/${day.meetingId}/recording`)).status, 204);
    assert.equal((await emulator.control('DELETE', `/reserves/${day.reserveId}/meeting`)).status, 204);

    const ended = await client.vc.v1.reserve.getActiveMeeting({ path: { reserve_id: day.reserveId } })
      .then(() => assert.fail('a meeting still runs behind the reservation'), refusal);
    assert.equal(ended.data.code, 121004);
  });

  it('3. the webhook receives the meeting\'s events, encrypted and signed, through the SDK\'s dispatcher', async () => {
    // The life-cycle steps wait for the application's answers; the recording's readiness comes later.
    const events = await until(() => meetingEventsOf(received, day.meetingId),
      (of) => of.some((event) => event.event_type === 'vc.meeting.recording_ready_v1'),
      { what: 'vc.meeting.recording_ready_v1 at the webhook' });
    assertMeetingEvents(events, { host: HOST, joined: [ADA, BOB] });
    for (const event of events) {
      assert.equal(event.token, VERIFICATION_TOKEN);
      assert.equal(event.app_id, emulator.appId);
      assert.equal(event.meeting.meeting_no, day.meetingNo);
    }
    day.recordingReady = events.find((event) => event.event_type === 'vc.meeting.recording_ready_v1');

    // Over the wire: nothing but the cipher text, signed.
    assert.ok(webhook.requests.length >= events.length);
    for (const request of webhook.requests) {
      assert.deepEqual(Object.keys(JSON.parse(request.raw)), ['encrypt']);
      assert.ok(!request.raw.includes('vc.meeting.'), 'an event type in clear text');
      assert.match(request.headers['x-lark-signature'], /^[0-9a-f]{64}$/);
      assert.match(request.headers['x-lark-request-timestamp'], /^\d+$/);
      assert.ok(request.headers['x-lark-request-nonce']);
    }
    // The dispatcher did check the signature: the same request, its signature altered, reaches no handler.
    const [first] = webhook.requests;
    const before = received.length;
    const forged = Object.assign(Object.create({
      headers: { ...first.headers, 'x-lark-signature': '0'.repeat(64) },
    }), JSON.parse(first.raw));
    assert.equal(await dispatcher.invoke(forged), undefined);
    assert.equal(received.length, before);
  });

  it('4a. the SDK reads the recording once it is ready', async () => {
    const read = () => client.vc.v1.meetingRecording.get({ path: { meeting_id: day.meetingId } })
      .catch((error) => refusal(error).data);
    const recording = await until(read, (answer) => answer.code !== 124002, { what: 'the recording processed' });
    assert.equal(recording.code, 0);
    assert.equal(recording.data.recording.url, day.recordingReady.url);
    assert.equal(recording.data.recording.duration, day.recordingReady.duration);
    assert.ok(Number(recording.data.recording.duration) >= 0);
  });

  it('4b. the SDK reads a signed-in participant\'s note with their user access token, and no one else\'s', async () => {
    const note = await emulator.control('GET', `/meetings/${day.meetingId}/note`);
    assert.equal(note.status, 200);
    const issued = await emulator.control('POST', `/users/${ADA}/access-tokens`);
    assert.equal(issued.status, 200);
    assert.match(issued.body.accessToken, /^u-/);
    const read = (token) => client.vc.v1.note.get({ path: { note_id: note.body.noteId },
      params: { user_id_type: 'open_id' } }, lark.withUserAccessToken(token)).catch((error) => refusal(error).data);
    // The note's detail lags its generation (code 121004 until then), as on the platform.
    const answer = await until(() => read(issued.body.accessToken), (read) => read.code !== 121004,
      { what: 'the note generated' });
    assert.equal(answer.code, 0);
    assert.equal(answer.data.note.note_source.source_entity_id, day.meetingId);
    assert.equal(answer.data.note.creator_id, HOST);
    assert.deepEqual(answer.data.note.artifacts.map((artifact) => artifact.artifact_type), [1, 2]);

    const stranger = await emulator.control('POST', '/users/ou_node_stranger/access-tokens');
    assert.equal((await read(stranger.body.accessToken)).code, 121005);
  });

  it('4c. the SDK exports the meeting list, polls the task, and downloads an xlsx holding the meeting', async () => {
    const now = Math.floor(Date.now() / 1000);
    const created = await client.vc.v1.export.meetingList({
      data: { start_time: String(now - 3600), end_time: String(now + 60) },
    });
    assert.equal(created.code, 0);
    const task = await until(() => client.vc.v1.export.get({ path: { task_id: created.data.task_id } }),
      (answer) => answer.data.status !== 1, { what: 'the export written' });
    assert.equal(task.code, 0);
    assert.equal(task.data.status, 3);

    const download = await client.vc.v1.export.download({ params: { file_token: task.data.file_token } });
    const chunks = [];
    for await (const chunk of download.getReadableStream()) {
      chunks.push(chunk);
    }
    const file = Buffer.concat(chunks);
    assert.ok(file.length > 0);
    assert.equal(file.subarray(0, 2).toString('latin1'), 'PK');
    assert.equal(download.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = zipParts(file)['xl/worksheets/sheet1.xml'];
    assert.ok(sheet.includes(TOPIC), `the day's meeting in the sheet: ${sheet.slice(0, 300)}`);
  });

  it('5. a 429 injected with the control API is waited out for as long as x-ogw-ratelimit-reset says', async () => {
    await emulator.control('DELETE', '/requests');
    const injected = await emulator.control('POST', '/faults/next',
      { fault: 'RATE_LIMITED', times: 1, operation: 'reserve.get' });
    assert.equal(injected.status, 204);

    const { answer, waits } = await honouringRateLimits(() => client.vc.v1.reserve.get({
      path: { reserve_id: day.reserveId }, params: { user_id_type: 'open_id' },
    }));
    assert.equal(answer.code, 0);
    assert.equal(answer.data.reserve.id, day.reserveId);
    // The SDK handed the 429 back rather than retrying itself; the caller waited the announced time.
    assert.equal(waits.length, 1);
    assert.equal(waits[0].code, 99991400);
    assert.equal(waits[0].announcedMs, RATE_LIMIT_RESET_MS);
    assert.ok(waits[0].waitedMs >= RATE_LIMIT_RESET_MS, `waited ${waits[0].waitedMs} ms`);

    const log = await emulator.control('GET', '/requests?operation=reserve.get');
    assert.equal(log.body.count, 2);
    assert.equal(log.body.requests[0].fault, 'RATE_LIMITED');
    assert.ok(!log.body.requests[1].fault, `the retry was answered: ${JSON.stringify(log.body.requests[1])}`);
    const apart = Date.parse(log.body.requests[1].receivedAt) - Date.parse(log.body.requests[0].receivedAt);
    assert.ok(apart >= RATE_LIMIT_RESET_MS, `the retry came ${apart} ms after the 429`);
  });
});
