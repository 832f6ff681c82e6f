// Just enough of the zip format to read an export's sheet: the central directory names each part, where it starts
// and how it is stored (0) or deflated (8). No dependency for what Node's zlib does in a few lines.
'use strict';
const zlib = require('node:zlib');

/** The parts of a zip (an .xlsx) by name, as text. */
function zipParts(bytes) {
  const endOfDirectory = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) {
    throw new Error('Not a zip: no end of central directory');
  }
  const entries = bytes.readUInt16LE(endOfDirectory + 10);
  let offset = bytes.readUInt32LE(endOfDirectory + 16);
  const parts = {};
  for (let i = 0; i < entries; i++) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) {
      throw new Error(`Not a zip: no central directory entry at ${offset}`);
    }
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localHeader = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    parts[name] = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

module.exports = { zipParts };
