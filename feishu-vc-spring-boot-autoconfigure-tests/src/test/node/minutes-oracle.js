// The official Node SDK against the emulator, for MinutesNodeSdkOracleTests: it subscribes a user to
// minutes.minute.generated_v1, listens over the long connection, and once the test has held a recorded meeting, drives
// every minutes endpoint on the minute the event names (its information, transcript in txt and srt, statistics, media
// URL and the file behind it, fetched without a token, AI artifacts, every page of a search), then unsubscribes.
// Every answer and event is printed as one JSON line for the test to check.
// Usage: node minutes-oracle.js <baseUrl> <appId> <appSecret> <userAccessToken> <keyword>
'use strict';
const crypto = require('crypto');
const lark = require('@larksuiteoapi/node-sdk');

const [baseUrl, appId, appSecret, userToken, keyword] = process.argv.slice(2);
const asUser = lark.withUserAccessToken(userToken);
const client = new lark.Client({ appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.error });
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const EVENT = 'minutes.minute.generated_v1';
const seen = {};

function text(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

async function afterTheMinute(token) {
  const path = { minute_token: token };
  print({ step: 'minute', answer: await client.minutes.v1.minute.get({ path, params: { user_id_type: 'open_id' } },
    asUser) });
  for (const format of ['txt', 'srt']) {
    const file = await client.minutes.v1.minuteTranscript.get({ path,
      params: { need_speaker: true, need_timestamp: true, file_format: format } });
    print({ step: 'transcript', format, text: await text(file.getReadableStream()) });
  }
  print({ step: 'statistics', answer: await client.minutes.v1.minuteStatistics.get({ path,
    params: { user_id_type: 'open_id' } }) });
  const media = await client.minutes.v1.minuteMedia.get({ path });
  // The URL is pre-signed: fetched as the platform's CLI does, with no token.
  const response = await fetch(media.data.download_url);
  const bytes = Buffer.from(await response.arrayBuffer());
  print({ step: 'media', answer: media, status: response.status, size: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
  print({ step: 'artifacts', answer: await client.minutes.v1.minute.artifacts({ path }) });
  const items = [];
  let pages = 0;
  for await (const page of await client.minutes.v1.minute.searchWithIterator({ params: { page_size: 10 },
    data: { query: keyword } }, asUser)) {
    pages++;
    items.push(...((page && page.items) || []));
  }
  print({ step: 'search', items, pages });
  print({ step: 'unsubscribed', answer: await client.minutes.v1.minute.unsubscription({ data: { event_type: EVENT } },
    asUser) });
  process.exit(0);
}

const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.error }).register({
  [EVENT]: (data) => {
    print({ step: 'event', data });
    if (!seen[data.minute_token]) {
      seen[data.minute_token] = true;
      afterTheMinute(data.minute_token).catch((error) => {
        print({ step: 'failed', error: String(error) });
        process.exit(1);
      });
    }
  },
});

(async () => {
  const subscribed = await client.minutes.v1.minute.subscription({ data: { event_type: EVENT } }, asUser);
  const ws = new lark.WSClient({
    appId, appSecret, domain: baseUrl, loggerLevel: lark.LoggerLevel.error,
    onReady: () => print({ step: 'ready', answer: subscribed }),
  });
  ws.start({ eventDispatcher: dispatcher });
})().catch((error) => {
  print({ step: 'failed', error: String(error) });
  process.exit(1);
});
