-- Claims an event id for publishing, unless it was published within the window or is claimed already.
-- KEYS[1]     the id's claim key
-- KEYS[2...]  the sets of the ids published, one per time bucket of the window (and one either side)
-- ARGV        the event id, how long the claim holds (ms) unless confirmed
-- Returns     1 if this caller may publish the event, else 0
for i = 2, #KEYS do
  if redis.call('SISMEMBER', KEYS[i], ARGV[1]) == 1 then
    return 0
  end
end
if redis.call('SET', KEYS[1], 'claimed', 'NX', 'PX', ARGV[2]) then
  return 1
end
return 0
