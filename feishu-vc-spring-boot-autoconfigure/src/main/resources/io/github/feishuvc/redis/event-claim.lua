-- Claims an event id for one delivery of its event, unless it was published within the window or another delivery
-- holds a claim on it. A claim is the id's key holding the delivery's token; it lapses unless confirmed or released.
-- KEYS[1]     the id's claim key
-- KEYS[2...]  the sets of the ids published, one per time bucket of the window (and one either side)
--             (every key has the app's hash tag, so that a cluster finds them in one slot)
-- ARGV        the event id, the delivery's token, how long the claim holds (ms)
-- Returns     1 if this delivery may publish the event, 0 if it was published, 2 if another delivery's claim holds it:
--             a claim is not a publication, so that a delivery refused after its claim is not taken for a duplicate
for i = 2, #KEYS do
  if redis.call('SISMEMBER', KEYS[i], ARGV[1]) == 1 then
    return 0
  end
end
if redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[3]) then
  return 1
end
return 2
