-- Remembers a claimed event id as published: it joins the set of the current time bucket, which expires whole once
-- the window is past, and its claim key goes.
-- KEYS[1]  the id's claim key
-- KEYS[2]  the set of the current time bucket
-- ARGV     the event id, how long the bucket is kept (ms)
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('DEL', KEYS[1])
return 1
