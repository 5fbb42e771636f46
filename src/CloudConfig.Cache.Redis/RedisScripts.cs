namespace CloudConfig.Cache.Redis;

/// <summary>
/// Every rule of the contract as one Lua script, so each runs atomically inside Redis and no two processes can
/// interleave between a check and its write. The client passes "now" in (ticks for the stored times, microseconds
/// since the Unix epoch for index scores), so the cache's <see cref="TimeProvider"/> is the only clock.
/// </summary>
/// <remarks>
/// Credentials are compared as stored-hash against presented-hash strings with Lua's <c>==</c>, which is not
/// constant-time. That is safe here: both sides are SHA-256 hashes of secrets with at least 128 random bits, and
/// the attacker controls only the secret, not its hash. A timing side channel could at best reveal bytes of the
/// stored hash, and the hash is not a credential: authenticating still needs a preimage, which 128 bits of entropy
/// put out of reach. (Network jitter to Redis also dwarfs a memcmp's timing.)
/// </remarks>
internal static class RedisScripts
{
    /// <summary>How many removed entries one <see cref="AssignDynamic"/> call skips before it yields to other clients.</summary>
    public const int MaxSkipsPerAssign = 1000;

    private static readonly string EntryView = LuaList(EntryFields.EntryView);
    private static readonly string InstanceView = LuaList(EntryFields.InstanceView);

    // Declared before the scripts that embed them: static fields initialise in textual order.
    /// <summary>
    /// Lua functions for where an entry keeps its configuration (see <see cref="RedisKeys"/>): a claimed entry's
    /// one key, which holds the instance view and the configuration together (<c>write_claimed</c> writes both at
    /// once, so a trusted fetch reads one generation with one GET, see <see cref="RedisKeys.Claimed"/>); the key
    /// of an entry's configuration and whether it is that claimed key; its configuration; and the claim that moves
    /// the configuration there. The view is "generation, content type, domain" one a line, then the encoded hosts;
    /// it is rewritten with every change of those fields.
    /// </summary>
    private static readonly string ClaimedKeys = $$"""
        local function claimed_key(entry, trust)
          return entry .. '{{RedisKeys.ConfigurationSuffix}}:' .. trust
        end
        local function config_key(entry)
          local trust = redis.call('HGET', entry, '{{EntryFields.TrustKeyHash}}')
          if trust then return claimed_key(entry, trust), true end
          return entry .. '{{RedisKeys.ConfigurationSuffix}}', false
        end
        local function config_of_claimed(value)
          local line = string.find(value, '\n', 1, true)
          return string.sub(value, line + 1 + tonumber(string.sub(value, 1, line - 1)))
        end
        local function read_config(entry)
          local key, claimed = config_key(entry)
          local value = redis.call('GET', key)
          if claimed and value then return config_of_claimed(value) end
          return value
        end
        local function write_claimed(entry, key, config)
          local f = redis.call('HMGET', entry, '{{EntryFields.Generation}}', '{{EntryFields.ContentType}}', '{{EntryFields.Domain}}', '{{EntryFields.ConfigHosts}}')
          local view = f[1] .. '\n' .. f[2] .. '\n' .. (f[3] or '') .. '\n' .. (f[4] or '')
          redis.call('SET', key, #view .. '\n' .. view .. config)
        end
        local function move_to_claim(entry, trust)
          local unclaimed = entry .. '{{RedisKeys.ConfigurationSuffix}}'
          local config = redis.call('GET', unclaimed)
          write_claimed(entry, claimed_key(entry, trust), config)
          redis.call('DEL', unclaimed)
          return config
        end
        """;

    /// <summary>A Lua function dropping an entry with every key it has, and its line in the claims hash; returns whether it existed.</summary>
    private static readonly string DropEntry = $$"""
        local function drop_entry(entry, claims)
          local f = redis.call('HMGET', entry, '{{EntryFields.Pool}}', '{{EntryFields.TrustKeyHash}}')
          if f[1] and f[2] then redis.call('HDEL', claims, f[2] .. ' ' .. f[1]) end
          if f[2] then redis.call('DEL', claimed_key(entry, f[2])) end
          return redis.call('DEL', entry, entry .. '{{RedisKeys.ConfigurationSuffix}}') > 0
        end
        """;

    /// <summary>
    /// A Lua function reading what the app sees of an entry: its configuration, <see cref="EntryFields.EntryView"/>,
    /// then its index score, which holds the latest trusted fetch's contact (see <see cref="RedisContactBatch"/>).
    /// </summary>
    private static readonly string ReadEntry = $$"""
        local function read_entry(entry, index, member, config)
          local view = redis.call('HMGET', entry, {{EntryView}})
          view[{{EntryFields.EntryView.Length + 1}}] = redis.call('ZSCORE', index, member)
          return {config, unpack(view)}
        end
        """;

