-- Remembers an event id as published: it joins the set of the current time bucket, which expires whole once the
-- window is past, and the claim of the delivery that published it goes (another delivery's claim is left to lapse).
-- KEYS[1]  the id's claim key
-- KEYS[2]  the set of the current time bucket
-- ARGV     the event id, how long the bucket is kept (ms), the token the id was claimed under
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
if redis.call('GET', KEYS[1]) == ARGV[3] then
  redis.call('DEL', KEYS[1])
end
return 1
