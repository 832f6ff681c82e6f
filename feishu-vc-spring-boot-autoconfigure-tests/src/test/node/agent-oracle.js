// The official Node SDK against the emulator, for AgentNodeSdkOracleTests: the app's meeting agent listens over the
// long connection for every vc.bot.* event; invited, it joins with the invitation's call id, says hello and lists the
// host's active meetings; once a guest left, it lists the meeting's events over every page, leaves and joins again,
// and ends when the meeting does. Every answer and event is printed as one JSON line for the test to check.
// Usage: node agent-oracle.js <baseUrl> <appId> <appSecret> <hostOpenId> <guestOpenId>
'use strict';
const lark = require('@larksuiteoapi/node-sdk');

const [baseUrl, appId, appSecret, hostId, guestId] = process.argv.slice(2);
const client = new lark.Client({ appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.error });
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const fail = (error) => {
  print({ step: 'failed', error: String(error), data: error && error.response && error.response.data });
  process.exit(1);
};
let meetingId;
let meetingNo;
let listed = false;

async function accept(invitation) {
  meetingNo = invitation.meeting.meeting_no;
  const joined = await client.vc.v1.bot.join({
    data: { join_type: 1, join_identify: { meeting_no: meetingNo }, call_id: invitation.call_id },
  });
  meetingId = joined.data.meeting.id;
  print({ step: 'joined', answer: joined });
  print({ step: 'message', answer: await client.vc.v1.bot.message({
    data: { meeting_id: meetingId, msg_type: 'text', content: 'Hello from the Node SDK' },
  }) });
  print({ step: 'active', answer: await client.vc.v1.bot.userActiveMeeting({
    params: { user_id: hostId, user_id_type: 'open_id' },
  }) });
}

async function afterTheGuestLeft() {
  const events = [];
  for await (const page of await client.vc.v1.bot.eventsWithIterator({
    params: { meeting_id: meetingId, page_size: 20, user_id_type: 'open_id' },
  })) {
    events.push(...((page && page.events) || []));
  }
  print({ step: 'events', events });
  print({ step: 'left', answer: await client.vc.v1.bot.leave({ data: { meeting_id: meetingId } }) });
  print({ step: 'rejoined', answer: await client.vc.v1.bot.join({
    data: { join_type: 1, join_identify: { meeting_no: meetingNo } },
  }) });
}

const guestLeft = (data) => (data.meeting_activity_items || []).some((item) => (item.participant_left_items || [])
  .some((left) => left.participant && left.participant.id === guestId));

const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.error }).register({
  'vc.bot.meeting_started_v1': (data) => {
    print({ step: 'started', data });
  },
  'vc.bot.meeting_invited_v1': (data) => {
    print({ step: 'invited', data });
    accept(data).catch(fail);
  },
  'vc.bot.meeting_activity_v1': (data) => {
    print({ step: 'activity', data });
    if (!listed && guestLeft(data)) {
      listed = true;
      afterTheGuestLeft().catch(fail);
    }
  },
  'vc.bot.meeting_ended_v1': (data) => {
    print({ step: 'ended', data });
    process.exit(0);
  },
});

const ws = new lark.WSClient({
  appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.error,
  onReady: () => print({ step: 'ready' }),
});
ws.start({ eventDispatcher: dispatcher });
