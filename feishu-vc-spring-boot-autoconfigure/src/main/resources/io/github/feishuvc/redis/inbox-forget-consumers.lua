-- Removes the consumers of the inbox's group that hold no entry and were idle longer than ARGV[3] ms, but the caller:
-- each instance is a consumer of a name of its own, so every start would add one for good. In one script, so that no
-- entry is handed to a consumer between the look and the removal (which would drop it from the group's pending list).
-- A live consumer removed while quiet (its idle time, before Redis 7.2, counts from its last delivery) is made again by
-- its next read.
-- KEYS[1] the inbox stream; ARGV[1] the group, ARGV[2] the caller's consumer name, ARGV[3] the idle time in ms.
-- Returns how many consumers were removed.
redis.replicate_commands()
local removed = 0
for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
	local fields = {}
	for i = 1, #consumer, 2 do
		fields[consumer[i]] = consumer[i + 1]
	end
	if fields['name'] ~= ARGV[2] and tonumber(fields['pending']) == 0 and tonumber(fields['idle']) > tonumber(ARGV[3]) then
		redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], fields['name'])
		removed = removed + 1
	end
end
return removed
