-- The platform refused a call with 429: its permit goes back to its window (the platform did not count the call), and
-- no permit of the window is given before the platform's reset, whichever instance asks (rate-limit.lua reads the
-- hold).
-- KEYS[1]  the window's sorted set of permits (see rate-limit.lua)
-- KEYS[2]  the window's hold: the time (microseconds, Redis's clock) before which no permit is given
-- ARGV     the refused permit's member, the reset (microseconds)
-- Returns  the hold's time
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local reset = tonumber(ARGV[2])
redis.call('ZREM', KEYS[1], ARGV[1])
local hold = now + reset
local current = tonumber(redis.call('GET', KEYS[2]))
if current and current >= hold then
  return current
end
-- %.0f: concatenated, a number this large would be written in exponent notation.
redis.call('SET', KEYS[2], string.format('%.0f', hold), 'PX', math.ceil(reset / 1000))
return hold
