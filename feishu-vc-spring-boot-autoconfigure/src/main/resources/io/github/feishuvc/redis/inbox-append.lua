-- Appends an event to the inbox and, in the same step, remembers its id as published (as event-confirm.lua does), so
-- that no crash between the two leaves the event appended and its id free for the platform's next push to append
-- again; an id published already (a push whose claim lapsed while an earlier one appended) is not appended twice.
-- Never drops an entry the group has not handled: the stream is not trimmed by length (XADD MAXLEN trims by position,
-- a stopped instance's pending entry with the rest). Once it holds the most entries it may, the entries before the
-- oldest one still pending in the group (or, none pending, before the last one read) are trimmed, and the append is
-- refused if as many are still unhandled (pending or unread), so that the platform keeps the event and pushes it
-- again. Handled entries after a pending one stay until it is handled (or taken over by another instance, then
-- handled), and do not count.
-- KEYS[1]     the inbox stream
-- KEYS[2]     the event id's claim key                                  } none of these for an event without an id
-- KEYS[3]     the set of the ids published in the current time bucket   }
-- KEYS[4...]  the sets of the whole window (and a bucket either side)   } (all tagged as the stream is, by the app)
-- ARGV[1]     the most entries the stream holds that the group has not handled
-- ARGV[2]     the inbox's consumer group
-- ARGV[3]     the event id, or '' for an event without one
-- ARGV[4]     how long the current bucket is kept (ms)
-- ARGV[5...]  the entry's fields and values
-- Returns     1 when appended, 0 when the id was published already, -1 when the inbox is full (an answer, not an
--             error, which the client would take for Redis failing)
redis.replicate_commands()
if ARGV[3] ~= '' then
  for i = 3, #KEYS do
    if redis.call('SISMEMBER', KEYS[i], ARGV[3]) == 1 then
      return 0
    end
  end
end

-- The group's last read entry, how many entries it has read and not acknowledged, the oldest of them, and how many
-- it has not read; nil without a group, which has handled nothing.
local function progress(stream, group)
  for _, info in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
    local fields = {}
    for i = 1, #info, 2 do
      fields[info[i]] = info[i + 1]
    end
    if fields['name'] == group then
      local summary = redis.call('XPENDING', stream, group)
      -- nil where Redis does not know (before 7.0, or after some deletions): the caller counts otherwise, never by
      -- reading the entries, which would cost a read of the whole backlog on every refused append.
      local unread = fields['lag']
      if type(unread) ~= 'number' then
        unread = nil
      end
      return fields['last-delivered-id'], summary[1], summary[2], unread
    end
  end
  return nil
end

-- Trims the entries before this one, which the group handled.
local function trimBefore(stream, oldest)
  local trimmed = redis.pcall('XTRIM', stream, 'MINID', oldest)
  if type(trimmed) == 'table' and trimmed.err then
    -- Redis before 6.2 has no MINID: the handled entries are deleted a batch at a time, ten batches at most in one
    -- call (a backlog of them is deleted over the next appends), so that no append holds Redis for long.
    for _ = 1, 10 do
      local ids = {}
      for _, entry in ipairs(redis.call('XRANGE', stream, '-', oldest, 'COUNT', 1000)) do
        if entry[1] ~= oldest then
          ids[#ids + 1] = entry[1]
        end
      end
      if #ids == 0 then
        break
      end
      redis.call('XDEL', stream, unpack(ids))
    end
  end
end

-- Below the limit the stream holds fewer unhandled entries still, and nothing need be asked.
local maxLength = tonumber(ARGV[1])
if redis.call('XLEN', KEYS[1]) >= maxLength then
  local lastRead, pending, oldestPending, unread = progress(KEYS[1], ARGV[2])
  if not lastRead then
    return -1
  end
  -- Handled: every entry before the oldest pending one, or, none pending, before the last read (handled too, kept).
  trimBefore(KEYS[1], (pending > 0) and oldestPending or lastRead)
  -- Without the group's lag, what the trim left: the unhandled entries and the handled ones among them (counted
  -- against the limit too, so that such a Redis refuses a little sooner, never later).
  local unhandled = unread and (pending + unread) or redis.call('XLEN', KEYS[1])
  if unhandled >= maxLength then
    return -1
  end
end
redis.call('XADD', KEYS[1], '*', unpack(ARGV, 5))
if ARGV[3] ~= '' then
  redis.call('SADD', KEYS[3], ARGV[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[4])
  -- The claim has done its work: the id is published now, which every claim reads first.
  redis.call('DEL', KEYS[2])
end
return 1