    /// <summary>
    /// KEYS: entry, configuration, index, pools, pool queue. ARGV: member, max entries, score, pool ('' for none),
    /// credential hash, configuration, then the hash's field/value pairs. Returns ok, exists, pool-credential or full.
    /// </summary>
    public static readonly string PreRegister = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 'exists' end
        local pool = ARGV[4]
        if pool ~= '' then
          local known = redis.call('HGET', KEYS[4], pool)
          if known and known ~= ARGV[5] then return 'pool-credential' end
        end
        if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[2]) then return 'full' end
        redis.call('SET', KEYS[2], ARGV[6])
        redis.call('HSET', KEYS[1], unpack(ARGV, 7))
        redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
        if pool ~= '' then
          redis.call('HSETNX', KEYS[4], pool, ARGV[5])
          redis.call('RPUSH', KEYS[5], ARGV[1])
        end
        return 'ok'
        """;

    /// <summary>
    /// KEYS: entry, index. ARGV: member. Returns {configuration, entry view..., index score}, or nil when there is no
    /// entry.
    /// </summary>
    public static readonly string Get = $$"""
        {{ClaimedKeys}}
        {{ReadEntry}}
        if redis.call('EXISTS', KEYS[1]) == 0 then return false end
        return read_entry(KEYS[1], KEYS[2], ARGV[1], read_config(KEYS[1]))
        """;

    /// <summary>
    /// The boot secret's single use: checked and consumed in this one step (trusted fetches need no script, see
    /// <c>RedisConfigCache.FetchTrustedAsync</c>). KEYS: entry, index.
    /// ARGV: member, boot secret hash, trust key hash, now ticks, score. Returns
    /// {served, configuration, instance view...}, {refused} or {replayed}.
    /// </summary>
    public static readonly string Fetch = $$"""
        {{ClaimedKeys}}
        local e = KEYS[1]
        -- One read for the checks and the answer: 1-4 are the credentials and state, 5 on the instance view.
        local stored = redis.call('HMGET', e, '{{EntryFields.CredentialHash}}', '{{EntryFields.TrustKeyHash}}', '{{EntryFields.Claimed}}', '{{EntryFields.Pool}}', {{InstanceView}})
        -- Every entry has a credential hash: none means no entry.
        if not stored[1] then return {'refused'} end
        local boot, trust = ARGV[2], ARGV[3]
        local function serve(first)
          local config
          if first then
            redis.call('HSET', e, '{{EntryFields.Claimed}}', '1', '{{EntryFields.TrustKeyHash}}', trust, '{{EntryFields.FirstContactAt}}', ARGV[4], '{{EntryFields.LastContactAt}}', ARGV[4])
            config = move_to_claim(e, trust)
          else
            redis.call('HSET', e, '{{EntryFields.LastContactAt}}', ARGV[4])
            config = config_of_claimed(redis.call('GET', claimed_key(e, trust)))
          end
          redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
          return {'served', config, unpack(stored, 5, {{4 + EntryFields.InstanceView.Length}})}
        end
        -- A dynamic entry is claimed through its pool only; its pool credential is no boot secret.
        if stored[4] or stored[1] ~= boot then return {'refused'} end
        if stored[3] ~= '1' then return serve(true) end
        -- The same boot secret and trust key again: the agent's first answer was lost and it is retrying.
        if stored[2] == trust then return serve(false) end
        redis.call('HINCRBY', e, '{{EntryFields.Replays}}', 1)
        return {'replayed'}
        """;

    /// <summary>
    /// KEYS: entry, index. ARGV: member, trust key hash, now ticks, score, address ('' for none), status,
    /// parameters. Returns 1 when accepted, 0 when refused.
    /// </summary>
    public static readonly string UpdateCache = $$"""
        if redis.call('HGET', KEYS[1], '{{EntryFields.TrustKeyHash}}') ~= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[1], '{{EntryFields.Status}}', ARGV[6], '{{EntryFields.Parameters}}', ARGV[7], '{{EntryFields.LastContactAt}}', ARGV[3])
        if ARGV[5] == '' then
          redis.call('HDEL', KEYS[1], '{{EntryFields.Address}}')
        else
          redis.call('HSET', KEYS[1], '{{EntryFields.Address}}', ARGV[5])
        end
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
        return 1
        """;

    /// <summary>
    /// First come first served across every process: the pool credential is checked, then uuids are popped
    /// until one still names an unclaimed entry (removed entries stay in the queue and are skipped here, at most
    /// <see cref="MaxSkipsPerAssign"/> per call so that a queue of removed entries cannot stall Redis).
    /// A trust key that already claimed an entry of the pool gets that entry again, so a claim whose answer was lost
    /// can be retried without taking a second entry.
    /// KEYS: pools, pool queue, index, claims. ARGV: pool, credential hash, trust key hash, now ticks, score, entry
    /// key start. Returns {served, member, configuration, instance view...}, {refused}, {empty} or {again}.
    /// </summary>
    public static readonly string AssignDynamic = $$"""
        {{ClaimedKeys}}
        local known = redis.call('HGET', KEYS[1], ARGV[1])
        if not known or known ~= ARGV[2] then return {'refused'} end
        local claim = ARGV[3] .. ' ' .. ARGV[1]
        local earlier = redis.call('HGET', KEYS[4], claim)
        if earlier then
          local e = ARGV[6] .. earlier .. '}'
          if redis.call('HGET', e, '{{EntryFields.TrustKeyHash}}') == ARGV[3] then
            redis.call('HSET', e, '{{EntryFields.LastContactAt}}', ARGV[4])
            redis.call('ZADD', KEYS[3], ARGV[5], earlier)
            return {'served', earlier, config_of_claimed(redis.call('GET', claimed_key(e, ARGV[3]))), unpack(redis.call('HMGET', e, {{InstanceView}}))}
          end
          redis.call('HDEL', KEYS[4], claim)
        end
        for _ = 1, {{MaxSkipsPerAssign}} do
          local member = redis.call('LPOP', KEYS[2])
          if not member then return {'empty'} end
          local e = ARGV[6] .. member .. '}'
          if redis.call('HGET', e, '{{EntryFields.Claimed}}') == '0' then
            redis.call('HSET', e, '{{EntryFields.Claimed}}', '1', '{{EntryFields.TrustKeyHash}}', ARGV[3], '{{EntryFields.FirstContactAt}}', ARGV[4], '{{EntryFields.LastContactAt}}', ARGV[4])
            redis.call('ZADD', KEYS[3], ARGV[5], member)
            redis.call('HSET', KEYS[4], claim, member)
            return {'served', member, move_to_claim(e, ARGV[3]), unpack(redis.call('HMGET', e, {{InstanceView}}))}
          end
        end
        return {'again'}
        """;

    /// <summary>
    /// KEYS: entry, index. ARGV: configuration, content type, channel, member. Returns {configuration,
    /// entry view..., index score}, or nil when there is no entry.
    /// </summary>
    public static readonly string UpdateConfiguration = $$"""
        {{ClaimedKeys}}
        {{ReadEntry}}
        if redis.call('EXISTS', KEYS[1]) == 0 then return false end
        redis.call('HSET', KEYS[1], '{{EntryFields.ContentType}}', ARGV[2])
        redis.call('HINCRBY', KEYS[1], '{{EntryFields.Generation}}', 1)
        local key, claimed = config_key(KEYS[1])
        if claimed then write_claimed(KEYS[1], key, ARGV[1]) else redis.call('SET', key, ARGV[1]) end
        redis.call('PUBLISH', ARGV[3], ARGV[4])
        return read_entry(KEYS[1], KEYS[2], ARGV[4], ARGV[1])
        """;

    /// <summary>KEYS: entry, index, claims. ARGV: member, channel. Returns 1 when an entry was removed.</summary>
    public static readonly string Remove = $$"""
        {{ClaimedKeys}}
        {{DropEntry}}
        if not drop_entry(KEYS[1], KEYS[3]) then return 0 end
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('PUBLISH', ARGV[2], ARGV[1])
        return 1
        """;

    /// <summary>
    /// One batch of <c>remove_stale</c>: the oldest index members strictly before the cutoff, removed with their
    /// entries. KEYS: index, claims. ARGV: cutoff score, batch size, entry key start, channel. Returns {removed, examined}.
    /// </summary>
    public static readonly string RemoveStaleBatch = $$"""
        {{ClaimedKeys}}
        {{DropEntry}}
        local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        local removed = 0
        for _, member in ipairs(stale) do
          redis.call('ZREM', KEYS[1], member)
          local e = ARGV[3] .. member .. '}'
          if drop_entry(e, KEYS[2]) then
            removed = removed + 1
            redis.call('PUBLISH', ARGV[4], member)
          end
        end
        return {removed, #stale}
        """;

    private static string LuaList(IEnumerable<string> fields) => string.Join(", ", fields.Select(f => $"'{f}'"));
}
