-- Reserves one permit of a sliding-window rate limit shared by every instance of an app.
-- KEYS[1]  sorted set of the permits of the last minute: member = permit time .. ':' .. permit id, score = the time it
--          counts from (the permit's time, later by the cold margin for a busy spell's first permits), microseconds
-- KEYS[2]  the time (microseconds) before which no permit is given: the platform's reset after it refused a call
--          (both keys have the app's and tenant's hash tag, so that a cluster finds them in one slot)
-- ARGV     per second, per minute, second window (us), minute window (us), spacing of paced permits (us, 0 for none),
--          longest wait (us), permit id, cold margin (us)
-- Returns  Redis's time (microseconds) and the wait in microseconds from then before the permit's call may go, or
--          -(wait + 1) when it would exceed the longest wait (no permit is taken then).
-- Times are Redis's own, so the instances' clocks need not agree. Scores never decrease, so the permit `limit` places
-- back is the one a window must separate from the new one. ClientRateLimiter keeps the same rules in memory.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local per_second = tonumber(ARGV[1])
local per_minute = tonumber(ARGV[2])
local second_window = tonumber(ARGV[3])
local minute_window = tonumber(ARGV[4])
local spacing = tonumber(ARGV[5])
local max_wait = tonumber(ARGV[6])
local cold_margin = tonumber(ARGV[8])

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - minute_window))
local at = now
local hold = tonumber(redis.call('GET', KEYS[2]))
if hold then
  at = math.max(at, hold)
end
local counted_before = nil
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if latest[2] then
  counted_before = tonumber(latest[2])
  -- Paced from the latest permit's own time (a member without one is counted from it).
  local permitted = tonumber(string.match(latest[1], '^(%d+):')) or counted_before
  at = math.max(at, permitted + spacing)
end
local second = redis.call('ZRANGE', KEYS[1], -per_second, -per_second, 'WITHSCORES')
if second[2] then
  at = math.max(at, tonumber(second[2]) + second_window)
end
local minute = redis.call('ZRANGE', KEYS[1], -per_minute, -per_minute, 'WITHSCORES')
if minute[2] then
  at = math.max(at, tonumber(minute[2]) + minute_window)
end
local wait = at - now
if wait > max_wait then
  return {now, -wait - 1}
end
local counted = at
if (not second[2]) or tonumber(second[2]) < at - 2 * second_window then
  counted = at + cold_margin
end
if counted_before then
  counted = math.max(counted, counted_before)
end
-- %.0f: concatenated, a number this large would be written in exponent notation.
redis.call('ZADD', KEYS[1], counted, string.format('%.0f', at) .. ':' .. ARGV[7])
redis.call('PEXPIRE', KEYS[1], math.ceil((counted - now + minute_window) / 1000) + 1000)
return {now, wait}
