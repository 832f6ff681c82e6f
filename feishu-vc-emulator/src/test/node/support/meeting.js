// The meeting both halves of the day hold (one with its events at a webhook, one over the long connection), and what
// its events must be.
'use strict';
const assert = require('node:assert/strict');

const HOST = 'ou_node_host';
const ADA = 'ou_node_ada';
const BOB = 'ou_node_bob';

/** The vc.meeting.* events of a reserved meeting that is started, joined by two, recorded and ended. */
const MEETING_EVENT_TYPES = [
  'vc.meeting.meeting_started_v1',
  'vc.meeting.all_meeting_started_v1',
  'vc.meeting.join_meeting_v1',
  'vc.meeting.recording_started_v1',
  'vc.meeting.recording_ended_v1',
  'vc.meeting.leave_meeting_v1',
  'vc.meeting.meeting_ended_v1',
  'vc.meeting.all_meeting_ended_v1',
  'vc.meeting.recording_ready_v1',
];

/** The events (as the SDK's EventDispatcher hands them to a handler) of one meeting, in the order received. */
function meetingEventsOf(received, meetingId) {
  return received.filter((event) => event.meeting && event.meeting.id === meetingId);
}

function countTypes(events) {
  const counts = {};
  for (const event of events) {
    counts[event.event_type] = (counts[event.event_type] || 0) + 1;
  }
  return counts;
}

/** Each event once, but a join per user who joined and a leave per person in the meeting as it ended. */
function assertMeetingEvents(events, { host, joined }) {
  assert.deepEqual(countTypes(events), {
    'vc.meeting.meeting_started_v1': 1,
    'vc.meeting.all_meeting_started_v1': 1,
    'vc.meeting.join_meeting_v1': joined.length,
    'vc.meeting.recording_started_v1': 1,
    'vc.meeting.recording_ended_v1': 1,
    'vc.meeting.leave_meeting_v1': joined.length + 1,
    'vc.meeting.meeting_ended_v1': 1,
    'vc.meeting.all_meeting_ended_v1': 1,
    'vc.meeting.recording_ready_v1': 1,
  });
  const types = events.map((event) => event.event_type);
  const order = ['vc.meeting.meeting_started_v1', 'vc.meeting.recording_started_v1',
    'vc.meeting.recording_ended_v1', 'vc.meeting.meeting_ended_v1', 'vc.meeting.recording_ready_v1'];
  assert.deepEqual(types.filter((type) => order.includes(type)), order);
  const joins = events.filter((event) => event.event_type === 'vc.meeting.join_meeting_v1');
  assert.deepEqual(joins.map((event) => event.operator.id.open_id).sort(), [...joined].sort());
  const leaves = events.filter((event) => event.event_type === 'vc.meeting.leave_meeting_v1');
  assert.deepEqual(leaves.map((event) => event.leave_user.id.open_id).sort(), [host, ...joined].sort());
  assert.ok(leaves.every((event) => event.leave_reason === 2), 'everyone left as the meeting ended');
  const started = events.find((event) => event.event_type === 'vc.meeting.meeting_started_v1');
  assert.equal(started.meeting.host_user.id.open_id, host);
  assert.equal(new Set(events.map((event) => event.event_id)).size, events.length, 'one delivery per event');
}

/** The SDK applies a reservation (tenant access token) owned by the host, an hour long; its id. */
async function applyReservation(client, topic) {
  const applied = await client.vc.v1.reserve.apply({
    params: { user_id_type: 'open_id' },
    data: { end_time: String(Math.floor(Date.now() / 1000) + 3600), owner_id: HOST, meeting_settings: { topic } },
  });
  assert.equal(applied.code, 0);
  return applied.data.reserve.id;
}

/** The control API holds the meeting behind a reservation: started, joined by two, recorded, ended; its id. */
async function holdMeeting(emulator, reserveId) {
  const started = await emulator.control('POST', `/reserves/${reserveId}/meeting`);
  assert.equal(started.status, 200);
  const { meetingId } = started.body;
  const steps = [['POST', `/meetings/${meetingId}/participants`, { userId: ADA }],
    ['POST', `/meetings/${meetingId}/participants`, { userId: BOB }],
    ['POST', `/meetings/${meetingId}/recording`], ['DELETE', `/meetings/${meetingId}/recording`],
    ['DELETE', `/reserves/${reserveId}/meeting`]];
  for (const [method, route, body] of steps) {
    const answer = await emulator.control(method, route, body);
    assert.equal(answer.status, 204, `${method} ${route}: ${JSON.stringify(answer.body)}`);
  }
  return meetingId;
}

module.exports = {
  HOST, ADA, BOB, MEETING_EVENT_TYPES, meetingEventsOf, assertMeetingEvents, applyReservation, holdMeeting,
};
