-- Replays a dead letter: appends its event to the inbox again and removes it from the dead letters, at once, so that
-- two operators replaying it together append it once.
-- Appended without MAXLEN, which would trim by position, entries the group has not handled with the rest: an
-- operator's replay is not refused when the inbox is full (see inbox-append.lua), its entry only counts towards it.
-- KEYS[1] the inbox stream, KEYS[2] the dead-letter stream; ARGV[1] the dead letter's id.
-- Returns 1 when replayed, 0 when there was no such dead letter.
redis.replicate_commands()
local entries = redis.call('XRANGE', KEYS[2], ARGV[1], ARGV[1])
if #entries == 0 then
	return 0
end
local fields = entries[1][2]
local event = {}
for i = 1, #fields, 2 do
	local name = fields[i]
	if name == 'type' or name == 'id' or name == 'tenant' or name == 'app' or name == 'json' then
		event[#event + 1] = name
		event[#event + 1] = fields[i + 1]
	end
end
redis.call('XADD', KEYS[1], '*', unpack(event))
redis.call('XDEL', KEYS[2], ARGV[1])
return 1
