// The official Node SDK against the emulator, for VcNodeSdkOracleTests: it subscribes a user to the three audio
// recording events and listens over the long connection; once the test has made a recording, it renames a participant
// of a meeting in progress, pulls the meeting's subtitles page by page, lists the meetings in progress, asks a room's
// deployment code and deletes a legacy room configuration; once the test has ended the meeting and written the note's
// id on stdin, it reads the unified note's transcript cursor by cursor, then unsubscribes. Every answer and event is
// printed as one JSON line for the test to check.
// Usage: node vc-oracle.js <baseUrl> <appId> <appSecret> <userAccessToken> <meetingId> <userId> <roomId> <from> <to>
'use strict';
const readline = require('readline');
const lark = require('@larksuiteoapi/node-sdk');

const [baseUrl, appId, appSecret, userToken, meetingId, userId, roomId, from, to] = process.argv.slice(2);
const asUser = lark.withUserAccessToken(userToken);
const client = new lark.Client({ appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.error });
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const types = ['vc.recording.recording_started_v1', 'vc.recording.recording_transcript_generated_v1',
  'vc.recording.recording_ended_v1'];
const vc = client.vc.v1;
const noteIds = readline.createInterface({ input: process.stdin });

async function afterTheRecording() {
  print({ step: 'renamed', answer: await vc.meeting.changeName({
    path: { meeting_id: meetingId }, params: { user_id_type: 'open_id' },
    data: { change_name_users: [{ id: userId, user_type: 1, in_meeting_name: 'Ada L.' }] },
  }) });
  const subtitles = [];
  let pageToken;
  do {
    const page = await vc.meetingPullSubtitle.get({ path: { meeting_id: meetingId },
      params: { uid: userId, did: 'device-1', page_size: '4', page_token: pageToken, user_id_type: 'open_id' } });
    subtitles.push(page);
    pageToken = page.data.has_more ? page.data.page_token : undefined;
  } while (pageToken);
  print({ step: 'subtitles', answers: subtitles });
  print({ step: 'list', answer: await vc.meeting.list({ params: { start_time: from, end_time: to, status: 2 } }) });
  print({ step: 'access-code', answer: await vc.scopeConfig.accessCode({
    data: { scope_type: 2, scope_id: roomId, valid_day: 7 } }) });
  print({ step: 'deleted', answer: await vc.roomConfig.del({
    data: { scope: 6, room_id: roomId, config: 'room_background' } }) });
  const noteId = await new Promise((resolve) => noteIds.once('line', resolve));
  const transcript = [];
  let cursor;
  do {
    const page = await vc.note.unifiedNoteTranscript({ path: { note_id: noteId },
      params: { format: 'plain_text', cursor_id: cursor, page_size: 200, user_id_type: 'open_id' } }, asUser);
    transcript.push(page);
    cursor = page.data.has_more ? page.data.next_cursor_id : undefined;
  } while (cursor);
  print({ step: 'transcript', answers: transcript });
  const unsubscribed = [];
  for (const type of types) {
    unsubscribed.push(await vc.recording.unsubscription({ data: { event_type: type } }, asUser));
  }
  print({ step: 'unsubscribed', answers: unsubscribed });
  process.exit(0);
}

const fail = (error) => {
  print({ step: 'failed', error: String(error), data: error.response && error.response.data });
  process.exit(1);
};
const handlers = {};
for (const type of types) {
  handlers[type] = (data) => {
    print({ step: 'event', data });
    if (type === 'vc.recording.recording_ended_v1') {
      afterTheRecording().catch(fail);
    }
  };
}
const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.error }).register(handlers);

(async () => {
  const subscribed = [];
  for (const type of types) {
    subscribed.push(await vc.recording.subscription({ data: { event_type: type } }, asUser));
  }
  const ws = new lark.WSClient({
    appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.error,
    onReady: () => print({ step: 'ready', answers: subscribed }),
  });
  ws.start({ eventDispatcher: dispatcher });
})().catch(fail);
