-- Gives up the claim of a delivery whose event was not handed to the listeners, so that a later delivery may publish
-- it; a release that arrives late (after the claim lapsed and another delivery claimed the id) leaves that claim be.
-- KEYS[1]  the id's claim key
-- ARGV     the token the id was claimed under
-- Returns  1 if the claim was given up, else 0
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
