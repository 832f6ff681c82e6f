-- Sets an inbox entry aside as a dead letter: acknowledges it in the group and appends the dead letter, at once, and
-- only if it was still pending, so that an entry whose earlier setting aside lost its answer becomes one dead letter.
-- KEYS[1] the inbox stream, KEYS[2] the dead-letter stream; ARGV[1] the group, ARGV[2] the entry's id, ARGV[3] the
-- dead letters' MAXLEN ~, ARGV[4...] the dead letter's fields and values.
-- Returns 1 when set aside, 0 when the entry was no longer pending.
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
	return 0
end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
return 1
