// The official Node SDK against the emulator, for NodeSdkOracleTests: it subscribes a user to both user-scoped
// events, listens over the long connection, and once the test has held a meeting, reads the note the events name and
// searches the meeting, then unsubscribes. Every answer and event is printed as one JSON line for the test to check.
// Usage: node oracle.js <baseUrl> <appId> <appSecret> <userAccessToken> <topic>
'use strict';
const lark = require('@larksuiteoapi/node-sdk');

const [baseUrl, appId, appSecret, userToken, topic] = process.argv.slice(2);
const asUser = lark.withUserAccessToken(userToken);
const client = new lark.Client({ appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.error });
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const seen = {};

async function afterTheMeeting(noteId) {
  // The note's detail can lag its event: read again on 121004, as the platform's own CLI does.
  let note;
  for (let attempt = 0; attempt < 20; attempt++) {
    note = await client.vc.v1.note.get({ path: { note_id: noteId }, params: { user_id_type: 'open_id' } }, asUser)
      .catch((error) => error.response.data);
    if (note.code !== 121004) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  print({ step: 'note', answer: note });
  const search = await client.vc.v1.meeting.search({ params: { page_size: 10 }, data: { query: topic } }, asUser);
  print({ step: 'search', answer: search });
  print({ step: 'unsubscribed', answers: [
    await client.vc.v1.meeting.unsubscription({ data: { event_type: 'vc.meeting.participant_meeting_ended_v1' } }, asUser),
    await client.vc.v1.note.unsubscription({ data: { event_type: 'vc.note.generated_v1' } }, asUser),
  ] });
  process.exit(0);
}

const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.error }).register({
  'vc.meeting.participant_meeting_ended_v1': (data) => {
    print({ step: 'event', data });
  },
  'vc.note.generated_v1': (data) => {
    print({ step: 'event', data });
    if (!seen[data.note_id]) {
      seen[data.note_id] = true;
      afterTheMeeting(data.note_id).catch((error) => {
        print({ step: 'failed', error: String(error) });
        process.exit(1);
      });
    }
  },
});

(async () => {
  const subscribed = [
    await client.vc.v1.meeting.subscription({ data: { event_type: 'vc.meeting.participant_meeting_ended_v1' } }, asUser),
    await client.vc.v1.note.subscription({ data: { event_type: 'vc.note.generated_v1' } }, asUser),
  ];
  const ws = new lark.WSClient({
    appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.error,
    onReady: () => print({ step: 'ready', answers: subscribed }),
  });
  ws.start({ eventDispatcher: dispatcher });
})().catch((error) => {
  print({ step: 'failed', error: String(error) });
  process.exit(1);
});
